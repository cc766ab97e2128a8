/**
 * Says what a decoded QR code is, so the scan flow keeps only two-step verification codes and
 * tells the user plainly what any other code on the page was.
 */
import { msg, type LocalMessage } from '../i18n/local-message';

/** What a QR code's text is. Only `otpauth` and `otpauth-migration` become accounts. */
export const QrTextKind = {
  Otpauth: 'otpauth',
  OtpauthMigration: 'otpauth-migration',
  Url: 'url',
  Wifi: 'wifi',
  Text: 'text',
} as const;
export type QrTextKind = (typeof QrTextKind)[keyof typeof QrTextKind];

/** The verdict on one QR text: its kind, and for a code that is not an account, a message. */
export interface QrTextClass {
  kind: QrTextKind;
  /** A sentence for the user, present for every kind but the two account kinds. */
  message?: LocalMessage;
}

/** Where the text came from: a QR code, or text the person pasted (not called a QR code then). */
export type QrTextMedium = 'qr' | 'text';

/** The sentences, by medium: a link to a host, a web link, a named or unnamed Wi-Fi network, empty, other text. */
const NOTES = {
  qr: {
    linkTo: 'qrNoteLinkTo', webLink: 'qrNoteWebLink', wifiNamed: 'qrNoteWifiNamed', wifi: 'qrNoteWifi', empty: 'qrNoteEmpty', text: 'qrNoteText',
  },
  text: {
    linkTo: 'textNoteLinkTo', webLink: 'textNoteWebLink', wifiNamed: 'textNoteWifiNamed', wifi: 'textNoteWifi', empty: 'textNoteEmpty', text: 'textNoteText',
  },
} as const;
const MAX_SHOWN = 40;

function shorten(s: string, max: number): string {
  const oneLine = s.replace(/\s+/g, ' ').trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1).trimEnd()}…`;
}

/** Reads a field of a `WIFI:T:WPA;S:name;P:pass;;` text, honouring its backslash escapes. */
function wifiField(text: string, key: string): string | undefined {
  const body = text.slice(5);
  let i = 0;
  while (i < body.length) {
    let field = '';
    while (i < body.length && body[i] !== ';') {
      if (body[i] === '\\' && i + 1 < body.length) i++;
      field += body[i];
      i++;
    }
    i++;
    if (field.toUpperCase().startsWith(`${key}:`)) return field.slice(key.length + 1);
  }
  return undefined;
}

/**
 * Classifies the text of a decoded QR code. `otpauth://` and `otpauth-migration://` (scheme in
 * any case) are accounts and carry no message; a web link, a Wi-Fi network or anything else
 * gets a message naming what it is, e.g. "This QR code is a link to example.com, not a
 * two-step verification code." (for pasted text, "This is a link to…"). Never throws.
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format
 * @see https://github.com/zxing/zxing/wiki/Barcode-Contents#wi-fi-network-config-android-ios-11
 */
export function classifyQrText(text: string, medium: QrTextMedium = 'qr'): QrTextClass {
  const notes = NOTES[medium];
  const trimmed = text.trim();
  if (/^otpauth:\/\//i.test(trimmed)) return { kind: QrTextKind.Otpauth };
  if (/^otpauth-migration:\/\//i.test(trimmed)) return { kind: QrTextKind.OtpauthMigration };
  if (/^(https?:\/\/|www\.)/i.test(trimmed)) {
    let host: string | undefined;
    try {
      host = new URL(/^www\./i.test(trimmed) ? `https://${trimmed}` : trimmed).hostname.replace(/^www\./i, '');
    } catch {
      host = undefined;
    }
    return {
      kind: QrTextKind.Url,
      message: host ? msg(notes.linkTo, host) : msg(notes.webLink),
    };
  }
  if (/^WIFI:/i.test(trimmed)) {
    const ssid = wifiField(trimmed, 'S');
    return {
      kind: QrTextKind.Wifi,
      message: ssid ? msg(notes.wifiNamed, shorten(ssid, MAX_SHOWN)) : msg(notes.wifi),
    };
  }
  if (trimmed === '') return { kind: QrTextKind.Text, message: msg(notes.empty) };
  return { kind: QrTextKind.Text, message: msg(notes.text, shorten(trimmed, MAX_SHOWN)) };
}
