import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureQrCorpus, type CorpusCase } from '../../tests/qr-corpus/ensure-qr-corpus';
import { loadCapture } from '../../tests/qr-corpus/load-capture';
import { qrPixelSide, renderQrPixels, type PlacedQr } from '../../tests/qr-corpus/render-qr-pixels';
import { classifyQrText } from './classify-qr-text';
import { decodeQrCodes, type PixelRect } from './decode-qr-codes';

const SETUP = 'otpauth://totp/Amazon:alice%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Amazon';
const LINK = 'https://apps.apple.com/app/google-authenticator/id388497605';
const SHORT = 'otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP';

/** Where the symbol itself (quiet zone excluded) of a placed code lies. */
function symbolBox(q: PlacedQr): PixelRect {
  const margin = (q.margin ?? 4) * q.moduleSize;
  const side = qrPixelSide(q.text, q.moduleSize, q.margin ?? 4, q.ecl) - 2 * margin;
  return { x: q.x + margin, y: q.y + margin, width: side, height: side };
}

/** Grey stripes and blocks that look like text and rules, to clutter a synthetic page. */
function withClutter(codes: PlacedQr[], width: number, height: number) {
  const image = renderQrPixels(width, height, 245, codes);
  for (let line = 0; line < 12; line++) {
    const y0 = 20 + line * 26;
    for (let x0 = 20; x0 < width / 2 - 20; x0 += 9 + (line % 3)) {
      for (let y = y0; y < y0 + 12; y++) {
        for (let x = x0; x < x0 + 5; x++) {
          const i = (y * width + x) * 4;
          image.data.fill(40, i, i + 3);
        }
      }
    }
  }
  return image;
}

interface SyntheticRow {
  name: string;
  width: number;
  height: number;
  background: number;
  codes: PlacedQr[];
  /** Texts expected, in any order. */
  expected: string[];
  clutter?: boolean;
}

const syntheticRows: SyntheticRow[] = [
  { name: 'one code at an offset', width: 800, height: 600, background: 255, codes: [{ text: SETUP, x: 413, y: 157, moduleSize: 4 }], expected: [SETUP] },
  {
    name: 'inverted (light modules on dark)',
    width: 1280,
    height: 720,
    background: 30,
    codes: [{ text: SETUP, x: 200, y: 100, moduleSize: 5, dark: 232, light: 30 }],
    expected: [SETUP],
  },
  {
    name: 'two codes side by side',
    width: 1920,
    height: 1080,
    background: 255,
    codes: [
      { text: LINK, x: 300, y: 300, moduleSize: 4 },
      { text: SETUP, x: 700, y: 280, moduleSize: 5 },
    ],
    expected: [LINK, SETUP],
  },
  { name: 'tiny (2 px modules) on a 1080p page', width: 1920, height: 1080, background: 250, codes: [{ text: SHORT, x: 1500, y: 800, moduleSize: 2 }], expected: [SHORT] },
  { name: 'large code on a 4K page', width: 3840, height: 2160, background: 255, codes: [{ text: SETUP, x: 1200, y: 600, moduleSize: 16 }], expected: [SETUP] },
  {
    name: 'low contrast (#888 on #aaa)',
    width: 1280,
    height: 720,
    background: 170,
    codes: [{ text: SETUP, x: 640, y: 200, moduleSize: 4, dark: 136, light: 170 }],
    expected: [SETUP],
  },
  { name: 'code beside text-like clutter', width: 1280, height: 720, background: 245, codes: [{ text: SETUP, x: 760, y: 120, moduleSize: 4 }], expected: [SETUP], clutter: true },
  {
    name: 'three codes on one page',
    width: 1920,
    height: 1080,
    background: 250,
    codes: [
      { text: LINK, x: 200, y: 200, moduleSize: 4 },
      { text: SETUP, x: 700, y: 180, moduleSize: 4 },
      { text: SHORT, x: 1300, y: 600, moduleSize: 5 },
    ],
    expected: [LINK, SETUP, SHORT],
  },
  // A region dragged over a code: the code fills the image, too large to be a candidate region.
  { name: 'a code filling a small image', width: 300, height: 300, background: 255, codes: [{ text: SHORT, x: 10, y: 10, moduleSize: 9, margin: 2 }], expected: [SHORT] },
  { name: 'no code, only clutter', width: 1280, height: 720, background: 245, codes: [], expected: [], clutter: true },
  { name: 'blank image', width: 1920, height: 1080, background: 255, codes: [], expected: [] },
];

describe('decodeQrCodes on synthetic images', () => {
  it.each(syntheticRows)('$name', ({ width, height, background, codes, expected, clutter }) => {
    const image = clutter ? withClutter(codes, width, height) : renderQrPixels(width, height, background, codes);
    const hits = decodeQrCodes(image);
    expect(hits.map((h) => h.text).sort()).toEqual([...expected].sort());
    for (const hit of hits) {
      const placed = codes.find((c) => c.text === hit.text)!;
      const box = symbolBox(placed);
      // Bounds come back in the input's pixels, within a module or two of the symbol.
      const slack = placed.moduleSize * 2 + 2;
      expect(Math.abs(hit.bounds.x - box.x)).toBeLessThanOrEqual(slack);
      expect(Math.abs(hit.bounds.y - box.y)).toBeLessThanOrEqual(slack);
      expect(Math.abs(hit.bounds.width - box.width)).toBeLessThanOrEqual(2 * slack);
      expect(Math.abs(hit.bounds.height - box.height)).toBeLessThanOrEqual(2 * slack);
    }
  });

  it('stops at maxCodes', () => {
    const image = renderQrPixels(1920, 1080, 255, [
      { text: LINK, x: 300, y: 300, moduleSize: 4 },
      { text: SETUP, x: 900, y: 300, moduleSize: 4 },
    ]);
    expect(decodeQrCodes(image, { maxCodes: 1 })).toHaveLength(1);
  });

  it('rejects pixel data too short for its size', () => {
    expect(() => decodeQrCodes({ data: new Uint8ClampedArray(10), width: 100, height: 100 })).toThrow(RangeError);
  });

  it('returns nothing for an image too small to hold a code', () => {
    expect(decodeQrCodes({ data: new Uint8ClampedArray(10 * 10 * 4), width: 10, height: 10 })).toEqual([]);
  });
});

// The browser-rendered corpus (generated on first run, about 25 s; cached in .cache/qr-corpus).
const corpus = await ensureQrCorpus();

describe('the QR corpus', () => {
  it('covers every value of every dimension', () => {
    const values = (f: (c: CorpusCase) => string | number) => new Set(corpus.cases.map(f));
    expect(values((c) => `${c.viewport.width}x${c.viewport.height}`)).toEqual(new Set(['1280x720', '1920x1080', '2560x1440']));
    expect(values((c) => c.deviceScaleFactor)).toEqual(new Set([1, 1.25, 1.5, 2]));
    expect(values((c) => (c.format === 'jpeg' ? `jpeg${c.quality}` : 'png'))).toEqual(new Set(['png', 'jpeg60', 'jpeg92']));
    const qrs = corpus.cases.flatMap((c) => c.qrs);
    expect(new Set(qrs.map((q) => q.render))).toEqual(new Set(['img', 'canvas', 'svg']));
    expect(new Set(qrs.map((q) => q.ecl))).toEqual(new Set(['L', 'M', 'Q', 'H']));
    expect(new Set(qrs.map((q) => q.blur))).toEqual(new Set(['none', 'upscaled', 'filter']));
    expect(values((c) => c.theme)).toEqual(new Set(['light', 'dark-light-code', 'dark-inverted', 'low-contrast']));
    expect(values((c) => c.layout)).toEqual(new Set(['inline', 'side', 'modal', 'cut-off']));
    expect(Math.min(...qrs.map((q) => q.size))).toBeLessThanOrEqual(110);
    expect(Math.max(...qrs.map((q) => q.size))).toBeGreaterThanOrEqual(400);
    expect(qrs.some((q) => q.text.length >= 300)).toBe(true);
    expect(qrs.some((q) => q.text.startsWith('otpauth-migration://'))).toBe(true);
    for (const tag of ['two-codes', 'three-codes', 'tiny', 'modal', 'link', 'cut-off', 'negative']) expect(corpus.cases.some((c) => c.tags.includes(tag))).toBe(true);
    expect(corpus.cases.filter((c) => c.tags.includes('negative')).every((c) => c.negative)).toBe(true);
  });

  it.each(corpus.cases)('$id', (c) => {
    const hits = decodeQrCodes(loadCapture(join(corpus.dir, c.file)));
    const texts = hits.map((h) => h.text);
    for (const text of c.expected) expect(texts).toContain(text);
    if (c.negative) {
      expect(texts.filter((t) => /^otpauth/i.test(t))).toEqual([]);
      for (const t of texts) expect(classifyQrText(t).kind).not.toMatch(/^otpauth/);
    }
    for (const link of c.qrs.filter((q) => q.text.startsWith('https://'))) {
      if (texts.includes(link.text)) expect(classifyQrText(link.text).kind).toBe('url');
    }
  });
});
