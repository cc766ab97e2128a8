/**
 * Finds and decodes every QR code in a screenshot of a tab (pixels in, texts and boxes out).
 * Pure: no DOM, no canvas, no extension API; jsQR does the reading of a single code.
 */
import jsQR, { type QRCode } from 'jsqr';
import { findQrCandidates } from './find-qr-candidates';
import {
  borderMean,
  downscaleGreyImage,
  fillGreyRect,
  greyToRgba,
  invertGreyImage,
  stretchGreyContrast,
  toGreyImage,
  upscaleGreyImage,
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
   * over the whole image at full resolution as a last resort, if the work budget still allows it
   * (small images: a dragged region, a picture of a code). Default true.
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
/** Smallest candidate score worth the retries at other margins and scales. */
const RETRY_MIN_SCORE = 0.8;
/** Longest side, in pixels, of an enlarged crop. */
const MAX_ENLARGED_SIDE = 900;
/** Margin around a located region, as a share of its side, for the first read. */
const FIRST_MARGIN = 0.12;
/**
 * Other readings of a region that looks like a code but was not read: enlarged (bilinear), so
 * that jsQR's binarizer, which works in 8-pixel blocks, sees a tiny code's 2–3 pixel modules as
 * blocks of their own; without the contrast stretch, which can push a faint code's modules
 * across jsQR's threshold; and with a wider margin, for a region found short of the code's edges.
 */
const RETRIES: readonly Omit<Attempt, 'scale'>[] = [
  { margin: FIRST_MARGIN, enlarge: 2, stretch: true },
  { margin: FIRST_MARGIN, enlarge: 3, stretch: false },
  { margin: 0.3, enlarge: 2, stretch: false },
];

/**
 * The work a search may do, counted in pixels handed to jsQR for one polarity. A plain jsQR pass
 * over a capture without a code binarizes it and looks for finder patterns in both polarities:
 * about 1.7 such reads of the capture. One read's worth per capture pixel, plus the overview and
 * the candidate search (about 0.2 more), keeps a page without a code under one plain pass.
 */
const READ_BUDGET_PER_PIXEL = 1;
/** Smallest budget, so small images (a dragged region, a picture of a code) are searched in full. */
const MIN_READ_BUDGET = 1_000_000;
/** Images of more pixels than this are searched whole at half size, not at full resolution. */
const HALVE_WHOLE_ABOVE = 600_000;
/** What a jsQR pass over both polarities costs, in one-polarity reads. */
const BOTH_POLARITIES_COST = 1.7;

type Polarity = 'normal' | 'inverted';

interface Found {
  text: string;
  /** Corners' box in the searched image's pixels. */
  box: PixelRect;
  polarity: Polarity;
}

/** Work left, in pixels read (see READ_BUDGET_PER_PIXEL). */
interface Budget {
  left: number;
}

/** Takes `cost` from `budget` when it is all there; false (and nothing taken) otherwise. */
function spend(budget: Budget, cost: number): boolean {
  if (cost > budget.left) return false;
  budget.left -= cost;
  return true;
}

function readOne(grey: GreyImage, polarity: Polarity, budget: Budget): Found | undefined {
  if (!spend(budget, grey.width * grey.height)) return undefined;
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
 * so the next pass can see the others). `order` says which polarity to try first. After a hit,
 * the image is searched again only when the code leaves room for another one beside it.
 */
function searchImage(grey: GreyImage, order: readonly Polarity[], budget: Budget, onFound: (found: Found) => boolean): number {
  let count = 0;
  let covered = 0;
  for (let pass = 0; pass < MAX_PASSES_PER_IMAGE; pass++) {
    let found: Found | undefined;
    for (const polarity of order) {
      found = readOne(grey, polarity, budget);
      if (found) break;
    }
    if (!found) break;
    count++;
    blank(grey, found);
    if (!onFound(found)) break;
    // A code with its quiet zone takes about (1.3 × side)²: stop when no other code could fit.
    covered += (found.box.width * 1.3) * (found.box.height * 1.3);
    if (covered > 0.5 * grey.width * grey.height) break;
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

/** The mean grey level of `grey`, sampled every 7th pixel. */
function meanOf(grey: GreyImage): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < grey.data.length; i += 7, n++) sum += grey.data[i]!;
  return n === 0 ? 255 : sum / n;
}

function overlapShare(a: PixelRect, b: PixelRect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? (w * h) / (a.width * a.height) : 0;
}

/** One way to read a located region. */
interface Attempt {
  /** Margin around the region, as a share of its side. */
  margin: number;
  /** Integer reduction factor (1: full resolution). */
  scale: number;
  /** Integer enlargement after the reduction (1: none). */
  enlarge: number;
  /** Stretch the crop's contrast first. */
  stretch: boolean;
}

/** `region` grown by `margin` × its side (plus a few pixels) on every side, clamped to the image. */
function cropAround(region: PixelRect, margin: number, pad: number, width: number, height: number): PixelRect {
  const m = Math.round(Math.max(region.width, region.height) * margin) + pad;
  const x = Math.max(0, region.x - m);
  const y = Math.max(0, region.y - m);
  return { x, y, width: Math.min(width, region.x + region.width + m) - x, height: Math.min(height, region.y + region.height + m) - y };
}

/**
 * Finds every QR code in `image` (RGBA, e.g. from `tabs.captureVisibleTab`), deduplicated by
 * text, in the order found. Bounds are in `image`'s pixels. Returns `[]` when there is none.
 *
 * Strategy, cheapest first, within a work budget (about one plain jsQR pass over the image, so
 * a page without a code costs no more than that; small images are always searched in full):
 * 1. an area-averaged greyscale overview (long side about 1280 px) is searched for busy,
 *    square-ish regions (`findQrCandidates`);
 * 2. each region is cropped from the full-resolution capture (reduced if large), contrast
 *    stretched, and read in the polarity its border suggests first (dark border → light modules
 *    on dark, as in dark mode), then the other; after a hit the code is blanked and the crop
 *    searched again when another code could fit, so two adjacent codes are both found;
 * 3. regions that look most like a code and were not read are tried again with a wider and a
 *    tighter margin, and small ones enlarged 2×: a tiny dense code or a faint one is often read
 *    at one framing and not at another;
 * 4. only if nothing was found: the whole overview (at half size and in the page's polarity
 *    only when the capture is small enough to be its own overview), then (unless
 *    `fullScaleFallback` is false, and when the budget still allows it) the whole image at full
 *    resolution.
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
  const budget: Budget = { left: Math.max(MIN_READ_BUDGET, READ_BUDGET_PER_PIXEL * width * height) };

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

  /** Reads `region` (full-resolution pixels) one way; true when a code was found there. */
  const readRegion = (region: PixelRect, attempt: Attempt): boolean => {
    const crop = cropAround(region, attempt.margin, 4 * factor, width, height);
    const unit = attempt.scale / attempt.enlarge;
    if ((crop.width / unit) * (crop.height / unit) > budget.left) return false;
    const reduced = toGreyImage(image, crop, attempt.scale);
    const grey = attempt.enlarge > 1 ? upscaleGreyImage(reduced, attempt.enlarge) : reduced;
    if (attempt.stretch) stretchGreyContrast(grey);
    const dark = borderMean(grey) < 110;
    // Codes already found that reach into this crop are blanked so they are not read again.
    for (const h of hits) {
      const box = { x: (h.bounds.x - crop.x) / unit, y: (h.bounds.y - crop.y) / unit, width: h.bounds.width / unit, height: h.bounds.height / unit };
      if (overlapShare(box, { x: 0, y: 0, width: grey.width, height: grey.height }) > 0) blank(grey, { text: h.text, box, polarity: dark ? 'inverted' : 'normal' });
    }
    const order: Polarity[] = dark ? ['inverted', 'normal'] : ['normal', 'inverted'];
    return searchImage(grey, order, budget, (found) => record(found, unit, crop)) > 0;
  };

  // 1–2. Candidate regions, read from the full-resolution capture.
  const candidates = findQrCandidates(overview, { minSide: Math.max(8, 40 / factor) }).slice(0, maxCandidates);
  const regionOf = (c: (typeof candidates)[number]): PixelRect => ({ x: c.x * factor, y: c.y * factor, width: c.width * factor, height: c.height * factor });
  const unread: Array<{ region: PixelRect; firstScale: number }> = [];
  for (const candidate of candidates) {
    if (hits.length >= maxCodes) break;
    // Once a code is found, only clearly code-like regions are worth a look for a second one.
    if (hits.length > 0 && candidate.score < SECOND_CODE_MIN_SCORE) continue;
    const region = regionOf(candidate);
    if (hits.some((h) => overlapShare(region, h.bounds) > 0.5)) continue;
    const side = Math.max(region.width, region.height);
    // A large region is read reduced first; at full resolution again only while nothing has
    // been found and it is not huge (a page-sized region at full resolution costs as much as
    // plain jsQR).
    const firstScale = side >= 2 * CROP_TARGET_SIDE ? Math.floor(side / CROP_TARGET_SIDE) : 1;
    if (readRegion(region, { margin: FIRST_MARGIN, scale: firstScale, enlarge: 1, stretch: true })) continue;
    const crop = cropAround(region, FIRST_MARGIN, 4 * factor, width, height);
    if (firstScale !== 1 && hits.length === 0 && crop.width * crop.height <= MAX_FULL_RES_CROP_AREA) {
      if (readRegion(region, { margin: FIRST_MARGIN, scale: 1, enlarge: 1, stretch: true })) continue;
    }
    if (candidate.score >= RETRY_MIN_SCORE) unread.push({ region, firstScale });
  }

  // 3. The most code-like regions not read yet, framed otherwise.
  for (const { region, firstScale } of unread) {
    if (hits.length >= maxCodes) break;
    if (hits.some((h) => overlapShare(region, h.bounds) > 0.5)) continue;
    // Enlarged from full resolution, as far as MAX_ENLARGED_SIDE allows (a large region is
    // read reduced instead, at its first scale).
    const side = Math.max(region.width, region.height) * (1 + 2 * FIRST_MARGIN);
    for (const retry of RETRIES) {
      const enlarge = Math.min(retry.enlarge, Math.floor(MAX_ENLARGED_SIDE / side));
      const attempt: Attempt = enlarge >= 2 ? { ...retry, scale: 1, enlarge } : { ...retry, scale: firstScale, enlarge: 1 };
      // Not enlarged, the first retry is the first read again.
      if (attempt.enlarge === 1 && attempt.stretch && attempt.margin === FIRST_MARGIN) continue;
      if (readRegion(region, attempt)) break;
    }
  }
  if (hits.length > 0) return hits;

  // 4. Nothing in the candidates: the whole overview (the image itself when it is small), in the
  // polarity the page suggests first (a dark page: light modules on dark), as the budget allows…
  // An overview at full resolution (a capture of up to 1600 px) is searched at half size and in
  // the page's polarity only: a code too small for that, or drawn the other way round on its own
  // card, was a candidate region already. (jsQR costs more a pixel on a reduced page, where text
  // looks more like finder patterns: two half-size reads cost as much as a plain pass.)
  const halve = factor === 1 && width * height > HALVE_WHOLE_ABOVE;
  const whole = halve ? downscaleGreyImage(overview, 2) : overview;
  const pageOrder: Polarity[] = meanOf(whole) < 110 ? ['inverted', 'normal'] : ['normal', 'inverted'];
  searchImage(whole, halve ? pageOrder.slice(0, 1) : pageOrder, budget, (found) => record(found, halve ? 2 : factor, { x: 0, y: 0 }));
  if (hits.length > 0) return hits;
  // …then the whole capture at full resolution: plain jsQR, which reads both polarities from
  // one binarisation; after a hit, a greyscale copy with that code blanked is searched again.
  if (!(options.fullScaleFallback ?? true) || !spend(budget, BOTH_POLARITIES_COST * width * height)) return hits;
  const code = jsQR(image.data, width, height, { inversionAttempts: 'attemptBoth' });
  if (!code) return hits;
  const full = toGreyImage(image, { x: 0, y: 0, width, height }, 1);
  // The centre of a finder pattern is a dark module in the code's own colours.
  const finder = code.location.topLeftFinderPattern;
  const polarity: Polarity = (full.data[Math.round(finder.y) * width + Math.round(finder.x)] ?? 0) < 128 ? 'normal' : 'inverted';
  const first = foundFromCode(code, polarity);
  blank(full, first);
  if (record(first, 1, { x: 0, y: 0 })) searchImage(full, [polarity, polarity === 'normal' ? 'inverted' : 'normal'], budget, (found) => record(found, 1, { x: 0, y: 0 }));
  return hits;
}
