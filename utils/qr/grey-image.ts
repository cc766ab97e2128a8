/**
 * One-byte-a-pixel greyscale images and the few operations the QR decoder needs on them:
 * area-averaged downscaling from RGBA, inversion, contrast stretching, filling a rectangle,
 * and expanding back to the RGBA layout jsQR reads. Pure: no DOM, no canvas.
 */

/** RGBA pixels, row-major, 4 bytes a pixel (the layout of `ImageData` and of decoded PNG/JPEG). */
export interface RgbaPixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** Greyscale pixels, row-major, one byte a pixel (0 = black, 255 = white). */
export interface GreyImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** An axis-aligned rectangle in pixels. */
export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Greyscale copy of `region` of `image`, downscaled by the integer `factor` with area averaging
 * (each output pixel is the mean of a `factor`×`factor` block; a partial block at the right or
 * bottom edge is dropped). Luma uses the Rec. 601 weights in fixed point; alpha is ignored.
 * `region` is clamped to the image.
 */
export function toGreyImage(image: RgbaPixels, region: PixelRect, factor: number): GreyImage {
  const f = Math.max(1, Math.floor(factor));
  const x0 = Math.max(0, Math.floor(region.x));
  const y0 = Math.max(0, Math.floor(region.y));
  const x1 = Math.min(image.width, Math.floor(region.x + region.width));
  const y1 = Math.min(image.height, Math.floor(region.y + region.height));
  const width = Math.max(0, Math.floor((x1 - x0) / f));
  const height = Math.max(0, Math.floor((y1 - y0) / f));
  const out = new Uint8Array(width * height);
  const src = image.data;
  const stride = image.width * 4;
  if (f === 1) {
    for (let y = 0; y < height; y++) {
      let i = (y0 + y) * stride + x0 * 4;
      const o = y * width;
      for (let x = 0; x < width; x++, i += 4) out[o + x] = (src[i]! * 77 + src[i + 1]! * 150 + src[i + 2]! * 29) >> 8;
    }
    return { data: out, width, height };
  }
  const sums = new Uint32Array(width);
  const divisor = f * f * 256;
  for (let y = 0; y < height; y++) {
    sums.fill(0);
    for (let dy = 0; dy < f; dy++) {
      let i = (y0 + y * f + dy) * stride + x0 * 4;
      for (let x = 0; x < width; x++) {
        let s = 0;
        for (let dx = 0; dx < f; dx++, i += 4) s += src[i]! * 77 + src[i + 1]! * 150 + src[i + 2]! * 29;
        sums[x]! += s;
      }
    }
    const o = y * width;
    for (let x = 0; x < width; x++) out[o + x] = Math.round(sums[x]! / divisor);
  }
  return { data: out, width, height };
}

/** A copy of `grey` with area averaging by the integer `factor` (see `toGreyImage`). */
export function downscaleGreyImage(grey: GreyImage, factor: number): GreyImage {
  const f = Math.max(1, Math.floor(factor));
  if (f === 1) return { data: grey.data.slice(), width: grey.width, height: grey.height };
  const width = Math.floor(grey.width / f);
  const height = Math.floor(grey.height / f);
  const out = new Uint8Array(width * height);
  const area = f * f;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let s = 0;
      for (let dy = 0; dy < f; dy++) {
        const row = (y * f + dy) * grey.width + x * f;
        for (let dx = 0; dx < f; dx++) s += grey.data[row + dx]!;
      }
      out[y * width + x] = Math.round(s / area);
    }
  }
  return { data: out, width, height };
}

/**
 * A copy of `grey` enlarged by the integer `factor` with bilinear interpolation (pixel centres
 * aligned), so a code of 2–3 pixels a module gets modules wide enough for jsQR's binarizer.
 */
export function upscaleGreyImage(grey: GreyImage, factor: number): GreyImage {
  const f = Math.max(1, Math.floor(factor));
  const { width: w, height: h, data } = grey;
  if (f === 1) return { data: data.slice(), width: w, height: h };
  const width = w * f;
  const height = h * f;
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const sy = Math.min(h - 1, Math.max(0, (y + 0.5) / f - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(h - 1, y0 + 1);
    const ty = sy - y0;
    for (let x = 0; x < width; x++) {
      const sx = Math.min(w - 1, Math.max(0, (x + 0.5) / f - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(w - 1, x0 + 1);
      const tx = sx - x0;
      const top = data[y0 * w + x0]! + (data[y0 * w + x1]! - data[y0 * w + x0]!) * tx;
      const bottom = data[y1 * w + x0]! + (data[y1 * w + x1]! - data[y1 * w + x0]!) * tx;
      out[y * width + x] = Math.round(top + (bottom - top) * ty);
    }
  }
  return { data: out, width, height };
}

/** A copy of `grey` with light and dark swapped (for light modules on a dark background). */
export function invertGreyImage(grey: GreyImage): GreyImage {
  const out = new Uint8Array(grey.data.length);
  for (let i = 0; i < out.length; i++) out[i] = 255 - grey.data[i]!;
  return { data: out, width: grey.width, height: grey.height };
}

/**
 * Stretches `grey` in place so its 1st..99th percentile spans 0..255, which lifts low-contrast
 * codes (#777 on #bbb, washed-out JPEGs) above jsQR's minimum local contrast. Returns the
 * low and high percentiles it used; leaves a flat image alone.
 */
export function stretchGreyContrast(grey: GreyImage): { low: number; high: number } {
  const histogram = new Uint32Array(256);
  const d = grey.data;
  for (let i = 0; i < d.length; i++) histogram[d[i]!]!++;
  const cut = Math.floor(d.length / 100);
  let low = 0;
  for (let seen = 0; low < 255 && seen + histogram[low]! <= cut; low++) seen += histogram[low]!;
  let high = 255;
  for (let seen = 0; high > 0 && seen + histogram[high]! <= cut; high--) seen += histogram[high]!;
  if (high - low < 8 || (low === 0 && high === 255)) return { low, high };
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) lut[v] = Math.max(0, Math.min(255, Math.round(((v - low) * 255) / (high - low))));
  for (let i = 0; i < d.length; i++) d[i] = lut[d[i]!]!;
  return { low, high };
}

/** Fills `rect` (clamped to the image) of `grey` with `value`, in place. */
export function fillGreyRect(grey: GreyImage, rect: PixelRect, value: number): void {
  const x0 = Math.max(0, Math.floor(rect.x));
  const y0 = Math.max(0, Math.floor(rect.y));
  const x1 = Math.min(grey.width, Math.ceil(rect.x + rect.width));
  const y1 = Math.min(grey.height, Math.ceil(rect.y + rect.height));
  for (let y = y0; y < y1; y++) grey.data.fill(value, y * grey.width + x0, y * grey.width + x1);
}

/** The mean grey level of the one-pixel border of `grey` (0 for an empty image). */
export function borderMean(grey: GreyImage): number {
  const { width: w, height: h, data } = grey;
  if (w === 0 || h === 0) return 0;
  let sum = 0;
  let n = 0;
  for (let x = 0; x < w; x++) {
    sum += data[x]! + data[(h - 1) * w + x]!;
    n += 2;
  }
  for (let y = 1; y < h - 1; y++) {
    sum += data[y * w]! + data[y * w + w - 1]!;
    n += 2;
  }
  return sum / n;
}

/** `grey` expanded to RGBA (R = G = B = grey, A = 255), the input layout of jsQR. */
export function greyToRgba(grey: GreyImage): Uint8ClampedArray {
  const out = new Uint8ClampedArray(grey.data.length * 4);
  const src = grey.data;
  for (let i = 0, j = 0; i < src.length; i++, j += 4) {
    const v = src[i]!;
    out[j] = v;
    out[j + 1] = v;
    out[j + 2] = v;
    out[j + 3] = 255;
  }
  return out;
}
