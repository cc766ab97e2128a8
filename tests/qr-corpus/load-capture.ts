/** Reads a corpus screenshot (PNG or JPEG) into RGBA pixels, the shape `decodeQrCodes` takes. */
import { readFileSync } from 'node:fs';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

/** RGBA pixels, row-major, 4 bytes a pixel, as `ImageData` holds them. */
export interface RgbaImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** Decodes the file at `path` by its extension (.png, .jpg/.jpeg). Throws on other types. */
export function loadCapture(path: string): RgbaImage {
  const bytes = readFileSync(path);
  if (/\.png$/i.test(path)) {
    const png = PNG.sync.read(bytes);
    return { data: new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), width: png.width, height: png.height };
  }
  if (/\.jpe?g$/i.test(path)) {
    const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: 200, maxMemoryUsageInMB: 2048 });
    return { data: new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length), width: img.width, height: img.height };
  }
  throw new Error(`Not a PNG or JPEG capture: ${path}`);
}
