/**
 * Draws QR codes straight into an RGBA buffer, without a browser, for quick synthetic decoder
 * tests (offsets, inversion, two codes, tiny modules, low contrast).
 */
import QRCode from 'qrcode';
import type { RgbaImage } from './load-capture';

/** One code to draw. Colours are grey levels 0–255. */
export interface PlacedQr {
  text: string;
  /** Top-left of the quiet zone, in pixels. */
  x: number;
  y: number;
  /** Pixels per module (an integer). */
  moduleSize: number;
  /** Module colour; default 0. */
  dark?: number;
  /** Quiet-zone colour; default 255. */
  light?: number;
  /** Quiet zone in modules; default 4. */
  margin?: number;
  ecl?: 'L' | 'M' | 'Q' | 'H';
}

/** A `width`×`height` image filled with `background`, with each of `codes` drawn on it. */
export function renderQrPixels(width: number, height: number, background: number, codes: PlacedQr[]): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  const fill = (x0: number, y0: number, w: number, h: number, v: number) => {
    for (let y = Math.max(0, y0); y < Math.min(height, y0 + h); y++) {
      for (let x = Math.max(0, x0); x < Math.min(width, x0 + w); x++) {
        const i = (y * width + x) * 4;
        data[i] = v;
        data[i + 1] = v;
        data[i + 2] = v;
        data[i + 3] = 255;
      }
    }
  };
  fill(0, 0, width, height, background);
  for (const code of codes) {
    const modules = QRCode.create(code.text, { errorCorrectionLevel: code.ecl ?? 'M' }).modules;
    const margin = code.margin ?? 4;
    const m = code.moduleSize;
    fill(code.x, code.y, (modules.size + 2 * margin) * m, (modules.size + 2 * margin) * m, code.light ?? 255);
    for (let my = 0; my < modules.size; my++) {
      for (let mx = 0; mx < modules.size; mx++) {
        if (modules.get(mx, my)) fill(code.x + (mx + margin) * m, code.y + (my + margin) * m, m, m, code.dark ?? 0);
      }
    }
  }
  return { data, width, height };
}

/** Side in pixels (quiet zone included) of `text` drawn with `moduleSize` and `margin`. */
export function qrPixelSide(text: string, moduleSize: number, margin = 4, ecl: PlacedQr['ecl'] = 'M'): number {
  return (QRCode.create(text, { errorCorrectionLevel: ecl ?? 'M' }).modules.size + 2 * margin) * moduleSize;
}
