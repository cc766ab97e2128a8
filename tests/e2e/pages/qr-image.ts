import { expect, type Locator } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/**
 * Reads a QR code `<img>` as a phone would see it: fetches its PNG data: URL here in Node and
 * decodes the pixels with jsQR, independently of the encoder that drew it.
 * @returns the text the code holds.
 * @throws when the image is not a PNG data: URL or holds no readable code.
 */
export async function readQrImage(image: Locator): Promise<string> {
  await expect(image).toHaveAttribute('src', /^data:image\/png;base64,/);
  const src = await image.getAttribute('src');
  const response = await fetch(src ?? '');
  const png = PNG.sync.read(Buffer.from(await response.arrayBuffer()));
  const code = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), png.width, png.height);
  if (code === null) throw new Error(`No QR code could be read from the image “${await image.getAttribute('alt')}”.`);
  return code.data;
}

/** Every QR code image inside `scope`, read in document order. */
export async function readQrImages(scope: Locator): Promise<string[]> {
  const texts: string[] = [];
  for (const image of await scope.locator('img.qr-image__code').all()) texts.push(await readQrImage(image));
  return texts;
}
