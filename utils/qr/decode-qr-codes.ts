/**
 * Finds and decodes every QR code in a screenshot of a tab (pixels in, texts and boxes out).
 * Pure: no DOM, no canvas, no extension API; jsQR does the reading of a single code.
 */
import jsQR, { type QRCode } from 'jsqr';
import { findQrCandidates } from './find-qr-candidates';
import {
  borderMean,
  fillGreyRect,
  greyToRgba,
  invertGreyImage,
  stretchGreyContrast,
  toGreyImage,
  type GreyImage,
  type PixelRect,
  type RgbaPixels,
} from './grey-image';

export type { PixelRect, RgbaPixels } from './grey-image';

/** One decoded QR code. */
export interface QrHit {
  /** The decoded text (for a setup code, an `otpauth://` URI). */
  text: string;
  /** The code's box (finder patterns included, quiet zone not), in the input's pixels. */
  bounds: PixelRect;
}

/** Limits for `decodeQrCodes`; every field has a default. */
export interface DecodeQrCodesOptions {
  /** Stop after this many distinct codes. Default 4. */
  maxCodes?: number;
  /** Candidate regions tried at full resolution. Default 12. */
  maxCandidates?: number;
  /**
   * When nothing was found in the candidate regions or in the reduced-scale image, run jsQR
   * over the whole image at full resolution as a last resort (as slow as plain jsQR).
   * Default true.
   */
  fullScaleFallback?: boolean;
}

/** Long side, in pixels, of the reduced-scale overview: a 100 px code at 1× stays findable. */
const OVERVIEW_LONG_SIDE = 1280;
/** Codes found in one image (crop or whole) before moving on. */
const MAX_PASSES_PER_IMAGE = 3;
/** Crops are read at a reduced scale first when larger than this many pixels a side. */
const CROP_TARGET_SIDE = 240;

/** Smallest candidate score still searched for another code once one was found. */
const SECOND_CODE_MIN_SCORE = 0.6;
/** Largest crop (pixels) re-read at full resolution after a reduced read failed. */
const MAX_FULL_RES_CROP_AREA = 1_000_000;

type Polarity = 'normal' | 'inverted';

interface Found {
  text: string;
  /** Corners' box in the searched image's pixels. */
  box: PixelRect;
  polarity: Polarity;
}

function readOne(grey: GreyImage, polarity: Polarity): Found | undefined {
  const g = polarity === 'inverted' ? invertGreyImage(grey) : grey;
  const code = jsQR(greyToRgba(g), g.width, g.height, { inversionAttempts: 'dontInvert' });
  return code ? foundFromCode(code, polarity) : undefined;
}

function foundFromCode(code: QRCode, polarity: Polarity): Found {
  const loc = code.location;
  const xs = [loc.topLeftCorner.x, loc.topRightCorner.x, loc.bottomLeftCorner.x, loc.bottomRightCorner.x];
  const ys = [loc.topLeftCorner.y, loc.topRightCorner.y, loc.bottomLeftCorner.y, loc.bottomRightCorner.y];
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { text: code.data, box: { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y }, polarity };
}

/**
 * Reads up to `MAX_PASSES_PER_IMAGE` codes from `grey` (modified: each found code is blanked
 * so the next pass can see the others). `order` says which polarity to try first.
 */
function searchImage(grey: GreyImage, order: readonly Polarity[], onFound: (found: Found) => boolean): number {
  let count = 0;
  for (let pass = 0; pass < MAX_PASSES_PER_IMAGE; pass++) {
    let found: Found | undefined;
    for (const polarity of order) {
      found = readOne(grey, polarity);
      if (found) break;
    }
    if (!found) break;
    count++;
    blank(grey, found);
    if (!onFound(found)) break;
  }
  return count;
}

/**
 * Blanks a found code and a margin of about its quiet zone with its own background colour
 * (light for a normal code, dark for an inverted one) so it cannot be found again.
 */
function blank(grey: GreyImage, found: Found): void {
  const margin = Math.max(found.box.width, found.box.height) * 0.15 + 2;
  const { x, y, width, height } = found.box;
  fillGreyRect(grey, { x: x - margin, y: y - margin, width: width + 2 * margin, height: height + 2 * margin }, found.polarity === 'normal' ? 255 : 0);
}

function overlapShare(a: PixelRect, b: PixelRect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? (w * h) / (a.width * a.height) : 0;
}

/**
 * Finds every QR code in `image` (RGBA, e.g. from `tabs.captureVisibleTab`), deduplicated by
 * text, in the order found. Bounds are in `image`'s pixels. Returns `[]` when there is none.
 *
 * Strategy, cheapest first:
 * 1. an area-averaged greyscale overview (long side about 1280 px) is searched for busy,
 *    square-ish regions (`findQrCandidates`);
 * 2. each region is cropped from the full-resolution capture (reduced if large), contrast
 *    stretched, and read in the polarity its border suggests first (dark border → light modules
 *    on dark, as in dark mode), then the other; after a hit the code is blanked and the crop
 *    searched again, so two adjacent codes are both found;
 * 3. only if nothing was found: the whole overview, both polarities, then (unless
 *    `fullScaleFallback` is false) the whole image at full resolution.
 *
 * Never throws for a well-formed image; an image whose `data` is shorter than
 * `width * height * 4` throws a RangeError.
 * @see ISO/IEC 18004 (QR Code), read by jsQR.
 */
export function decodeQrCodes(image: RgbaPixels, options: DecodeQrCodesOptions = {}): QrHit[] {
  const { width, height } = image;
  if (image.data.length < width * height * 4) {
    throw new RangeError(`decodeQrCodes: ${image.data.length} bytes cannot hold ${width}x${height} RGBA pixels`);
  }
  const maxCodes = options.maxCodes ?? 4;
  const maxCandidates = options.maxCandidates ?? 12;
  const hits: QrHit[] = [];
  if (width < 21 || height < 21) return hits;

  const record = (found: Found, scale: number, origin: { x: number; y: number }): boolean => {
    if (!hits.some((h) => h.text === found.text)) {
      hits.push({
        text: found.text,
        bounds: {
          x: Math.round(origin.x + found.box.x * scale),
          y: Math.round(origin.y + found.box.y * scale),
          width: Math.round(found.box.width * scale),
          height: Math.round(found.box.height * scale),
        },
      });
    }
    return hits.length < maxCodes;
  };

  const factor = Math.max(1, Math.round(Math.max(width, height) / OVERVIEW_LONG_SIDE));
  const overview = toGreyImage(image, { x: 0, y: 0, width, height }, factor);

  // 1–2. Candidate regions, read from the full-resolution capture.
  const candidates = findQrCandidates(overview, { minSide: Math.max(8, 40 / factor) });
  for (const candidate of candidates.slice(0, maxCandidates)) {
    if (hits.length >= maxCodes) break;
    // Once a code is found, only clearly code-like regions are worth a look for a second one.
    if (hits.length > 0 && candidate.score < SECOND_CODE_MIN_SCORE) continue;
    const region = {
      x: candidate.x * factor,
      y: candidate.y * factor,
      width: candidate.width * factor,
      height: candidate.height * factor,
    };
    if (hits.some((h) => overlapShare(region, h.bounds) > 0.5)) continue;
    const margin = Math.round(Math.max(region.width, region.height) * 0.12) + 4 * factor;
    const crop = {
      x: Math.max(0, region.x - margin),
      y: Math.max(0, region.y - margin),
      width: Math.min(width, region.x + region.width + margin) - Math.max(0, region.x - margin),
      height: Math.min(height, region.y + region.height + margin) - Math.max(0, region.y - margin),
    };
    const side = Math.max(region.width, region.height);
    // A large region is read reduced first; at full resolution again only while nothing has
    // been found and it is not huge (a page-sized region at full resolution costs as much as
    // plain jsQR).
    const scales = side >= 2 * CROP_TARGET_SIDE ? [Math.floor(side / CROP_TARGET_SIDE)] : [1];
    if (scales[0] !== 1 && hits.length === 0 && crop.width * crop.height <= MAX_FULL_RES_CROP_AREA) scales.push(1);
    for (const scale of scales) {
      const grey = toGreyImage(image, crop, scale);
      stretchGreyContrast(grey);
      const dark = borderMean(grey) < 110;
      // Codes already found that reach into this crop are blanked so they are not read again.
      for (const h of hits) {
        const box = { x: (h.bounds.x - crop.x) / scale, y: (h.bounds.y - crop.y) / scale, width: h.bounds.width / scale, height: h.bounds.height / scale };
        if (overlapShare(box, { x: 0, y: 0, width: grey.width, height: grey.height }) > 0) blank(grey, { text: h.text, box, polarity: dark ? 'inverted' : 'normal' });
      }
      const order: Polarity[] = dark ? ['inverted', 'normal'] : ['normal', 'inverted'];
      if (searchImage(grey, order, (found) => record(found, scale, crop)) > 0) break;
    }
  }
  if (hits.length > 0) return hits;

  // 3. Nothing in the candidates: the whole overview, both polarities…
  if (factor > 1) {
    searchImage(overview, ['normal', 'inverted'], (found) => record(found, factor, { x: 0, y: 0 }));
    if (hits.length > 0) return hits;
  }
  // …then the whole capture at full resolution: plain jsQR, which reads both polarities from
  // one binarisation; after a hit, a greyscale copy with that code blanked is searched again.
  if (!(options.fullScaleFallback ?? true)) return hits;
  const code = jsQR(image.data, width, height, { inversionAttempts: 'attemptBoth' });
  if (!code) return hits;
  const full = toGreyImage(image, { x: 0, y: 0, width, height }, 1);
  // The centre of a finder pattern is a dark module in the code's own colours.
  const finder = code.location.topLeftFinderPattern;
  const polarity: Polarity = (full.data[Math.round(finder.y) * width + Math.round(finder.x)] ?? 0) < 128 ? 'normal' : 'inverted';
  const first = foundFromCode(code, polarity);
  blank(full, first);
  if (record(first, 1, { x: 0, y: 0 })) searchImage(full, [polarity, polarity === 'normal' ? 'inverted' : 'normal'], (found) => record(found, 1, { x: 0, y: 0 }));
  return hits;
}
