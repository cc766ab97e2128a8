/**
 * libsodium's `crypto_secretstream_xchacha20poly1305`, one message long: what ente Auth's
 * encrypted export holds. Built from @noble/ciphers (audited): HChaCha20 derives the stream key,
 * ChaCha20 (RFC 8439, 12-byte nonce) encrypts, Poly1305 authenticates. Pure: no WebCrypto needed.
 *
 * One message (`crypto_secretstream_xchacha20poly1305_push` once, after `init_push`):
 * - header: 24 random bytes; stream key k = HChaCha20(key, header[0..16]); nonce n =
 *   (counter 1, 4 bytes little-endian) ‖ header[16..24];
 * - Poly1305 key: the first 32 bytes of ChaCha20(k, n) at block 0;
 * - a 64-byte block whose first byte is the tag, encrypted at block 1; its first byte starts
 *   the ciphertext; the message follows, encrypted from block 2;
 * - MAC = Poly1305 over: associated data (none here) padded to 16, the whole encrypted 64-byte
 *   block, the ciphertext followed by (its length mod 16) zero bytes (libsodium's padding, not
 *   RFC 8439's), then both lengths (associated data, 64 + message) as 64-bit little-endian
 *   numbers. The 16-byte MAC ends the message (17 bytes of overhead).
 * @see https://doc.libsodium.org/secret-key_cryptography/secretstream
 * @see https://github.com/jedisct1/libsodium/blob/master/src/libsodium/crypto_secretstream/xchacha20poly1305/secretstream_xchacha20poly1305.c
 */
import { poly1305 } from '@noble/ciphers/_poly1305.js';
import { chacha20, hchacha } from '@noble/ciphers/chacha.js';
import { equalBytes } from '@noble/ciphers/utils.js';

/** Bytes of a secretstream header (`crypto_secretstream_xchacha20poly1305_HEADERBYTES`). */
export const SECRETSTREAM_HEADER_BYTES = 24;
/** Bytes a message grows by: the tag byte and the MAC (`…_ABYTES`). */
export const SECRETSTREAM_OVERHEAD_BYTES = 17;
/** The tag of a stream's last message (`…_TAG_FINAL`). */
export const SECRETSTREAM_TAG_FINAL = 3;

/** "expand 32-byte k", the ChaCha constants. */
const SIGMA = new TextEncoder().encode('expand 32-byte k');

/** Little-endian 32-bit words of `bytes` (a copy, so it is aligned and has its own buffer). */
function words(bytes: Uint8Array): Uint32Array {
  const copy = new Uint8Array(bytes);
  const view = new DataView(copy.buffer);
  const out = new Uint32Array(copy.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}

/** The bytes of little-endian 32-bit words. */
function bytesOf(w: Uint32Array): Uint8Array {
  const out = new Uint8Array(w.length * 4);
  const view = new DataView(out.buffer);
  for (let i = 0; i < w.length; i++) view.setUint32(i * 4, w[i]!, true);
  return out;
}

/** The stream key and ChaCha20 nonce of a stream's first message. */
function streamState(key: Uint8Array, header: Uint8Array): { k: Uint8Array; nonce: Uint8Array } {
  if (key.length !== 32) throw new RangeError('a secretstream key is 32 bytes');
  if (header.length !== SECRETSTREAM_HEADER_BYTES) throw new RangeError(`a secretstream header is ${SECRETSTREAM_HEADER_BYTES} bytes`);
  const k = new Uint32Array(8);
  hchacha(words(SIGMA), words(key), words(header.subarray(0, 16)), k);
  const nonce = new Uint8Array(12);
  nonce[0] = 1;
  nonce.set(header.subarray(16, 24), 4);
  return { k: bytesOf(k), nonce };
}

/** Poly1305 of the encrypted tag block and the ciphertext, laid out as libsodium does (no associated data). */
function mac(k: Uint8Array, nonce: Uint8Array, block: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  const polyKey = chacha20(k, nonce, new Uint8Array(64), undefined, 0).subarray(0, 32);
  // libsodium pads the ciphertext with (0x10 - 64 + length) & 0xf zero bytes, i.e. length mod 16
  // (not up to a multiple of 16 as RFC 8439's AEAD does): followed here to the byte.
  const padded = 64 + ciphertext.length + (ciphertext.length & 0xf);
  const input = new Uint8Array(padded + 16);
  input.set(block);
  input.set(ciphertext, 64);
  const view = new DataView(input.buffer);
  // Associated-data length (0) at `padded`, then the length of block and message.
  view.setBigUint64(padded + 8, BigInt(64 + ciphertext.length), true);
  return poly1305(input, polyKey);
}

/**
 * Opens the first message of a secretstream (`init_pull`, then `pull` once).
 * @returns the message and its tag, or null when the MAC does not verify (a wrong key, or bytes
 *   changed) or the input is shorter than the overhead.
 * @throws RangeError for a key or header of the wrong length.
 */
export function secretstreamPullFirst(key: Uint8Array, header: Uint8Array, sealed: Uint8Array): { message: Uint8Array; tag: number } | null {
  const { k, nonce } = streamState(key, header);
  if (sealed.length < SECRETSTREAM_OVERHEAD_BYTES) return null;
  const ciphertext = sealed.subarray(1, sealed.length - 16);
  const first = new Uint8Array(64);
  first[0] = sealed[0]!;
  // The tag block as it was encrypted: its first byte from the input, the rest keystream.
  const block = chacha20(k, nonce, first, undefined, 1);
  const tag = block[0]!;
  block[0] = sealed[0]!;
  if (!equalBytes(mac(k, nonce, block, ciphertext), sealed.subarray(sealed.length - 16))) return null;
  return { message: chacha20(k, nonce, ciphertext, undefined, 2), tag };
}

/**
 * Seals `message` as the first message of a stream with `header` (`init_push`, then `push`
 * once): the counterpart of {@link secretstreamPullFirst}, for building test files.
 * @param header 24 bytes (libsodium draws them at random).
 * @param tag {@link SECRETSTREAM_TAG_FINAL} for a one-message stream, as ente writes.
 */
export function secretstreamPushFirst(key: Uint8Array, header: Uint8Array, message: Uint8Array, tag: number): Uint8Array {
  const { k, nonce } = streamState(key, header);
  const plainBlock = new Uint8Array(64);
  plainBlock[0] = tag;
  const block = chacha20(k, nonce, plainBlock, undefined, 1);
  const ciphertext = chacha20(k, nonce, message, undefined, 2);
  const out = new Uint8Array(1 + ciphertext.length + 16);
  out[0] = block[0]!;
  out.set(ciphertext, 1);
  out.set(mac(k, nonce, block, ciphertext), 1 + ciphertext.length);
  return out;
}
