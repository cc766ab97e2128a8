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
 * - a trailing `!` also requires a word end (`tel!` is not `tell`, `code!` is not `codes`);
 * - `(a|b)` is either: `(two|2) step` is `two step|2 step`, `(voice|phone) call` two keywords.
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

/** The keywords of a list, in order, groups spelled out (an empty list has none). */
export function keywordsOf(list: KeywordList): string[] {
  const keywords: string[] = [];
  // The alternatives: runs of groups and characters other than `|`.
  for (const item of list.match(/(?:\([^)]*\)|[^|])+/gu) ?? []) spellOut(item, keywords);
  return keywords;
}

/** Adds `item` to `out`, once per alternative of each of its groups. */
function spellOut(item: string, out: string[]): void {
  const group = /\(([^)]*)\)/u.exec(item);
  if (group === null) {
    out.push(item);
    return;
  }
  for (const alternative of group[1]!.split('|')) {
    spellOut(item.slice(0, group.index) + alternative + item.slice(group.index + group[0].length), out);
  }
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
otc: otp|totp|hotp!|otc!|(one time|verification|verify|security|authentication|auth|log in|sign in|# digit) code|one time (passcode|password|pin)|onetime|passcode|2fa|tfa!|mfa|(two|2|second|multi) factor|(two|2) step|verification (pin|token)|# digit
code: code!|token!|verify|verification
app: authenticator|(authentication|auth|totp|otp|2fa|security key) app|authy!|code generator
sent: (we|we ve|we have|we just|has been|was) sent|sent (to|you|a code)|(we ll|we will) send|(resend|send a new) code
sms: sms!|text message|texted|(via|by) text|(phone|number) ending|ending in|sent to your (phone|mobile)|to your (phone|mobile|number)
email: emailed|(by|via|to your|check your) e mail|to your e mail address|(check your|your) inbox|e mail with a code
call: (voice|phone|automated) call|call you|calling you|we re calling
device: (sent to your|to your|your other|trusted|signed in) device|(sent to your|to your|on your|your other|trusted|signed in) devices
promo: coupon|promo|promotion|voucher|gift card|gift|discount|redeem|redemption|referral|claim code
postal: zip!|(zip|post) code|postal
phone: phone|tel!|telephone|mobile!|mobile number|cell!|cellphone
card: (card|cc|account|routing) number|cc (num|csc|exp)|(credit|debit) card|cvc|cvv|cvn!|csc!|card (code|verification)|expiry|expiration|exp date|iban!
captcha: captcha|recaptcha|hcaptcha|characters (you see|shown)|type the (characters|text)|not a robot|(verify you are|are you) human|image code
search: search|query!|keyword
account: (user|login|first|last|full|your) name|user id|e mail|password|passwd|pwd!|address|company
recovery: recovery|(recovery|backup|rescue|scratch) code|backup|emergency code`;

const de = `de
otc: bestätigungscode|bestaetigungscode|sicherheitscode|verifizierungscode|verifikationscode|einmal code|einmalpasswort|einmalkennwort|authentifizierungscode|anmeldecode|(zwei|2) faktor|zweistufig|bestätigung in zwei schritten|# stellig
code: bestätigung
app: authentifizierungs app|authentifikator
sent: gesendet|geschickt|zugesandt|zugeschickt|erneut senden
sms: per sms|sms!|textnachricht|an ihre (telefonnummer|handynummer)|an ihr handy
email: per (e mail|mail)|an (ihre|deine) e mail|e mail mit einem code|(ihren|deinen) posteingang
call: per anruf|sprachanruf|telefonanruf|rufen (sie an|dich an)
device: (an ihre|an deine|vertrauenswürdige) geräte|(auf ihren|auf deinen) geräten|anderen gerät|vertrauenswürdigen (gerät|geräten)
promo: gutschein|rabatt|aktionscode|geschenkkarte|gutscheincode
postal: postleitzahl|plz!
phone: telefon|handynummer|mobilnummer|rufnummer
card: kartennummer|kreditkarte|prüfnummer|ablaufdatum|gültig bis
captcha: sicherheitsabfrage
search: suche|suchbegriff
account: benutzername|passwort|kennwort|e mail adresse
recovery: wiederherstellungscode|notfallcode|sicherungscode`;

const fr = `fr
otc: code (de vérification|de sécurité|à usage unique|d authentification|de connexion)|mot de passe à usage unique|double authentification|(authentification à deux|deux) facteurs|(validation en deux|deux) étapes|# chiffres
code: vérification
app: (application|appli) d authentification
sent: envoyé|nous (avons envoyé|venons d envoyer)|renvoyer le code
sms: par sms|sms!|par texto|message texte|votre téléphone se terminant
email: par (e mail|mail|courriel)|votre adresse e mail|à votre e mail|votre boîte de réception
call: appel (vocal|téléphonique)|par appel|vous (appeler|appelons)
device: (sur|à) vos appareils|autre appareil|(appareils|appareil) de confiance
promo: code promo|(bon|code) de réduction|carte cadeau|réduction
postal: code postal
phone: téléphone|numéro de portable|portable!
card: numéro de carte|cryptogramme|date d expiration
captcha: caractères affichés
search: recherche|rechercher
account: nom d utilisateur|identifiant|mot de passe|adresse e mail|courriel
recovery: code de (récupération|secours)|codes de secours`;

const es = `es
otc: código de (verificación|seguridad|un solo uso|acceso|autenticación)|contraseña de un solo uso|(verificación en dos|dos) pasos|dos factores|doble factor|# dígitos|clave dinámica
code: código!|verificación
app: (aplicación|app) de autenticación|aplicación autenticadora|autenticador
sent: (te|le) enviamos|hemos enviado|enviado a|enviamos|reenviar código
sms: por sms|sms!|(por mensaje|mensaje) de texto|teléfono terminado en
email: (por|a tu|a su) correo|(tu|su) bandeja de entrada|por e mail
call: llamada|por llamada|(te|le) llamaremos
device: (a tus|a sus|en tus|en sus) dispositivos|otro dispositivo|(dispositivos|dispositivo) de confianza
promo: cupón|código promocional|descuento|tarjeta (regalo|de regalo)
postal: código postal
phone: teléfono|celular|móvil
card: número de tarjeta|tarjeta de crédito|fecha de caducidad|vencimiento
captcha: caracteres que ves
search: buscar|búsqueda
account: usuario|contraseña|correo electrónico
recovery: código de recuperación|(códigos|código) de respaldo|recuperación`;

const it = `it
otc: codice di (verifica|sicurezza|accesso|autenticazione)|(codice|password) monouso|verifica in due passaggi|(autenticazione a due|due) fattori|# cifre
code: codice!|verifica!
app: (app|applicazione) di autenticazione
sent: abbiamo inviato|inviato a
sms: tramite sms|via sms|messaggio di testo
email: (tramite|via|per) e mail
call: chiamata vocale
device: tuoi dispositivi|dispositivi attendibili
promo: codice (sconto|promozionale)|buono|carta regalo
postal: cap!|codice postale
phone: telefono|cellulare
card: numero (di carta|della carta)|scadenza
captcha: caratteri che vedi
search: cerca|ricerca
account: nome utente|indirizzo email
recovery: codice di (recupero|backup)|codici di backup`;

const pt = `pt
otc: código de (verificação|segurança|autenticação|uso único)|senha de uso único|(verificação em duas|duas) etapas|(dois|autenticação de dois) fatores
code: verificação
app: (aplicativo|app) autenticador|aplicativo de autenticação
sent: enviado para|enviamos
sms: mensagem de texto|por sms
email: por e mail
call: chamada de voz
device: seus dispositivos
promo: cupom|(vale|cartão) presente|desconto
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
email: per (e mail|mail)
call: gesproken bericht
device: (je|uw) apparaten
promo: kortingscode|cadeaukaart|cadeaubon|waardebon|actiecode
postal:
phone: telefoonnummer|mobiel nummer|telefoon
card: kaartnummer|vervaldatum
captcha: tekens die je ziet
search: zoeken|zoek!
account: gebruikersnaam|wachtwoord
recovery: herstelcode|back up code`;

const ja = `ja
otc: (確認|認証|ワンタイム|セキュリティ|検証|桁の|パス)コード|ワンタイムパスワード|(二|#)段階認証|認証番号
code: コード
app: 認証アプリ|オーセンティケーター
sent: 送信しました|送信された|送信されました|お送りしました|再送信
sms: (ショート|テキスト)メッセージ|電話番号に|sms!
email: メール(で|アドレスに|に記載)|受信トレイ
call: 音声通話|自動音声|電話でお知らせ
device: デバイスに送信|(他の|信頼できる|お使いの)デバイス
promo: クーポン|(プロモーション|割引)コード|ギフトカード|ギフト券
postal: 郵便番号
phone: (電話|携帯)番号
card: カード番号|有効期限
captcha: 画像認証|表示されている文字
search: 検索
account: ユーザー名|パスワード|メールアドレス
recovery: (リカバリー|バックアップ)コード|復旧コード`;

// Simplified and traditional forms side by side. An image captcha is also a "验证码": the longer
// captcha words win over it.
const zh = `zh
otc: 验证码|驗證碼|动态码|動態碼|动态口令|動態密碼|一次性(密码|密碼)|安全码|安全碼|校验码|(两步|双重|二次)验证|(兩步驟|雙重)驗證
code: 验证|驗證
app: 身份验证器|验证器|驗證器|身份驗證應用程式
sent: 发送(至|到)|已发送|已傳送|已发至|重新发送
sms: 短信|簡訊|简讯
email: 邮件|郵件|邮箱|電子郵件|电子邮件
call: 语音(电话|验证)|語音電話|來電|来电
device: (您的|其他|受信任的)设备|(您的|受信任的)裝置
promo: 优惠券|優惠券|优惠码|優惠碼|折扣码|兑换码|兌換碼|礼品卡|禮品卡
postal: 邮编|邮政编码|郵遞區號
phone: 手机号|手機號碼|电话|電話
card: 卡号|卡號|信用卡|有效期
captcha: (图形|图片)验证码|圖形驗證碼|图形码
search: 搜索|搜尋
account: 用户名|用戶名|密码|密碼|账号|帳號
recovery: 恢复码|恢復碼|备用码|備用碼|备份码`;

// "보안문자" (security characters) is the Korean word for a captcha.
const ko = `ko
otc: (인증|보안|일회용|확인) 코드|인증번호|일회용 비밀번호|(#단계|이중|#차) 인증|# 자리
code: 코드
app: 인증 앱|인증기|인증 애플리케이션
sent: 전송|발송
sms: 문자 (메시지|메세지)|문자로
email: 이메일로
call: 음성 전화
device: (다른|신뢰할 수 있는) 기기
promo: 쿠폰|(할인|프로모션) 코드|기프트 카드|상품권
postal: 우편번호
phone: 전화번호|휴대폰 번호|휴대전화
card: 카드 번호|유효기간
captcha: 보안문자|자동입력 방지
search: 검색
account: 아이디|비밀번호|이메일
recovery: 복구 코드|백업 코드`;

/** All keyword tables; detection uses every language at once (pages mix languages). */
export const KEYWORD_TABLES: readonly KeywordTable[] = [en, de, fr, es, it, pt, nl, ja, zh, ko].map(parseKeywordTable);
