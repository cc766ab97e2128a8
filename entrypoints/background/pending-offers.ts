/**
 * What waits for the person's confirmation (a scan's accounts until Save, an import's until
 * Import): kept in `storage.session` under one item per kind (./storage-items.ts), so a
 * service-worker stop in between loses nothing (Chrome stops an idle worker after 30 s). Never in
 * `local`: they hold secrets, and session storage is memory only, readable by Twofold's own pages
 * and worker only, and gone after a browser restart. Locking forgets them with the data key
 * (VaultService.lock, FORGOTTEN_ON_LOCK).
 */
import { VaultLockedError } from '@/utils/errors';
import type { StorageItem } from './storage-item';

/** One offer as stored: its value and when it ends (ms since the epoch). */
interface StoredOffer {
  value: unknown;
  expires: number;
}

function isStoredOffer(stored: unknown): stored is StoredOffer {
  return typeof stored === 'object' && stored !== null && typeof (stored as Partial<StoredOffer>).expires === 'number' && 'value' in stored;
}

/**
 * The offers of one kind, by token. Every change is one read and one write of the whole map, one
 * change at a time (two scans at once must not overwrite each other).
 */
export class PendingOffers<T> {
  private queue: Promise<unknown> = Promise.resolve();

  /**
   * @param item where they are kept (a `session:` item)
   * @param isValue whether a stored value has the shape readers rely on (others are dropped)
   * @param ttlMs how long an offer lasts
   * @param now ms since the epoch
   */
  constructor(
    private readonly item: StorageItem<Record<string, unknown>>,
    private readonly isValue: (value: unknown) => value is T,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The stored offers that still last (the expired and the malformed left out). */
  private async current(): Promise<Record<string, StoredOffer>> {
    const kept: Record<string, StoredOffer> = {};
    for (const [token, offer] of Object.entries(await this.item.getValue())) {
      if (isStoredOffer(offer) && this.isValue(offer.value) && offer.expires >= this.now()) kept[token] = offer;
    }
    return kept;
  }

  private change<R>(run: (offers: Record<string, StoredOffer>) => R): Promise<R> {
    const next = this.queue.then(async () => {
      const offers = await this.current();
      const result = run(offers);
      await this.item.setValue(Object.keys(offers).length > 0 ? offers : null);
      return result;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Keeps `value` for the offer's time (the expired ones go at the same time); returns its token.
   * A lock that came while the offer was being read has already removed the stored offers, so
   * when `unlocked` says the vault is locked now, this one goes too: nothing outlives a lock.
   * @throws VaultLockedError then
   */
  async add(value: T, unlocked: () => Promise<boolean>): Promise<string> {
    const token = await this.change((offers) => {
      const made = crypto.randomUUID();
      offers[made] = { value, expires: this.now() + this.ttlMs };
      return made;
    });
    if (!(await unlocked())) {
      await this.remove(token);
      throw new VaultLockedError();
    }
    return token;
  }

  /** The value under `token` while it lasts, else null (expired, taken, or forgotten by a lock). */
  async get(token: string): Promise<T | null> {
    await this.queue;
    return ((await this.current())[token]?.value as T | undefined) ?? null;
  }

  /**
   * Takes the value under `token` out (so a second confirmation cannot use it too); `restore`
   * puts it back as it was, for when saving it failed. Null when there is none.
   */
  take(token: string): Promise<{ value: T; restore: () => Promise<void> } | null> {
    return this.change((offers) => {
      const offer = offers[token];
      if (offer === undefined) return null;
      delete offers[token];
      return {
        value: offer.value as T,
        restore: () => this.change((now) => void (now[token] = offer)),
      };
    });
  }

  /** Forgets the offer under `token` (and the expired ones). */
  remove(token: string): Promise<void> {
    return this.change((offers) => {
      delete offers[token];
    });
  }
}
