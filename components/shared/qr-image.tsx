import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n/t';

/**
 * How codes are drawn: medium error correction (survives a glare or a smudge on the screen), the
 * four-module quiet zone the QR standard asks for, 6 px a module. The encoder's default colours
 * put dark modules on white, so the quiet zone stays light in a dark theme too.
 * @see ISO/IEC 18004 (QR Code), on the quiet zone
 */
const DRAW_OPTIONS = { errorCorrectionLevel: 'M', margin: 4, scale: 6 } as const;

type Drawing = { state: 'drawing' } | { state: 'drawn'; src: string } | { state: 'failed' };

/**
 * `text` as a QR code in a PNG data: URL. The encoder is imported here, on first use, so pages
 * that never show a code do not load it.
 * @throws what the encoder throws: text too long for any QR version, or no canvas.
 */
async function drawQrCode(text: string): Promise<string> {
  const encoder = await import('qrcode');
  return encoder.toDataURL(text, DRAW_OPTIONS);
}

interface QrImageProps {
  /** What the code holds, e.g. an `otpauth://` link. */
  text: string;
  /** The image's alternative text: what the code is for (never the secret it holds). */
  label: string;
  /** Shown under the code, e.g. "1 of 3" or the account's name. */
  caption?: ComponentChildren;
}

/**
 * A QR code of `text` as an image, dark on white with its quiet zone whatever the theme, so a
 * phone can scan it from the screen. Says so while it is drawn and if it cannot be drawn.
 */
export function QrImage({ text, label, caption }: QrImageProps) {
  const [drawing, setDrawing] = useState<Drawing>({ state: 'drawing' });

  useEffect(() => {
    // A newer text (or closing the view) makes an earlier, slower drawing stale.
    let current = true;
    setDrawing({ state: 'drawing' });
    drawQrCode(text).then(
      (src) => {
        if (current) setDrawing({ state: 'drawn', src });
      },
      // Shown to the person below; the copyable link beside each code still works.
      () => {
        if (current) setDrawing({ state: 'failed' });
      },
    );
    return () => {
      current = false;
    };
  }, [text]);

  return (
    <figure class="qr-image" aria-busy={drawing.state === 'drawing'}>
      {drawing.state === 'drawn' && <img class="qr-image__code" src={drawing.src} alt={label} />}
      {drawing.state === 'drawing' && <p class="qr-image__pending hint">{t('qrDrawing')}</p>}
      {drawing.state === 'failed' && <p class="qr-image__pending error" role="status">{t('qrFailed')}</p>}
      {caption !== undefined && <figcaption class="qr-image__caption">{caption}</figcaption>}
    </figure>
  );
}
