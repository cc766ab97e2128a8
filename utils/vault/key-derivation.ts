/**
 * Key derivation and the small crypto helpers the vault and the sync copy share: both wrap a
 * random key under Argon2id(password) with the same parameters and limits. Pure: WebCrypto
 * via globalThis.crypto and hash-wasm only.
 */
import { argon2id } from 'hash-wasm';
import { InvalidInputError } from '../errors';
import { msg } from '../i18n/local-message';
import { fromBase64, toBase64 } from './base64';
import { DEFAULT_KDF, KDF_LIMITS, KEY_BYTES, SALT_BYTES, type KdfParams, type VaultKdf } from './vault-format';

/** A source of random bytes (tests pass a deterministic one). */
export type RandomBytes = (length: number) => Uint8Array;

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;
const encoder = new TextEncoder();

/**
 * Argon2id(NFC(password) as UTF-8, salt) with the header's parameters → a non-extractable
 * AES-256-GCM key. The password bytes and the raw key are wiped after use.
 * @see https://www.rfc-editor.org/rfc/rfc9106 (Argon2)
 */
export async function deriveKeyEncryptionKey(password: string, kdf: VaultKdf): Promise<CryptoKey> {
  const passwordBytes = encoder.encode(password.normalize('NFC'));
  const derived = await argon2id({
    password: passwordBytes,
    salt: fromBase64(kdf.salt),
    memorySize: kdf.memoryKiB,
    iterations: kdf.iterations,
    parallelism: kdf.parallelism,
    hashLength: KEY_BYTES,
    outputType: 'binary',
  });
  passwordBytes.fill(0);
  try {
    return await importAesKey(derived);
  } finally {
    derived.fill(0);
  }
}

/**
 * New Argon2id parameters (defaults with `overrides`) and a fresh salt.
 * @throws InvalidInputError (field 'kdf') for parameters outside KDF_LIMITS
 */
export function newKdf(overrides: Partial<KdfParams> | undefined, random: RandomBytes): VaultKdf {
  const { memoryKiB, iterations, parallelism } = { ...DEFAULT_KDF, ...overrides };
  const ok =
    Number.isSafeInteger(memoryKiB) &&
    Number.isSafeInteger(iterations) &&
    Number.isSafeInteger(parallelism) &&
    parallelism >= 1 &&
    parallelism <= KDF_LIMITS.maxParallelism &&
    memoryKiB >= KDF_LIMITS.minMemoryKiBPerLane * parallelism &&
    memoryKiB <= KDF_LIMITS.maxMemoryKiB &&
    iterations >= 1 &&
    iterations <= KDF_LIMITS.maxIterations &&
    memoryKiB * iterations <= KDF_LIMITS.maxWork;
  if (!ok) {
    throw new InvalidInputError(msg('errKdfOutOfRange'), { field: 'kdf' });
  }
  return { name: 'argon2id', memoryKiB, iterations, parallelism, salt: toBase64(randomBytes(random, SALT_BYTES)) };
}

/** An AES-256-GCM key from raw bytes, not extractable. */
export function importAesKey(raw: Uint8Array): Promise<CryptoKey> {
  return subtle().importKey('raw', copy(raw), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

/** The platform's cryptographic random source. */
export function defaultRandom(length: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

/**
 * `length` bytes from `random`, checked.
 * @throws InvalidInputError (field 'random') when the source returns anything else
 */
export function randomBytes(random: RandomBytes, length: number): Uint8Array<ArrayBuffer> {
  const bytes = random(length);
  if (!(bytes instanceof Uint8Array) || bytes.length !== length) {
    throw new InvalidInputError(msg('errRandomSource', length), { field: 'random' });
  }
  return copy(bytes);
}

/** A copy backed by its own ArrayBuffer, which is what WebCrypto's types ask for. */
export function copy(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}
