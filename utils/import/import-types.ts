/**
 * The shapes shared by every importer: what goes in, what the preview holds.
 * Pure data: no browser API.
 */
import type { LocalMessage } from '../i18n/local-message';
import type { AccountDraft } from '../otp/account';

/** The formats Twofold imports, as `importAccounts` names them in its preview. */
export const ImportFormat = {
  /** Text of `otpauth://` links, one a line (Aegis, Authenticator and others export this too). */
  OtpauthList: 'otpauth-list',
  /** Only `otpauth-migration://` lines: Google Authenticator's "Transfer accounts" export. */
  GoogleAuthenticator: 'google-authenticator',
  /** ente Auth's plain export (`otpauth://` lines, some with ente's `codeDisplay` parameter). */
  Ente: 'ente',
  Aegis: 'aegis',
  TwoFas: '2fas',
  /** The "Authenticator" browser extension (authenticator.cc) backup. */
  AuthenticatorExtension: 'authenticator-extension',
  Bitwarden: 'bitwarden',
  /** Twofold's own encrypted backup (docs/backup-format.md). */
  TwofoldBackup: 'twofold-backup',
} as const;
export type ImportFormat = (typeof ImportFormat)[keyof typeof ImportFormat];

/** What the person gave: pasted text, or a file's bytes (and its name, a hint only). */
export interface ImportInput {
  text?: string;
  bytes?: Uint8Array;
  fileName?: string;
}

export interface ImportOptions {
  /** The export's password, for encrypted files. Empty or absent means "not given yet". */
  password?: string;
}

/**
 * One record that could not be imported, and why, as catalogue messages: the background puts
 * them into the user's language before they leave it.
 */
export interface ImportProblem {
  /** Which record, e.g. "entry 3 (GitHub)" or "line 7" in English; never contains the secret. */
  record: LocalMessage;
  /** Why it was skipped. */
  reason: LocalMessage;
}

/**
 * Google Authenticator export QR codes seen, by batch index (from 0, as in the export itself), out
 * of `size`; `missing` lists the indexes not given, so the UI can ask for "QR code 2 of 3".
 */
export interface ImportBatches {
  found: number[];
  size: number;
  missing: number[];
}

/** What an import would add, shown to the person before anything is written. */
export interface ImportPreview {
  format: ImportFormat;
  /** Valid accounts, in file order, each checked by validateDraft. */
  accounts: AccountDraft[];
  /** Records that were skipped, each with its reason. */
  problems: ImportProblem[];
  /** True when the file is encrypted and no password was given: ask for it and call again. */
  needsPassword?: boolean;
  /** Present when the input held Google Authenticator export links. */
  batches?: ImportBatches;
}

/** The result of one format's parser (the dispatcher adds nothing but the format name). */
export type ParsedImport = Omit<ImportPreview, 'format'>;
