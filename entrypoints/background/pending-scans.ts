/**
 * What a scan found, waiting for the person's Save: kept in `storage.session` (./storage-items.ts
 * `pendingScansItem`), so a service-worker stop between the scan and Save loses nothing (Chrome
 * stops an idle worker after 30 s). Never in `local`: the drafts hold secrets, and session storage
 * is memory only, readable by Twofold's own pages and worker only, and gone after a browser
 * restart. Locking forgets them with the data key (VaultService.lock).
 */
import type { AccountDraft } from '@/utils/otp/account';
import { pendingScansItem } from './storage-items';

/** One scan's accounts, the site they will be bound to, and when the offer ends (ms since epoch). */
export interface PendingScan {
  drafts: AccountDraft[];
  site?: string;
  expires: number;
}

/** True when `value` has a pending scan's shape (what a reader can rely on). */
function isPendingScan(value: unknown): value is PendingScan {
  if (typeof value !== 'object' || value === null) return false;
  const scan = value as Partial<PendingScan>;
  return typeof scan.expires === 'number' && Array.isArray(scan.drafts) && (scan.site === undefined || typeof scan.site === 'string');
}

/**
 * The pending scans, by token. Every change is one read and one write of the whole map, one
 * change at a time (two scans at once must not overwrite each other).
 */
export class PendingScans {
  private queue: Promise<unknown> = Promise.resolve();

  /** `now` gives ms since the epoch. */
  constructor(private readonly now: () => number = Date.now) {}

  /** The stored scans that are still offered (the expired and the malformed left out). */
  private async current(): Promise<Record<string, PendingScan>> {
    const stored = await pendingScansItem.getValue();
    const kept: Record<string, PendingScan> = {};
    for (const [token, scan] of Object.entries(stored)) if (isPendingScan(scan) && scan.expires >= this.now()) kept[token] = scan;
    return kept;
  }

  private change<R>(run: (scans: Record<string, PendingScan>) => R): Promise<R> {
    const next = this.queue.then(async () => {
      const scans = await this.current();
      const result = run(scans);
      await pendingScansItem.setValue(Object.keys(scans).length > 0 ? scans : null);
      return result;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Keeps `scan` until `ttlMs` from now (the expired ones go at the same time); returns its token. */
  add(scan: Omit<PendingScan, 'expires'>, ttlMs: number): Promise<string> {
    return this.change((scans) => {
      const token = crypto.randomUUID();
      scans[token] = { ...scan, expires: this.now() + ttlMs };
      return token;
    });
  }

  /** The scan under `token` while it is offered, else null (expired, saved, or forgotten by a lock). */
  async get(token: string): Promise<PendingScan | null> {
    await this.queue;
    return (await this.current())[token] ?? null;
  }

  /** Forgets the scan under `token` (and the expired ones). */
  remove(token: string): Promise<void> {
    return this.change((scans) => {
      delete scans[token];
    });
  }
}
