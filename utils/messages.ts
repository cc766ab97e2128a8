/**
 * The whole message protocol between Twofold's pages, its content scripts and the
 * background, in one place: every request name with its argument and reply types.
 *
 * Replies that can fail are `Result`s. A message for the user is written once, where the
 * error is created (utils/errors.ts), and travels here as `error.message`.
 */
import type { AccountDraft, OtpAlgorithm, OtpKind } from './otp/account';
import type { ErrorCode } from './errors';
import type { ImportBatches, ImportFormat } from './import/import-types';

export type Result<T> = { ok: true; value: T } | { ok: false; error: ResultError };

export interface ResultError {
  code: ErrorCode;
  message: string;
  /** The form field at fault, when the error is about one. */
  field?: string;
  /** For a refused unlock after repeated failures: when to try again (ms since epoch). */
  retryAt?: number;
}

/** What the popup needs to pick a screen. */
export type VaultStatus =
  | { state: 'new' }
  | { state: 'locked'; retryAt?: number }
  | { state: 'unlocked' }
  | { state: 'damaged'; message: string };

/** An account as pages see it: everything but the secret. */
export interface AccountView {
  id: string;
  kind: OtpKind;
  issuer: string;
  label: string;
  algorithm: OtpAlgorithm;
  digits: number;
  period: number;
  counter: number;
  sites: string[];
  pinned: boolean;
  order: number;
  createdAt: number;
  updatedAt: number;
  /** Recovery codes not yet used, when the account keeps any (the codes themselves never travel here). */
  recoveryCodesLeft?: number;
  /** The picture the user chose (AccountEntry.icon); absent for automatic. */
  icon?: string;
}

/** The current code of one account. TOTP codes change at `validUntil` (ms since epoch). */
export interface CodeView {
  id: string;
  code: string;
  /** The code after this one (TOTP/Steam), for the last seconds of a period. */
  nextCode?: string;
  /** When `code` stops being valid; undefined for HOTP (valid until used). */
  validUntil?: number;
}

/** The manual entry form as typed (loosely typed values: the background validates). */
export interface AccountFormInput {
  kind: string;
  issuer: string;
  label: string;
  secret: string;
  algorithm: string;
  digits: string | number;
  period: string | number;
  counter: string | number;
}

export interface Settings {
  /** Minutes of inactivity before locking; 0 means never. */
  autoLockMinutes: number;
  /** Lock when the computer is locked. */
  lockOnSystemLock: boolean;
  /**
   * The pages' colours: follow the system, or always light or dark. Absent (settings saved
   * before themes existed, or never chosen) means `system`.
   */
  theme?: Theme;
  /**
   * Submit the form after filling a code, as a person pressing Enter would. Absent (settings
   * saved before this option existed, or never chosen) means off.
   */
  autoSubmit?: boolean;
  /**
   * Clear a copied code from the clipboard 30 s later even when the popup has closed (the
   * background does it, only while the clipboard still holds that code). Absent means off.
   */
  clearClipboardInBackground?: boolean;
}

/** The accounts in their saved order with their current codes, and the background's clock. */
export interface AccountListing {
  accounts: AccountView[];
  codes: CodeView[];
  /** ms since epoch when the codes were made: the popup's countdowns follow this clock. */
  now: number;
}

/**
 * Everything the popup needs for its first paint: the vault's status and the theme, and when
 * the vault is unlocked the list, the site of the tab it acts on (null when that is not a web
 * page) and whether a backup reminder is due.
 */
export interface PopupOpening {
  status: VaultStatus;
  theme: Theme;
  unlocked?: { listing: AccountListing; site: string | null; insecureSite?: string; remindBackup: boolean };
}

/**
 * The tab the popup acts on: its site when codes may be filled there, else null; `insecureSite`
 * when it is a plain `http:` page of a real site (never filled: the popup says why).
 */
export interface ActiveSite {
  site: string | null;
  insecureSite?: string;
}

/** A colour theme choice; `system` follows the browser's `prefers-color-scheme`. */
export type Theme = 'system' | 'light' | 'dark';

/** What the popup's edit form changes on an account (loosely typed: the background validates). */
export interface AccountEdit {
  id: string;
  issuer: string;
  label: string;
  /** Sites as typed: registrable domains, host names or URLs. */
  sites: string[];
  /** The picture: absent or "" for automatic, "letter", or a brand title (AccountEntry.icon). */
  icon?: string;
}

export interface AddAccountArgs {
  /** Exactly one source: the form fields, or an `otpauth://` URI, or a parsed draft. */
  form?: AccountFormInput;
  uri?: string;
  draft?: AccountDraft;
  sites?: string[];
  /** Save even when an account with the same secret exists. */
  allowDuplicate?: boolean;
}

/** One account found by a scan, as the popup may show it (no secret). */
export interface ScannedAccount {
  issuer: string;
  label: string;
  kind: OtpKind;
  /** Name of a saved account with the same secret, when there is one. */
  duplicateOf?: string;
}

/**
 * What a scan found. The drafts themselves stay in the background under `token` until the
 * user confirms (or they expire after a few minutes).
 */
export interface ScanReport {
  token: string;
  accounts: ScannedAccount[];
  /** Registrable domain the accounts will be bound to (the scanned tab's), if any. */
  site?: string;
  /** Plain words about other QR codes on the page ("a link to apps.apple.com"). */
  notes: string[];
  /** Migration exports: which batch of how many this was. */
  batch?: { index: number; size: number };
}

/** How a fill from the popup ended in the page. */
export type FillOutcome = 'filled' | 'asking' | 'copied' | 'unavailable';

/** Where filling from the popup stands for one account and the active tab. */
export type FillTarget =
  | { state: 'bound'; site: string }
  /** Not bound, not filled without a yes; a look-alike of a bound site is never filled. */
  | { state: 'unbound'; site: string; lookalikeOf?: string }
  /** A plain `http:` page of a real site: never filled; `reason` says so in plain words. */
  | { state: 'insecure'; site: string; reason: string }
  | { state: 'unavailable'; reason: string };

/** Requests from the extension's own pages (popup, options). */
export interface PageProtocol {
  getStatus: { args: void; reply: VaultStatus };
  setupVault: { args: { password: string; confirm: string }; reply: void };
  unlock: { args: { password: string }; reply: void };
  lock: { args: void; reply: void };
  changePassword: { args: { oldPassword: string; newPassword: string; confirm: string }; reply: void };
  listAccounts: { args: void; reply: AccountListing };
  addAccount: { args: AddAccountArgs; reply: { account: AccountView; warnings: string[] } };
  deleteAccount: { args: { id: string }; reply: void };
  nextHotpCode: { args: { id: string }; reply: CodeView };
  getSettings: { args: void; reply: Settings };
  setSettings: { args: Partial<Settings>; reply: Settings };
  /** A page copied `text`: with the setting on, the background clears it 30 s later. */
  clipboardCopied: { args: { text: string }; reply: { clearsAt: number | null } };
  // Popup (issue 6).
  /** The registrable domain of the active tab (or `tabId`), null when no code may be filled there (see ActiveSite). */
  getActiveSite: { args: { tabId?: number }; reply: ActiveSite };
  /** What the popup shows as it opens, in one round trip (see PopupOpening). */
  openPopup: { args: { tabId?: number }; reply: PopupOpening };
  /** Pins or unpins an account (pinned ones are listed first). */
  setPinned: { args: { id: string; pinned: boolean }; reply: AccountView };
  /** Saves the list order: `ids` first, in that order; accounts not named keep their order after them. */
  reorderAccounts: { args: { ids: string[] }; reply: void };
  /** Renames an account and sets its bound sites (registrable domains). */
  updateAccount: { args: AccountEdit; reply: AccountView };
  /** Deletes an account but keeps it in the background's memory for `restoreAccount` until `undoUntil`. */
  deleteAccountWithUndo: { args: { id: string }; reply: { undoUntil: number } };
  /** Puts back an account deleted with `deleteAccountWithUndo` (within its undo window). */
  restoreAccount: { args: { id: string }; reply: AccountView };
  /** The secret (text key) and `otpauth://` link of one account, after re-entering the master password. */
  revealSecret: { args: { id: string; password: string }; reply: { secret: string; uri: string } };
  /** Captures the active tab (or `tabId`) and decodes every QR code on it. */
  scanTab: { args: { tabId?: number }; reply: ScanReport };
  /** Decodes an image the user chose, dropped or pasted (a data: URL). */
  scanImage: { args: { dataUrl: string; tabId?: number }; reply: ScanReport };
  /** Decodes a pasted `otpauth://` or `otpauth-migration://` URI. */
  scanText: { args: { text: string; tabId?: number }; reply: ScanReport };
  /** Lets the user drag a rectangle over the page; that region is then scanned. */
  startRegionSelect: { args: { tabId?: number }; reply: void };
  /** Saves what a scan found. */
  confirmScan: { args: { token: string; allowDuplicate?: boolean }; reply: { saved: AccountView[] } };
  /** Whether `id` may be filled into the active tab as it is. */
  checkFillTarget: { args: { id: string; tabId?: number }; reply: FillTarget };
  /**
   * Fills the current code of `id` into the active tab; `confirmed` after the user agreed to an
   * unbound site. `outcome`: filled (the page confirms it), the page asks first (a code sent by
   * SMS or e-mail) or offers a choice, or no field: the page says whether the code is copied (`copied`).
   */
  fillActiveTab: {
    /** `copied`: the popup put the code on the clipboard before asking (the page says so only then). */
    args: { id: string; tabId?: number; confirmed?: boolean; bindSite?: boolean; copied?: boolean };
    reply: { filled: boolean; outcome: FillOutcome };
  };
  // Import and export (issue 7).
  /**
   * Reads an export from another authenticator, pasted text or a Twofold backup (restore) into a
   * preview; nothing is written. The accounts stay in the background under `token` until
   * `confirmImport` (or for 10 minutes).
   */
  previewImport: { args: ImportRequest; reply: ImportPreviewView };
  /** Saves a previewed import, all or nothing; duplicates are skipped unless `keepDuplicates`. */
  confirmImport: {
    /** `sites`: for accounts of the preview without a site, by their index, the site the person confirmed. */
    args: { token: string; keepDuplicates?: boolean; sites?: Record<string, string> };
    reply: ImportResult;
  };
  /** Every account in an encrypted backup file under `password`, after re-entering the master password. */
  exportBackup: { args: { password: string; confirm: string; masterPassword: string }; reply: ExportFile };
  /** Every account as a plain `otpauth://` list (unencrypted), after re-entering the master password. */
  exportOtpauthList: { args: { masterPassword: string }; reply: ExportFile };
  /** Google Authenticator "Transfer accounts" links, one per QR code, after re-entering the master password. */
  exportMigrationQrs: { args: { masterPassword: string }; reply: MigrationExport };
  // Sync (issue 7).
  /** Whether sync is on, and how its last round went. */
  getSyncStatus: { args: void; reply: SyncStatus };
  /**
   * Turns sync on with the master password (the same one on every computer): opens the copy
   * synced from other computers, or starts one, then runs a round. Nothing is written on failure.
   */
  enableSync: { args: { password: string }; reply: SyncStatus };
  /** Turns sync off on this computer; the synced copy stays for the other computers. */
  disableSync: { args: void; reply: SyncStatus };
  /** Replaces the synced copy with this computer's accounts (repairs a damaged synced copy). */
  resetSync: { args: void; reply: SyncStatus };
  // Recovery codes (issue 7).
  /** An account's recovery codes, after re-entering the master password. */
  getRecoveryCodes: { args: { id: string; password: string }; reply: RecoveryCodesView };
  /**
   * Adds pasted recovery codes (one per line, or separated by spaces or commas; repeats and
   * codes already kept are left out), after re-entering the master password.
   */
  setRecoveryCodes: { args: { id: string; text: string; password: string }; reply: RecoveryCodesView };
  /** Marks the code at `index` used; needs no password (it reveals only the count). */
  markRecoveryCodeUsed: { args: { id: string; index: number; password?: string }; reply: { left: number } };
  /** Whether the popup should remind the user to save a backup. */
  getBackupReminder: { args: void; reply: { show: boolean } };
  /** "Not now": hides the backup reminder until five more accounts are added. */
  dismissBackupReminder: { args: void; reply: void };
  /**
   * Whether the write sent with operation id `op` (Envelope.op) is stored, once every write
   * before this question is done: how a page learns the truth about a write whose reply it lost.
   */
  operationLanded: { args: { op: string }; reply: { landed: boolean } };
}

/** An account's recovery codes, shown after the master password was typed again. */
export interface RecoveryCodesView {
  codes: { code: string; usedAt?: number }[];
  left: number;
}

/** Sync as the options page shows it. */
export interface SyncStatus {
  enabled: boolean;
  /** ms since the epoch of the last round that completed. */
  lastSyncedAt?: number;
  /** The last round's problem, written for the user. */
  error?: string;
  /** Accounts in the synced copy after the last round. */
  accounts?: number;
}

/** What the person gave to import: pasted text or a file (base64 of its bytes). */
export interface ImportRequest {
  text?: string;
  bytesBase64?: string;
  /** The file's name: only sharpens messages. */
  fileName?: string;
  /** The export's password, for encrypted files. */
  password?: string;
}

/** One account an import would add, as the page may show it (no secret). */
export interface ImportAccountView {
  issuer: string;
  label: string;
  kind: OtpKind;
  digits: number;
  period: number;
  /** The sites the export itself binds the account to (Twofold backups); usually none. */
  sites: string[];
  /** Name of the saved account (or earlier account in this import) with the same secret. */
  duplicateOf?: string;
  /** Where that account is: saved in Twofold, or earlier in the same import. */
  duplicateIn?: 'vault' | 'import';
}

/** An import's preview without secrets. */
export interface ImportPreviewView {
  /** Present when there is something to import: pass it to `confirmImport`. */
  token?: string;
  format: ImportFormat;
  accounts: ImportAccountView[];
  /** Records that cannot be imported, each with its reason. */
  problems: ImportProblemView[];
  /** The file is encrypted: ask for its password and preview again. */
  needsPassword: boolean;
  /** Google Authenticator exports: the QR codes (batches, from 0) seen and missing. */
  batches?: ImportBatches;
}

/** A record an import leaves out, and why, in the user's language. */
export interface ImportProblemView {
  /** Which record, e.g. "entry 3 (GitHub)" or "line 7"; never contains the secret. */
  record: string;
  reason: string;
}

/** What `confirmImport` saved. */
export interface ImportResult {
  imported: number;
  /** Duplicates left out. */
  skipped: number;
}

/** A file for the page to offer as a download. */
export interface ExportFile {
  fileName: string;
  text: string;
  /** Accounts in it. */
  count: number;
}

/** Google Authenticator transfer links, and the accounts the format cannot carry. */
export interface MigrationExport {
  uris: string[];
  leftOut: { name: string; reason: string }[];
  /**
   * Accounts in the codes that make theirs with SHA-256 or SHA-512, which some versions of
   * Google Authenticator ignore (the phone would show wrong codes): the page asks the person to
   * compare codes before deleting anything.
   */
  algorithmWarnings: { name: string; algorithm: Exclude<OtpAlgorithm, 'SHA1'> }[];
}

export type RequestName = keyof PageProtocol;
export type ArgsOf<K extends RequestName> = PageProtocol[K]['args'];
export type ReplyOf<K extends RequestName> = PageProtocol[K]['reply'];

/** The envelope on the wire. `channel` keeps other extensions' traffic shapes apart. */
export interface Envelope<K extends RequestName = RequestName> {
  channel: 'twofold';
  name: K;
  args: ArgsOf<K>;
  /**
   * For the writes in RECORDED_WRITES (utils/messaging/send-request.ts): an id the page makes up for this one request. The
   * background stores it in the same storage write as the change, so `operationLanded` can say
   * exactly whether the change was kept when the reply is lost (the background stopped).
   */
  op?: string;
}


/** True for a well-formed operation id: 8 to 64 letters, digits, `-` or `_` (a UUID fits). */
export function isOperationId(value: unknown): value is string {
  return typeof value === 'string' && /^[\w-]{8,64}$/u.test(value);
}

const requestNames: ReadonlySet<string> = new Set<RequestName>([
  'getStatus', 'setupVault', 'unlock', 'lock', 'changePassword', 'listAccounts', 'addAccount',
  'deleteAccount', 'nextHotpCode', 'getSettings', 'setSettings', 'clipboardCopied',
  'getActiveSite', 'openPopup', 'setPinned', 'reorderAccounts', 'updateAccount', 'deleteAccountWithUndo', 'restoreAccount', 'revealSecret',
  'scanTab', 'scanImage', 'scanText',
  'startRegionSelect', 'confirmScan', 'checkFillTarget', 'fillActiveTab',
  'previewImport', 'confirmImport', 'exportBackup', 'exportOtpauthList', 'exportMigrationQrs',
  'getSyncStatus', 'enableSync', 'disableSync', 'resetSync',
  'getRecoveryCodes', 'setRecoveryCodes', 'markRecoveryCodeUsed', 'getBackupReminder', 'dismissBackupReminder',
  'operationLanded',
]);

/** True when `value` is a well-formed envelope naming a known request. */
export function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.channel === 'twofold' && typeof v.name === 'string' && requestNames.has(v.name) && (v.op === undefined || isOperationId(v.op));
}

/** A rectangle in CSS pixels of the page's viewport. */
export interface ViewportRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Requests from content scripts. The background answers them only about the sender frame's
 * own site, which it reads from `sender` — never from these arguments.
 */
export interface ContentProtocol {
  /**
   * The region-select overlay's result: the rectangle (CSS px) in a viewport `viewportWidth`
   * CSS px wide, or null when the user cancelled.
   */
  regionSelected: { args: { rect: ViewportRect | null; viewportWidth: number }; reply: { ok: boolean; message: string } };
  // Fill requests (issue 5) are added below this line.
  /** The accounts bound to the sender frame's site, for the inline button and its chooser. */
  fillAccounts: { args: void; reply: FillAccounts };
  /**
   * The current code of one account for the sender frame: only an account bound to the frame's
   * site, or one the user just allowed there from the popup. Waits for the next code when the
   * current one has under 3 seconds left. Fails with `vault-locked` while Twofold is locked.
   * `submit`: the user asked for the form to be submitted after filling (Settings.autoSubmit).
   */
  fillCode: { args: { accountId: string }; reply: { code: string; submit?: boolean } };
  /** The small detector found a candidate field: load the full filler into the sender frame. */
  fillLoadAgent: { args: void; reply: { loaded: boolean } };
  /** Opens Twofold's unlock window; resolves once unlocked, or `false` after a few minutes. */
  fillUnlock: { args: void; reply: { unlocked: boolean } };
}

/** An account a content script may offer to fill: a name, never a secret. */
export interface FillAccount {
  id: string;
  /** e.g. "Amazon (alice@example.com)". */
  name: string;
  /** The account's own label, e.g. "alice@example.com": matched against the page's username. */
  label: string;
}

/**
 * What the inline button offers: the site's accounts (and the one last filled there), or to
 * unlock first.
 */
export type FillAccounts =
  | { locked: true }
  /** `lookalike`: with no account, the worded warning when the page's site imitates a bound one. */
  | { locked: false; accounts: FillAccount[]; lastUsed?: string; lookalike?: string };

export type ContentRequestName = keyof ContentProtocol;
export type ContentArgsOf<K extends ContentRequestName> = ContentProtocol[K]['args'];
export type ContentReplyOf<K extends ContentRequestName> = ContentProtocol[K]['reply'];

export interface ContentEnvelope<K extends ContentRequestName = ContentRequestName> {
  channel: 'twofold-content';
  name: K;
  args: ContentArgsOf<K>;
}

const contentRequestNames: ReadonlySet<string> = new Set<ContentRequestName>([
  'regionSelected',
  'fillAccounts', 'fillCode', 'fillLoadAgent', 'fillUnlock',
]);

/** True when `value` is a well-formed content-script envelope naming a known request. */
export function isContentEnvelope(value: unknown): value is ContentEnvelope {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.channel === 'twofold-content' && typeof v.name === 'string' && contentRequestNames.has(v.name);
}
