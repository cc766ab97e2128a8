/**
 * Every storage key Twofold uses, declared once. Only the background reads or writes these.
 *
 * - `local:vault`: the encrypted vault file (utils/vault), written whole on every change.
 * - `session:dataKey`: the unwrapped data key while unlocked (memory only, trusted contexts
 *   only), so a service-worker restart keeps the vault open and a browser restart locks it.
 * - `local:unlockFailures`: wrong-password bookkeeping for the growing delay.
 * - `local:settings`: preferences.
 */
import { storage } from 'wxt/utils/storage';
import type { Settings } from '@/utils/messages';

export const DEFAULT_SETTINGS: Settings = { autoLockMinutes: 15, lockOnSystemLock: true };

/** The stored vault as read: unknown until utils/vault has validated it. */
export const vaultItem = storage.defineItem<unknown>('local:vault');

/** Base64 of the 256-bit data key; present exactly while unlocked. */
export const dataKeyItem = storage.defineItem<string>('session:dataKey');

export interface UnlockFailures {
  count: number;
  /** ms since epoch of the last wrong password. */
  lastAt: number;
}
export const unlockFailuresItem = storage.defineItem<UnlockFailures>('local:unlockFailures', {
  fallback: { count: 0, lastAt: 0 },
});

export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS });
