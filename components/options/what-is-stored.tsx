import { t, tParts } from '@/utils/i18n/t';

/**
 * "What is stored and how": Twofold's security model in plain words, for the person whose
 * codes these are. Keep it true to docs/vault-format.md and the background's behaviour.
 */
export function WhatIsStored() {
  return (
    <section class="card prose" aria-labelledby="stored-title">
      <h2 id="stored-title">{t('storedTitle')}</h2>
      <ul>
        <li>{tParts('storedAccounts', [<strong>{t('storedEncrypted')}</strong>])}</li>
        <li>{t('storedKey')}</li>
        <li>{tParts('storedSession', [<em>{t('lockNow')}</em>])}</li>
        <li>{tParts('storedNoRecovery', [<strong>{t('storedNoRecoveryStrong')}</strong>])}</li>
        <li>{t('storedSettings')}</li>
      </ul>
      <h3>{t('storedLimitsTitle')}</h3>
      <ul>
        <li>{t('storedLimitPage')}</li>
        <li>{t('storedLimitMalware')}</li>
      </ul>
    </section>
  );
}
