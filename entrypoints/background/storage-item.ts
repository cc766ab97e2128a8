/**
 * A typed value under one key of `storage.local` or `storage.session`, declared once in
 * ./storage-items.ts: the shape of WXT's `storage.defineItem` (getValue, setValue, removeValue,
 * watch, a fallback), without its one cost here. WXT's item reads its key from storage as soon as
 * it is defined, to run an `init` this project never uses, so every start of the service worker
 * read every declared key, the whole vault among them, before it could answer anything, and then
 * read again whatever the request needed (issue 15: worker start). This item reads only when asked.
 */
import { browser } from 'wxt/browser';

export type StorageAreaName = 'local' | 'session';

/** One stored value; `V` includes `null` when the item has no fallback. */
export interface StorageItem<V> {
  /** `area:name`, as in WXT (e.g. `local:vault`). */
  readonly key: string;
  /** The stored value, or the fallback (else null) when nothing is stored. */
  getValue(): Promise<V>;
  /** Stores `value`; null or undefined removes the key, as in WXT. */
  setValue(value: V | null | undefined): Promise<void>;
  removeValue(): Promise<void>;
  /**
   * Calls `callback` after each change of this key that changed its value (a write of an equal
   * value is not a change), with the fallback for a removed value. Returns the way to stop.
   */
  watch(callback: (newValue: V, oldValue: V) => void): () => void;
}

/**
 * Stores several items' values in one `set` per storage area, so that they are stored together
 * or not at all (as WXT's `storage.setItems`). Values are stored as given.
 */
export async function setItems(entries: readonly { item: Pick<StorageItem<unknown>, 'key'>; value: unknown }[]): Promise<void> {
  const byArea = new Map<StorageAreaName, Record<string, unknown>>();
  for (const { item, value } of entries) {
    const { areaName, name } = splitKey(item.key);
    byArea.set(areaName, { ...byArea.get(areaName), [name]: value });
  }
  for (const [areaName, values] of byArea) await browser.storage[areaName].set(values);
}

/**
 * Removes several items, in one `remove` per storage area, so that none is left behind when
 * another is gone (locking: the data key and the secrets that go with it).
 */
export async function removeItems(items: readonly Pick<StorageItem<unknown>, 'key'>[]): Promise<void> {
  const byArea = new Map<StorageAreaName, string[]>();
  for (const item of items) {
    const { areaName, name } = splitKey(item.key);
    byArea.set(areaName, [...(byArea.get(areaName) ?? []), name]);
  }
  for (const [areaName, names] of byArea) await browser.storage[areaName].remove(names);
}

function splitKey(key: string): { areaName: StorageAreaName; name: string } {
  const split = key.indexOf(':');
  return { areaName: key.slice(0, split) as StorageAreaName, name: key.slice(split + 1) };
}

/** True when two stored (JSON-like) values are equal, member by member. */
export function isSameStoredValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  const aRecord = a as Record<string, unknown>;
  const bRecord = b as Record<string, unknown>;
  return aKeys.every((key) => Object.hasOwn(bRecord, key) && isSameStoredValue(aRecord[key], bRecord[key]));
}

export function defineItem<T>(key: `${StorageAreaName}:${string}`): StorageItem<T | null>;
export function defineItem<T>(key: `${StorageAreaName}:${string}`, options: { fallback: T }): StorageItem<T>;
/**
 * Declares the item at `key` (`local:name` or `session:name`). Nothing is read or written until
 * one of its methods is called.
 */
export function defineItem<T>(key: `${StorageAreaName}:${string}`, options?: { fallback: T }): StorageItem<T | null> {
  const { areaName, name } = splitKey(key);
  const fallback = options?.fallback ?? null;
  // Looked up when used, not when declared: tests replace the browser's storage between cases.
  const area = () => browser.storage[areaName];
  const orFallback = (value: unknown) => (value ?? fallback) as T | null;
  return {
    key,
    async getValue() {
      return orFallback((await area().get(name))[name]);
    },
    async setValue(value) {
      if (value == null) await area().remove(name);
      else await area().set({ [name]: value });
    },
    async removeValue() {
      await area().remove(name);
    },
    watch(callback) {
      const listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>) => {
        const change = changes[name];
        if (change === undefined || isSameStoredValue(change.newValue ?? null, change.oldValue ?? null)) return;
        callback(orFallback(change.newValue), orFallback(change.oldValue));
      };
      area().onChanged.addListener(listener);
      return () => area().onChanged.removeListener(listener);
    },
  };
}
