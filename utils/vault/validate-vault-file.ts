/**
 * Strict structural validation of a stored vault (step 1 of the checks in
 * docs/vault-format.md), and the checksum comparison (step 2).
 */
import { VaultDamagedError } from '../errors';
import { base64ByteLength } from './base64';
import {
  computeChecksum,
  IV_BYTES,
  KDF_LIMITS,
  KEY_BYTES,
  SALT_BYTES,
  TAG_BYTES,
  VAULT_FORMAT,
  VAULT_VERSION,
  type VaultFile,
} from './vault-format';
import { vaultDamagedError, vaultTooNewError } from './vault-damaged-error';

type Fields = Record<string, unknown>;

/**
 * Checks that an unknown value is a version-1 vault file, field by field, without any
 * cryptography: the exact set of fields (none missing, none extra), their types, canonical
 * base64 of the right decoded length, the format and version, and KDF parameters within
 * {@link KDF_LIMITS}. Synchronous, so callers can tell "damaged" from "locked" cheaply.
 * It does not verify the checksum: see {@link verifyVaultChecksum}.
 *
 * @param value what was read from storage (or a backup).
 * @returns a fresh copy holding only the validated fields.
 * @throws VaultDamagedError naming the first field at fault (a distinct message for a
 *   version newer than {@link VAULT_VERSION}).
 * @see docs/vault-format.md#fields
 */
export function validateVaultFile(value: unknown): VaultFile {
  const top = object(value, 'the vault');
  if (!Object.hasOwn(top, 'format')) throw damaged('the field "format" is missing');
  if (top.format !== VAULT_FORMAT) throw damaged(`the field "format" is not "${VAULT_FORMAT}"`);
  // The version is read before the field list: a future version may have other fields.
  const version = integer(top, 'version', 'version', 0, Number.MAX_SAFE_INTEGER);
  if (version > VAULT_VERSION) throw vaultTooNewError(version);
  if (version !== VAULT_VERSION) throw damaged(`the field "version" is ${version}, not ${VAULT_VERSION}`);
  exactFields(top, '', ['format', 'version', 'revision', 'kdf', 'keyWrap', 'payload', 'checksum']);

  const revision = integer(top, 'revision', 'revision', 1, Number.MAX_SAFE_INTEGER);

  const kdfFields = object(top.kdf, 'the field "kdf"');
  exactFields(kdfFields, 'kdf.', ['name', 'memoryKiB', 'iterations', 'parallelism', 'salt']);
  if (kdfFields.name !== 'argon2id') throw damaged('the field "kdf.name" is not "argon2id"');
  const parallelism = integer(kdfFields, 'parallelism', 'kdf.parallelism', 1, KDF_LIMITS.maxParallelism);
  const memoryKiB = integer(
    kdfFields,
    'memoryKiB',
    'kdf.memoryKiB',
    KDF_LIMITS.minMemoryKiBPerLane * parallelism,
    KDF_LIMITS.maxMemoryKiB,
  );
  const iterations = integer(kdfFields, 'iterations', 'kdf.iterations', 1, KDF_LIMITS.maxIterations);
  if (memoryKiB * iterations > KDF_LIMITS.maxWork) {
    throw damaged('the fields "kdf.memoryKiB" × "kdf.iterations" ask for more work than Twofold allows');
  }
  const salt = bytes(kdfFields, 'salt', 'kdf.salt', SALT_BYTES, SALT_BYTES);

  const keyWrapFields = object(top.keyWrap, 'the field "keyWrap"');
  exactFields(keyWrapFields, 'keyWrap.', ['iv', 'wrapped']);
  const keyWrapIv = bytes(keyWrapFields, 'iv', 'keyWrap.iv', IV_BYTES, IV_BYTES);
  const wrapped = bytes(keyWrapFields, 'wrapped', 'keyWrap.wrapped', KEY_BYTES + TAG_BYTES, KEY_BYTES + TAG_BYTES);

  const payloadFields = object(top.payload, 'the field "payload"');
  exactFields(payloadFields, 'payload.', ['iv', 'ciphertext']);
  const payloadIv = bytes(payloadFields, 'iv', 'payload.iv', IV_BYTES, IV_BYTES);
  const ciphertext = bytes(payloadFields, 'ciphertext', 'payload.ciphertext', TAG_BYTES, KDF_LIMITS.maxPayloadBytes);

  const checksum = top.checksum;
  if (typeof checksum !== 'string' || !/^[0-9a-f]{64}$/.test(checksum)) {
    throw damaged('the field "checksum" is not 64 lower-case hex digits');
  }

  return {
    format: VAULT_FORMAT,
    version: VAULT_VERSION,
    revision,
    kdf: { name: 'argon2id', memoryKiB, iterations, parallelism, salt },
    keyWrap: { iv: keyWrapIv, wrapped },
    payload: { iv: payloadIv, ciphertext },
    checksum,
  };
}

/**
 * Recomputes the checksum of a structurally valid file and compares it with the stored one.
 * A mismatch means accidental damage (a flipped bit, a cut-off write, a hand-edited field);
 * it proves nothing against a deliberate change, which is GCM's job.
 *
 * @throws VaultDamagedError when the checksum does not match.
 * @see docs/vault-format.md#checksum
 */
export async function verifyVaultChecksum(file: VaultFile): Promise<void> {
  const { checksum, ...rest } = file;
  if ((await computeChecksum(rest)) !== checksum) {
    throw damaged('its checksum does not match its contents');
  }
}

/**
 * Steps 1 and 2 together: {@link validateVaultFile} then {@link verifyVaultChecksum}.
 * @throws VaultDamagedError
 */
export async function readVaultFile(value: unknown): Promise<VaultFile> {
  const file = validateVaultFile(value);
  await verifyVaultChecksum(file);
  return file;
}

function damaged(detail: string): VaultDamagedError {
  return vaultDamagedError(detail);
}

function object(value: unknown, what: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw damaged(`${what} is not an object`);
  }
  return value as Fields;
}

function exactFields(fields: Fields, prefix: string, expected: readonly string[]): void {
  for (const name of expected) {
    if (!Object.hasOwn(fields, name)) throw damaged(`the field "${prefix}${name}" is missing`);
  }
  for (const name of Object.keys(fields)) {
    if (!expected.includes(name)) throw damaged(`it has an unexpected field "${prefix}${name}"`);
  }
}

function integer(fields: Fields, name: string, path: string, min: number, max: number): number {
  const value = fields[name];
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw damaged(`the field "${path}" is not a whole number`);
  }
  if (value < min || value > max) {
    throw damaged(`the field "${path}" is ${value}, outside ${min}–${max}`);
  }
  return value;
}

/** Checks canonical base64 decoding to `min`–`max` bytes; returns the text unchanged. */
function bytes(fields: Fields, name: string, path: string, min: number, max: number): string {
  const value = fields[name];
  if (typeof value !== 'string') throw damaged(`the field "${path}" is not text`);
  // Refuse absurd lengths before decoding anything.
  if (value.length > Math.ceil(max / 3) * 4) throw damaged(`the field "${path}" is too long`);
  let length: number;
  try {
    length = base64ByteLength(value);
  } catch (error) {
    throw vaultDamagedError(`the field "${path}" is not valid base64`, error);
  }
  if (length < min || length > max) {
    throw damaged(
      min === max
        ? `the field "${path}" holds ${length} bytes, not ${min}`
        : `the field "${path}" holds ${length} bytes, outside ${min}–${max}`,
    );
  }
  return value;
}
