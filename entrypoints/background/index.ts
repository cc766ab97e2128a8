import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { VaultService } from './vault-service';
import { createPageHandlers } from './page-handlers';
import { createRouter } from './router';
import { settingsItem } from './storage-items';

export default defineBackground({
  type: 'module',
  main() {
    const vault = new VaultService();
    const route = createRouter(createPageHandlers(vault), {
      extensionId: browser.runtime.id,
      extensionOrigin: browser.runtime.getURL('/'),
    });
    browser.runtime.onMessage.addListener(route);

    browser.alarms.onAlarm.addListener((alarm) => {
      if (vault.isAutoLockAlarm(alarm.name)) void vault.lock();
    });
    browser.idle.onStateChanged.addListener(async (state) => {
      if (state === 'locked' && (await settingsItem.getValue()).lockOnSystemLock) await vault.lock();
    });
  },
});
