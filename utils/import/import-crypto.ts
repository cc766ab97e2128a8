/**
 * The decryption steps other apps' encrypted exports need, on WebCrypto (AES-GCM, AES-CBC,
 * PBKDF2) and hash-wasm (scrypt, MD5). Pure: no Node module, no browser extension API.
 * Each throws what WebCrypto throws on an authentication or padding failure; callers decide
 * whether that means a wrong password or a damaged file.
 */
import { createMD5, scrypt } from 'hash-wasm';

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
