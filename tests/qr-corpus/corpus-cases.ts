/**
 * The QR corpus as data: every enrollment page Twofold's decoder is measured on.
 *
 * Each row names a scenario, the browser window it is captured in, how the QR is drawn, and
 * what a decoder must (and must not) find. Rows are built deterministically (a seeded PRNG for
 * secrets, fixed cycles for the dimensions) so the corpus is the same on every machine.
 */
import QRCode from 'qrcode';

/** How the setup QR is put on the page. */
export const QrRender = { Img: 'img', Canvas: 'canvas', Svg: 'svg' } as const;
export type QrRender = (typeof QrRender)[keyof typeof QrRender];

/** Page colour schemes. */
export const PageTheme = {
  /** Dark modules on white, light page. */
  Light: 'light',
  /** Dark page; the code sits on its own white card (light code). */
  DarkLightCode: 'dark-light-code',
  /** Dark page; light modules drawn straight on dark (inverted code). */
  DarkInverted: 'dark-inverted',
  /** Grey modules on a grey page (#777 on #bbb). */
  LowContrast: 'low-contrast',
} as const;
export type PageTheme = (typeof PageTheme)[keyof typeof PageTheme];

/** Ways the QR is degraded on the page. */
export const QrBlur = {
  None: 'none',
  /** A one-pixel-per-module bitmap upscaled by CSS with `image-rendering: auto`. */
  Upscaled: 'upscaled',
  /** `filter: blur(0.6px)`. */
  Filter: 'filter',
} as const;
export type QrBlur = (typeof QrBlur)[keyof typeof QrBlur];

export type ErrorCorrection = 'L' | 'M' | 'Q' | 'H';

/** One QR drawn on a page. */
export interface PageQr {
  text: string;
  render: QrRender;
  /** Displayed side in CSS px, quiet zone included. */
  size: number;
  ecl: ErrorCorrection;
  blur: QrBlur;
  /** Caption shown under the code. */
  caption: string;
}

/** Everything needed to render and capture one case. */
export interface CorpusCaseSpec {
  /** Scenario name, also the file stem. */
  id: string;
  viewport: { width: number; height: number };
  deviceScaleFactor: number;
  format: 'png' | 'jpeg';
  /** JPEG quality, when `format` is jpeg. */
  quality?: number;
  theme: PageTheme;
  layout: 'inline' | 'side' | 'modal' | 'cut-off';
  /** Site name shown in the page chrome. */
  site: string;
  /** The codes on the page; the first is the main one. Empty for a page with no QR. */
  qrs: PageQr[];
  /** Texts a decoder must find. */
  expected: string[];
  /** True when no two-step verification account may be found on this page. */
  negative: boolean;
  /** Short labels for reports (`dark`, `two-codes`, `jpeg60`, …). */
  tags: string[];
}

/** A case as written to the manifest: the spec plus where its capture lives and its size. */
export interface CorpusCase extends CorpusCaseSpec {
  /** File name inside the corpus directory. */
  file: string;
  /** Captured size in device pixels. */
  captureWidth: number;
  captureHeight: number;
  /** Where each code of `qrs` ended up, in capture pixels (the main code first). */
  qrBounds: Array<{ x: number; y: number; width: number; height: number }>;
}

const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 2560, height: 1440 },
] as const;

/** Deterministic 32-bit PRNG (mulberry32), so secrets are the same on every run. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const SITES = [
  { issuer: 'Amazon', domain: 'amazon.com', secretLength: 52 },
  { issuer: 'Google', domain: 'google.com', secretLength: 32 },
  { issuer: 'Microsoft', domain: 'microsoft.com', secretLength: 16 },
  { issuer: 'Slack', domain: 'slack.com', secretLength: 32 },
  { issuer: 'PayPal', domain: 'paypal.com', secretLength: 32 },
  { issuer: 'Apple', domain: 'apple.com', secretLength: 26 },
  { issuer: 'First Community Bank', domain: 'fcbank.example', secretLength: 32 },
  { issuer: 'GitHub', domain: 'github.com', secretLength: 16 },
] as const;
const USERS = ['alice@example.com', 'bob.smith@example.org', 'maria.garcia+shop@example.net', 'kenji'];
const APP_LINKS = [
  'https://apps.apple.com/app/google-authenticator/id388497605',
  'https://play.google.com/store/apps/details?id=com.google.android.apps.authenticator2',
  'https://example.com/get-the-app?ref=2fa-setup',
];

function randomSecret(random: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += BASE32[Math.floor(random() * 32)];
  return out;
}

/** An ordinary setup URI; `dense` adds a long label, issuer and extra parameters (300+ chars). */
function otpauthUri(random: () => number, siteIndex: number, userIndex: number, dense: boolean): string {
  const site = SITES[siteIndex % SITES.length]!;
  const user = USERS[userIndex % USERS.length]!;
  if (!dense) {
    const secret = randomSecret(random, site.secretLength);
    return `otpauth://totp/${encodeURIComponent(site.issuer)}:${encodeURIComponent(user)}?secret=${secret}&issuer=${encodeURIComponent(site.issuer)}`;
  }
  const issuer = `${site.issuer} Business Services (EU West)`;
  const label = `${issuer}:${user.replace('@', '.corporate-account@')}`;
  const secret = randomSecret(random, 64);
  return (
    `otpauth://totp/${encodeURIComponent(label)}?secret=${secret}&issuer=${encodeURIComponent(issuer)}` +
    `&algorithm=SHA256&digits=8&period=30&image=${encodeURIComponent(`https://static.${site.domain}/brand/authenticator-icon-256x256.png`)}`
  );
}

/** A Google Authenticator export URI: a hand-encoded MigrationPayload protobuf, base64 in `data`. */
function migrationUri(random: () => number, accounts: number): string {
  const bytes: number[] = [];
  const field = (tag: number, payload: number[]) => bytes.push(tag, ...varint(payload.length), ...payload);
  for (let i = 0; i < accounts; i++) {
    const site = SITES[(i * 3 + 1) % SITES.length]!;
    const secret = Array.from({ length: 20 }, () => Math.floor(random() * 256));
    const name = [...new TextEncoder().encode(`${site.issuer}:${USERS[i % USERS.length]!}`)];
    const issuer = [...new TextEncoder().encode(site.issuer)];
    // OtpParameters: secret(1) name(2) issuer(3) algorithm(4)=SHA1 digits(5)=SIX type(6)=TOTP
    const params = [0x0a, ...varint(secret.length), ...secret, 0x12, ...varint(name.length), ...name];
    params.push(0x1a, ...varint(issuer.length), ...issuer, 0x20, 1, 0x28, 1, 0x30, 2);
    field(0x0a, params);
  }
  // version(2)=1 batch_size(3)=1 batch_index(4)=0 batch_id(5)
  bytes.push(0x10, 1, 0x18, 1, 0x20, 0, 0x28, ...varint(Math.floor(random() * 2 ** 28)));
  const base64 = Buffer.from(bytes).toString('base64');
  return `otpauth-migration://offline?data=${encodeURIComponent(base64)}`;
}

function varint(n: number): number[] {
  const out: number[] = [];
  let v = n;
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}

/** Quiet zone, in modules, drawn around every corpus code (the `qrcode` package's default). */
export const QR_MARGIN = 4;

/**
 * The smallest displayed side (CSS px) at or above `wanted` that still gives at least
 * 2.5 captured pixels per module: below that a code is not "decodable" by any reader, and a
 * site would not ship it.
 */
function readableSize(text: string, ecl: ErrorCorrection, wanted: number, dpr: number, pixelsPerModule = 2.5): number {
  const modules = QRCode.create(text, { errorCorrectionLevel: ecl }).modules.size + 2 * QR_MARGIN;
  return Math.max(wanted, Math.ceil((pixelsPerModule * modules) / dpr));
}

interface Dimensions {
  viewport: number;
  dpr: number;
  render: QrRender;
  size: number;
  ecl: ErrorCorrection;
  format: 'png' | 'jpeg';
  quality?: number;
}

/**
 * Builds the corpus rows (about 110): every value of every dimension appears at least once,
 * with 1920×1080, 2560×1440 and 2× captures the most common, as on users' screens.
 */
export function buildCorpusCases(): CorpusCaseSpec[] {
  const random = seededRandom(0x2f01d);
  const cases: CorpusCaseSpec[] = [];
  const renders: QrRender[] = ['img', 'canvas', 'svg'];
  const ecls: ErrorCorrection[] = ['L', 'M', 'Q', 'H'];
  const sizes = [100, 128, 160, 200, 240, 300, 400];
  // Capture geometries weighted towards large screens: [viewport index, device scale factor].
  const screens: Array<[number, number]> = [
    [1, 1], [2, 1], [1, 2], [0, 1], [1, 1.25], [2, 1.25], [1, 1.5], [2, 1], [1, 2], [0, 2], [1, 1], [0, 1.5],
    [2, 1.5], [1, 1.25], [0, 1.25], [2, 2],
  ];
  const formats: Array<Pick<Dimensions, 'format' | 'quality'>> = [
    { format: 'png' }, { format: 'png' }, { format: 'jpeg', quality: 92 }, { format: 'png' }, { format: 'jpeg', quality: 60 },
  ];
  let counter = 0;
  const dims = (i: number): Dimensions => {
    const [viewport, dpr] = screens[i % screens.length]!;
    return {
      viewport,
      dpr,
      render: renders[(i + Math.floor(i / 3)) % renders.length]!,
      size: sizes[(i * 3) % sizes.length]!,
      ecl: ecls[(i + Math.floor(i / 4)) % ecls.length]!,
      ...formats[(i * 2 + 1) % formats.length]!,
    };
  };
  const add = (
    scenario: string,
    d: Dimensions,
    page: Pick<CorpusCaseSpec, 'theme' | 'layout' | 'negative' | 'tags'> & { qrs: PageQr[]; expected?: string[]; site?: string },
  ) => {
    const vp = VIEWPORTS[d.viewport]!;
    const id = `${String(++counter).padStart(3, '0')}-${scenario}-${vp.width}x${vp.height}@${d.dpr}-${d.format}${d.quality ?? ''}`;
    cases.push({
      id,
      viewport: { width: vp.width, height: vp.height },
      deviceScaleFactor: d.dpr,
      format: d.format,
      ...(d.quality === undefined ? {} : { quality: d.quality }),
      theme: page.theme,
      layout: page.layout,
      site: page.site ?? SITES[counter % SITES.length]!.issuer,
      qrs: page.qrs,
      expected: page.expected ?? page.qrs.map((q) => q.text),
      negative: page.negative,
      tags: [...page.tags, page.theme, d.render, `${d.size}px`, `ecl-${d.ecl}`, d.quality ? `jpeg${d.quality}` : 'png'],
    });
  };
  const setupQr = (d: Dimensions, text: string, blur: QrBlur = 'none'): PageQr => ({
    text,
    render: d.render,
    size: readableSize(text, d.ecl, d.size, d.dpr),
    ecl: d.ecl,
    blur,
    caption: 'Scan this code with your authenticator app',
  });

  let i = 0;
  // 1. Plain light enrollment pages, the common case, across all geometries.
  for (let n = 0; n < 30; n++, i++) {
    const d = dims(i);
    add('light', d, {
      theme: 'light',
      layout: n % 3 === 2 ? 'side' : 'inline',
      negative: false,
      tags: [],
      qrs: [setupQr(d, otpauthUri(random, n, n, false))],
    });
  }
  // 2. Dark pages: light codes on a card, and inverted codes.
  for (let n = 0; n < 14; n++, i++) {
    const d = dims(i);
    add(n % 2 === 0 ? 'dark-inverted' : 'dark-card', d, {
      theme: n % 2 === 0 ? 'dark-inverted' : 'dark-light-code',
      layout: n % 4 === 3 ? 'modal' : 'inline',
      negative: false,
      tags: ['dark'],
      qrs: [setupQr(d, otpauthUri(random, n + 2, n, false))],
    });
  }
  // 3. Low contrast.
  for (let n = 0; n < 6; n++, i++) {
    const d = dims(i);
    add('low-contrast', d, {
      theme: 'low-contrast',
      layout: 'inline',
      negative: false,
      tags: ['low-contrast'],
      qrs: [setupQr(d, otpauthUri(random, n + 4, n, false))],
    });
  }
  // 4. Blurry codes: an upscaled one-pixel-per-module bitmap, and a CSS blur filter.
  for (let n = 0; n < 8; n++, i++) {
    const d = { ...dims(i), size: Math.max(dims(i).size, 160) };
    const blur: QrBlur = n % 2 === 0 ? 'upscaled' : 'filter';
    add(`blur-${blur}`, { ...d, render: blur === 'upscaled' ? 'img' : d.render }, {
      theme: 'light',
      layout: 'inline',
      negative: false,
      tags: ['blurry'],
      qrs: [setupQr({ ...d, render: blur === 'upscaled' ? 'img' : d.render }, otpauthUri(random, n + 1, n + 1, false), blur)],
    });
  }
  // 5. A modal dialog over a dimmed page.
  for (let n = 0; n < 6; n++, i++) {
    const d = dims(i);
    add('modal', d, {
      theme: 'light',
      layout: 'modal',
      negative: false,
      tags: ['modal'],
      qrs: [setupQr(d, otpauthUri(random, n + 3, n + 2, false))],
    });
  }
  // 6. Two codes: an app-store link and the setup code; both must be found.
  for (let n = 0; n < 8; n++, i++) {
    const d = dims(i);
    const link: PageQr = {
      text: APP_LINKS[n % APP_LINKS.length]!,
      render: 'img',
      size: 120 + (n % 3) * 20,
      ecl: 'M',
      blur: 'none',
      caption: 'Step 1: get the app',
    };
    add('two-codes', d, {
      theme: n % 4 === 3 ? 'dark-light-code' : 'light',
      layout: 'side',
      negative: false,
      tags: ['two-codes'],
      qrs: [setupQr(d, otpauthUri(random, n + 5, n + 3, false)), link],
    });
  }
  // 7. Dense codes (long labels and issuers, 300+ character URIs), shown large enough to be read.
  for (let n = 0; n < 6; n++, i++) {
    const d = { ...dims(i), size: Math.max(dims(i).size, 200) };
    add('dense', d, {
      theme: n % 3 === 2 ? 'dark-light-code' : 'light',
      layout: 'inline',
      negative: false,
      tags: ['dense'],
      qrs: [setupQr(d, otpauthUri(random, n, n + 1, true))],
    });
  }
  // 8. Google Authenticator export QRs.
  for (let n = 0; n < 4; n++, i++) {
    const d = { ...dims(i), size: Math.max(dims(i).size, 200) };
    add('migration', d, {
      theme: 'light',
      layout: 'inline',
      site: 'Google Authenticator export',
      negative: false,
      tags: ['migration'],
      qrs: [setupQr(d, migrationUri(random, 1 + n))],
    });
  }
  // 9. Negatives: no QR; a page whose only QR is a link; a setup code cut off by the viewport.
  for (let n = 0; n < 4; n++, i++) {
    add('no-qr', dims(i), { theme: n % 2 ? 'dark-inverted' : 'light', layout: 'inline', negative: true, tags: ['negative'], qrs: [] });
  }
  for (let n = 0; n < 4; n++, i++) {
    const d = dims(i);
    add('link-only', d, {
      theme: 'light',
      layout: 'inline',
      negative: true,
      tags: ['negative', 'link'],
      qrs: [{ ...setupQr(d, APP_LINKS[n % APP_LINKS.length]!), caption: 'Get the app on your phone' }],
    });
  }
  for (let n = 0; n < 4; n++, i++) {
    const d = { ...dims(i), size: Math.max(dims(i).size, 200) };
    add('cut-off', d, {
      theme: 'light',
      layout: 'cut-off',
      negative: true,
      tags: ['negative', 'cut-off'],
      qrs: [setupQr(d, otpauthUri(random, n, n, false))],
      expected: [],
    });
  }
  // 10. The hard cases of issue 15. Tiny dense codes (2.7 captured pixels a module, 300+
  // characters), where the first crop around a located code is not always one jsQR reads;
  // small low-contrast codes (PNG: after JPEG compression no framing reads some of them);
  // three codes on one page, all of which must be reported.
  for (let n = 0; n < 6; n++, i++) {
    const d: Dimensions = { ...dims(i), ecl: n % 2 === 0 ? 'L' : 'M' };
    const text = otpauthUri(random, n + 2, n, true);
    add('tiny-dense', d, {
      theme: n % 3 === 2 ? 'dark-light-code' : 'light',
      layout: 'inline',
      negative: false,
      tags: ['tiny', 'dense'],
      qrs: [{ ...setupQr(d, text), size: readableSize(text, d.ecl, 0, d.dpr, 2.7) }],
    });
  }
  for (let n = 0; n < 6; n++, i++) {
    const { quality: _quality, ...base } = dims(i);
    const d: Dimensions = { ...base, size: n % 2 === 0 ? 100 : 128, format: 'png' };
    add('low-contrast-small', d, {
      theme: 'low-contrast',
      layout: n % 3 === 2 ? 'side' : 'inline',
      negative: false,
      tags: ['low-contrast', 'tiny'],
      qrs: [setupQr(d, otpauthUri(random, n + 3, n + 1, n === 1))],
    });
  }
  for (let n = 0; n < 3; n++, i++) {
    const d: Dimensions = { ...dims(i), size: 128 };
    const link: PageQr = { text: APP_LINKS[n % APP_LINKS.length]!, render: 'img', size: 120, ecl: 'M', blur: 'none', caption: 'Step 1: get the app' };
    add('three-codes', d, {
      theme: n === 2 ? 'dark-light-code' : 'light',
      layout: 'side',
      negative: false,
      tags: ['three-codes'],
      qrs: [
        setupQr(d, otpauthUri(random, n + 6, n, false)),
        link,
        { ...setupQr(d, otpauthUri(random, n + 1, n + 2, false)), caption: 'Or set up a second phone' },
      ],
    });
  }
  return cases;
}
