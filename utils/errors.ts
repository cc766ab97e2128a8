/**
 * Every error Twofold raises on purpose, in one module.
 *
 * Each carries a stable `code` (for results sent over messages and for tests) and `text`, the
 * words for the person using Twofold as a catalogue message (key and substitutions): the
 * background shows them in the user's language (entrypoints/background/router.ts), and
 * `message` holds them in English, from the English catalogue, for tests and logs. They say what
 * went wrong and, where they can, what to do next.
 */

import { ErrorCode } from './error-codes';
import { msg, plural, type LocalMessage } from './i18n/local-message';
import { inEnglish } from './i18n/localize';

export { ErrorCode };

/** Base class: a user-facing message plus a stable code. */
export class TwofoldError extends Error {
  readonly code: ErrorCode;
  /** What `message` says, to put in the user's language with `localize`. */
  readonly text: LocalMessage;
  constructor(code: ErrorCode, text: LocalMessage, options?: { cause?: unknown }) {
    super(inEnglish(text), options);
    this.code = code;
    this.text = text;
    this.name = new.target.name;
  }
}

/** An `otpauth://` URI that cannot become an account. `field` names the part at fault. */
export class InvalidOtpauthUriError extends TwofoldError {
  readonly field: string | undefined;
  declare readonly text: LocalMessage;
  constructor(text: LocalMessage, options?: { cause?: unknown; field?: string }) {
    super(ErrorCode.InvalidOtpauthUri, text, options);
    this.field = options?.field;
  }
}

/** A secret (text key) that is empty, not base32, or too short. */
export class InvalidSecretError extends TwofoldError {
  declare readonly text: LocalMessage;
  constructor(text: LocalMessage, options?: { cause?: unknown }) {
    super(ErrorCode.InvalidSecret, text, options);
  }
}

/** A Google Authenticator export (`otpauth-migration://`) that cannot be read whole. */
export class InvalidMigrationPayloadError extends TwofoldError {
  declare readonly text: LocalMessage;
  constructor(text: LocalMessage, options?: { cause?: unknown }) {
    super(ErrorCode.InvalidMigrationPayload, text, options);
  }
}

export class VaultLockedError extends TwofoldError {
  constructor(text: LocalMessage = msg('errVaultLocked'), options?: { cause?: unknown }) {
    super(ErrorCode.VaultLocked, text, options);
  }
}

/** A password that does not open what it should; `text` names what it was for when that helps. */
export class WrongPasswordError extends TwofoldError {
  constructor(text: LocalMessage = msg('errWrongPassword'), options?: { cause?: unknown }) {
    super(ErrorCode.WrongPassword, text, options);
  }
}

/** The stored vault failed authentication or does not parse: it is never overwritten. */
export class VaultDamagedError extends TwofoldError {
  constructor(text: LocalMessage, options?: { cause?: unknown }) {
    super(ErrorCode.VaultDamaged, text, options);
  }
}

/** Plain failure of user input that is not covered by a more specific class. */
export class InvalidInputError extends TwofoldError {
  readonly field: string | undefined;
  declare readonly text: LocalMessage;
  constructor(text: LocalMessage, options?: { cause?: unknown; field?: string }) {
    super(ErrorCode.InvalidInput, text, options);
    this.field = options?.field;
  }
}

/** Too many wrong passwords in a row: the next try is allowed at `retryAt` (ms since epoch). */
export class TooManyAttemptsError extends TwofoldError {
  readonly retryAt: number;
  constructor(retryAt: number, now: number) {
    const seconds = Math.max(1, Math.ceil((retryAt - now) / 1000));
    super(ErrorCode.TooManyAttempts, msg(plural('errTooManyAttempts', seconds), seconds));
    this.retryAt = retryAt;
  }
}

/** A new account whose secret is already saved; the user may keep both on purpose. */
export class DuplicateAccountError extends TwofoldError {
  readonly existingId: string;
  constructor(existingName: string, existingId: string) {
    super(ErrorCode.DuplicateAccount, msg('errDuplicateAccount', existingName));
    this.existingId = existingId;
  }
}

/** There is no vault yet (first run): the user must choose a master password. */
export class VaultMissingError extends TwofoldError {
  constructor() {
    super(ErrorCode.VaultMissing, msg('errVaultMissing'));
  }
}

/** The account asked for does not exist (any more). */
export class NotFoundError extends TwofoldError {
  constructor(text: LocalMessage = msg('errNotFound')) {
    super(ErrorCode.NotFound, text);
  }
}

/** A request from a context that may not make it (a web page, another extension). */
export class ForbiddenError extends TwofoldError {
  constructor(text: LocalMessage = msg('errForbidden')) {
    super(ErrorCode.Forbidden, text);
  }
}

/** Extension storage refused a write; the previous vault is untouched. */
export class StorageFailedError extends TwofoldError {
  constructor(cause: unknown) {
    super(ErrorCode.StorageFailed, msg('errStorageFailed'), { cause });
  }
}

/** A write came again with an operation id already stored (VaultService.update): not made twice. */
export class OperationRepeatedError extends TwofoldError {
  constructor() {
    super(ErrorCode.OperationRepeated, msg('errOperationRepeated'));
  }
}

/** A scan found no QR code; the message says what to try next. */
export class QrNotFoundError extends TwofoldError {
  constructor(text: LocalMessage) {
    super(ErrorCode.QrNotFound, text);
  }
}

/** A scan found QR codes, but none is a two-step verification code; the message says what they are. */
export class NotAnOtpQrError extends TwofoldError {
  constructor(text: LocalMessage) {
    super(ErrorCode.NotAnOtpQr, text);
  }
}

/** The browser would not capture or read the page or image. */
export class CaptureFailedError extends TwofoldError {
  constructor(text: LocalMessage, options?: { cause?: unknown }) {
    super(ErrorCode.CaptureFailed, text, options);
  }
}

/**
 * A content script asked for a code for an account that is not bound to its frame's site
 * (and the user did not allow it there from the popup).
 */
export class FillNotAllowedError extends TwofoldError {
  constructor(site: string | null) {
    super(ErrorCode.Forbidden, site === null ? msg('errFillWebPagesOnly') : msg('errFillNotBound', site));
  }
}

/**
 * A site that looks like one of the bound sites (`amaz0n.com` for `amazon.com`) gets no code,
 * whatever the user answers: binding it goes through the settings' Sites section or a scan there.
 */
export class FillLookalikeError extends TwofoldError {
  constructor(site: string, real: string) {
    super(ErrorCode.Forbidden, msg('errFillLookalike', site, real));
  }
}

/** A plain `http:` page of a real site gets no code, even when its domain is a bound site. */
export class FillInsecurePageError extends TwofoldError {
  constructor(site: string) {
    super(ErrorCode.Forbidden, msg('fillInsecurePage', site));
  }
}

/** Filling into a site the account is not bound to needs the user's yes first (from the popup). */
export class FillNeedsConfirmationError extends TwofoldError {
  constructor(site: string) {
    super(ErrorCode.Forbidden, msg('errFillNeedsConfirmation', site));
  }
}

/** Why a whole import file was refused (each value is a stable string for the UI and tests). */
export const ImportFailure = {
  /** The file matches none of the formats Twofold reads. */
  UnknownFormat: 'unknown-format',
  /** The file is of a known kind but cut short or corrupted. */
  Damaged: 'damaged',
  /** A known format in a variant Twofold cannot read (e.g. an encrypted Bitwarden export). */
  Unsupported: 'unsupported',
  /** The file is larger than Twofold reads. */
  TooLarge: 'too-large',
} as const;
export type ImportFailure = (typeof ImportFailure)[keyof typeof ImportFailure];

/**
 * An error raised by the background's helper (entrypoints/offscreen: the QR decoder, the import
 * parsers), raised again in the background with the same code, words and field.
 */
export class HelperError extends TwofoldError {
  readonly field: string | undefined;
  constructor(code: ErrorCode, text: LocalMessage, options?: { cause?: unknown; field?: string }) {
    super(code, text, options);
    this.field = options?.field;
  }
}

/**
 * A file offered for import that cannot be read at all (no account was taken from it). Records that
 * fail one by one are not errors: the import preview lists them as problems.
 */
export class ImportError extends TwofoldError {
  readonly failure: ImportFailure;
  constructor(failure: ImportFailure, text: LocalMessage, options?: { cause?: unknown }) {
    super(ErrorCode.ImportFailed, text, options);
    this.failure = failure;
  }
}

/** Why a Twofold backup file could not be restored (a wrong password is WrongPasswordError). */
export const BackupFailure = {
  /** Not a Twofold backup file at all. */
  NotABackup: 'not-a-backup',
  /** A Twofold backup that is cut short, edited or corrupted. */
  Damaged: 'damaged',
  /** A backup written by a newer Twofold, in a format version this one does not know. */
  TooNew: 'too-new',
} as const;
export type BackupFailure = (typeof BackupFailure)[keyof typeof BackupFailure];

/** A backup file that cannot be restored; `failure` says why. Nothing was changed. */
export class BackupUnreadableError extends TwofoldError {
  readonly failure: BackupFailure;
  constructor(failure: BackupFailure, text: LocalMessage, options?: { cause?: unknown }) {
    super(ErrorCode.BackupUnreadable, text, options);
    this.failure = failure;
  }
}

// Sync (issue 7).

/**
 * A sync write that would not fit in the browser's `storage.sync` quota: refused before anything
 * was written, so neither the synced copy nor the local vault changed.
 */
export class SyncFullError extends TwofoldError {
  /** Bytes the new synced copy needs (keys + JSON values, as the browser counts them). */
  readonly bytesNeeded: number;
  /** Bytes the browser allows Twofold in `storage.sync`. */
  readonly bytesAllowed: number;
  constructor(text: LocalMessage, bytesNeeded: number, bytesAllowed: number) {
    super(ErrorCode.SyncFull, text);
    this.bytesNeeded = bytesNeeded;
    this.bytesAllowed = bytesAllowed;
  }
}

/** Why the synced copy in `storage.sync` could not be read (a wrong password is WrongPasswordError). */
export const SyncFailure = {
  /** Part of a newer write has not arrived yet (missing items, items of two writes): try again later. */
  Incomplete: 'incomplete',
  /** The items are all there but fail their checks (changed, cut short, or not Twofold's). */
  Damaged: 'damaged',
  /** Written by a newer Twofold, in a sync format version this one does not know. */
  TooNew: 'too-new',
  /** Sync was started afresh elsewhere (a new sync key): the master password is needed again. */
  KeyChanged: 'key-changed',
} as const;
export type SyncFailure = (typeof SyncFailure)[keyof typeof SyncFailure];

/** The synced copy cannot be read; `failure` says why. The local vault was not changed. */
export class SyncUnreadableError extends TwofoldError {
  readonly failure: SyncFailure;
  constructor(failure: SyncFailure, text: LocalMessage, options?: { cause?: unknown }) {
    super(ErrorCode.SyncUnreadable, text, options);
    this.failure = failure;
  }
}
