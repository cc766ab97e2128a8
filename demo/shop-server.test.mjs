// End-to-end tests of the demo shop over real HTTP(S), with a tiny cookie jar.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { PNG } from 'pngjs';
import jsQRModule from 'jsqr';
import { MESSAGES, buildOtpauthUri, checkCode, escapeHtml, formatKey, startShop } from './shop-server.mjs';

const T0 = Date.UTC(2030, 0, 1, 12, 0, 10); // 10 s into a 30 s step
const STEP = 30_000;

/**
 * @typedef {{ status: number, headers: Record<string, string>, setCookies: string[], text: string }} RawResponse
 * @typedef {(url: string, init: { method: string, headers: Record<string, string>, body?: string }) => Promise<RawResponse>} Transport
 */

/** @type {Transport} */
async function fetchTransport(url, init) {
  const res = await fetch(url, { ...init, redirect: 'manual' });
  /** @type {Record<string, string>} */
  const headers = {};
  res.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return {
    status: res.status,
    headers,
    setCookies: res.headers.getSetCookie(),
    text: await res.text(),
  };
}

/** @type {Transport} HTTPS without certificate checks, for the throwaway self-signed cert. */
function insecureHttpsTransport(url, init) {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method: init.method, headers: init.headers, rejectUnauthorized: false }, (res) => {
      /** @type {Buffer[]} */
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const { 'set-cookie': setCookies = [], ...rest } = res.headers;
        resolve({
          status: res.statusCode ?? 0,
          headers: /** @type {Record<string, string>} */ (rest),
          setCookies,
          text: Buffer.concat(chunks).toString('utf8'),
        });
      });
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

/**
 * A browser-ish client: keeps cookies, follows 303s when asked.
 * @param {string} base
 * @param {Transport} [transport]
 */
function client(base, transport = fetchTransport) {
  /** @type {Map<string, string>} */
  const jar = new Map();
  /**
   * @param {string} method
   * @param {string} path
   * @param {Record<string, string> | string} [form]
   * @returns {Promise<RawResponse & { location: string | undefined }>}
   */
  async function request(method, path, form) {
    /** @type {Record<string, string>} */
    const headers = {};
    if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    let body;
    if (form !== undefined) {
      body = typeof form === 'string' ? form : new URLSearchParams(form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const res = await transport(new URL(path, base).href, { method, headers, body });
    for (const cookie of res.setCookies) {
      const [pair = '', ...attrs] = cookie.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (attrs.some((a) => /^\s*max-age=0$/i.test(a))) jar.delete(name.trim());
      else jar.set(name.trim(), value.trim());
    }
    return { ...res, location: res.headers.location };
  }
  /** Requests, then follows 303 redirects like a browser. */
  async function follow(/** @type {string} */ method, /** @type {string} */ path, /** @type {any} */ form) {
    let res = await request(method, path, form);
    for (let hops = 0; res.status === 303 && res.location && hops < 5; hops++) {
      res = await request('GET', res.location);
    }
    return res;
  }
  return {
    jar,
    get: (/** @type {string} */ path) => request('GET', path),
    post: (/** @type {string} */ path, /** @type {any} */ form) => request('POST', path, form),
    follow,
  };
}

/** jsqr is CommonJS; depending on the loader its default import is the function or the module. */
const jsQR = /** @type {typeof import('jsqr').default} */ (
  /** @type {any} */ (jsQRModule).default ?? jsQRModule
);

// --- tiny HTML readers -------------------------------------------------------------------------

/** @param {string} s */
const decode = (s) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
/** @param {string} s */
const textOf = (s) =>
  decode(s.replace(/<\/?(?:strong|em|code|a|span)\b[^>]*>/g, '').replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
/** @param {string} html */
const titleOf = (html) => textOf(/<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? '');
/** @param {string} html */
const h1Of = (html) => textOf(/<h1>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '');
/** @param {string} html @param {string} id the start tag of the element with this id */
const tagWithId = (html, id) => new RegExp(`<[a-z0-9]+[^>]*\\bid="${id}"[^>]*>`).exec(html)?.[0];
/** @param {string} tag @param {string} name */
const attr = (tag, name) => {
  const m = new RegExp(`\\s${name}(?:="([^"]*)")?`).exec(tag);
  return m ? decode(m[1] ?? '') : undefined;
};
/** @param {string} html */
function resultOf(html) {
  const m = /<div id="result"[^>]*role="([a-z]+)" data-result="([a-z]+)">([\s\S]*?)<\/div>/.exec(html);
  return m ? { role: m[1], result: m[2], text: textOf(m[3] ?? '') } : undefined;
}
/** @param {string} html */
const textKeyOf = (html) => textOf(/<code id="text-key">([^<]*)<\/code>/.exec(html)?.[1] ?? '');

/** @param {string} key shown key, with spaces @param {number} timestamp */
const codeAt = (key, timestamp) =>
  TOTP.generate({ secret: Secret.fromBase32(key.replace(/\s/g, '')), algorithm: 'SHA1', digits: 6, period: 30, timestamp });

/** A 6-digit code that is not valid anywhere in the ±1 step window around `timestamp`. */
function wrongCodeAt(/** @type {string} */ key, /** @type {number} */ timestamp) {
  const valid = new Set([-1, 0, 1].map((d) => codeAt(key, timestamp + d * STEP)));
  let n = Number(codeAt(key, timestamp));
  do n = (n + 1) % 1_000_000;
  while (valid.has(String(n).padStart(6, '0')));
  return String(n).padStart(6, '0');
}

// --- pure helpers ------------------------------------------------------------------------------

describe('pure helpers', () => {
  it('buildOtpauthUri builds the documented URI with a percent-encoded label', () => {
    expect(buildOtpauthUri('ann+shop@example.com', 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP')).toBe(
      'otpauth://totp/Twofold%20Demo%20Shop:ann%2Bshop%40example.com' +
        '?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Twofold%20Demo%20Shop&algorithm=SHA1&digits=6&period=30',
    );
    expect(buildOtpauthUri('a@b.co', 'jbsw y3dp ehpk 3pxp====')).toContain('?secret=JBSWY3DPEHPK3PXP&');
  });

  it('buildOtpauthUri round-trips through otpauth.URI.parse', async () => {
    const { URI } = await import('otpauth');
    const parsed = /** @type {TOTP} */ (URI.parse(buildOtpauthUri('zoë@example.com', 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP')));
    expect(parsed).toBeInstanceOf(TOTP);
    expect(parsed.issuer).toBe('Twofold Demo Shop');
    expect(parsed.label).toBe('zoë@example.com');
    expect(parsed.secret.base32).toBe('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    expect([parsed.algorithm, parsed.digits, parsed.period]).toEqual(['SHA1', 6, 30]);
  });

  it('formatKey groups by 4, checkCode trims whitespace and classifies', () => {
    expect(formatKey('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
    const key = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const code = codeAt(key, T0);
    expect(checkCode(code, key, T0)).toBe('accepted');
    expect(checkCode(` ${code.slice(0, 3)} ${code.slice(3)} `, key, T0)).toBe('accepted');
    expect(checkCode(wrongCodeAt(key, T0), key, T0)).toBe('rejected');
    for (const bad of ['', '12345', '1234567', '12a456', undefined, null]) expect(checkCode(bad, key, T0)).toBe('invalid');
  });

  it('escapeHtml escapes the five special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

// --- over HTTP -----------------------------------------------------------------------------------

describe('demo shop over HTTP', () => {
  let clock = T0;
  /** @type {Awaited<ReturnType<typeof startShop>>} */
  let shop;
  let counter = 0;
  const freshEmail = () => `shopper${++counter}@example.com`;

  beforeAll(async () => {
    shop = await startShop({ now: () => clock });
  });
  afterAll(() => shop?.close());
  afterEach(() => {
    clock = T0;
  });

  /** Signs up a new user and opens the setup page. */
  async function signUpAndOpenSetup(email = freshEmail()) {
    const c = client(shop.url);
    const signup = await c.post('/signup', { email, password: 'correct horse' });
    expect(signup.status).toBe(303);
    expect(signup.location).toBe('/account/security');
    const setup = await c.get('/account/two-step/setup');
    expect(setup.status).toBe(200);
    return { c, email, key: textKeyOf(setup.text), setup };
  }

  /** Signs up a new user with two-step verification turned on, then signs out. */
  async function userWith2SV() {
    const { c, email, key } = await signUpAndOpenSetup();
    const on = await c.post('/account/two-step/setup', { otp: codeAt(key, clock) });
    expect(resultOf(on.text)?.result).toBe('accepted');
    await c.post('/signout', {});
    return { c, email, key };
  }

  it('listens on 127.0.0.1 and reports its origin', () => {
    expect(shop.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(shop.url.endsWith(`:${shop.port}`)).toBe(true);
  });

  it('home page: lang, title, demo strip, links; inline light/dark stylesheet', async () => {
    const res = await client(shop.url).get('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toContain('<html lang="en">');
    expect(titleOf(res.text)).toBe('Home – Twofold Demo Shop');
    expect(res.text).toMatch(/class="demo-strip"[^>]*>[^<]*local demo[^<]*no data leaves this machine/i);
    expect(res.text).toContain('href="/signup"');
    expect(res.text).toContain('href="/signin"');
    expect(res.text).toContain('prefers-color-scheme: dark');
    expect(res.text).not.toMatch(/<script/i);
  });

  it('signed in, the home page links to Login & Security and Sign out', async () => {
    const { c } = await signUpAndOpenSetup();
    const res = await c.get('/');
    expect(res.text).toContain('href="/account/security"');
    expect(res.text).toMatch(/action="\/signout"/);
  });

  it('sign-up sets an HttpOnly SameSite=Lax session cookie and lands on Login & Security', async () => {
    const c = client(shop.url);
    const res = await c.post('/signup', { email: freshEmail(), password: 'password1' });
    expect(res.status).toBe(303);
    expect(res.setCookies).toHaveLength(1);
    expect(res.setCookies[0]).toMatch(/^twofold_demo_sid=[\w-]{40,}; Path=\/; HttpOnly; SameSite=Lax$/);
    const security = await c.get(res.location ?? '');
    expect(security.status).toBe(200);
    expect(titleOf(security.text)).toBe('Login & Security – Twofold Demo Shop');
    expect(attr(tagWithId(security.text, 'two-step-status') ?? '', 'data-two-step')).toBe('off');
    expect(textOf(security.text)).toContain('Two-step verification is off.');
    const turnOn = tagWithId(security.text, 'turn-on-two-step') ?? '';
    expect(attr(turnOn, 'href')).toBe('/account/two-step/setup');
    expect(security.text).toMatch(/>Turn on two-step verification<\/a>/);
  });

  it('account pages require sign-in', async () => {
    const c = client(shop.url);
    for (const path of ['/account', '/account/security', '/account/two-step/setup']) {
      const res = await c.get(path);
      expect(res.status, path).toBe(303);
      expect(res.location, path).toBe('/signin');
    }
    const post = await c.post('/account/two-step/setup', { otp: '123456' });
    expect(post.location).toBe('/signin');
    expect((await c.get('/signin/verify')).location).toBe('/signin');
  });

  it('setup page shows the QR as a PNG data URL, the grouped text key and the code form', async () => {
    const { c, email, key, setup } = await signUpAndOpenSetup();
    expect(titleOf(setup.text)).toBe('Set up your authenticator app – Twofold Demo Shop');
    expect(h1Of(setup.text)).toBe('Set up your authenticator app');

    const img = tagWithId(setup.text, 'qr') ?? '';
    expect(img.startsWith('<img')).toBe(true);
    expect(attr(img, 'alt')).toBe('QR code for your authenticator app');
    expect(attr(img, 'width')).toBe('200');
    expect(attr(img, 'height')).toBe('200');
    const src = attr(img, 'src') ?? '';
    expect(src.startsWith('data:image/png;base64,')).toBe(true);

    expect(textOf(setup.text)).toContain("Can't scan? Enter this key");
    expect(key).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/); // 32 base32 chars = 160 bits
    expect(Secret.fromBase32(key.replace(/ /g, '')).bytes).toHaveLength(20);

    // The QR decodes to exactly the documented URI (and the URI is nowhere else in the page).
    const png = PNG.sync.read(Buffer.from(src.slice('data:image/png;base64,'.length), 'base64'));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(buildOtpauthUri(email, key.replace(/ /g, '')));
    expect(setup.text).not.toContain('otpauth://');

    const otp = tagWithId(setup.text, 'otp') ?? '';
    expect(otp).toMatch(/^<input /);
    expect(attr(otp, 'name')).toBe('otp');
    expect(attr(otp, 'autocomplete')).toBe('one-time-code');
    expect(attr(otp, 'inputmode')).toBe('numeric');
    expect(attr(otp, 'pattern')).toBe('[0-9]*');
    expect(attr(otp, 'maxlength')).toBe('6');
    expect(setup.text).toContain('<label for="otp">Enter the 6-digit code from your app</label>');
    expect(setup.text).toMatch(/<form method="post" action="\/account\/two-step\/setup"[\s\S]*<button type="submit">Turn on<\/button>/);
    expect(resultOf(setup.text)).toBeUndefined();

    // A reload keeps the same pending secret.
    expect(textKeyOf((await c.get('/account/two-step/setup')).text)).toBe(key);
  });

  it('every user gets a fresh secret', async () => {
    const a = await signUpAndOpenSetup();
    const b = await signUpAndOpenSetup();
    expect(a.key).not.toBe(b.key);
  });

  it('a correct code turns two-step verification on', async () => {
    const { c, key } = await signUpAndOpenSetup();
    const res = await c.post('/account/two-step/setup', { otp: codeAt(key, clock) });
    expect(res.status).toBe(200);
    expect(resultOf(res.text)).toEqual({ role: 'status', result: 'accepted', text: 'Two-step verification is on.' });
    expect(titleOf(res.text)).toBe('Two-step verification is on – Twofold Demo Shop');
    const security = await c.get('/account/security');
    expect(attr(tagWithId(security.text, 'two-step-status') ?? '', 'data-two-step')).toBe('on');
    expect(textOf(security.text)).toContain('Two-step verification is on.');
  });

  it('spaces in the submitted code are ignored', async () => {
    const { c, key } = await signUpAndOpenSetup();
    const code = codeAt(key, clock);
    const res = await c.post('/account/two-step/setup', { otp: ` ${code.slice(0, 3)} ${code.slice(3)} ` });
    expect(resultOf(res.text)?.result).toBe('accepted');
  });

  it('a wrong code is rejected and the same secret stays on the page', async () => {
    const { c, key } = await signUpAndOpenSetup();
    const res = await c.post('/account/two-step/setup', { otp: wrongCodeAt(key, clock) });
    expect(res.status).toBe(400);
    expect(resultOf(res.text)).toEqual({ role: 'alert', result: 'rejected', text: MESSAGES.codeRejected });
    expect(MESSAGES.codeRejected).toBe('That code was not accepted. Check the time on your device and try again.');
    expect(titleOf(res.text)).toBe('Error: Set up your authenticator app – Twofold Demo Shop');
    expect(h1Of(res.text)).toBe('Set up your authenticator app');
    expect(textKeyOf(res.text)).toBe(key);
    expect(attr(tagWithId(res.text, 'otp') ?? '', 'aria-invalid')).toBe('true');
    // Still pending: the right code afterwards works.
    expect(resultOf((await c.post('/account/two-step/setup', { otp: codeAt(key, clock) })).text)?.result).toBe('accepted');
  });

  it('malformed codes get their own message', async () => {
    const { c, key } = await signUpAndOpenSetup();
    for (const otp of ['', '12345', '1234567', '12a456', '１２３４５６']) {
      const res = await c.post('/account/two-step/setup', { otp });
      expect(resultOf(res.text), JSON.stringify(otp)).toEqual({ role: 'alert', result: 'invalid', text: MESSAGES.codeInvalid });
      expect(textKeyOf(res.text)).toBe(key);
    }
    expect(resultOf((await c.post('/account/two-step/setup', {})).text)?.result).toBe('invalid');
  });

  it('accepts one step of clock drift either way at setup, not two', async () => {
    for (const [offset, expected] of /** @type {const} */ ([
      [-2, 'rejected'],
      [2, 'rejected'],
      [-1, 'accepted'],
      [1, 'accepted'],
    ])) {
      const { c, key } = await signUpAndOpenSetup();
      const code = codeAt(key, T0 + offset * STEP); // the phone's clock is off by `offset` steps
      const res = await c.post('/account/two-step/setup', { otp: code });
      expect(resultOf(res.text)?.result, `offset ${offset}`).toBe(expected);
    }
  });

  it('sign out, sign in, verify with the authenticator code', async () => {
    const { c, email, key } = await userWith2SV();
    expect((await c.get('/account')).location).toBe('/signin');

    const signin = await c.post('/signin', { email, password: 'correct horse' });
    expect(signin.status).toBe(303);
    expect(signin.location).toBe('/signin/verify');
    expect((await c.get('/account')).location).toBe('/signin'); // not signed in yet

    const verify = await c.get('/signin/verify');
    expect(verify.status).toBe(200);
    expect(titleOf(verify.text)).toBe('Two-step verification – Twofold Demo Shop');
    expect(verify.text).toContain('<label for="otp">Enter the code from your authenticator app</label>');
    const otp = tagWithId(verify.text, 'otp') ?? '';
    for (const [name, value] of Object.entries({ name: 'otp', autocomplete: 'one-time-code', inputmode: 'numeric', pattern: '[0-9]*', maxlength: '6' })) {
      expect(attr(otp, name), name).toBe(value);
    }

    const wrong = await c.post('/signin/verify', { otp: wrongCodeAt(key, clock) });
    expect(resultOf(wrong.text)).toEqual({ role: 'alert', result: 'rejected', text: MESSAGES.codeRejected });
    const malformed = await c.post('/signin/verify', { otp: 'abcdef' });
    expect(resultOf(malformed.text)).toEqual({ role: 'alert', result: 'invalid', text: MESSAGES.codeInvalid });

    const ok = await c.post('/signin/verify', { otp: codeAt(key, clock) });
    expect(ok.status).toBe(303);
    expect(ok.location).toBe('/account');
    const account = await c.get('/account');
    expect(account.status).toBe(200);
    expect(resultOf(account.text)).toEqual({ role: 'status', result: 'accepted', text: `Signed in. Welcome back, ${email}.` });
    expect(titleOf(account.text)).toBe('Signed in – Twofold Demo Shop');
    // The welcome is shown once.
    expect(resultOf((await c.get('/account')).text)).toBeUndefined();
  });

  it('sign-in verification honours ±1 step of drift as the server clock moves', async () => {
    const { c, email, key } = await userWith2SV();
    const code = codeAt(key, T0);
    for (const [offset, expected] of /** @type {const} */ ([
      [2, 'rejected'],
      [-2, 'rejected'],
      [1, 'accepted'],
      [-1, 'accepted'],
    ])) {
      clock = T0 + offset * STEP;
      await c.post('/signout', {});
      expect((await c.post('/signin', { email, password: 'correct horse' })).location).toBe('/signin/verify');
      const res = await c.follow('POST', '/signin/verify', { otp: code });
      expect(resultOf(res.text)?.result, `offset ${offset}`).toBe(expected);
    }
  });

  it('the session id changes at sign-in (no fixation)', async () => {
    const { c, email, key } = await userWith2SV();
    await c.post('/signin', { email, password: 'correct horse' });
    const pendingId = c.jar.get('twofold_demo_sid');
    await c.post('/signin/verify', { otp: codeAt(key, clock) });
    expect(c.jar.get('twofold_demo_sid')).not.toBe(pendingId);
  });

  it('a wrong password is rejected with a clear message and the email kept', async () => {
    const { email } = await userWith2SV();
    const c = client(shop.url);
    const res = await c.post('/signin', { email, password: 'wrong password' });
    expect(res.status).toBe(401);
    expect(resultOf(res.text)).toEqual({ role: 'alert', result: 'rejected', text: MESSAGES.badCredentials });
    expect(attr(tagWithId(res.text, 'email') ?? '', 'value')).toBe(email);
    expect(res.setCookies).toEqual([]);
    const unknown = await c.post('/signin', { email: 'nobody@example.com', password: 'whatever1' });
    expect(resultOf(unknown.text)?.result).toBe('rejected');
  });

  it('without two-step verification, sign-in is immediate', async () => {
    const email = freshEmail();
    const c = client(shop.url);
    await c.post('/signup', { email, password: 'password1' });
    await c.post('/signout', {});
    const res = await c.follow('POST', '/signin', { email: email.toUpperCase(), password: 'password1' });
    expect(resultOf(res.text)).toEqual({ role: 'status', result: 'accepted', text: `Signed in. Welcome back, ${email}.` });
  });

  it('two-step verification can be turned off again (only when fully signed in)', async () => {
    const { c, email, key } = await userWith2SV();
    await c.post('/signin', { email, password: 'correct horse' });
    expect((await c.post('/account/two-step/disable', {})).location).toBe('/signin'); // code still pending
    await c.post('/signin/verify', { otp: codeAt(key, clock) });
    const security = await c.follow('POST', '/account/two-step/disable', {});
    expect(attr(tagWithId(security.text, 'two-step-status') ?? '', 'data-two-step')).toBe('off');
    await c.post('/signout', {});
    expect((await c.post('/signin', { email, password: 'correct horse' })).location).toBe('/account');
  });

  it('sign-up validation: bad email, short password, taken email; values kept, password never echoed', async () => {
    const c = client(shop.url);
    const both = await c.post('/signup', { email: 'not-an-email', password: 'short' });
    expect(both.status).toBe(400);
    const r = resultOf(both.text);
    expect(r?.role).toBe('alert');
    expect(r?.result).toBe('invalid');
    expect(r?.text).toContain(MESSAGES.badEmail);
    expect(r?.text).toContain(MESSAGES.shortPassword);
    expect(attr(tagWithId(both.text, 'email') ?? '', 'value')).toBe('not-an-email');
    expect(both.text).not.toContain('short"');
    expect(titleOf(both.text)).toBe('Error: Create your account – Twofold Demo Shop');

    const shortPw = await c.post('/signup', { email: 'ok@example.com', password: '1234567' });
    expect(resultOf(shortPw.text)).toEqual({ role: 'alert', result: 'invalid', text: MESSAGES.shortPassword });

    const email = freshEmail();
    expect((await c.post('/signup', { email, password: 'password1' })).status).toBe(303);
    const taken = await client(shop.url).post('/signup', { email: email.toUpperCase(), password: 'password2' });
    expect(taken.status).toBe(409);
    expect(resultOf(taken.text)).toEqual({ role: 'alert', result: 'rejected', text: MESSAGES.emailTaken });
    expect(taken.text).not.toContain('password2');
  });

  it('dynamic strings are HTML-escaped', async () => {
    const res = await client(shop.url).post('/signup', { email: '"><script>alert(1)</script>', password: 'x' });
    expect(res.text).not.toContain('<script>');
    expect(res.text).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');

    const email = `o'brien&co@example.com`;
    const c = client(shop.url);
    await c.post('/signup', { email, password: 'password1' });
    const setup = await c.get('/account/two-step/setup');
    expect(setup.text).toContain('o&#39;brien&amp;co@example.com');
  });

  it('404, 405 with Allow, 413 for large bodies', async () => {
    const c = client(shop.url);
    const missing = await c.get('/nope');
    expect(missing.status).toBe(404);
    expect(titleOf(missing.text)).toBe('Error: Page not found – Twofold Demo Shop');

    const put = await fetchTransport(`${shop.url}/signup`, { method: 'PUT', headers: {} });
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe('GET, HEAD, POST');
    expect((await c.post('/', {})).status).toBe(405);

    const big = await c.post('/signin', `email=a%40b.co&password=${'x'.repeat(20 * 1024)}`);
    expect(big.status).toBe(413);
    // The server still works afterwards.
    expect((await c.get('/')).status).toBe(200);
  });

  it('GET /signout also signs out', async () => {
    const { c } = await signUpAndOpenSetup();
    const res = await c.get('/signout');
    expect(res.status).toBe(303);
    expect(res.location).toBe('/');
    expect((await c.get('/account/security')).location).toBe('/signin');
  });
});

// --- TLS -------------------------------------------------------------------------------------------

describe('demo shop over HTTPS', () => {
  /** @type {string} */
  let dir;
  /** @type {Awaited<ReturnType<typeof startShop>>} */
  let shop;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'twofold-shop-tls-'));
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-keyout', key, '-out', cert],
      { stdio: 'ignore' },
    );
    shop = await startShop({ tls: { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') }, now: () => T0 });
  });
  afterAll(async () => {
    await shop?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('serves the journey over https with Secure cookies', async () => {
    expect(shop.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const c = client(shop.url, insecureHttpsTransport);
    expect((await c.get('/')).status).toBe(200);
    const signup = await c.post('/signup', { email: 'tls@example.com', password: 'password1' });
    expect(signup.status).toBe(303);
    expect(signup.setCookies[0]).toMatch(/; Secure$/);
    const setup = await c.get('/account/two-step/setup');
    const key = textKeyOf(setup.text);
    const res = await c.post('/account/two-step/setup', { otp: codeAt(key, T0) });
    expect(resultOf(res.text)?.result).toBe('accepted');
  });
});
