import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { VaultService } from './vault-service';
import { createVaultHandlers } from './vault-handlers';
import { createScanHandlers } from './scan-handlers';
import { createFillHandlers, registerFillTriggers } from './fill-handlers';
import { createPopupHandlers } from './popup-handlers';
import { createBackupHandlers } from './backup-handlers';
import { SyncService } from './sync-service';
import { createSyncHandlers } from './sync-handlers';
import { createRecoveryHandlers, loadReminderState } from './recovery-handlers';
import { createPopupOpenHandler } from './popup-open';
import { createRouter, withUserActivity } from './router';
import { browserTranslate } from './user-text';
import { useErrorTranslate } from '@/utils/i18n/localize';
import { settingsItem } from './storage-items';
import { createHelper } from './helper';
import { SiteLookup } from './site-lookup';
import { createClipboardClearing } from './clipboard-clear';

export default defineBackground({
  // Chrome: one classic script, not a module graph of chunks. The browser starts it from the
  // compiled code it keeps for an installed service worker, and fetches no chunk one by one, so
  // the worker answers sooner after a stop (issue 15: worker start). Firefox's event page stays a
  // module: it imports the helper's chunks when first needed (./helper.ts).
  type: { firefox: 'module' },
  main() {
    // Errors' messages in the browser's words (the English catalogue is not bundled here).
    useErrorTranslate(browserTranslate);
    const vault = new VaultService();
    // QR decoding, the public suffix list (and on Chrome the clipboard) live outside the worker.
    const helper = createHelper();
    const sites = new SiteLookup(helper);
    const clipboard = createClipboardClearing(helper);
    const scan = createScanHandlers(vault, helper, sites);
    const fill = createFillHandlers(vault, sites);
    const sync = new SyncService(vault);
    vault.onEvent((event) => sync.handleVaultEvent(event));
    browser.storage.onChanged.addListener((changes, areaName) => sync.handleStorageChange(changes, areaName));
    const pages = {
      ...createVaultHandlers(vault, Date.now, sites), ...scan.page, ...fill.page, ...createPopupHandlers(vault, sites), ...createBackupHandlers(vault, helper, Date.now, sites),
      ...createSyncHandlers(vault, sync), ...createRecoveryHandlers(vault), ...clipboard.page,
    };
    // Only what the person does in Twofold's own pages holds off auto-lock (see withUserActivity).
    const route = createRouter(
      withUserActivity({ ...pages, ...createPopupOpenHandler({ ...pages, reminderState: loadReminderState }) }, () => vault.noteUse()),
      { ...scan.content, ...fill.content },
      { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') },
      console.error,
      { translate: browserTranslate },
    );
    browser.runtime.onMessage.addListener(route);
    registerFillTriggers(vault);

    browser.alarms.onAlarm.addListener((alarm) => {
      if (vault.isAutoLockAlarm(alarm.name)) void vault.lock();
      void clipboard.onAlarm(alarm.name).catch(console.error);
    });
    browser.idle.onStateChanged.addListener(async (state) => {
      if (state === 'locked' && (await settingsItem.getValue()).lockOnSystemLock) await vault.lock();
    });
  },
});
