import { describe, expect, it } from 'vitest';
import { Signal, classifyText, findKeywords } from './classify-text';
import type { FieldDescriptor, PageContext } from './field-descriptor';
import { CodeFamily, KEYWORD_TABLES, NegativeFamily, keywordsOf } from './keywords';
import { Channel, THRESHOLD, isOffered, planFill, scoreField, type FillPlan } from './plan-fill';
import { explainReasons } from './explain-reasons';

/** A visible, enabled, empty text input; rows override what matters to them. */
function field(overrides: Partial<FieldDescriptor> = {}): FieldDescriptor {
  return {
    tag: 'input',
    type: 'text',
    name: '',
    id: '',
    className: '',
    autocomplete: '',
    inputMode: '',
    pattern: '',
    maxLength: null,
    placeholder: '',
    ariaLabel: '',
    title: '',
    label: '',
    nearbyText: '',
    formText: '',
    visible: true,
    disabled: false,
    readOnly: false,
    rect: { x: 10, y: 10, width: 200, height: 32 },
    groupKey: 'g0',
    order: 0,
    ...overrides,
  };
}

/** `n` single-character boxes in a row, left to right. */
function boxes(n: number, overrides: Partial<FieldDescriptor> = {}, y = 100): FieldDescriptor[] {
  return Array.from({ length: n }, (_, i) =>
    field({ maxLength: 1, inputMode: 'numeric', rect: { x: 20 + i * 44, y, width: 36, height: 44 }, groupKey: 'boxes', order: i, ...overrides }),
  );
}

const PAGE: PageContext = { title: 'Sign in', lang: 'en', headingText: '' };

function summary(plan: FillPlan | null): string | number | number[] {
  if (plan === null) return 'none';
  return plan.kind === 'single' ? plan.index : plan.indices;
}

describe('classifyText', () => {
  it.each([
    { text: 'auth-mfa-otpcode', found: ['mfa', 'otp'] },
    { text: 'mfaOtp', found: ['mfa', 'Otp'] },
    { text: 'footprint hotpink', found: [] },
    { text: 'zipCode', found: ['zipCode'] },
    { text: 'Tell us more', found: [] },
    { text: 'telNumber', found: ['tel'] },
    { text: 'Mot de passe à usage unique', found: ['Mot de passe à usage unique'] },
    { text: 'CODIGO DE VERIFICACION', found: ['CODIGO DE VERIFICACION'] },
    { text: '短信验证码', found: ['短信', '验证码'] },
    { text: '图形验证码', found: ['图形验证码'] },
    { text: '2段階認証', found: ['2段階認証'] },
    { text: 'Enter the 6-digit code', found: ['6-digit code'] },
  ])('$text → $found', ({ text, found }) => {
    expect(findKeywords(text).map((k) => k.text)).toEqual(found);
  });

  it('reports families as bits', () => {
    expect(classifyText('Promo code')).toBe(Signal.Promo | Signal.Code);
    expect(classifyText('Enter the code from your authenticator app') & Signal.AuthenticatorApp).not.toBe(0);
  });

  it('has every language of the brief, each naming every family once', () => {
    expect(KEYWORD_TABLES.map((t) => t.lang)).toEqual(['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'ja', 'zh', 'ko']);
    const families = [...Object.values(CodeFamily), ...Object.values(NegativeFamily)].sort();
    for (const table of KEYWORD_TABLES) {
      expect(Object.keys(table.lists).sort(), table.lang).toEqual(families);
    }
  });

  it.each([
    { list: '', keywords: [] },
    { list: 'otp|totp', keywords: ['otp', 'totp'] },
    { list: '(two|2) step|mfa', keywords: ['two step', '2 step', 'mfa'] },
    { list: 'code (de vérification|de sécurité)', keywords: ['code de vérification', 'code de sécurité'] },
    { list: '(a|b) x (c|d)!', keywords: ['a x c!', 'a x d!', 'b x c!', 'b x d!'] },
    { list: '(確認|認証)コード', keywords: ['確認コード', '認証コード'] },
  ])('keywordsOf($list) spells out groups', ({ list, keywords }) => {
    expect(keywordsOf(list)).toEqual(keywords);
  });

  it('lists no keyword twice in a family (a space already matches nothing: "e mail" finds "email")', () => {
    const fold = (k: string) => k.normalize('NFD').replace(/[\u0300-\u036f\s]/gu, '').toLowerCase();
    const twice: string[] = [];
    for (const table of KEYWORD_TABLES) {
      for (const [family, list] of Object.entries(table.lists)) {
        const seen = new Set<string>();
        for (const keyword of keywordsOf(list)) {
          if (seen.has(fold(keyword))) twice.push(`${table.lang} ${family}: ${keyword}`);
          seen.add(fold(keyword));
        }
      }
    }
    expect(twice).toEqual([]);
  });

  it('finds each keyword of every table as itself (no keyword shadowed by another family)', () => {
    const clashes: string[] = [];
    const positive: [CodeFamily, number][] = [
      [CodeFamily.OneTimeCode, Signal.OneTimeCode],
      [CodeFamily.AuthenticatorApp, Signal.AuthenticatorApp],
      [CodeFamily.SentByMessage, Signal.SentByMessage],
      [CodeFamily.SentBySms, Signal.SentBySms],
      [CodeFamily.SentByEmail, Signal.SentByEmail],
      [CodeFamily.SentByCall, Signal.SentByCall],
      [CodeFamily.SentToDevice, Signal.SentToDevice],
    ];
    for (const table of KEYWORD_TABLES) {
      const rows = positive.flatMap(([family, signal]) => keywordsOf(table.lists[family] ?? '').map((k): [string, number] => [k, signal]));
      for (const [keyword, signal] of rows) {
        const text = keyword.replace(/!$/u, '').replace(/#/gu, '6');
        if ((classifyText(text) & signal) === 0) clashes.push(`${table.lang}: ${keyword}`);
      }
    }
    expect(clashes).toEqual([]);
  });
});


/** A positive row: the plan it must give, whether the inline button is offered, and the channel. */
interface PositiveRow {
  why: string;
  fields: FieldDescriptor[];
  page?: PageContext;
  expected?: number | number[];
  /** False: only an explicit request fills it (below the offer threshold, or sent elsewhere). */
  offered?: boolean;
  sent?: Channel;
}

const TWO_STEP_PAGE: PageContext = { title: 'Sign in', lang: 'en', headingText: 'Two-step verification' };
const APP_NEARBY = 'Enter the 6-digit code from your authenticator app';

describe('planFill: positive descriptors (explicit request fills; the button only where offered)', () => {
  const rows: PositiveRow[] = [
    // What names a field a code field, in its own attributes.
    { why: 'autocomplete=one-time-code', fields: [field({ autocomplete: 'one-time-code' })] },
    { why: 'name otp', fields: [field({ name: 'otp' })] },
    { why: 'id totp', fields: [field({ id: 'totpPin' })] },
    { why: 'class mfa', fields: [field({ className: 'form-control mfa-input' })] },
    { why: '2fa', fields: [field({ name: 'user[2fa_code]' })] },
    { why: 'camelCase twoFactorCode', fields: [field({ id: 'twoFactorCode' })] },
    { why: 'amazon-style id', fields: [field({ id: 'auth-mfa-otpcode', name: 'otpCode' })] },
    { why: 'placeholder', fields: [field({ placeholder: 'Enter 6-digit code' })] },
    { why: 'aria-label', fields: [field({ ariaLabel: 'One-time password' })] },
    { why: 'title', fields: [field({ title: 'Verification code' })] },
    { why: 'en label', fields: [field({ label: 'Security code', maxLength: 6 })] },
    { why: 'de', fields: [field({ label: 'Bestätigungscode' })] },
    { why: 'de Einmalpasswort', fields: [field({ label: 'Einmalpasswort' })] },
    { why: 'fr', fields: [field({ label: 'Code de vérification' })] },
    { why: 'es', fields: [field({ label: 'Código de verificación' })] },
    { why: 'it', fields: [field({ label: 'Codice di verifica' })] },
    { why: 'pt', fields: [field({ label: 'Código de verificação' })] },
    { why: 'nl', fields: [field({ label: 'Verificatiecode' })] },
    { why: 'ja 確認コード', fields: [field({ label: '確認コード' })] },
    { why: 'ja 認証コード', fields: [field({ label: '認証コード' })] },
    { why: 'zh 验证码', fields: [field({ label: '验证码' })] },
    { why: 'zh 动态码', fields: [field({ label: '动态码' })] },
    { why: 'ko', fields: [field({ label: '인증 코드' })] },
    // Named by the text around it.
    { why: 'bare "code" + authenticator app just before it', fields: [field({ name: 'code', nearbyText: 'Enter the code from your authenticator app' })] },
    { why: 'bare "code" + numeric + maxlength 6 + a 2-step page heading', fields: [field({ label: 'Code', inputMode: 'numeric', maxLength: 6 })], page: TWO_STEP_PAGE },
    {
      why: 'the code field after username-like decoys',
      fields: [field({ name: 'username' }), field({ name: 'q', type: 'search' }), field({ name: 'otp' })],
      expected: 2,
    },
    // Weigh, don't veto: one stray word loses to strong code evidence.
    { why: 'authenticator or backup code (recovery word beside the app)', fields: [field({ label: 'Authenticator or backup code', inputMode: 'numeric', nearbyText: 'Two-step verification' })] },
    { why: 'authenticator or backup code, label alone', fields: [field({ label: 'Authenticator or backup code' })], offered: false },
    { why: 'numeric field named like an account id, label asks for the app code', fields: [field({ name: 'userId', id: 'account_id', inputMode: 'numeric', maxLength: 6, label: APP_NEARBY })] },
    { why: 'account id name, the app named just before it', fields: [field({ name: 'acctUserId', inputMode: 'numeric', maxLength: 6, nearbyText: APP_NEARBY })] },
    { why: 'phone word in a class, 2FA label', fields: [field({ className: 'phone-verify', label: 'Two-factor code', maxLength: 6, inputMode: 'numeric' })], offered: false },
    { why: 'captcha-ish class on a one-time-code field', fields: [field({ className: 'no-captcha', autocomplete: 'one-time-code', label: 'Verification code', maxLength: 6 })] },
    // Masked codes.
    { why: 'type=password with one-time-code autocomplete', fields: [field({ type: 'password', autocomplete: 'one-time-code', maxLength: 6, inputMode: 'numeric' })] },
    { why: 'type=password named otp', fields: [field({ type: 'password', name: 'otp', maxLength: 6 })] },
    { why: 'type=password labelled Security code, page 2-step', fields: [field({ type: 'password', label: 'Security code', inputMode: 'numeric' })], page: TWO_STEP_PAGE },
    { why: 'type=password "code" with the app named just before', fields: [field({ type: 'password', name: 'code', maxLength: 6, nearbyText: APP_NEARBY })] },
    // Split groups.
    { why: '8 boxes whose attributes mention the phone, app named before them', fields: boxes(8, { className: 'phone-code-box', nearbyText: 'Open your authenticator app and enter the code' }), expected: [0, 1, 2, 3, 4, 5, 6, 7] },
    { why: '8 boxes named phone digits on a 2-step page', fields: boxes(8, { ariaLabel: 'phone digit' }), page: TWO_STEP_PAGE, expected: [0, 1, 2, 3, 4, 5, 6, 7], offered: false },
    {
      why: '3 + 3 boxes, each half in its own group',
      fields: boxes(6).map((b, i) => ({ ...b, groupKey: i < 3 ? 'left' : 'right', rect: { ...b.rect, x: b.rect.x + (i < 3 ? 0 : 24) } })),
      expected: [0, 1, 2, 3, 4, 5],
    },
    { why: 'each box in a wrapper of its own', fields: boxes(6).map((b, i) => ({ ...b, groupKey: `wrap${i}` })), expected: [0, 1, 2, 3, 4, 5] },
    { why: 'masked split boxes', fields: boxes(6, { type: 'password' }), expected: [0, 1, 2, 3, 4, 5] },
    // Weak evidence: only an explicit request fills.
    { why: 'bare "code" name alone', fields: [field({ name: 'code' })], offered: false },
    { why: 'bare "token" with numeric maxlength 6', fields: [field({ name: 'token', inputMode: 'numeric' })], offered: false },
    // Codes sent elsewhere: planned (an explicit request asks first), never offered.
    { why: 'sent to your devices, six boxes', fields: boxes(6, { nearbyText: 'A message with a verification code has been sent to your devices. Enter the code to continue.' }), expected: [0, 1, 2, 3, 4, 5], offered: false, sent: Channel.Device },
    { why: 'we sent a code to your e-mail', fields: [field({ autocomplete: 'one-time-code', maxLength: 6, nearbyText: 'We sent a code to your e-mail.' })], offered: false, sent: Channel.Email },
    { why: 'we sent a code to your phone', fields: [field({ autocomplete: 'one-time-code', nearbyText: 'We sent a code to your phone ending in 42.' })], offered: false, sent: Channel.Sms },
    { why: 'text message', fields: [field({ name: 'otp', nearbyText: 'Enter the code from the text message' })], offered: false, sent: Channel.Sms },
    { why: 'emailed', fields: [field({ name: 'otp', nearbyText: 'We emailed a 6-digit code to a•••@example.com' })], offered: false, sent: Channel.Email },
    { why: 'voice call', fields: [field({ name: 'otp', nearbyText: 'We are calling you now with your code (a voice call)' })], offered: false, sent: Channel.Call },
    { why: 'own sms name', fields: [field({ name: 'smsCode', autocomplete: 'one-time-code' })], offered: false, sent: Channel.Sms },
    { why: 'form says SMS', fields: [field({ name: 'otp', formText: 'Check your phone. We texted you a code.' })], offered: false, sent: Channel.Sms },
    { why: 'sms split boxes', fields: boxes(6, { nearbyText: 'We texted a 6-digit code to +1 ••• 0142' }), expected: [0, 1, 2, 3, 4, 5], offered: false, sent: Channel.Sms },
    { why: '"we sent you a code" with the channel in the form', fields: [field({ name: 'otp', nearbyText: 'We sent you a code.', formText: 'Check your inbox' })], offered: false, sent: Channel.Email },
  ];

  it('has at least 40 rows', () => expect(rows.length).toBeGreaterThanOrEqual(40));

  it.each(rows)('$why', ({ fields, page, expected, offered, sent }) => {
    const request = planFill(fields, page ?? PAGE, THRESHOLD.request);
    expect(summary(request), (request ? explainReasons(request.reasons) : []).join('; ')).toEqual(expected ?? 0);
    expect(request?.sentElsewhere).toBe(sent);
    expect(request !== null && isOffered(request), (request ? explainReasons(request.reasons) : []).join('; ')).toBe(offered ?? true);
    // The default threshold is the offer's.
    expect(planFill(fields, page ?? PAGE) !== null && sent === undefined).toBe(offered ?? true);
  });
});

describe('planFill: negative descriptors (nothing, even on an explicit request)', () => {
  const rows: { family: string; fields: FieldDescriptor[]; page?: PageContext }[] = [
    { family: 'promo', fields: [field({ label: 'Promo code' })] },
    { family: 'promo', fields: [field({ name: 'couponCode' })] },
    { family: 'promo', fields: [field({ label: 'Voucher code' })] },
    { family: 'promo', fields: [field({ label: 'Gift card PIN', inputMode: 'numeric', maxLength: 6 })] },
    { family: 'promo', fields: [field({ label: 'Gutscheincode' })] },
    { family: 'promo', fields: [field({ label: 'Code promo' })] },
    { family: 'promo', fields: [field({ label: '優惠碼' })] },
    { family: 'postal', fields: [field({ name: 'zip', inputMode: 'numeric', maxLength: 6 })] },
    { family: 'postal', fields: [field({ label: 'Postleitzahl' })] },
    { family: 'postal', fields: [field({ label: 'Code postal' })] },
    { family: 'postal', fields: [field({ label: '郵便番号' })] },
    { family: 'postal veto beats one-time-code autocomplete', fields: [field({ autocomplete: 'one-time-code', name: 'zip' })] },
    { family: 'phone', fields: [field({ name: 'phone' })] },
    { family: 'phone', fields: [field({ label: 'Telefon' })] },
    { family: 'phone-number input', fields: [field({ type: 'tel', name: 'mobile', label: 'Mobile number' })] },
    { family: 'card', fields: [field({ autocomplete: 'cc-csc', label: 'Security code' })] },
    { family: 'card', fields: [field({ label: 'CVV', inputMode: 'numeric' })] },
    { family: 'card', fields: [field({ label: 'Card number', inputMode: 'numeric', maxLength: 19 })] },
    { family: 'card veto beats otp', fields: [field({ name: 'otp', label: 'Card verification (CVC)' })] },
    { family: 'captcha', fields: [field({ name: 'captcha', maxLength: 6 })] },
    { family: 'captcha', fields: [field({ label: '图形验证码' })] },
    { family: 'captcha', fields: [field({ label: '보안문자' })] },
    { family: 'search', fields: [field({ placeholder: 'Search' })] },
    { family: 'search veto beats code', fields: [field({ name: 'code', placeholder: 'Search by product code' })] },
    { family: 'account', fields: [field({ name: 'username' })] },
    { family: 'account', fields: [field({ label: 'Email' })] },
    { family: 'account', fields: [field({ autocomplete: 'username' })] },
    { family: 'recovery', fields: [field({ label: 'Recovery code' })] },
    { family: 'recovery', fields: [field({ name: 'backup_code' })] },
    { family: 'recovery', fields: [field({ label: 'Wiederherstellungscode' })] },
    { family: 'promo outweighs otp', fields: [field({ name: 'otp', label: 'Promo code' })] },
    { family: 'nearby promo sinks a bare code', fields: [field({ name: 'code', maxLength: 8, nearbyText: 'Have a promo code?' })] },
    {
      family: 'sign-in password beside a username, on a 2-step page',
      fields: [field({ name: 'login', autocomplete: 'username', groupKey: 'f' }), field({ type: 'password', name: 'code', groupKey: 'f' })],
      page: TWO_STEP_PAGE,
    },
    { family: 'a password named password', fields: [field({ type: 'password', name: 'password' })], page: TWO_STEP_PAGE },
    { family: 'a plain password', fields: [field({ type: 'password', name: 'pw' })], page: TWO_STEP_PAGE },
    { family: 'current-password autocomplete', fields: [field({ type: 'password', autocomplete: 'current-password', name: 'otp' })] },
    { family: 'an unnamed text field', fields: [field()] },
    { family: '4 bare boxes (a PIN)', fields: boxes(4) },
  ];

  it('has at least 20 rows', () => expect(rows.length).toBeGreaterThanOrEqual(20));

  it.each(rows)('$family', ({ fields, page }) => {
    const plan = planFill(fields, page ?? PAGE, THRESHOLD.request);
    expect(plan, (plan ? explainReasons(plan.reasons) : []).join('; ')).toBeNull();
  });

  it('names the family in the reasons', () => {
    const { score, reasons } = scoreField(field({ name: 'otp', label: 'Promo code' }), PAGE);
    expect(score).toBeLessThan(THRESHOLD.request);
    expect(explainReasons(reasons).join(' ')).toContain('promo');
    const veto = scoreField(field({ name: 'otp', label: 'Postal code' }), PAGE);
    expect(veto.score).toBe(-Infinity);
    expect(explainReasons(veto.reasons).join(' ')).toContain('postal');
  });
});

describe('planFill: never qualifies', () => {
  it.each([
    { d: { type: 'hidden', name: 'otp' }, reason: 'hidden' },
    { d: { type: 'password', name: 'pass' }, reason: 'password' },
    { d: { type: 'email', name: 'otp' }, reason: 'e-mail' },
    { d: { type: 'search', name: 'otp' }, reason: 'search' },
    { d: { type: 'tel', name: 'code' }, reason: 'phone number' },
    { d: { type: 'tel', name: 'mobile' }, reason: 'phone' },
    { d: { type: 'checkbox', name: 'otp' }, reason: 'checkbox' },
    { d: { visible: false, name: 'otp' }, reason: 'not visible' },
    { d: { disabled: true, name: 'otp' }, reason: 'disabled' },
    { d: { readOnly: true, name: 'otp' }, reason: 'read-only' },
    { d: { maxLength: 4, name: 'otp' }, reason: 'too short' },
    { d: { tag: 'textarea', name: 'otp' }, reason: 'not an input' },
  ])('$reason', ({ d, reason }) => {
    const { score, reasons } = scoreField(field(d), PAGE);
    expect(score).toBe(-Infinity);
    expect(explainReasons(reasons).join(' ')).toContain(reason);
    expect(planFill([field(d)], PAGE, THRESHOLD.request)).toBeNull();
  });
});

describe('planFill: type=tel code fields', () => {
  it.each([
    { why: 'one-time-code autocomplete', d: { type: 'tel', autocomplete: 'one-time-code' }, expected: true },
    { why: 'otp name (Amazon)', d: { type: 'tel', name: 'otpCode', label: 'Enter OTP' }, expected: true },
    { why: 'totp id (Google)', d: { type: 'tel', id: 'totpPin', ariaLabel: 'Enter code', nearbyText: 'Get a verification code from the Google Authenticator app' }, expected: true },
    { why: 'bare code, authenticator nearby (Microsoft)', d: { type: 'tel', name: 'otc', placeholder: 'Code', nearbyText: 'Enter the code displayed in the Microsoft Authenticator app on your mobile device' }, expected: true },
    { why: 'country code', d: { type: 'tel', name: 'countryCode', nearbyText: 'Phone number' }, expected: false },
    { why: 'authenticator words on the field', d: { type: 'tel', ariaLabel: 'Code from your authenticator app' }, expected: true },
    { why: 'bare code only', d: { type: 'tel', name: 'code', nearbyText: 'Enter the code' }, expected: false },
    { why: 'phone words just before', d: { type: 'tel', autocomplete: 'one-time-code', nearbyText: 'Your mobile number' }, expected: false },
    { why: 'phone words about the app', d: { type: 'tel', autocomplete: 'one-time-code', nearbyText: 'Open the authenticator app on your phone' }, expected: true },
    { why: 'phone label', d: { type: 'tel', name: 'otp', label: 'Phone' }, expected: false },
  ])('$why → $expected', ({ d, expected }) => {
    const plan = planFill([field(d)], PAGE, THRESHOLD.request);
    expect(plan !== null).toBe(expected);
  });
});

describe('planFill: codes sent elsewhere, in the six shipped languages', () => {
  it.each([
    { lang: 'en', text: 'We sent a code to your e-mail address.', sent: Channel.Email },
    { lang: 'en', text: 'A code has been sent to your devices.', sent: Channel.Device },
    { lang: 'de', text: 'Wir haben Ihnen einen Code per SMS geschickt.', sent: Channel.Sms },
    { lang: 'de', text: 'Code per E-Mail erhalten', sent: Channel.Email },
    { lang: 'de', text: 'Wir rufen Sie an: Sprachanruf mit Ihrem Code', sent: Channel.Call },
    { lang: 'de', text: 'Der Code wurde an Ihre Geräte gesendet.', sent: Channel.Device },
    { lang: 'fr', text: 'Nous avons envoyé un code par SMS.', sent: Channel.Sms },
    { lang: 'fr', text: 'Nous avons envoyé un code à votre adresse e-mail.', sent: Channel.Email },
    { lang: 'fr', text: 'Un code a été envoyé sur vos appareils.', sent: Channel.Device },
    { lang: 'es', text: 'Te enviamos un código por SMS.', sent: Channel.Sms },
    { lang: 'es', text: 'Te enviamos un código a tu correo.', sent: Channel.Email },
    { lang: 'es', text: 'Recibirás una llamada con tu código.', sent: Channel.Call },
    { lang: 'ja', text: 'ショートメッセージで確認コードを送信しました', sent: Channel.Sms },
    { lang: 'ja', text: 'メールアドレスに確認コードを送信しました', sent: Channel.Email },
    { lang: 'ja', text: '信頼できるデバイスに確認コードを送信しました', sent: Channel.Device },
    { lang: 'zh_CN', text: '验证码已通过短信发送至您的手机', sent: Channel.Sms },
    { lang: 'zh_CN', text: '验证码已发送到您的邮箱', sent: Channel.Email },
    { lang: 'zh_CN', text: '我们将通过语音电话告诉您验证码', sent: Channel.Call },
  ])('$lang: $text → $sent', ({ text, sent }) => {
    const plan = planFill([field({ autocomplete: 'one-time-code', maxLength: 6, nearbyText: text })], PAGE, THRESHOLD.request);
    expect(plan?.sentElsewhere, (plan ? explainReasons(plan.reasons) : []).join('; ')).toBe(sent);
    expect(plan !== null && isOffered(plan)).toBe(false);
  });

  it.each([
    {
      why: 'two sections: only the authenticator one',
      fields: [
        field({ name: 'smsCode', nearbyText: 'Text message. We sent a code to your phone. Enter code' }),
        field({ name: 'appCode', nearbyText: 'Authenticator app. Or enter the code from your authenticator app. Enter code', order: 1 }),
      ],
      expected: 1,
    },
    {
      why: 'one nearby text naming both: the phrase closest to the field wins',
      fields: [field({ name: 'code', nearbyText: 'Get a code by SMS instead, or enter the code from your authenticator app' })],
      expected: 0,
    },
    {
      why: 'an authenticator option offered in the form is enough',
      fields: [field({ name: 'otp', formText: 'Use a code from your authenticator app or get one by SMS' })],
      expected: 0,
    },
  ])('$why', ({ fields, expected }) => {
    const plan = planFill(fields, PAGE);
    expect(summary(plan)).toEqual(expected);
    expect(plan?.sentElsewhere).toBeUndefined();
  });

  it('one nearby text naming both, SMS closest: sent elsewhere', () => {
    const plan = planFill([field({ name: 'code', nearbyText: 'Use your authenticator app? No: we sent a code to your phone' })], PAGE, THRESHOLD.request);
    expect(plan?.sentElsewhere).toBe(Channel.Sms);
  });
});

describe('planFill: split boxes', () => {
  it.each([
    { why: '6 boxes', fields: boxes(6), expected: [0, 1, 2, 3, 4, 5] },
    { why: '8 boxes', fields: boxes(8), expected: [0, 1, 2, 3, 4, 5, 6, 7] },
    { why: '4 boxes with a keyword', fields: boxes(4, { ariaLabel: 'Verification code digit' }), expected: [0, 1, 2, 3] },
    { why: '4 bare boxes are not enough', fields: boxes(4), expected: 'none' },
    { why: '3 boxes', fields: boxes(3, { ariaLabel: 'Verification code digit' }), expected: 'none' },
    { why: '9 boxes', fields: boxes(9), expected: 'none' },
    {
      why: 'visual order, not document order',
      fields: boxes(6).map((b, i, all) => ({ ...b, rect: all[5 - i]!.rect })),
      expected: [5, 4, 3, 2, 1, 0],
    },
    {
      why: 'narrow boxes without maxlength',
      fields: boxes(6, { maxLength: null }),
      expected: [0, 1, 2, 3, 4, 5],
    },
    {
      why: 'after other fields of the form',
      fields: [field({ name: 'username', groupKey: 'boxes' }), ...boxes(6).map((b) => ({ ...b, order: b.order + 1 }))],
      expected: [1, 2, 3, 4, 5, 6],
    },
    {
      why: 'two rows of 6 in one group, the SMS row first',
      fields: [
        ...boxes(6, { nearbyText: 'We sent a code by SMS' }, 100),
        ...boxes(6, { nearbyText: 'Or use your authenticator app' }, 300),
      ],
      expected: [6, 7, 8, 9, 10, 11],
    },
    {
      why: 'a negative family on one box',
      fields: boxes(6).map((b, i) => (i === 0 ? { ...b, name: 'zip' } : b)),
      expected: 'none',
    },
  ])('$why', ({ fields, expected }) => {
    expect(summary(planFill(fields, PAGE))).toEqual(expected);
  });

  it('says why', () => {
    const plan = planFill(boxes(6), PAGE);
    expect((plan ? explainReasons(plan.reasons) : []).join(' ')).toContain('6 single-character boxes');
  });
});

describe('scoreField', () => {
  it('explains a qualifying field', () => {
    const { score, reasons } = scoreField(
      field({ autocomplete: 'one-time-code', inputMode: 'numeric', maxLength: 6, label: 'Authentication code' }),
      PAGE,
    );
    expect(score).toBeGreaterThanOrEqual(THRESHOLD.offer);
    expect(explainReasons(reasons)).toEqual(
      expect.arrayContaining(['autocomplete="one-time-code"', 'inputmode=numeric', 'maxlength=6']),
    );
  });
});

describe('planFill: speed', () => {
  it('plans over 5,000 descriptors (time printed, not asserted)', () => {
    const kinds = ['email', 'password', 'firstName', 'lastName', 'address1', 'city', 'q', 'coupon', 'qty', 'comment'];
    const sections = Array.from({ length: 200 }, (_, i) => `Section ${i}: fill in your details so we can ship your order quickly and safely.`);
    const fields: FieldDescriptor[] = [];
    for (let i = 0; i < 5000; i++) {
      const kind = kinds[i % kinds.length]!;
      fields.push(
        field({
          type: i % 9 === 0 ? 'checkbox' : i % 11 === 0 ? 'email' : 'text',
          name: `${kind}${i}`,
          id: `${kind}-${i}`,
          className: 'form-control input-lg',
          placeholder: i % 3 === 0 ? 'Enter a value' : '',
          label: `${kind} field`,
          nearbyText: sections[i % sections.length]!,
          formText: 'Checkout',
          visible: i % 5 !== 0,
          rect: { x: 0, y: i * 40, width: 240, height: 32 },
          groupKey: `g${i % 200}`,
          order: i,
        }),
      );
    }
    fields[4321] = field({ ...fields[4321]!, name: 'otp', id: 'otp', label: 'Authentication code', visible: true });
    const page: PageContext = { title: 'Shop', lang: 'en', headingText: 'Your cart' };
    for (let i = 0; i < 20; i++) planFill(fields, page); // warm up the JIT
    const runs = 50;
    const start = performance.now();
    let plan: FillPlan | null = null;
    for (let i = 0; i < runs; i++) plan = planFill(fields, page);
    const perPass = (performance.now() - start) / runs;
    console.log(`planFill over 5,000 descriptors: ${perPass.toFixed(2)} ms per pass (mean of ${runs})`);
    expect(summary(plan)).toBe(4321);
  });
});
