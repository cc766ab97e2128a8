/**
 * For tests: writes ente Auth's encrypted export the way ente Auth does (export_widget.dart and
 * ente_crypto's deriveSensitiveKey / chachaEncryptData): a random 16-byte salt, a 32-byte key
 * from libsodium crypto_pwhash (Argon2id v1.3, one lane), the text sealed as one secretstream
 * message with tag FINAL, and the JSON `{ version, encryptedData, encryptionNonce, kdfParams }`
 * with standard base64 fields.
 */
import { toBase64 } from '../vault/base64';
import { argon2Hash, passwordBytes } from './import-crypto';
import { secretstreamPushFirst, SECRETSTREAM_TAG_FINAL } from './parse-ente-secretstream';

export interface EnteExportSettings {
  /** Argon2id memory in bytes (ente: 256 MiB, or 128 MiB on small devices). */
  memLimit: number;
  /** Argon2id passes (ente: 16, or 32 with 128 MiB). */
  opsLimit: number;
  /** Fixed salt and header for reproducible files; random otherwise, as ente draws them. */
  salt?: Uint8Array;
  header?: Uint8Array;
}

const random = (bytes: number): Uint8Array => globalThis.crypto.getRandomValues(new Uint8Array(bytes));

/** The text of an encrypted ente Auth export holding `plainText` (the plain export's lines). */
export async function writeEnteEncryptedExport(plainText: string, password: string, settings: EnteExportSettings): Promise<string> {
  const salt = settings.salt ?? random(16);
  const header = settings.header ?? random(24);
  const key = await argon2Hash(passwordBytes(password), salt, {
    variant: 'argon2id',
    memoryKiB: Math.floor(settings.memLimit / 1024),
    iterations: settings.opsLimit,
    parallelism: 1,
    hashLength: 32,
  });
  const sealed = secretstreamPushFirst(key, header, new TextEncoder().encode(plainText), SECRETSTREAM_TAG_FINAL);
  return JSON.stringify({
    version: 1,
    encryptedData: toBase64(sealed),
    encryptionNonce: toBase64(header),
    kdfParams: { memLimit: settings.memLimit, opsLimit: settings.opsLimit, salt: toBase64(salt) },
  });
}

/** One line of ente's plain export for an account, as ente writes `rawData` (commas as `%2C`). */
export function enteLine(uri: string, display: { pinned?: boolean; tags?: string[]; note?: string } = {}): string {
  const codeDisplay = encodeURIComponent(JSON.stringify({ pinned: display.pinned ?? false, trashed: false, tags: display.tags ?? [], note: display.note ?? '' }));
  return `${uri}&codeDisplay=${codeDisplay}`.replaceAll(',', '%2C');
}
