/**
 * The work budget of decodeQrCodes, counted rather than timed: every pixel handed to jsQR is
 * added up (a pass that tries both polarities counts as the 1.7 one-polarity passes it costs on
 * an image without a code), and an image without a code must stay under one plain jsQR pass.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderQrPixels } from '../../tests/qr-corpus/render-qr-pixels';

const work = vi.hoisted(() => ({ pixels: 0, calls: 0 }));

vi.mock('jsqr', async (importOriginal) => {
  const real = (await importOriginal<typeof import('jsqr')>()).default;
  const counted = (data: Uint8ClampedArray, width: number, height: number, options?: Parameters<typeof real>[3]) => {
    work.calls++;
    work.pixels += width * height * (options?.inversionAttempts === 'dontInvert' ? 1 : 1.7);
    return real(data, width, height, options);
  };
  return { default: counted };
});

const { decodeQrCodes } = await import('./decode-qr-codes');

/** Text-like stripes and photo-like blocks: busy regions that are not codes. */
function clutteredPage(width: number, height: number, background: number, ink: number) {
  const image = renderQrPixels(width, height, background, []);
  const paint = (x0: number, y0: number, w: number, h: number, v: number) => {
    for (let y = y0; y < Math.min(height, y0 + h); y++) for (let x = x0; x < Math.min(width, x0 + w); x++) image.data.fill(v, (y * width + x) * 4, (y * width + x) * 4 + 3);
  };
  for (let line = 0; line * 30 + 40 < height * 0.6; line++) for (let x = 40; x < width * 0.5; x += 11 + (line % 4)) paint(x, 40 + line * 30, 6, 14, ink);
  for (let block = 0; block < 6; block++) {
    const x0 = Math.round(width * 0.6) + (block % 3) * 90;
    const y0 = Math.round(height * 0.2) + Math.floor(block / 3) * 90;
    for (let y = 0; y < 80; y += 4) for (let x = 0; x < 80; x += 4) paint(x0 + x, y0 + y, 4, 4, (x * 7 + y * 13 + block * 31) % 256);
  }
  return image;
}

beforeEach(() => {
  work.pixels = 0;
  work.calls = 0;
});

describe('decodeQrCodes work budget', () => {
  it.each([
    { name: 'a blank 1280×720 page', width: 1280, height: 720, background: 255, ink: 255 },
    { name: 'a cluttered 1280×720 page', width: 1280, height: 720, background: 245, ink: 40 },
    { name: 'a cluttered dark 1920×1080 page', width: 1920, height: 1080, background: 30, ink: 220 },
    { name: 'a cluttered 2560×1440 page', width: 2560, height: 1440, background: 250, ink: 20 },
    { name: 'a cluttered 3840×2160 page', width: 3840, height: 2160, background: 250, ink: 20 },
  ])('keeps $name without a code under one plain jsQR pass', ({ width, height, background, ink }) => {
    expect(decodeQrCodes(clutteredPage(width, height, background, ink))).toEqual([]);
    expect(work.calls).toBeGreaterThan(0);
    expect(work.pixels).toBeLessThanOrEqual(1.7 * width * height);
  });

  it('still searches a small image in full (a dragged region)', () => {
    expect(decodeQrCodes(clutteredPage(400, 300, 245, 40))).toEqual([]);
    // Both polarities of the whole image, then plain jsQR over it: more than one plain pass.
    expect(work.pixels).toBeGreaterThan(1.7 * 400 * 300);
  });
});
