/**
 * The decryption steps other apps' encrypted exports need, on WebCrypto (AES-GCM, AES-CBC,
 * PBKDF2) and hash-wasm (scrypt, Argon2, MD5). Pure: no Node module, no browser extension API.
 * Each throws what WebCrypto throws on an authentication or padding failure; callers decide
 * whether that means a wrong password or a damaged file. The few encrypting counterparts exist
 * so tests can build files the way the exporting app does.
 */
import { argon2d, argon2i, argon2id, createMD5, scrypt } from 'hash-wasm';
import { toBase64 } from '../vault/base64';
import { decodeBase64Loose } from './decode-bytes';

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;
const encoder = new TextEncoder();

/** A copy backed by its own ArrayBuffer, which is what WebCrypto's types ask for. */
export function own(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}

/** UTF-8 of a password as typed (no normalization: the exporting apps do none). */
export function passwordBytes(password: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(password);
}

/**
 * AES-256-GCM decryption with a 128-bit tag appended to the ciphertext.
 * @throws DOMException (OperationError) when the tag does not verify.
 * @see https://nvlpubs.nist.gov/nistpubs/Legacy/SP/nistspecialpublication800-38d.pdf
 */
export async function aesGcmDecrypt(key: Uint8Array, iv: Uint8Array, ciphertextAndTag: Uint8Array): Promise<Uint8Array> {
  const cryptoKey = await subtle().importKey('raw', own(key), { name: 'AES-GCM' }, false, ['decrypt']);
  return new Uint8Array(await subtle().decrypt({ name: 'AES-GCM', iv: own(iv), tagLength: 128 }, cryptoKey, own(ciphertextAndTag)));
}

/**
 * AES-CBC decryption with PKCS#7 padding removed.
 * @throws DOMException (OperationError) when the padding is wrong (usually a wrong key).
 */
export async function aesCbcDecrypt(key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array): Promise<Uint8Array> {
  const cryptoKey = await subtle().importKey('raw', own(key), { name: 'AES-CBC' }, false, ['decrypt']);
  return new Uint8Array(await subtle().decrypt({ name: 'AES-CBC', iv: own(iv) }, cryptoKey, own(ciphertext)));
}

/** AES-CBC encryption with PKCS#7 padding (the counterpart of {@link aesCbcDecrypt}). */
export async function aesCbcEncrypt(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array): Promise<Uint8Array> {
  const cryptoKey = await subtle().importKey('raw', own(key), { name: 'AES-CBC' }, false, ['encrypt']);
  return new Uint8Array(await subtle().encrypt({ name: 'AES-CBC', iv: own(iv) }, cryptoKey, own(plaintext)));
}

/**
 * PBKDF2-HMAC-SHA256.
 * @param bytes output length in bytes.
 * @see https://www.rfc-editor.org/rfc/rfc8018#section-5.2
 */
export async function pbkdf2Sha256(password: string, salt: Uint8Array, iterations: number, bytes: number): Promise<Uint8Array> {
  const base = await subtle().importKey('raw', passwordBytes(password), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await subtle().deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: own(salt), iterations }, base, bytes * 8));
}

/**
 * scrypt (RFC 7914). The caller bounds N, r and p first: they come from the file.
 * @see https://www.rfc-editor.org/rfc/rfc7914
 */
export async function scryptKey(
  password: string,
  salt: Uint8Array,
  params: { n: number; r: number; p: number },
  bytes: number,
): Promise<Uint8Array> {
  return scrypt({
    password: passwordBytes(password),
    salt,
    costFactor: params.n,
    blockSize: params.r,
    parallelism: params.p,
    hashLength: bytes,
    outputType: 'binary',
  });
}

/**
 * OpenSSL's EVP_BytesToKey with MD5 and one round, the derivation behind `openssl enc` and
 * CryptoJS's passphrase mode: D1 = MD5(password ‖ salt), Di = MD5(Di−1 ‖ password ‖ salt), the
 * concatenation cut into key then IV.
 * @see https://docs.openssl.org/master/man3/EVP_BytesToKey/
 */
export async function evpBytesToKeyMd5(password: Uint8Array, salt: Uint8Array, keyBytes: number, ivBytes: number): Promise<{ key: Uint8Array; iv: Uint8Array }> {
  const md5 = await createMD5();
  const out = new Uint8Array(keyBytes + ivBytes);
  let filled = 0;
  let previous: Uint8Array = new Uint8Array(0);
  while (filled < out.length) {
    md5.init();
    md5.update(previous);
    md5.update(password);
    md5.update(salt);
    previous = md5.digest('binary');
    const take = Math.min(previous.length, out.length - filled);
    out.set(previous.subarray(0, take), filled);
    filled += take;
  }
  return { key: out.slice(0, keyBytes), iv: out.slice(keyBytes) };
}

/** "Salted__" in ASCII: the header of OpenSSL / CryptoJS passphrase ciphertexts. */
const SALTED = [0x53, 0x61, 0x6c, 0x74, 0x65, 0x64, 0x5f, 0x5f] as const;

/** Tells whether decoded bytes start with OpenSSL's "Salted__" header and hold at least one block. */
export function isSaltedCiphertext(bytes: Uint8Array): boolean {
  return bytes.length >= 32 && (bytes.length - 16) % 16 === 0 && SALTED.every((byte, i) => bytes[i] === byte);
}

/**
 * Decrypts CryptoJS's `AES.encrypt(text, passphrase)` output once base64-decoded: "Salted__",
 * an 8-byte salt, then AES-256-CBC ciphertext, key and IV from {@link evpBytesToKeyMd5}.
 * @returns the plaintext bytes.
 * @throws RangeError when the bytes are not of that shape; DOMException for bad padding
 *   (a wrong passphrase, most of the time).
 * @see https://cryptojs.gitbook.io/docs/#the-cipher-output (OpenSSL-compatible format)
 */
export async function decryptSaltedAes256Cbc(bytes: Uint8Array, passphrase: string): Promise<Uint8Array> {
  if (!isSaltedCiphertext(bytes)) throw new RangeError('not an OpenSSL "Salted__" ciphertext');
  const salt = bytes.subarray(8, 16);
  const { key, iv } = await evpBytesToKeyMd5(passwordBytes(passphrase), salt, 32, 16);
  return aesCbcDecrypt(key, iv, bytes.subarray(16));
}

/**
 * CryptoJS's `AES.encrypt(text, passphrase)` before base64: "Salted__", the salt, then AES-256-CBC
 * of the plaintext, key and IV from {@link evpBytesToKeyMd5}. The counterpart of
 * {@link decryptSaltedAes256Cbc}, for building test files.
 * @param salt 8 bytes (CryptoJS draws them at random).
 * @throws RangeError for a salt of another length.
 */
export async function encryptSaltedAes256Cbc(plaintext: Uint8Array, passphrase: string, salt: Uint8Array): Promise<Uint8Array> {
  if (salt.length !== 8) throw new RangeError('an OpenSSL salt is 8 bytes');
  const { key, iv } = await evpBytesToKeyMd5(passwordBytes(passphrase), salt, 32, 16);
  const ciphertext = await aesCbcEncrypt(key, iv, plaintext);
  const out = new Uint8Array(16 + ciphertext.length);
  out.set(SALTED);
  out.set(salt, 8);
  out.set(ciphertext, 16);
  return out;
}

/** The three Argon2 variants, by the names the PHC string format uses. */
export type Argon2Variant = 'argon2d' | 'argon2i' | 'argon2id';

/** Argon2 settings: memory in KiB, passes, lanes, output length in bytes. */
export interface Argon2Params {
  variant: Argon2Variant;
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  hashLength: number;
}

const ARGON2 = { argon2d, argon2i, argon2id } as const;

/**
 * Argon2 (version 0x13) of the password bytes. The caller bounds the parameters first when they
 * come from a file.
 * @returns `hashLength` bytes.
 * @throws Error from hash-wasm for parameters Argon2 refuses (e.g. a salt under 8 bytes).
 * @see https://www.rfc-editor.org/rfc/rfc9106
 */
export async function argon2Hash(password: Uint8Array, salt: Uint8Array, params: Argon2Params): Promise<Uint8Array> {
  return ARGON2[params.variant]({
    password,
    salt,
    memorySize: params.memoryKiB,
    iterations: params.iterations,
    parallelism: params.parallelism,
    hashLength: params.hashLength,
    outputType: 'binary',
  });
}

/** Base64 without padding, as the PHC string format (and Argon2's reference encoder) writes it. */
export function toBase64Unpadded(bytes: Uint8Array): string {
  // Base64 ends in at most two "="; a bounded quantifier keeps the regex linear.
  return toBase64(bytes).replace(/={1,2}$/u, '');
}

/** An Argon2 hash in the PHC string format, read: `$argon2id$v=19$m=…,t=…,p=…$salt$hash`. */
export interface Argon2Phc extends Argon2Params {
  version: number;
  salt: Uint8Array;
  hash: Uint8Array;
}

/**
 * Reads an Argon2 PHC string (`$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`, salt and hash in
 * unpadded base64; `v=` may be missing in strings from before version 0x13).
 * @returns the fields, or null for text of another shape.
 * @see https://github.com/P-H-C/phc-string-format/blob/master/phc-sf-spec.md
 */
export function parseArgon2Phc(text: string): Argon2Phc | null {
  const match = /^\$(argon2(?:id|i|d))(?:\$v=(\d{1,3}))?\$m=(\d{1,10}),t=(\d{1,10}),p=(\d{1,3})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/u.exec(text);
  if (match === null) return null;
  const [, variant, version, m, t, p, salt64, hash64] = match;
  const salt = decodeBase64Loose(salt64 ?? '');
  const hash = decodeBase64Loose(hash64 ?? '');
  if (salt === null || hash === null) return null;
  return {
    variant: variant as Argon2Variant,
    version: version === undefined ? 0x10 : Number(version),
    memoryKiB: Number(m),
    iterations: Number(t),
    parallelism: Number(p),
    hashLength: hash.length,
    salt,
    hash,
  };
}

/** Compares two byte strings without stopping at the first difference. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}
