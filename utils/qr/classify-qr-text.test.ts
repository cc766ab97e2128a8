import { describe, expect, it } from 'vitest';
import { classifyQrText, type QrTextKind } from './classify-qr-text';
import { inEnglish } from '../i18n/localize';

const NOT = 'not a two-step verification code.';

const rows: Array<{ input: string; expected: { kind: QrTextKind; message?: string } }> = [
  { input: 'otpauth://totp/Amazon:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Amazon', expected: { kind: 'otpauth' } },
  { input: 'OTPAUTH://TOTP/ACME:bob?secret=JBSWY3DPEHPK3PXP', expected: { kind: 'otpauth' } },
  { input: '  otpauth://hotp/x?secret=AA&counter=1\n', expected: { kind: 'otpauth' } },
  { input: 'otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8%3D', expected: { kind: 'otpauth-migration' } },
  { input: 'OtpAuth-Migration://offline?data=AA', expected: { kind: 'otpauth-migration' } },
  {
    input: 'https://apps.apple.com/app/google-authenticator/id388497605',
    expected: { kind: 'url', message: `This QR code is a link to apps.apple.com, ${NOT}` },
  },
  { input: 'http://www.example.com/get-the-app', expected: { kind: 'url', message: `This QR code is a link to example.com, ${NOT}` } },
  { input: 'www.example.org', expected: { kind: 'url', message: `This QR code is a link to example.org, ${NOT}` } },
  { input: 'https://', expected: { kind: 'url', message: `This QR code is a web link, ${NOT}` } },
  {
    input: 'WIFI:T:WPA;S:Cafe Guest;P:latte123;;',
    expected: { kind: 'wifi', message: `This QR code is for joining the Wi-Fi network "Cafe Guest", ${NOT}` },
  },
  {
    input: 'WIFI:S:My\\;Net;T:WPA;P:x;;',
    expected: { kind: 'wifi', message: `This QR code is for joining the Wi-Fi network "My;Net", ${NOT}` },
  },
  { input: 'wifi:T:nopass;;', expected: { kind: 'wifi', message: `This QR code is for joining a Wi-Fi network, ${NOT}` } },
  { input: 'Hello there', expected: { kind: 'text', message: `This QR code contains the text "Hello there", ${NOT}` } },
  {
    input: 'A very long piece of text that goes on and on well past forty characters',
    expected: { kind: 'text', message: `This QR code contains the text "A very long piece of text that goes on…", ${NOT}` },
  },
  { input: 'otpauth:/missing-slash', expected: { kind: 'text', message: `This QR code contains the text "otpauth:/missing-slash", ${NOT}` } },
  { input: '   ', expected: { kind: 'text', message: `This QR code is empty, ${NOT}` } },
];

describe('classifyQrText', () => {
  it.each(rows)('$input → $expected.kind', ({ input, expected }) => {
    const { kind, message } = classifyQrText(input);
    expect(message === undefined ? { kind } : { kind, message: inEnglish(message) }).toEqual(expected);
  });
});
