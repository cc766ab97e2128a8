/**
 * Hostile long inputs and every text parser they can reach (issue 12, item 10), for
 * long-input.fuzz.test.ts (each input parses or is refused with a named error, quickly).
 * Test only: the extension never imports this file.
 */
import { importAccounts } from '../../utils/import/import-accounts';
import { classifyOtpauthText, parseOtpauthList } from '../../utils/import/parse-otpauth-list';
import { decodeBase32, normalizeSecret } from '../../utils/otp/base32';
import { parseMigrationUri } from '../../utils/otp/parse-migration-uri';
import { parseOtpauthUri } from '../../utils/otp/parse-otpauth-uri';
import { readOtpauthNames } from '../../utils/otp/read-otpauth-names';
import { validateDraft } from '../../utils/otp/validate-draft';
import { classifyQrText } from '../../utils/qr/classify-qr-text';
import { interpretQrTexts } from '../../utils/qr/interpret-qr-texts';
import { SYNC_KEYS } from '../../utils/sync/sync-format';
import { fromSyncItems } from '../../utils/sync/sync-items';
import { validateSyncState } from '../../utils/sync/validate-sync-state';

/** The characters the issue names: each makes some regex or split work on every position of a run. */
const RUNS = [' ', '%', ':', '=', '&', '% ', ':=', '&=', '=&%', ' %:=&', '\t \u200B\u00A0'] as const;

/** 100 KB, the size, and 60,000 characters: under the link parser's 64 KB cap, so its regexes do run. */
export const LONG_LENGTHS = [100 * 1024, 60_000] as const;

const SECRET = 'JBSWY3DPEHPK3PXP';

/** Where a run sits: alone, before a character that makes a match fail at the end, and in each part of a link. */
const CONTEXTS: readonly { name: string; wrap: (run: string) => string }[] = [
  { name: 'alone', wrap: (run) => run },
  { name: 'then x', wrap: (run) => `${run}x` },
  { name: 'as a line before a link', wrap: (run) => `${run}\notpauth://totp/a?secret=${SECRET}` },
  { name: 'around a link', wrap: (run) => `${run}otpauth://totp/a?secret=${SECRET}${run}x` },
  { name: 'as the label', wrap: (run) => `otpauth://totp/${run}?secret=${SECRET}` },
  { name: 'as the query', wrap: (run) => `otpauth://totp/a?${run}` },
  { name: 'as the secret', wrap: (run) => `otpauth://totp/a?secret=${run}` },
  { name: 'as the issuer', wrap: (run) => `otpauth://totp/a?secret=${SECRET}&issuer=${run}` },
  { name: 'as the period', wrap: (run) => `otpauth://totp/a?secret=${SECRET}&period=${run}30` },
  { name: 'as export data', wrap: (run) => `otpauth-migration://offline?data=${run}` },
];

export interface LongInput {
  name: string;
  text: string;
}

/** Every run at every length in every context. */
export function longInputs(): LongInput[] {
  const inputs: LongInput[] = [];
  for (const length of LONG_LENGTHS) {
    for (const unit of RUNS) {
      const run = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
      for (const context of CONTEXTS) inputs.push({ name: `${JSON.stringify(unit)} × ${length}, ${context.name}`, text: context.wrap(run) });
    }
  }
  return inputs;
}

/** A sync record whose account has `text` in one field, the others valid. */
function syncState(field: 'issuer' | 'label' | 'secret' | 'kind' | 'algorithm' | 'id', text: string): unknown {
  const entry = {
    id: 'a', kind: 'totp', issuer: 'Acme', label: 'bob', secret: SECRET, algorithm: 'SHA1', digits: 6, period: 30, counter: 0,
    sites: [], pinned: false, order: 0, createdAt: 1, updatedAt: 1,
  };
  return { entries: [{ ...entry, [field]: text }], tombstones: [], orderChangedAt: 0 };
}

/**
 * Every way text reaches a parser: typed key, form fields, a link added by paste or QR, scanned
 * and pasted QR text, import text, import file and each of its lines, sync records and items.
 * Each returns what the parser returns, or throws what it throws.
 */
export const ENTRY_POINTS: readonly { name: string; run: (text: string) => unknown }[] = [
  { name: 'normalizeSecret (typed key)', run: (text) => normalizeSecret(text) },
  { name: 'decodeBase32', run: (text) => decodeBase32(text) },
  { name: 'validateDraft (form names)', run: (text) => validateDraft({ issuer: text, label: text, secret: SECRET }) },
  { name: 'validateDraft (form key)', run: (text) => validateDraft({ issuer: 'A', secret: text }) },
  { name: 'validateDraft (form numbers)', run: (text) => validateDraft({ issuer: 'A', secret: SECRET, algorithm: 'SHA1', period: text }) },
  { name: 'validateDraft (form algorithm)', run: (text) => validateDraft({ issuer: 'A', secret: SECRET, algorithm: text }) },
  { name: 'parseOtpauthUri (add by link)', run: (text) => parseOtpauthUri(text) },
  { name: 'parseMigrationUri', run: (text) => parseMigrationUri(text) },
  { name: 'readOtpauthNames', run: (text) => readOtpauthNames(text) },
  { name: 'classifyQrText', run: (text) => classifyQrText(text, 'qr') },
  { name: 'interpretQrTexts (scanned QR)', run: (text) => interpretQrTexts([text], 'page') },
  { name: 'interpretQrTexts (pasted text)', run: (text) => interpretQrTexts([text], 'text') },
  { name: 'classifyOtpauthText', run: (text) => classifyOtpauthText(text) },
  { name: 'parseOtpauthList (import lines)', run: (text) => parseOtpauthList(text) },
  { name: 'importAccounts (pasted text)', run: (text) => importAccounts({ text }) },
  { name: 'importAccounts (file)', run: (text) => importAccounts({ bytes: new TextEncoder().encode(text), fileName: 'export.txt' }) },
  { name: 'validateSyncState (names)', run: (text) => validateSyncState(syncState('issuer', text)) },
  { name: 'validateSyncState (key)', run: (text) => validateSyncState(syncState('secret', text)) },
  { name: 'validateSyncState (kind, algorithm, id)', run: (text) => [validateSyncState(syncState('kind', text)), validateSyncState(syncState('algorithm', text)), validateSyncState(syncState('id', text))] },
  {
    name: 'fromSyncItems (sync items)',
    run: (text) =>
      fromSyncItems({
        [SYNC_KEYS.header]: { format: text, version: 1, keyId: text, kdf: text },
        [SYNC_KEYS.manifest]: { format: text, version: 1, keyId: text, revision: 1, iv: text, chunks: 1, length: text.length, checksum: text },
        [`${SYNC_KEYS.chunkPrefix}0`]: { w: text, d: text },
      }),
  },
];

/**
 * Runs `run(text)` and reports how long it took and how it ended; a rejected promise counts as
 * thrown. Never throws itself.
 */
export async function timeEntry(run: (text: string) => unknown, text: string): Promise<{ ms: number; error?: unknown }> {
  const start = performance.now();
  try {
    await run(text);
    return { ms: performance.now() - start };
  } catch (error) {
    return { ms: performance.now() - start, error };
  }
}
