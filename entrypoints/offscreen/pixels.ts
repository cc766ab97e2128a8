/**
 * Pixels of an image (a captured tab, or an image the user gave us) for the QR decoder, which
 * is the pure utils/qr. Runs in the helper (offscreen document or Firefox event page).
 */
import type { RgbaPixels } from '@/utils/qr/decode-qr-codes';
import type { CaptureCrop } from '@/utils/helper-messages';
import { CaptureFailedError } from '@/utils/errors';
import { msg } from '@/utils/i18n/local-message';

/** Largest image accepted from a file or paste (the data: URL's length in characters). */
export const MAX_IMAGE_DATA_URL_LENGTH = 30 * 1024 * 1024;
/** Largest image side decoded; bigger images are scaled down first. */
const MAX_SIDE = 6000;

/**
 * Decodes a data: URL into RGBA pixels, optionally only the `crop` rectangle given in CSS px
 * of a viewport `viewportWidth` wide (the capture may be larger on high-density screens).
 */
export async function pixelsFromDataUrl(dataUrl: string, crop?: CaptureCrop): Promise<RgbaPixels> {
  if (dataUrl.length > MAX_IMAGE_DATA_URL_LENGTH) {
    throw new CaptureFailedError(msg('errImageTooLarge'));
  }
  if (!/^data:image\/[a-z0-9.+-]+;base64,/i.test(dataUrl)) {
    throw new CaptureFailedError(msg('errNotAnImage'));
  }
  let bitmap: ImageBitmap;
  try {
    const blob = await (await fetch(dataUrl)).blob();
    bitmap = await createImageBitmap(blob);
  } catch (error) {
    throw new CaptureFailedError(msg('errImageUnreadable'), { cause: error });
  }
  let sx = 0;
  let sy = 0;
  let sw = bitmap.width;
  let sh = bitmap.height;
  if (crop) {
    const scale = bitmap.width / Math.max(1, crop.viewportWidth);
    sx = clamp(Math.floor(crop.rect.x * scale), 0, bitmap.width - 1);
    sy = clamp(Math.floor(crop.rect.y * scale), 0, bitmap.height - 1);
    sw = clamp(Math.ceil(crop.rect.width * scale), 1, bitmap.width - sx);
    sh = clamp(Math.ceil(crop.rect.height * scale), 1, bitmap.height - sy);
  }
  const shrink = Math.min(1, MAX_SIDE / Math.max(sw, sh));
  const width = Math.max(1, Math.round(sw * shrink));
  const height = Math.max(1, Math.round(sh * shrink));
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new CaptureFailedError(msg('errImagePrepare'));
  context.drawImage(bitmap, sx, sy, sw, sh, 0, 0, width, height);
  bitmap.close();
  const { data } = context.getImageData(0, 0, width, height);
  return { data, width, height };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
