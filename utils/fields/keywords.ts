/**
 * Keyword families for finding a one-time-code field, as data: one table per language.
 *
 * A table is one string: the language on its first line, then one family per line, its name
 * (`CodeFamily`, `NegativeFamily`), a colon and its keywords separated by `|`. Plain text rather
 * than objects: the fill agent ships these tables, and this form is kilobytes smaller.
 * Syntax of a keyword (compiled once by `classify-text.ts`):
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
 * `mot de passe`); on equal length a negative family wins. Since a space also matches nothing,
 * `e mail` already finds `email`: a table does not list both.
 */

/** Families that name a one-time code, or say where the code came from. */
export const CodeFamily = {
  /** Names of a one-time code or of two-step sign-in: strong evidence on their own. */
  OneTimeCode: 'otc',
  /** Words that name some code ("code", "token"): weak evidence, many things are codes. */
  Code: 'code',
  /** Phrases saying the code comes from an authenticator app: the prompt is ours. */
  AuthenticatorApp: 'app',
  /**
   * Phrases saying the code was sent to the person ("we sent you a code"), channel unnamed: the
   * prompt is probably not for an authenticator code. The four families after it name the
   * channel, so Twofold can say which ("This page asks for a code sent by e-mail").
   */
  SentByMessage: 'sent',
  /** The code came by SMS (text message). */
  SentBySms: 'sms',
  /** The code came by e-mail. */
  SentByEmail: 'email',
  /** The code is read out in a phone call. */
  SentByCall: 'call',
  /** The code was pushed to another device of the person's (Apple's trusted devices…). */
  SentToDevice: 'device',
} as const;
export type CodeFamily = (typeof CodeFamily)[keyof typeof CodeFamily];

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

/** Every family, by the name a table line starts with. */
export type Family = CodeFamily | NegativeFamily;

/** Keywords separated by `|` ("otp|totp|one time code"). */
export type KeywordList = string;

/** The keywords of a list, in order (an empty list has none). */
export function keywordsOf(list: KeywordList): string[] {
  return list === '' ? [] : list.split('|');
}

/** The keywords of one language, by family. */
export interface KeywordTable {
  /** BCP 47 primary language subtag, e.g. `"de"`. */
  lang: string;
  /** Every family named in the table; a list may be empty. */
  lists: Partial<Record<Family, KeywordList>>;
}

/** Reads a table written as described at the top of this file. */
export function parseKeywordTable(text: string): KeywordTable {
  const [lang = '', ...lines] = text.split('\n');
  const lists: KeywordTable['lists'] = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    lists[line.slice(0, colon) as Family] = line.slice(colon + 1).trim();
  }
  return { lang, lists };
}

const en = `en
otc: otp|totp|hotp!|otc!|one time code|one time passcode|one time password|one time pin|onetime|passcode|2fa|tfa!|mfa|two factor|2 factor|second factor|multi factor|two step|2 step|verification code|verify code|verification pin|security code|authentication code|auth code|log in code|sign in code|# digit code|# digit|verification token
code: code!|token!|verify|verification
app: authenticator|authentication app|auth app|authy!|totp app|otp app|2fa app|code generator|security key app
sent: we sent|we ve sent|we have sent|we just sent|sent to|sent you|has been sent|was sent|sent a code|we ll send|we will send|resend code|send a new code
sms: sms!|text message|texted|via text|by text|phone ending|number ending|ending in|sent to your phone|sent to your mobile|to your phone|to your mobile|to your number
email: emailed|by e mail|via e mail|to your e mail|to your e mail address|check your e mail|check your inbox|your inbox|e mail with a code
call: voice call|phone call|call you|calling you|we re calling|automated call
device: sent to your device|sent to your devices|to your device|to your devices|on your devices|your other device|your other devices|trusted device|trusted devices|signed in device|signed in devices
promo: coupon|promo|promotion|voucher|gift card|gift|discount|redeem|redemption|referral|claim code
postal: zip!|zip code|postal|post code
phone: phone|tel!|telephone|mobile!|mobile number|cell!|cellphone
card: card number|cc number|cc num|credit card|debit card|cvc|cvv|cvn!|csc!|cc csc|card code|card verification|expiry|expiration|exp date|cc exp|iban!|account number|routing number
captcha: captcha|recaptcha|hcaptcha|characters you see|characters shown|type the characters|type the text|not a robot|verify you are human|are you human|image code
search: search|query!|keyword
account: user name|login name|user id|e mail|password|passwd|pwd!|first name|last name|full name|your name|address|company
recovery: recovery|recovery code|backup code|backup|rescue code|scratch code|emergency code`;

const de = `de
otc: bestätigungscode|bestaetigungscode|sicherheitscode|verifizierungscode|verifikationscode|einmal code|einmalpasswort|einmalkennwort|authentifizierungscode|anmeldecode|zwei faktor|2 faktor|zweistufig|bestätigung in zwei schritten|# stellig
code: bestätigung
app: authentifizierungs app|authentifikator
sent: gesendet|geschickt|zugesandt|zugeschickt|erneut senden
sms: per sms|sms!|textnachricht|an ihre telefonnummer|an ihr handy|an ihre handynummer
email: per e mail|per mail|an ihre e mail|an deine e mail|e mail mit einem code|ihren posteingang|deinen posteingang
call: per anruf|sprachanruf|telefonanruf|rufen sie an|rufen dich an
device: an ihre geräte|an deine geräte|auf ihren geräten|auf deinen geräten|anderen gerät|vertrauenswürdige geräte|vertrauenswürdigen gerät|vertrauenswürdigen geräten
promo: gutschein|rabatt|aktionscode|geschenkkarte|gutscheincode
postal: postleitzahl|plz!
phone: telefon|handynummer|mobilnummer|rufnummer
card: kartennummer|kreditkarte|prüfnummer|ablaufdatum|gültig bis
captcha: sicherheitsabfrage
search: suche|suchbegriff
account: benutzername|passwort|kennwort|e mail adresse
recovery: wiederherstellungscode|notfallcode|sicherungscode`;

const fr = `fr
otc: code de vérification|code de sécurité|code à usage unique|mot de passe à usage unique|code d authentification|code de connexion|double authentification|authentification à deux facteurs|deux facteurs|validation en deux étapes|deux étapes|# chiffres
code: vérification
app: application d authentification|appli d authentification
sent: envoyé|nous avons envoyé|nous venons d envoyer|renvoyer le code
sms: par sms|sms!|par texto|message texte|votre téléphone se terminant
email: par e mail|par courriel|par mail|votre adresse e mail|votre boîte de réception|à votre e mail
call: appel vocal|par appel|appel téléphonique|vous appeler|vous appelons
device: sur vos appareils|à vos appareils|autre appareil|appareils de confiance|appareil de confiance
promo: code promo|bon de réduction|carte cadeau|code de réduction|réduction
postal: code postal
phone: téléphone|numéro de portable|portable!
card: numéro de carte|cryptogramme|date d expiration
captcha: caractères affichés
search: recherche|rechercher
account: nom d utilisateur|identifiant|mot de passe|adresse e mail|courriel
recovery: code de récupération|code de secours|codes de secours`;

const es = `es
otc: código de verificación|código de seguridad|código de un solo uso|contraseña de un solo uso|código de acceso|código de autenticación|verificación en dos pasos|dos pasos|dos factores|doble factor|# dígitos|clave dinámica
code: código!|verificación
app: aplicación de autenticación|app de autenticación|aplicación autenticadora|autenticador
sent: te enviamos|le enviamos|hemos enviado|enviado a|enviamos|reenviar código
sms: por sms|sms!|por mensaje de texto|mensaje de texto|teléfono terminado en
email: por correo|a tu correo|a su correo|tu bandeja de entrada|su bandeja de entrada|por e mail
call: llamada|por llamada|te llamaremos|le llamaremos
device: a tus dispositivos|a sus dispositivos|en tus dispositivos|en sus dispositivos|otro dispositivo|dispositivos de confianza|dispositivo de confianza
promo: cupón|código promocional|descuento|tarjeta regalo|tarjeta de regalo
postal: código postal
phone: teléfono|celular|móvil
card: número de tarjeta|tarjeta de crédito|fecha de caducidad|vencimiento
captcha: caracteres que ves
search: buscar|búsqueda
account: usuario|contraseña|correo electrónico
recovery: código de recuperación|códigos de respaldo|código de respaldo|recuperación`;

const it = `it
otc: codice di verifica|codice di sicurezza|codice monouso|password monouso|verifica in due passaggi|autenticazione a due fattori|due fattori|codice di accesso|codice di autenticazione|# cifre
code: codice!|verifica!
app: app di autenticazione|applicazione di autenticazione
sent: abbiamo inviato|inviato a
sms: tramite sms|via sms|messaggio di testo
email: tramite e mail|via e mail|per e mail
call: chiamata vocale
device: tuoi dispositivi|dispositivi attendibili
promo: codice sconto|buono|carta regalo|codice promozionale
postal: cap!|codice postale
phone: telefono|cellulare
card: numero di carta|numero della carta|scadenza
captcha: caratteri che vedi
search: cerca|ricerca
account: nome utente|indirizzo email
recovery: codice di recupero|codici di backup|codice di backup`;

const pt = `pt
otc: código de verificação|código de segurança|código de autenticação|senha de uso único|código de uso único|verificação em duas etapas|duas etapas|dois fatores|autenticação de dois fatores
code: verificação
app: aplicativo autenticador|app autenticador|aplicativo de autenticação
sent: enviado para|enviamos
sms: mensagem de texto|por sms
email: por e mail
call: chamada de voz
device: seus dispositivos
promo: cupom|vale presente|cartão presente|desconto
postal: cep!
phone: telefone
card: número do cartão|cartão de crédito|validade
captcha: caracteres que você vê
search: pesquisar|pesquisa
account: usuário|senha!
recovery: código de recuperação|códigos de backup`;

const nl = `nl
otc: verificatiecode|beveiligingscode|eenmalige code|eenmalig wachtwoord|authenticatiecode|inlogcode|tweestapsverificatie|tweestaps|twee factor|bevestigingscode|# cijfer
code:
app: authenticatie app
sent: verzonden|gestuurd|toegestuurd
sms: per sms|sms bericht
email: per e mail|per mail
call: gesproken bericht
device: je apparaten|uw apparaten
promo: kortingscode|cadeaukaart|cadeaubon|waardebon|actiecode
postal:
phone: telefoonnummer|mobiel nummer|telefoon
card: kaartnummer|vervaldatum
captcha: tekens die je ziet
search: zoeken|zoek!
account: gebruikersnaam|wachtwoord
recovery: herstelcode|back up code`;

const ja = `ja
otc: 確認コード|認証コード|ワンタイムパスワード|ワンタイムコード|セキュリティコード|二段階認証|#段階認証|検証コード|認証番号|桁のコード|パスコード
code: コード
app: 認証アプリ|オーセンティケーター
sent: 送信しました|送信された|送信されました|お送りしました|再送信
sms: ショートメッセージ|テキストメッセージ|電話番号に|sms!
email: メールで|メールアドレスに|受信トレイ|メールに記載
call: 音声通話|自動音声|電話でお知らせ
device: デバイスに送信|他のデバイス|信頼できるデバイス|お使いのデバイス
promo: クーポン|プロモーションコード|ギフトカード|ギフト券|割引コード
postal: 郵便番号
phone: 電話番号|携帯番号
card: カード番号|有効期限
captcha: 画像認証|表示されている文字
search: 検索
account: ユーザー名|パスワード|メールアドレス
recovery: リカバリーコード|バックアップコード|復旧コード`;

// Simplified and traditional forms side by side. An image captcha is also a "验证码": the longer
// captcha words win over it.
const zh = `zh
otc: 验证码|驗證碼|动态码|動態碼|动态口令|動態密碼|一次性密码|一次性密碼|安全码|安全碼|校验码|两步验证|兩步驟驗證|双重验证|雙重驗證|二次验证
code: 验证|驗證
app: 身份验证器|验证器|驗證器|身份驗證應用程式
sent: 发送至|发送到|已发送|已傳送|已发至|重新发送
sms: 短信|簡訊|简讯
email: 邮件|郵件|邮箱|電子郵件|电子邮件
call: 语音电话|語音電話|语音验证|來電|来电
device: 您的设备|您的裝置|其他设备|受信任的设备|受信任的裝置
promo: 优惠券|優惠券|优惠码|優惠碼|折扣码|兑换码|兌換碼|礼品卡|禮品卡
postal: 邮编|邮政编码|郵遞區號
phone: 手机号|手機號碼|电话|電話
card: 卡号|卡號|信用卡|有效期
captcha: 图形验证码|图片验证码|圖形驗證碼|图形码
search: 搜索|搜尋
account: 用户名|用戶名|密码|密碼|账号|帳號
recovery: 恢复码|恢復碼|备用码|備用碼|备份码`;

// "보안문자" (security characters) is the Korean word for a captcha.
const ko = `ko
otc: 인증 코드|인증번호|보안 코드|일회용 비밀번호|일회용 코드|#단계 인증|이중 인증|#차 인증|확인 코드|# 자리
code: 코드
app: 인증 앱|인증기|인증 애플리케이션
sent: 전송|발송
sms: 문자 메시지|문자로|문자 메세지
email: 이메일로
call: 음성 전화
device: 다른 기기|신뢰할 수 있는 기기
promo: 쿠폰|할인 코드|프로모션 코드|기프트 카드|상품권
postal: 우편번호
phone: 전화번호|휴대폰 번호|휴대전화
card: 카드 번호|유효기간
captcha: 보안문자|자동입력 방지
search: 검색
account: 아이디|비밀번호|이메일
recovery: 복구 코드|백업 코드`;

/** All keyword tables; detection uses every language at once (pages mix languages). */
export const KEYWORD_TABLES: readonly KeywordTable[] = [en, de, fr, es, it, pt, nl, ja, zh, ko].map(parseKeywordTable);
