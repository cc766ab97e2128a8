/**
 * HTML for one corpus case: a made-up but realistic "turn on two-step verification" page
 * (header, steps, the code, a text key, an "Enter code" input, footer), in the case's theme
 * and layout, with the QR drawn as an `<img>`, a `<canvas>` or inline `<svg>`.
 */
import QRCode from 'qrcode';
import { QR_MARGIN, type CorpusCaseSpec, type PageQr, type PageTheme } from './corpus-cases';

interface Palette {
  page: string;
  panel: string;
  text: string;
  muted: string;
  border: string;
  accent: string;
  /** Module colour and quiet-zone colour of the code. */
  qrDark: string;
  qrLight: string;
  /** Background behind the code (a white card for light codes on dark pages). */
  qrCard: string;
}

const PALETTES: Record<PageTheme, Palette> = {
  light: {
    page: '#f4f5f7', panel: '#ffffff', text: '#1f2328', muted: '#59636e', border: '#d1d9e0', accent: '#0969da',
    qrDark: '#000000', qrLight: '#ffffff', qrCard: '#ffffff',
  },
  'dark-light-code': {
    page: '#0d1117', panel: '#161b22', text: '#e6edf3', muted: '#9198a1', border: '#3d444d', accent: '#4493f8',
    qrDark: '#000000', qrLight: '#ffffff', qrCard: '#ffffff',
  },
  'dark-inverted': {
    page: '#1b1c1f', panel: '#232428', text: '#e3e3e3', muted: '#a0a0a8', border: '#3a3b40', accent: '#8ab4f8',
    qrDark: '#e8e8e8', qrLight: '#232428', qrCard: '#232428',
  },
  'low-contrast': {
    page: '#bbbbbb', panel: '#bbbbbb', text: '#333333', muted: '#4a4a4a', border: '#999999', accent: '#334d80',
    qrDark: '#777777', qrLight: '#bbbbbb', qrCard: '#bbbbbb',
  },
};

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

async function qrElement(qr: PageQr, palette: Palette, dpr: number, isMain: boolean): Promise<string> {
  const color = { dark: palette.qrDark, light: palette.qrLight };
  const filter = qr.blur === 'filter' ? 'filter: blur(0.6px);' : '';
  const box = `width:${qr.size}px;height:${qr.size}px;display:block;${filter}`;
  const opts = { errorCorrectionLevel: qr.ecl, margin: QR_MARGIN, color };
  const role = isMain ? 'setup-qr' : 'other-qr';
  if (qr.render === 'img') {
    const url =
      qr.blur === 'upscaled'
        ? await QRCode.toDataURL(qr.text, { ...opts, scale: 1 })
        : await QRCode.toDataURL(qr.text, { ...opts, width: Math.round(qr.size * dpr) });
    return `<img class="${role}" alt="QR code" src="${url}" style="${box}image-rendering:auto">`;
  }
  if (qr.render === 'svg') {
    const svg = await QRCode.toString(qr.text, { ...opts, type: 'svg' });
    return `<div class="${role}" style="${box}">${svg.replace('<svg ', '<svg width="100%" height="100%" ')}</div>`;
  }
  const modules = QRCode.create(qr.text, { errorCorrectionLevel: qr.ecl }).modules;
  const rows: string[] = [];
  for (let y = 0; y < modules.size; y++) {
    let row = '';
    for (let x = 0; x < modules.size; x++) row += modules.get(x, y) ? '1' : '0';
    rows.push(row);
  }
  return `<canvas class="${role} qr-canvas" data-rows="${rows.join(',')}" data-dark="${color.dark}" data-light="${color.light}" style="${box}"></canvas>`;
}

/** Draws every `.qr-canvas` from its module rows at the device pixel ratio, as sites do. */
const CANVAS_SCRIPT = `
for (const c of document.querySelectorAll('canvas.qr-canvas')) {
  const rows = c.dataset.rows.split(',');
  const css = parseFloat(c.style.width);
  const px = Math.round(css * devicePixelRatio);
  c.width = px; c.height = px;
  const ctx = c.getContext('2d');
  const n = rows.length + ${2 * QR_MARGIN};
  const m = px / n;
  ctx.fillStyle = c.dataset.light; ctx.fillRect(0, 0, px, px);
  ctx.fillStyle = c.dataset.dark;
  rows.forEach((row, y) => { for (let x = 0; x < row.length; x++) if (row[x] === '1') ctx.fillRect((x + ${QR_MARGIN}) * m, (y + ${QR_MARGIN}) * m, m, m); });
}`;

/** Renders the case's page. Resolves with a complete HTML document. */
export async function renderEnrollmentPage(spec: CorpusCaseSpec): Promise<string> {
  const p = PALETTES[spec.theme];
  const main = spec.qrs[0];
  const others = spec.qrs.slice(1);
  const mainEl = main ? await qrElement(main, p, spec.deviceScaleFactor, true) : '';
  const otherEls = await Promise.all(others.map((q) => qrElement(q, p, spec.deviceScaleFactor, false)));
  const secret = main?.text.match(/secret=([A-Z2-7]+)/)?.[1] ?? 'JBSW Y3DP EHPK 3PXP';
  const keyText = secret.replace(/(.{4})/g, '$1 ').trim().toLowerCase();
  const site = escapeHtml(spec.site);

  const qrCard = (el: string, caption: string) =>
    `<figure class="qr-card"><div class="qr-wrap">${el}</div><figcaption>${escapeHtml(caption)}</figcaption></figure>`;

  const steps = `
    <ol class="steps">
      <li>Install an authenticator app such as Google Authenticator, Microsoft Authenticator or Twofold.</li>
      <li>Open the app and scan the QR code below, or enter the key by hand.</li>
      <li>Enter the 6-digit code the app shows to finish turning on two-step verification.</li>
    </ol>`;
  const keyAndInput = `
    <p class="muted">Can't scan the code? Enter this key instead (spaces don't matter):</p>
    <p class="key">${escapeHtml(keyText)}</p>
    <label for="otp">Enter OTP</label>
    <div class="row"><input id="otp" inputmode="numeric" autocomplete="one-time-code" placeholder="123456" maxlength="6">
    <button>Verify OTP and continue</button></div>
    <p class="muted small">By continuing you agree that ${site} may ask for a code when you sign in from a new device.
    You can turn this off at any time in Login &amp; Security.</p>`;

  let body: string;
  if (spec.layout === 'side') {
    // The other codes (an app-store link…) come first, as sites show "step 1: get the app".
    const left = others.map((q, i) => qrCard(otherEls[i]!, q.caption)).join('') + (main ? qrCard(mainEl, main.caption) : '');
    // Three codes or more sit in a wrapping row, so they fit a 720 px high window.
    const codesStyle = others.length > 1 ? ' style="flex-direction:row;flex-wrap:wrap;align-items:flex-start;max-width:520px"' : '';
    body = `<main class="panel side"><div class="codes"${codesStyle}>${left}</div><div class="text">
      <h1>Set up your authenticator app</h1>${steps}${keyAndInput}</div></main>`;
  } else if (spec.layout === 'modal') {
    body = `<main class="panel"><h1>Login &amp; Security</h1>
      <table><tr><th>Name</th><td>Alice Example</td><td><button>Edit</button></td></tr>
      <tr><th>Email</th><td>alice@example.com</td><td><button>Edit</button></td></tr>
      <tr><th>Password</th><td>••••••••</td><td><button>Edit</button></td></tr>
      <tr><th>Two-step verification</th><td>Off</td><td><button>Turn on</button></td></tr></table>
      <p>${'Keep your account secure by reviewing your sign-in settings regularly. '.repeat(6)}</p></main>
      <div class="overlay"></div>
      <div class="dialog" role="dialog"><h2>Add an authenticator app</h2>
      ${main ? qrCard(mainEl, main.caption) : ''}${keyAndInput}</div>`;
  } else if (spec.layout === 'cut-off') {
    body = `<main class="panel"><h1>Two-Step Verification</h1>${steps}<p>${'Scroll down to see the QR code. '.repeat(8)}</p>
      <div style="position:absolute;left:40%;top:calc(100vh - ${Math.round((main?.size ?? 200) * 0.45)}px)">${mainEl}</div></main>`;
  } else {
    const qrs = spec.qrs.length
      ? qrCard(mainEl, main!.caption)
      : `<div class="noqr"><p>Use a security key or a text message instead.</p><button>Use a security key</button></div>`;
    body = `<main class="panel"><h1>Two-Step Verification (2SV) settings</h1>
      <p>Two-step verification adds an extra layer of security to your ${site} account.</p>
      ${steps}${qrs}${keyAndInput}</main>`;
  }

  return `<!doctype html><html><head><meta charset="utf-8"><style>
    * { box-sizing: border-box; }
    body { margin: 0; font: 15px/1.5 system-ui, sans-serif; background: ${p.page}; color: ${p.text}; }
    header { display: flex; gap: 24px; align-items: center; padding: 12px 32px; background: ${p.panel}; border-bottom: 1px solid ${p.border}; }
    header b { font-size: 22px; color: ${p.accent}; } header a { color: ${p.muted}; text-decoration: none; }
    .panel { max-width: 880px; margin: 24px auto; padding: 24px 40px; background: ${p.panel}; border: 1px solid ${p.border}; border-radius: 8px; }
    .side { display: flex; gap: 40px; max-width: 1100px; } .side .codes { display: flex; flex-direction: column; gap: 16px; }
    h1 { font-size: 26px; margin: 0 0 12px; } h2 { font-size: 20px; }
    .muted { color: ${p.muted}; } .small { font-size: 12px; }
    .steps li { margin: 4px 0; }
    .qr-card { margin: 16px 0; display: inline-block; text-align: center; }
    .qr-wrap { background: ${p.qrCard}; padding: 12px; border-radius: 6px; display: inline-block; }
    figcaption { font-size: 13px; color: ${p.muted}; }
    .key { font: 16px/1.4 ui-monospace, monospace; letter-spacing: 1px; background: ${p.page}; padding: 6px 10px; border-radius: 4px; word-break: break-all; }
    label { display: block; font-weight: 600; margin-top: 8px; }
    .row { display: flex; gap: 12px; } input { font-size: 18px; padding: 6px 10px; width: 180px; border: 1px solid ${p.border}; background: ${p.panel}; color: ${p.text}; }
    button { padding: 8px 16px; border-radius: 6px; border: 1px solid ${p.border}; background: ${p.accent}; color: #fff; }
    table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 10px; border-bottom: 1px solid ${p.border}; }
    .overlay { position: fixed; inset: 0; background: rgba(0,0,0,0.55); }
    .dialog { position: fixed; left: 50%; top: 50%; transform: translate(-50%, -50%); background: ${p.panel}; padding: 20px 32px; border-radius: 10px; width: min(640px, 90vw); max-height: 96vh; overflow: hidden; box-shadow: 0 10px 40px rgba(0,0,0,.5); }
    footer { text-align: center; color: ${p.muted}; font-size: 12px; padding: 16px; }
  </style></head><body>
  <header><b>${site}</b><a href="#">Your account</a><a href="#">Orders</a><a href="#">Help</a><a href="#">Sign out</a></header>
  ${body}
  <footer>Conditions of Use · Privacy Notice · © 1996-2025 ${site}, Inc. or its affiliates</footer>
  <script>${CANVAS_SCRIPT}</script></body></html>`;
}
