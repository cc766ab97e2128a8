import { createHmac } from 'node:crypto';

/** Base32 (RFC 4648) to bytes; the test's own decoder, independent of the extension's. */
function base32Bytes(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of text.replace(/[\s=]/g, '').toUpperCase()) bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  const bytes = bits.match(/.{8}/g) ?? [];
  return Buffer.from(bytes.map((b) => parseInt(b, 2)));
}

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s) at `atMs`, computed with node:crypto. */
export function totp(secret: string, atMs: number, period = 30, digits = 6): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(atMs / 1000 / period)));
  const mac = createHmac('sha1', base32Bytes(secret)).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return String(value).padStart(digits, '0');
}

/** Every code valid at some instant between `fromMs` and `toMs` (a read can straddle a step). */
export function totpBetween(secret: string, fromMs: number, toMs: number, period = 30, digits = 6): string[] {
  const codes: string[] = [];
  for (let step = Math.floor(fromMs / 1000 / period); step <= Math.floor(toMs / 1000 / period); step++) {
    codes.push(totp(secret, step * period * 1000, period, digits));
  }
  return codes;
}
