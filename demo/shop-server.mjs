// Twofold Demo Shop: a tiny local web shop with a "Login & Security → two-step verification"
// journey, for trying Twofold and for the end-to-end tests. Plain Node ESM, no framework.
// Users and sessions live in memory and vanish when the process stops.

import http from 'node:http';
import https from 'node:https';
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

const SHOP_NAME = 'Twofold Demo Shop';
const SESSION_COOKIE = 'twofold_demo_sid';
const MAX_BODY_BYTES = 16 * 1024;
/** A body larger than this is not even drained: the connection is dropped. */
const MAX_DRAIN_BYTES = 1024 * 1024;
const MIN_PASSWORD_LENGTH = 8;
const TOTP_PARAMS = /** @type {const} */ ({ algorithm: 'SHA1', digits: 6, period: 30 });

export const MESSAGES = Object.freeze({
  codeRejected: 'That code was not accepted. Check the time on your device and try again.',
  codeInvalid: 'The code must be 6 digits, numbers only.',
  twoStepOn: 'Two-step verification is on.',
  badCredentials: 'That email and password do not match an account. Check them and try again.',
  badEmail: 'Enter a valid email address, like name@example.com.',
  shortPassword: `Use a password of at least ${MIN_PASSWORD_LENGTH} characters.`,
  emailTaken: 'An account with that email already exists. Sign in instead.',
  /** @param {string} email */
  welcome: (email) => `Signed in. Welcome back, ${email}.`,
});

// ---------------------------------------------------------------------------------------------
// Pure helpers (exported for tests)
// ---------------------------------------------------------------------------------------------

/**
 * The otpauth:// URI the setup QR code encodes.
 * @param {string} email account label
 * @param {string} secret base32 secret (spaces, lower case and padding are tolerated)
 * @returns {string}
 */
export function buildOtpauthUri(email, secret) {
  const issuer = encodeURIComponent(SHOP_NAME);
  const key = secret.replace(/[\s=]/g, '').toUpperCase();
  return (
    `otpauth://totp/${issuer}:${encodeURIComponent(email)}` +
    `?secret=${key}&issuer=${issuer}` +
    `&algorithm=${TOTP_PARAMS.algorithm}&digits=${TOTP_PARAMS.digits}&period=${TOTP_PARAMS.period}`
  );
}

/**
 * The text key as shown to people: blocks of 4 characters.
 * @param {string} secret base32
 */
export function formatKey(secret) {
  return (secret.match(/.{1,4}/g) ?? []).join(' ');
}

/**
 * Checks a submitted one-time code. Whitespace anywhere in it is ignored.
 * @param {unknown} submitted
 * @param {string} secret base32
 * @param {number} timestamp milliseconds
 * @returns {'accepted' | 'rejected' | 'invalid'}
 */
export function checkCode(submitted, secret, timestamp) {
  const token = String(submitted ?? '').replace(/\s+/g, '');
  if (!/^[0-9]{6}$/.test(token)) return 'invalid';
  const delta = TOTP.validate({
    token,
    secret: Secret.fromBase32(secret),
    ...TOTP_PARAMS,
    timestamp,
    window: 1,
  });
  return delta === null ? 'rejected' : 'accepted';
}

/** @param {string} text */
export function escapeHtml(text) {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Markup that is already safe; anything else interpolated into `html` is escaped. */
class SafeHtml {
  /** @param {string} value */
  constructor(value) {
    this.value = value;
  }
  toString() {
    return this.value;
  }
}

/** @param {unknown} value @returns {string} */
function renderValue(value) {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(renderValue).join('');
  return escapeHtml(String(value));
}

/**
 * Tagged template: every interpolated value is HTML-escaped unless it is itself `html`.
 * @param {TemplateStringsArray} strings
 * @param {...unknown} values
 */
function html(strings, ...values) {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += renderValue(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

// ---------------------------------------------------------------------------------------------
// Page layout
// ---------------------------------------------------------------------------------------------

const STYLES = `
:root { color-scheme: light dark; --bg: #f6f7f9; --fg: #1b1f24; --muted: #57606a; --card: #fff;
  --line: #d0d7de; --accent: #0b5cad; --accent-fg: #fff; --ok-bg: #e6f4ea; --ok-fg: #14532d;
  --bad-bg: #fdecea; --bad-fg: #8a1c13; --strip-bg: #fff4ce; --strip-fg: #4d3b00; --focus: #f59e0b; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0f1216; --fg: #e6e9ed; --muted: #9aa4af; --card: #181c22; --line: #2f3640;
    --accent: #5aa9ff; --accent-fg: #06111f; --ok-bg: #12301d; --ok-fg: #a7f3c0;
    --bad-bg: #3a1512; --bad-fg: #ffb4aa; --strip-bg: #3a3000; --strip-fg: #ffe58a; }
}
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  background: var(--bg); color: var(--fg); }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--card); padding: .5rem 1rem; z-index: 1; }
.demo-strip { background: var(--strip-bg); color: var(--strip-fg); padding: .4rem 1rem;
  text-align: center; font-size: .9rem; }
header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; justify-content: space-between;
  padding: .75rem 1rem; border-bottom: 1px solid var(--line); background: var(--card); }
header .brand { font-weight: 700; font-size: 1.15rem; text-decoration: none; color: var(--fg); }
header nav ul { display: flex; gap: 1rem; align-items: center; list-style: none; margin: 0; padding: 0; }
main { max-width: 36rem; margin: 2rem auto; padding: 1.5rem; background: var(--card);
  border: 1px solid var(--line); border-radius: 12px; }
h1 { margin-top: 0; font-size: 1.6rem; }
label { display: block; font-weight: 600; margin: 1rem 0 .3rem; }
input[type=email], input[type=password], input[type=text] { width: 100%; padding: .6rem .7rem;
  font: inherit; border: 1px solid var(--line); border-radius: 8px; background: var(--bg); color: var(--fg); }
input#otp { max-width: 10rem; font-size: 1.3rem; letter-spacing: .2em; font-variant-numeric: tabular-nums; }
input[aria-invalid=true] { border-color: var(--bad-fg); }
.hint { color: var(--muted); font-size: .9rem; margin: .2rem 0 0; }
button, .button { display: inline-block; margin-top: 1.2rem; padding: .6rem 1.2rem; font: inherit;
  font-weight: 600; border: 0; border-radius: 8px; background: var(--accent); color: var(--accent-fg);
  text-decoration: none; cursor: pointer; }
.link-button { margin: 0; padding: 0; background: none; color: var(--accent); font-weight: inherit;
  text-decoration: underline; }
.msg { padding: .75rem 1rem; border-radius: 8px; margin: 0 0 1rem; }
.msg-ok { background: var(--ok-bg); color: var(--ok-fg); }
.msg-bad { background: var(--bad-bg); color: var(--bad-fg); }
.msg ul { margin: .3rem 0 0; padding-left: 1.2rem; }
.qr { display: block; width: 200px; height: 200px; margin: 1rem 0; background: #fff;
  border-radius: 8px; image-rendering: pixelated; }
#text-key { display: inline-block; font: 1.05rem/1.6 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  letter-spacing: .05em; word-spacing: .3em; padding: .4rem .6rem; border: 1px dashed var(--line);
  border-radius: 6px; user-select: all; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; }
footer { text-align: center; color: var(--muted); font-size: .85rem; margin-bottom: 2rem; }
`;

/**
 * @typedef {{ id: string, email: string | null, pendingSecret?: string,
 *   pendingLoginEmail?: string, flash?: string }} Session
 * @typedef {{ email: string, salt: Buffer, hash: Buffer, secret: string | null }} User
 */

/**
 * @param {{ title: string, body: SafeHtml, user: User | null, error?: boolean }} page
 * @returns {string}
 */
function layout({ title, body, user, error = false }) {
  const nav = user
    ? html`<li><a href="/account">Your account</a></li>
        <li><a href="/account/security">Login &amp; Security</a></li>
        <li><form method="post" action="/signout"><button class="link-button" type="submit">Sign out</button></form></li>`
    : html`<li><a href="/signin">Sign in</a></li><li><a href="/signup">Sign up</a></li>`;
  const fullTitle = `${error ? 'Error: ' : ''}${title} – ${SHOP_NAME}`;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
<style>${new SafeHtml(STYLES)}</style>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<div class="demo-strip" role="note">This is a local demo shop for trying Twofold. Nothing is real and no data leaves this machine.</div>
<header>
<a class="brand" href="/">${SHOP_NAME}</a>
<nav aria-label="Account"><ul>${nav}</ul></nav>
</header>
<main id="main" tabindex="-1">
${body}
</main>
<footer>${SHOP_NAME} · runs on your computer only · accounts are forgotten when it stops</footer>
</body>
</html>
`.value;
}

/**
 * The one result message on a page, for people (role) and for tests (id, data-result).
 * @param {'accepted' | 'rejected' | 'invalid'} result
 * @param {string | SafeHtml} content
 */
function resultMessage(result, content) {
  const ok = result === 'accepted';
  return html`<div id="result" class="msg ${ok ? 'msg-ok' : 'msg-bad'}" role="${ok ? 'status' : 'alert'}" data-result="${result}">${content}</div>`;
}

/** @param {'accepted' | 'rejected' | 'invalid' | null} result */
function codeResultMessage(result) {
  if (result === 'rejected') return resultMessage('rejected', MESSAGES.codeRejected);
  if (result === 'invalid') return resultMessage('invalid', MESSAGES.codeInvalid);
  return null;
}

/**
 * The one-time-code input, shared by setup and sign-in verification.
 * @param {string} label
 * @param {boolean} invalid
 */
function otpField(label, invalid) {
  return html`<label for="otp">${label}</label>
<input id="otp" name="otp" type="text" autocomplete="one-time-code" inputmode="numeric" pattern="[0-9]*" maxlength="6" required autofocus spellcheck="false"${invalid ? html` aria-invalid="true" aria-describedby="result"` : ''}>`;
}

// ---------------------------------------------------------------------------------------------
// Server
// ---------------------------------------------------------------------------------------------

const scryptAsync = /** @type {(pw: string, salt: Buffer, len: number) => Promise<Buffer>} */ (
  promisify(scrypt)
);

class HttpError extends Error {
  /** @param {number} status @param {string} message @param {Record<string, string>} [headers] */
  constructor(status, message, headers = {}) {
    super(message);
    this.status = status;
    this.headers = headers;
  }
}

/**
 * Starts the demo shop.
 * @param {{ port?: number, host?: string, tls?: { key: string, cert: string }, now?: () => number }} [options]
 * @returns {Promise<{ url: string, port: number, close(): Promise<void> }>}
 */
export async function startShop(options = {}) {
  const { port = 0, host = '127.0.0.1', tls, now = () => Date.now() } = options;

  /** @type {Map<string, User>} keyed by lower-cased email */
  const users = new Map();
  /** @type {Map<string, Session>} */
  const sessions = new Map();
  const dummySalt = randomBytes(16);

  /** @param {string} password @param {Buffer} salt */
  const hashPassword = (password, salt) => scryptAsync(password, salt, 32);

  /**
   * @param {http.ServerResponse} res
   * @param {Partial<Session>} fields
   */
  function newSession(res, fields) {
    const id = randomBytes(32).toString('base64url');
    /** @type {Session} */
    const session = { id, email: null, ...fields };
    sessions.set(id, session);
    const secure = tls ? '; Secure' : '';
    res.setHeader('Set-Cookie', `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax${secure}`);
    return session;
  }

  /** @param {http.ServerResponse} res @param {Session | null} session */
  function endSession(res, session) {
    if (session) sessions.delete(session.id);
    res.setHeader('Set-Cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`);
  }

  /** @param {http.IncomingMessage} req @returns {Session | null} */
  function readSession(req) {
    for (const part of (req.headers.cookie ?? '').split(';')) {
      const eq = part.indexOf('=');
      if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) {
        return sessions.get(part.slice(eq + 1).trim()) ?? null;
      }
    }
    return null;
  }

  /**
   * @param {http.ServerResponse} res
   * @param {number} status
   * @param {string} body
   * @param {Record<string, string>} [headers]
   */
  function send(res, status, body, headers = {}) {
    res.writeHead(status, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Content-Security-Policy':
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; form-action 'self'; base-uri 'none'",
      ...headers,
    });
    res.end(body);
  }

  /** @param {http.ServerResponse} res @param {string} location */
  function redirect(res, location) {
    res.writeHead(303, { Location: location, 'Content-Length': 0, 'Cache-Control': 'no-store' });
    res.end();
  }

  /**
   * Reads an application/x-www-form-urlencoded body, capped at MAX_BODY_BYTES (413 beyond).
   * @param {http.IncomingMessage} req
   * @returns {Promise<URLSearchParams>}
   */
  function readForm(req) {
    return new Promise((resolve, reject) => {
      /** @type {Buffer[]} */
      const chunks = [];
      let size = 0;
      req.on('data', (/** @type {Buffer} */ chunk) => {
        size += chunk.length;
        if (size > MAX_DRAIN_BYTES) {
          req.destroy();
          reject(new HttpError(413, 'That request was too large.'));
        } else if (size <= MAX_BODY_BYTES) {
          chunks.push(chunk);
        }
      });
      req.on('end', () => {
        if (size > MAX_BODY_BYTES) reject(new HttpError(413, 'That request was too large.'));
        else resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      });
      req.on('error', reject);
    });
  }

  /**
   * @typedef {{ req: http.IncomingMessage, res: http.ServerResponse, session: Session | null,
   *   user: User | null, form: URLSearchParams }} Ctx
   * @typedef {(ctx: Ctx) => void | Promise<void>} Handler
   */

  /** @param {Ctx} ctx @param {string} title @param {SafeHtml} body @param {{ status?: number, error?: boolean }} [opts] */
  function page(ctx, title, body, { status = 200, error = false } = {}) {
    send(ctx.res, status, layout({ title, body, user: ctx.user, error }));
  }

  /** @param {Ctx} ctx @returns {ctx is Ctx & { user: User, session: Session }} */
  function requireUser(ctx) {
    if (ctx.user && ctx.session) return true;
    redirect(ctx.res, '/signin');
    return false;
  }

  // --- pages -----------------------------------------------------------------------------------

  /** @param {Ctx} ctx @param {{ email?: string, errors?: string[], taken?: boolean }} [state] */
  function signupPage(ctx, { email = '', errors = [], taken = false } = {}) {
    const badEmail = errors.includes(MESSAGES.badEmail) || taken;
    const badPassword = errors.includes(MESSAGES.shortPassword);
    const message = errors.length
      ? resultMessage(
          taken && errors.length === 1 ? 'rejected' : 'invalid',
          errors.length === 1
            ? String(errors[0])
            : html`<p style="margin:0">There is a problem:</p><ul>${errors.map((e) => html`<li>${e}</li>`)}</ul>`,
        )
      : null;
    page(
      ctx,
      'Create your account',
      html`<h1>Create your account</h1>
${message}
<form method="post" action="/signup" id="signup-form">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${email}"${badEmail ? html` aria-invalid="true" aria-describedby="result"` : ''}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="new-password" required minlength="${MIN_PASSWORD_LENGTH}" aria-describedby="password-hint"${badPassword ? html` aria-invalid="true"` : ''}>
<p class="hint" id="password-hint">At least ${MIN_PASSWORD_LENGTH} characters. This is a demo: use a throwaway password.</p>
<button type="submit">Create account</button>
</form>
<p>Already have an account? <a href="/signin">Sign in</a></p>`,
      { status: errors.length ? (taken ? 409 : 400) : 200, error: errors.length > 0 },
    );
  }

  /** @param {Ctx} ctx @param {{ email?: string, failed?: boolean }} [state] */
  function signinPage(ctx, { email = '', failed = false } = {}) {
    page(
      ctx,
      'Sign in',
      html`<h1>Sign in</h1>
${failed ? resultMessage('rejected', MESSAGES.badCredentials) : null}
<form method="post" action="/signin" id="signin-form">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${email}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>
<p>New here? <a href="/signup">Create an account</a></p>`,
      { status: failed ? 401 : 200, error: failed },
    );
  }

  /** @param {Ctx} ctx @param {'rejected' | 'invalid' | null} result */
  function verifyPage(ctx, result) {
    page(
      ctx,
      'Two-step verification',
      html`<h1>Two-step verification</h1>
${codeResultMessage(result)}
<p>Your account has two-step verification turned on.</p>
<form method="post" action="/signin/verify" id="verify-form">
${otpField('Enter the code from your authenticator app', result !== null)}
<button type="submit">Verify</button>
</form>
<p><a href="/signin">Cancel and sign in again</a></p>`,
      { status: result ? 400 : 200, error: result !== null },
    );
  }

  /**
   * @param {Ctx & { user: User, session: Session }} ctx
   * @param {'rejected' | 'invalid' | null} result
   */
  async function setupPage(ctx, result) {
    const { user, session } = ctx;
    if (!session.pendingSecret) session.pendingSecret = new Secret({ size: 20 }).base32;
    const secret = session.pendingSecret;
    const qr = await QRCode.toDataURL(buildOtpauthUri(user.email, secret), {
      errorCorrectionLevel: 'M',
      margin: 4,
      width: 400,
      color: { dark: '#000000', light: '#ffffff' },
    });
    page(
      ctx,
      'Set up your authenticator app',
      html`<h1>Set up your authenticator app</h1>
${codeResultMessage(result)}
${user.secret ? html`<p>Two-step verification is already on. Finishing this setup replaces the key your app uses now.</p>` : null}
<p>Scan this QR code with your authenticator app. With Twofold: click the Twofold toolbar icon, then “Scan QR code on this page”.</p>
<img class="qr" id="qr" src="${qr}" width="200" height="200" alt="QR code for your authenticator app">
<h2>Can't scan? Enter this key</h2>
<p><code id="text-key">${formatKey(secret)}</code></p>
<dl class="facts">
<dt>Account</dt><dd>${user.email}</dd>
<dt>Type</dt><dd>Time-based, 6 digits, every 30 seconds</dd>
</dl>
<form method="post" action="/account/two-step/setup" id="setup-form">
${otpField('Enter the 6-digit code from your app', result !== null)}
<button type="submit">Turn on</button>
</form>
<p><a href="/account/security">Cancel</a></p>`,
      { status: result ? 400 : 200, error: result !== null },
    );
  }

  // --- routes ----------------------------------------------------------------------------------

  /** @type {Record<string, Partial<Record<'GET' | 'POST', Handler>>>} */
  const routes = {
    '/': {
      GET(ctx) {
        const links = ctx.user
          ? html`<p>You are signed in as <strong>${ctx.user.email}</strong>.</p>
<p><a class="button" href="/account/security">Login &amp; Security</a></p>
<form method="post" action="/signout"><button class="link-button" type="submit">Sign out</button></form>`
          : html`<p><a class="button" href="/signup">Sign up</a> or <a href="/signin">Sign in</a></p>`;
        page(
          ctx,
          'Home',
          html`<h1>Welcome to ${SHOP_NAME}</h1>
<p>A pretend shop for trying two-step verification with Twofold, start to finish, without a real account.</p>
<ol>
<li>Create an account (any email and a throwaway password).</li>
<li>Go to Login &amp; Security and turn on two-step verification: scan the QR code with Twofold.</li>
<li>Sign out, sign in again, and let Twofold fill the code.</li>
</ol>
${links}`,
        );
      },
    },

    '/signup': {
      GET(ctx) {
        signupPage(ctx);
      },
      async POST(ctx) {
        const email = (ctx.form.get('email') ?? '').trim();
        const password = ctx.form.get('password') ?? '';
        const errors = [];
        if (email.length > 254 || !/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(email)) errors.push(MESSAGES.badEmail);
        if ([...password].length < MIN_PASSWORD_LENGTH) errors.push(MESSAGES.shortPassword);
        const key = email.toLowerCase();
        const taken = errors.length === 0 && users.has(key);
        if (taken) errors.push(MESSAGES.emailTaken);
        if (errors.length) return signupPage(ctx, { email, errors, taken });
        const salt = randomBytes(16);
        users.set(key, { email: key, salt, hash: await hashPassword(password, salt), secret: null });
        if (ctx.session) sessions.delete(ctx.session.id);
        newSession(ctx.res, { email: key });
        redirect(ctx.res, '/account/security');
      },
    },

    '/signin': {
      GET(ctx) {
        signinPage(ctx);
      },
      async POST(ctx) {
        const email = (ctx.form.get('email') ?? '').trim();
        const password = ctx.form.get('password') ?? '';
        const user = users.get(email.toLowerCase());
        const hash = await hashPassword(password, user ? user.salt : dummySalt);
        if (!user || !timingSafeEqual(hash, user.hash)) return signinPage(ctx, { email, failed: true });
        if (ctx.session) sessions.delete(ctx.session.id);
        if (user.secret) {
          newSession(ctx.res, { pendingLoginEmail: user.email });
          return redirect(ctx.res, '/signin/verify');
        }
        newSession(ctx.res, { email: user.email, flash: MESSAGES.welcome(user.email) });
        redirect(ctx.res, '/account');
      },
    },

    '/signin/verify': {
      GET(ctx) {
        if (!ctx.session?.pendingLoginEmail) return redirect(ctx.res, '/signin');
        verifyPage(ctx, null);
      },
      POST(ctx) {
        const pending = ctx.session?.pendingLoginEmail;
        const user = pending ? users.get(pending) : undefined;
        if (!ctx.session || !user?.secret) return redirect(ctx.res, '/signin');
        const result = checkCode(ctx.form.get('otp'), user.secret, now());
        if (result !== 'accepted') return verifyPage(ctx, result);
        sessions.delete(ctx.session.id);
        newSession(ctx.res, { email: user.email, flash: MESSAGES.welcome(user.email) });
        redirect(ctx.res, '/account');
      },
    },

    '/signout': {
      GET(ctx) {
        endSession(ctx.res, ctx.session);
        redirect(ctx.res, '/');
      },
      POST(ctx) {
        endSession(ctx.res, ctx.session);
        redirect(ctx.res, '/');
      },
    },

    '/account': {
      GET(ctx) {
        if (!requireUser(ctx)) return;
        const flash = ctx.session.flash;
        delete ctx.session.flash;
        page(
          ctx,
          flash ? 'Signed in' : 'Your account',
          html`<h1>Your account</h1>
${flash ? resultMessage('accepted', flash) : null}
<dl class="facts"><dt>Email</dt><dd id="account-email">${ctx.user.email}</dd></dl>
<p><a href="/account/security">Login &amp; Security</a></p>`,
        );
      },
    },

    '/account/security': {
      GET(ctx) {
        if (!requireUser(ctx)) return;
        const on = ctx.user.secret !== null;
        page(
          ctx,
          'Login & Security',
          html`<h1>Login &amp; Security</h1>
<dl class="facts"><dt>Email</dt><dd>${ctx.user.email}</dd><dt>Password</dt><dd>••••••••</dd></dl>
<h2>Two-step verification</h2>
<p id="two-step-status" data-two-step="${on ? 'on' : 'off'}">Two-step verification is <strong>${on ? 'on' : 'off'}</strong>.</p>
${
  on
    ? html`<p>When you sign in, we ask for a code from your authenticator app.</p>
<p><a href="/account/two-step/setup">Set up a different authenticator app</a></p>
<form method="post" action="/account/two-step/disable"><button type="submit">Turn off two-step verification</button></form>`
    : html`<p>Add a second step to sign-in: a code from an authenticator app.</p>
<p><a class="button" id="turn-on-two-step" href="/account/two-step/setup">Turn on two-step verification</a></p>`
}`,
        );
      },
    },

    '/account/two-step/setup': {
      async GET(ctx) {
        if (!requireUser(ctx)) return;
        await setupPage(ctx, null);
      },
      async POST(ctx) {
        if (!requireUser(ctx)) return;
        const secret = ctx.session.pendingSecret;
        if (!secret) return redirect(ctx.res, '/account/two-step/setup');
        const result = checkCode(ctx.form.get('otp'), secret, now());
        if (result !== 'accepted') return setupPage(ctx, result);
        ctx.user.secret = secret;
        delete ctx.session.pendingSecret;
        page(
          ctx,
          'Two-step verification is on',
          html`<h1>All set</h1>
${resultMessage('accepted', MESSAGES.twoStepOn)}
<p>Next time you sign in, we will ask for a code from your authenticator app.</p>
<p><a href="/account/security">Back to Login &amp; Security</a></p>`,
        );
      },
    },

    '/account/two-step/disable': {
      POST(ctx) {
        if (!requireUser(ctx)) return;
        ctx.user.secret = null;
        redirect(ctx.res, '/account/security');
      },
    },
  };

  /** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
  async function handle(req, res) {
    const session = readSession(req);
    const user = session?.email ? (users.get(session.email) ?? null) : null;
    /** @type {Ctx} */
    const ctx = { req, res, session, user, form: new URLSearchParams() };
    try {
      const { pathname } = new URL(req.url ?? '/', 'http://shop.invalid');
      const route = Object.hasOwn(routes, pathname) ? routes[pathname] : undefined;
      if (!route) throw new HttpError(404, 'There is no page at this address.');
      const method = req.method === 'HEAD' ? 'GET' : req.method;
      const handler = method === 'GET' || method === 'POST' ? route[method] : undefined;
      if (!handler) {
        const allow = Object.keys(route).flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m]));
        throw new HttpError(405, 'This page does not accept that kind of request.', { Allow: allow.join(', ') });
      }
      if (method === 'POST') ctx.form = await readForm(req);
      await handler(ctx);
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const known = error instanceof HttpError;
      if (!known) console.error('[demo shop]', error);
      const status = known ? error.status : 500;
      const title = { 404: 'Page not found', 405: 'Method not allowed', 413: 'Request too large' }[status] ?? 'Something went wrong';
      const message = known ? error.message : 'The demo shop hit an unexpected error.';
      const body = html`<h1>${title}</h1><p>${message}</p><p><a href="/">Go to the home page</a></p>`;
      send(res, status, layout({ title, body, user, error: true }), {
        ...(known ? error.headers : {}),
        ...(status === 413 && !req.complete ? { Connection: 'close' } : {}),
      });
    }
  }

  const listener = (/** @type {http.IncomingMessage} */ req, /** @type {http.ServerResponse} */ res) => {
    void handle(req, res);
  };
  const server = tls ? https.createServer({ key: tls.key, cert: tls.cert }, listener) : http.createServer(listener);

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });

  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const hostForUrl = host.includes(':') ? `[${host}]` : host;
  return {
    url: `${tls ? 'https' : 'http'}://${hostForUrl}:${address.port}`,
    port: address.port,
    close() {
      return new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
