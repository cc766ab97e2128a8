import { useEffect, useState } from 'preact/hooks';
import type { VaultStatus } from '@/utils/messages';
import { sendRequest } from '@/utils/messaging/send-request';
import { UnlockScreen } from '@/components/popup/unlock-screen';
import { SecuritySettings } from './security-settings';
import { ChangePasswordForm } from './change-password-form';
import { ExportSection } from './export-section';
import { ImportSection } from './import-section';
import { SyncSection } from './sync-section';
import { WhatIsStored } from './what-is-stored';
import { AboutSection } from './about-section';
import { SitesSection } from './sites-section';
import { FillSettings } from './fill-settings';
import { SettingsGroup, SettingsNav } from './settings-nav';
import { t } from '@/utils/i18n/t';

/**
 * The options page: while unlocked, its sections (Security, Sites, Import, Backup and export,
 * Sync, About) beside a list of links to them; the unlock form while locked; a pointer to the
 * toolbar popup before first setup. What is stored and About are shown in every state.
 */
export function OptionsApp() {
  const [status, setStatus] = useState<VaultStatus | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function refresh() {
    const result = await sendRequest('getStatus');
    if (result.ok) {
      setStatus(result.value);
      setFailure(null);
    } else {
      setFailure(result.error.message);
    }
  }

  useEffect(() => {
    void refresh();
    // The vault may lock (or be set up) from elsewhere while this tab sits in the background.
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', onVisible);
    };
  }, []);

  async function lock() {
    const result = await sendRequest('lock');
    if (!result.ok) setFailure(result.error.message);
    await refresh();
  }

  return (
    <div class="options">
      <header class="bar">
        <span class="brand"><img src="/icon/32.png" alt="" width="24" height="24" /> Twofold</span>
      </header>
      <main>
        {failure && <p class="error banner" role="alert">{failure}</p>}
        {status === null && !failure && <p class="muted" aria-busy="true">{t('opening')}</p>}
        {status?.state === 'new' && (
          <section class="card" aria-labelledby="new-title">
            <h1 id="new-title">{t('notSetUpTitle')}</h1>
            <p>{t('notSetUpText')}</p>
            <button type="button" onClick={() => void refresh()}>{t('notSetUpDone')}</button>
          </section>
        )}
        {status?.state === 'locked' && (
          <div class="card">
            <UnlockScreen onDone={refresh} retryAt={status.retryAt} />
          </div>
        )}
        {status?.state === 'damaged' && (
          <section class="card" aria-labelledby="damaged-title">
            <h1 id="damaged-title">{t('damagedTitle')}</h1>
            <p class="error" role="alert">{status.message}</p>
          </section>
        )}
        {status?.state === 'unlocked' ? (
          <>
            <h1 class="page-title">{t('optionsTitle')}</h1>
            <div class="settings-layout">
              <SettingsNav />
              <div class="settings-sections">
                <SettingsGroup id="security">
                  <SecuritySettings onLock={lock} />
                  <ChangePasswordForm />
                </SettingsGroup>
                <SettingsGroup id="sites">
                  <SitesSection />
                  <FillSettings />
                </SettingsGroup>
                <SettingsGroup id="import">
                  <ImportSection />
                </SettingsGroup>
                <SettingsGroup id="backup">
                  <ExportSection />
                </SettingsGroup>
                <SettingsGroup id="sync">
                  <SyncSection />
                </SettingsGroup>
                <SettingsGroup id="about">
                  <WhatIsStored />
                  <AboutSection />
                </SettingsGroup>
              </div>
            </div>
          </>
        ) : status !== null && (
          <>
            <WhatIsStored />
            <AboutSection />
          </>
        )}
      </main>
    </div>
  );
}
