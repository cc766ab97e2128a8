/**
 * The options page's sync requests (issue 7): status, turn on with the master password, turn
 * off, and replace the synced copy. The work is SyncService's.
 */
import type { VaultService } from './vault-service';
import type { SyncService } from './sync-service';
import type { PageHandlers } from './router';

export type SyncRequestName = 'getSyncStatus' | 'enableSync' | 'disableSync' | 'resetSync';

/**
 * Sync's page request handlers. Each needs the vault unlocked except the status and turning off.
 * @param vault checks the vault is unlocked before changes that touch accounts.
 */
export function createSyncHandlers(vault: VaultService, sync: SyncService): PageHandlers<SyncRequestName> {
  return {
    getSyncStatus: () => sync.status(),
    enableSync: ({ password }) => sync.enable(password),
    disableSync: () => sync.disable(),
    async resetSync() {
      await vault.entries();
      return sync.reset();
    },
  };
}
