/**
 * Keyword families for finding a one-time-code field, as data: one table per language.
 *
 * Each list is one string, keywords separated by `|`. Syntax of a keyword (compiled once by
 * `classify-text.ts`):
 * - written in lower case; upper case and, for accented letters, the plain letter match too
 *   (`código` also matches `CODIGO`);
 * - a space matches any run of spaces, `_`, `-`, `.`, apostrophes, or nothing, so `one time code`
 *   matches `oneTimeCode`, `one-time-code` and `one_time_code`;
 * - `#` matches one digit (`# digit code` → "6-digit code");
 * - a keyword starting with a Latin letter or digit matches only at a word start (after a
 *   non-letter, or at a camelCase hump), so `otp` finds `authOtp` but not `footprint`;
 * - a trailing `!` also requires a word end (`tel!` is not `tell`, `code!` is not `codes`).
 *
 * When keywords overlap at the same place the longest wins (`mot de passe à usage unique` beats
 * `mot de passe`); on equal length a negative family wins.
 */

/**
 * Families that mark a field as something other than a one-time code. On the field's own
 * attributes or label most of them lower its score (strong code evidence can outweigh one stray
 * word); card, postal and search veto it (see `plan-fill.ts`).
 */
export const NegativeFamily = {
  /** Coupons, promo codes, vouchers, gift cards and their PINs sit beside "code" on checkouts. */
  Promo: 'promo',
  /** ZIP and postal codes are short, numeric and often called "code". */
  Postal: 'postal',
  /** Phone numbers are numeric, and a phone field usually means SMS, not an authenticator. */
  Phone: 'phone',
  /** Card number, CVC/CVV ("security code" on a card), expiry: numeric payment fields. */
  Card: 'card',
  /** A captcha asks for characters from a picture, not a code from an app. */
  Captcha: 'captcha',
  /** Search boxes are the most common text input on any page. */
  Search: 'search',
  /** Username, e-mail, password, names: the sign-in and sign-up fields around a code field. */
  Account: 'account',
  /** Recovery and backup codes are long single-use codes that must not receive a TOTP. */
  Recovery: 'recovery',
} as const;
export type NegativeFamily = (typeof NegativeFamily)[keyof typeof NegativeFamily];

/**
 * Keywords separated by `|` ("otp|totp|one time code"): one string rather than an array, which
 * keeps the fill agent that ships these tables a few kilobytes smaller.
 */
export type KeywordList = string;

/** The keywords of a list, in order (an empty list has none). */
export function keywordsOf(list: KeywordList): string[] {
  return list === '' ? [] : list.split('|');
}

/** The keywords of one language. Every list may be empty. */
export interface KeywordTable {
  /** BCP 47 primary language subtag, e.g. `"de"`. */
  lang: string;
  /** Names of a one-time code or of two-step sign-in: strong evidence on their own. */
  oneTimeCode: KeywordList;
  /** Words that name some code ("code", "token"): weak evidence, many things are codes. */
  code: KeywordList;
  /** Phrases saying the code comes from an authenticator app: the prompt is ours. */
  authenticatorApp: KeywordList;
  /**
   * Phrases saying the code was sent to the person ("we sent you a code"), channel unnamed: the
   * prompt is probably not for an authenticator code. The four lists after it name the channel,
   * so Twofold can say which ("This page asks for a code sent by e-mail").
   */
  sentByMessage: KeywordList;
  /** The code came by SMS (text message). */
  sentBySms: KeywordList;
  /** The code came by e-mail. */
  sentByEmail: KeywordList;
  /** The code is read out in a phone call. */
  sentByCall: KeywordList;
  /** The code was pushed to another device of the person's (Apple's trusted devices…). */
  sentToDevice: KeywordList;
  /** Negative families, see `NegativeFamily`. */
  negative: Readonly<Record<NegativeFamily, KeywordList>>;
}

const en: KeywordTable = {
  lang: 'en',
  oneTimeCode: 'otp|totp|hotp!|otc!|one time code|one time passcode|one time password|one time pin|onetime|passcode|2fa|tfa!|mfa|two factor|2 factor|second factor|multi factor|two step|2 step|verification code|verify code|verification pin|security code|authentication code|auth code|login code|sign in code|log in code|# digit code|# digit|verification token',
  code: 'code!|token!|verify|verification',
  authenticatorApp: 'authenticator|authentication app|auth app|authy!|totp app|otp app|2fa app|code generator|security key app',
  sentByMessage: 'we sent|we ve sent|we have sent|we just sent|sent to|sent you|has been sent|was sent|sent a code|we ll send|we will send|resend code|send a new code',
  sentBySms: 'sms!|text message|texted|via text|by text|phone ending|number ending|ending in|sent to your phone|sent to your mobile|to your phone|to your mobile|to your number',
  sentByEmail: 'emailed|by email|by e mail|via email|via e mail|to your email|to your e mail|to your email address|to your e mail address|check your email|check your e mail|check your inbox|your inbox|email with a code|e mail with a code',
  sentByCall: 'voice call|phone call|call you|calling you|we re calling|automated call',
  sentToDevice: 'sent to your device|sent to your devices|to your device|to your devices|on your devices|your other device|your other devices|trusted device|trusted devices|signed in device|signed in devices',
  negative: {
    promo: 'coupon|promo|promotion|voucher|gift card|giftcard|gift|discount|redeem|redemption|referral|claim code',
    postal: 'zip!|zip code|postal|postcode|post code',
    phone: 'phone|tel!|telephone|mobile!|mobile number|cell!|cellphone',
    card: 'card number|cardnumber|cc number|cc num|credit card|debit card|cvc|cvv|cvn!|csc!|cc csc|card code|card verification|expiry|expiration|exp date|cc exp|iban!|account number|routing number',
    captcha: 'captcha|recaptcha|hcaptcha|characters you see|characters shown|type the characters|type the text|not a robot|verify you are human|are you human|image code',
    search: 'search|query!|keyword',
    account: 'user name|username|login name|user id|userid|email|e mail|password|passwd|pwd!|first name|last name|full name|your name|address|company',
    recovery: 'recovery|recovery code|backup code|backup|rescue code|scratch code|emergency code',
  },
};

const de: KeywordTable = {
  lang: 'de',
  oneTimeCode: 'bestätigungscode|bestaetigungscode|sicherheitscode|verifizierungscode|verifikationscode|einmalcode|einmal code|einmalpasswort|einmalkennwort|authentifizierungscode|anmeldecode|zwei faktor|2 faktor|zweistufig|bestätigung in zwei schritten|# stellig',
  code: 'bestätigung',
  authenticatorApp: 'authentifizierungs app|authentifizierungsapp|authentifikator',
  sentByMessage: 'gesendet|geschickt|zugesandt|zugeschickt|erneut senden',
  sentBySms: 'per sms|sms!|textnachricht|an ihre telefonnummer|an ihr handy|an ihre handynummer',
  sentByEmail: 'per e mail|per mail|an ihre e mail|an deine e mail|e mail mit einem code|ihren posteingang|deinen posteingang',
  sentByCall: 'per anruf|sprachanruf|telefonanruf|rufen sie an|rufen dich an',
  sentToDevice: 'an ihre geräte|an deine geräte|auf ihren geräten|auf deinen geräten|anderen gerät|vertrauenswürdige geräte|vertrauenswürdigen gerät|vertrauenswürdigen geräten',
  negative: {
    promo: 'gutschein|rabatt|aktionscode|geschenkkarte|gutscheincode',
    postal: 'postleitzahl|plz!',
    phone: 'telefon|handynummer|mobilnummer|rufnummer',
    card: 'kartennummer|kreditkarte|prüfnummer|ablaufdatum|gültig bis',
    captcha: 'sicherheitsabfrage',
    search: 'suche|suchbegriff',
    account: 'benutzername|passwort|kennwort|e mail adresse',
    recovery: 'wiederherstellungscode|notfallcode|sicherungscode',
  },
};

const fr: KeywordTable = {
  lang: 'fr',
  oneTimeCode: 'code de vérification|code de sécurité|code à usage unique|mot de passe à usage unique|code d authentification|code de connexion|double authentification|authentification à deux facteurs|deux facteurs|validation en deux étapes|deux étapes|# chiffres',
  code: 'vérification',
  authenticatorApp: 'application d authentification|appli d authentification',
  sentByMessage: 'envoyé|nous avons envoyé|nous venons d envoyer|renvoyer le code',
  sentBySms: 'par sms|sms!|par texto|message texte|votre téléphone se terminant',
  sentByEmail: 'par e mail|par courriel|par mail|votre adresse e mail|votre boîte de réception|à votre e mail',
  sentByCall: 'appel vocal|par appel|appel téléphonique|vous appeler|vous appelons',
  sentToDevice: 'sur vos appareils|à vos appareils|autre appareil|appareils de confiance|appareil de confiance',
  negative: {
    promo: 'code promo|bon de réduction|carte cadeau|code de réduction|réduction',
    postal: 'code postal',
    phone: 'téléphone|numéro de portable|portable!',
    card: 'numéro de carte|cryptogramme|date d expiration',
    captcha: 'caractères affichés',
    search: 'recherche|rechercher',
    account: 'nom d utilisateur|identifiant|mot de passe|adresse e mail|courriel',
    recovery: 'code de récupération|code de secours|codes de secours',
  },
};

const es: KeywordTable = {
  lang: 'es',
  oneTimeCode: 'código de verificación|código de seguridad|código de un solo uso|contraseña de un solo uso|código de acceso|código de autenticación|verificación en dos pasos|dos pasos|dos factores|doble factor|# dígitos|clave dinámica',
  code: 'código!|verificación',
  authenticatorApp: 'aplicación de autenticación|app de autenticación|aplicación autenticadora|autenticador',
  sentByMessage: 'te enviamos|le enviamos|hemos enviado|enviado a|enviamos|reenviar código',
  sentBySms: 'por sms|sms!|por mensaje de texto|mensaje de texto|teléfono terminado en',
  sentByEmail: 'por correo|a tu correo|a su correo|tu bandeja de entrada|su bandeja de entrada|por email|por e mail',
  sentByCall: 'llamada|por llamada|te llamaremos|le llamaremos',
  sentToDevice: 'a tus dispositivos|a sus dispositivos|en tus dispositivos|en sus dispositivos|otro dispositivo|dispositivos de confianza|dispositivo de confianza',
  negative: {
    promo: 'cupón|código promocional|descuento|tarjeta regalo|tarjeta de regalo',
    postal: 'código postal',
    phone: 'teléfono|celular|móvil',
    card: 'número de tarjeta|tarjeta de crédito|fecha de caducidad|vencimiento',
    captcha: 'caracteres que ves',
    search: 'buscar|búsqueda',
    account: 'usuario|contraseña|correo electrónico',
    recovery: 'código de recuperación|códigos de respaldo|código de respaldo|recuperación',
  },
};

const it: KeywordTable = {
  lang: 'it',
  oneTimeCode: 'codice di verifica|codice di sicurezza|codice monouso|password monouso|verifica in due passaggi|autenticazione a due fattori|due fattori|codice di accesso|codice di autenticazione|# cifre',
  code: 'codice!|verifica!',
  authenticatorApp: 'app di autenticazione|applicazione di autenticazione',
  sentByMessage: 'abbiamo inviato|inviato a',
  sentBySms: 'tramite sms|via sms|messaggio di testo',
  sentByEmail: 'tramite e mail|via e mail|per e mail',
  sentByCall: 'chiamata vocale',
  sentToDevice: 'tuoi dispositivi|dispositivi attendibili',
  negative: {
    promo: 'codice sconto|buono|carta regalo|codice promozionale',
    postal: 'cap!|codice postale',
    phone: 'telefono|cellulare',
    card: 'numero di carta|numero della carta|scadenza',
    captcha: 'caratteri che vedi',
    search: 'cerca|ricerca',
    account: 'nome utente|indirizzo email',
    recovery: 'codice di recupero|codici di backup|codice di backup',
  },
};

const pt: KeywordTable = {
  lang: 'pt',
  oneTimeCode: 'código de verificação|código de segurança|código de autenticação|senha de uso único|código de uso único|verificação em duas etapas|duas etapas|dois fatores|autenticação de dois fatores',
  code: 'verificação',
  authenticatorApp: 'aplicativo autenticador|app autenticador|aplicativo de autenticação',
  sentByMessage: 'enviado para|enviamos',
  sentBySms: 'mensagem de texto|por sms',
  sentByEmail: 'por e mail',
  sentByCall: 'chamada de voz',
  sentToDevice: 'seus dispositivos',
  negative: {
    promo: 'cupom|vale presente|cartão presente|desconto',
    postal: 'cep!',
    phone: 'telefone',
    card: 'número do cartão|cartão de crédito|validade',
    captcha: 'caracteres que você vê',
    search: 'pesquisar|pesquisa',
    account: 'usuário|senha!',
    recovery: 'código de recuperação|códigos de backup',
  },
};

const nl: KeywordTable = {
  lang: 'nl',
  oneTimeCode: 'verificatiecode|beveiligingscode|eenmalige code|eenmalig wachtwoord|authenticatiecode|inlogcode|tweestapsverificatie|tweestaps|twee factor|tweefactor|bevestigingscode|# cijfer',
  code: '',
  authenticatorApp: 'authenticatie app|authenticatieapp',
  sentByMessage: 'verzonden|gestuurd|toegestuurd',
  sentBySms: 'per sms|sms bericht',
  sentByEmail: 'per e mail|per mail',
  sentByCall: 'gesproken bericht',
  sentToDevice: 'je apparaten|uw apparaten',
  negative: {
    promo: 'kortingscode|cadeaukaart|cadeaubon|waardebon|actiecode',
    postal: '',
    phone: 'telefoonnummer|mobiel nummer|telefoon',
    card: 'kaartnummer|vervaldatum',
    captcha: 'tekens die je ziet',
    search: 'zoeken|zoek!',
    account: 'gebruikersnaam|wachtwoord',
    recovery: 'herstelcode|back up code',
  },
};

const ja: KeywordTable = {
  lang: 'ja',
  oneTimeCode: '確認コード|認証コード|ワンタイムパスワード|ワンタイムコード|セキュリティコード|二段階認証|#段階認証|検証コード|認証番号|桁のコード|パスコード',
  code: 'コード',
  authenticatorApp: '認証アプリ|オーセンティケーター',
  sentByMessage: '送信しました|送信された|送信されました|お送りしました|再送信',
  sentBySms: 'ショートメッセージ|テキストメッセージ|電話番号に|sms!',
  sentByEmail: 'メールで|メールアドレスに|受信トレイ|メールに記載',
  sentByCall: '音声通話|自動音声|電話でお知らせ',
  sentToDevice: 'デバイスに送信|他のデバイス|信頼できるデバイス|お使いのデバイス',
  negative: {
    promo: 'クーポン|プロモーションコード|ギフトカード|ギフト券|割引コード',
    postal: '郵便番号',
    phone: '電話番号|携帯番号',
    card: 'カード番号|有効期限',
    captcha: '画像認証|表示されている文字',
    search: '検索',
    account: 'ユーザー名|パスワード|メールアドレス',
    recovery: 'リカバリーコード|バックアップコード|復旧コード',
  },
};

// Simplified and traditional forms side by side.
const zh: KeywordTable = {
  lang: 'zh',
  oneTimeCode: '验证码|驗證碼|动态码|動態碼|动态口令|動態密碼|一次性密码|一次性密碼|安全码|安全碼|校验码|两步验证|兩步驟驗證|双重验证|雙重驗證|二次验证',
  code: '验证|驗證',
  authenticatorApp: '身份验证器|验证器|驗證器|身份驗證應用程式',
  sentByMessage: '发送至|发送到|已发送|已傳送|已发至|重新发送',
  sentBySms: '短信|簡訊|简讯',
  sentByEmail: '邮件|郵件|邮箱|電子郵件|电子邮件',
  sentByCall: '语音电话|語音電話|语音验证|來電|来电',
  sentToDevice: '您的设备|您的裝置|其他设备|受信任的设备|受信任的裝置',
  negative: {
    promo: '优惠券|優惠券|优惠码|優惠碼|折扣码|兑换码|兌換碼|礼品卡|禮品卡',
    postal: '邮编|邮政编码|郵遞區號',
    phone: '手机号|手機號碼|电话|電話',
    card: '卡号|卡號|信用卡|有效期',
    // An image captcha is also a "验证码": the longer words win over it.
    captcha: '图形验证码|图片验证码|圖形驗證碼|图形码',
    search: '搜索|搜尋',
    account: '用户名|用戶名|密码|密碼|账号|帳號',
    recovery: '恢复码|恢復碼|备用码|備用碼|备份码',
  },
};

const ko: KeywordTable = {
  lang: 'ko',
  oneTimeCode: '인증 코드|인증번호|보안 코드|일회용 비밀번호|일회용 코드|#단계 인증|이중 인증|#차 인증|확인 코드|# 자리',
  code: '코드',
  authenticatorApp: '인증 앱|인증기|인증 애플리케이션',
  sentByMessage: '전송|발송',
  sentBySms: '문자 메시지|문자로|문자 메세지',
  sentByEmail: '이메일로',
  sentByCall: '음성 전화',
  sentToDevice: '다른 기기|신뢰할 수 있는 기기',
  negative: {
    promo: '쿠폰|할인 코드|프로모션 코드|기프트 카드|상품권',
    postal: '우편번호',
    phone: '전화번호|휴대폰 번호|휴대전화',
    card: '카드 번호|유효기간',
    // "보안문자" (security characters) is the Korean word for a captcha.
    captcha: '보안문자|자동입력 방지',
    search: '검색',
    account: '아이디|비밀번호|이메일',
    recovery: '복구 코드|백업 코드',
  },
};

/** All keyword tables; detection uses every language at once (pages mix languages). */
export const KEYWORD_TABLES: readonly KeywordTable[] = [en, de, fr, es, it, pt, nl, ja, zh, ko];
