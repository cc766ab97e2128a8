/**
 * The vault file format, version 1: names, limits, and the exact bytes that are authenticated
 * (additional data) and checksummed. docs/vault-format.md describes the same thing for people;
 * keep the two in step.
 */

/** Value of `format`: tells a Twofold vault apart from any other JSON. */
export const VAULT_FORMAT = 'twofold-vault';
/** Value of `version` this code reads and writes. */
export const VAULT_VERSION = 1;

/** Bytes in a data key and a key-encryption key (AES-256). */
export const KEY_BYTES = 32;
/** Bytes in an AES-GCM IV (96 bits, the size GCM is defined for without hashing). */
export const IV_BYTES = 12;
/** Bytes in an AES-GCM authentication tag (128 bits), appended to each ciphertext. */
export const TAG_BYTES = 16;
/** Bytes in an Argon2id salt. */
export const SALT_BYTES = 16;

/** Cost parameters of the Argon2id password derivation. */
export interface KdfParams {
  /** Memory, in KiB (1024 bytes). */
  memoryKiB: number;
  /** Passes over the memory (Argon2 "t"). */
  iterations: number;
  /** Lanes (Argon2 "p"). hash-wasm runs them one after another, so this adds memory, not speed. */
  parallelism: number;
}

/**
 * Parameters for new vaults and password changes: m = 64 MiB, t = 3, p = 1 (OWASP's first
 * Argon2id choice is weaker: 19 MiB, t = 2). About 0.3 s in Node 20 and Chromium.
 * @see https://www.rfc-editor.org/rfc/rfc9106#section-4
 */
export const DEFAULT_KDF: Readonly<KdfParams> = Object.freeze({ memoryKiB: 65_536, iterations: 3, parallelism: 1 });

/**
 * What a header may ask of us. A tampered header must not make the service worker allocate
 * gigabytes or spin for minutes: the caps allow 4× the default memory and about 10× the default
 * work (memory × passes), a few seconds at most. Minimum memory is Argon2's own: 8 KiB per lane.
 * @see https://www.rfc-editor.org/rfc/rfc9106#section-3.1
 */
export const KDF_LIMITS = Object.freeze({
  minMemoryKiBPerLane: 8,
  maxMemoryKiB: 262_144,
  maxIterations: 16,
  maxParallelism: 8,
  /** memoryKiB × iterations. */
  maxWork: 2_097_152,
  /** Largest payload ciphertext accepted, in bytes (16 MiB; 200 accounts take about 60 KB). */
  maxPayloadBytes: 16 * 1024 * 1024,
});

/** The KDF block of a vault header: the algorithm, its parameters and the salt (base64). */
export interface VaultKdf extends KdfParams {
  name: 'argon2id';
  /** Base64 of {@link SALT_BYTES} random bytes. */
  salt: string;
}

/**
 * A vault as stored (a plain JSON object, kept as-is in extension storage). Every byte string
 * is padded standard base64.
 * @see docs/vault-format.md for each field, the additional data and the order of checks.
 */
export interface VaultFile {
  format: typeof VAULT_FORMAT;
  version: typeof VAULT_VERSION;
  /** Count of payload writes: 1 when created, +1 on each seal, unchanged by a password change. */
  revision: number;
  kdf: VaultKdf;
  /** The data key, AES-256-GCM encrypted under the password-derived key. */
  keyWrap: {
    /** Base64 of a 12-byte IV. */
    iv: string;
    /** Base64 of 48 bytes: the 32-byte data key encrypted, then the 16-byte tag. */
    wrapped: string;
  };
  /** The entries as UTF-8 JSON, AES-256-GCM encrypted under the data key. */
  payload: {
    /** Base64 of a 12-byte IV, fresh on every write. */
    iv: string;
    /** Base64 of the encrypted JSON followed by the 16-byte tag. */
    ciphertext: string;
  };
  /** Lower-case hex SHA-256 of {@link checksumInput}: detects accidental damage only (no key). */
  checksum: string;
}

/** A vault file before its checksum is computed. */
export type UnsealedVaultFile = Omit<VaultFile, 'checksum'>;

const encoder = new TextEncoder();

/**
 * Additional data for the key wrap: binds format, version and the whole KDF block, so a
 * header whose KDF was altered cannot unwrap even if the derived key happened to match.
 *
 * @returns UTF-8 of `JSON.stringify([format, version, "key-wrap", kdf.name, kdf.memoryKiB,
 *   kdf.iterations, kdf.parallelism, kdf.salt])`, e.g.
 *   `["twofold-vault",1,"key-wrap","argon2id",65536,3,1,"q83v…=="]`.
 * @see docs/vault-format.md#additional-data
 */
export function keyWrapAdditionalData(file: Pick<VaultFile, 'format' | 'version' | 'kdf'>): Uint8Array<ArrayBuffer> {
  const { kdf } = file;
  return utf8([file.format, file.version, 'key-wrap', kdf.name, kdf.memoryKiB, kdf.iterations, kdf.parallelism, kdf.salt]);
}

/**
 * Additional data for the payload: binds format, version and revision, but not the KDF block,
 * so a password change leaves the payload byte-identical. Binding the revision stops an older
 * payload being paired with a newer header.
 *
 * @returns UTF-8 of `JSON.stringify([format, version, "payload", revision])`, e.g.
 *   `["twofold-vault",1,"payload",7]`.
 * @see docs/vault-format.md#additional-data
 */
export function payloadAdditionalData(
  file: Pick<VaultFile, 'format' | 'version' | 'revision'>,
): Uint8Array<ArrayBuffer> {
  return utf8([file.format, file.version, 'payload', file.revision]);
}

/**
 * The canonical serialization the checksum is computed over: every field but `checksum`, in a
 * fixed order, as a JSON array (all strings are ASCII and all numbers integers, so there is
 * exactly one spelling).
 *
 * @returns UTF-8 of `JSON.stringify([format, version, "checksum", revision, kdf.name,
 *   kdf.memoryKiB, kdf.iterations, kdf.parallelism, kdf.salt, keyWrap.iv, keyWrap.wrapped,
 *   payload.iv, payload.ciphertext])`.
 * @see docs/vault-format.md#checksum
 */
export function checksumInput(file: UnsealedVaultFile): Uint8Array<ArrayBuffer> {
  const { kdf, keyWrap, payload } = file;
  return utf8([
    file.format,
    file.version,
    'checksum',
    file.revision,
    kdf.name,
    kdf.memoryKiB,
    kdf.iterations,
    kdf.parallelism,
    kdf.salt,
    keyWrap.iv,
    keyWrap.wrapped,
    payload.iv,
    payload.ciphertext,
  ]);
}

/**
 * Computes the `checksum` field: lower-case hex SHA-256 of {@link checksumInput}.
 * @returns 64 hex characters.
 * @see https://csrc.nist.gov/pubs/fips/180-4/upd1/final (SHA-256)
 */
export async function computeChecksum(file: UnsealedVaultFile): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', checksumInput(file)));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

function utf8(parts: ReadonlyArray<string | number>): Uint8Array<ArrayBuffer> {
  return encoder.encode(JSON.stringify(parts));
}
