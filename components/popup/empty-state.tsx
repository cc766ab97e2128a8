import { t } from '@/utils/i18n/t';

/**
 * No accounts yet: the two ways in, scanning the site's QR code or typing its text key, both
 * offered by the add panel above it.
 */
export function EmptyState() {
  return (
    <section class="screen empty" aria-labelledby="empty-title">
      <h1 id="empty-title">{t('emptyTitle')}</h1>
      <p>{t('emptyIntro')}</p>
      <ol class="ways">
        <li>
          <strong>{t('emptyScanTitle')}</strong>
          <span>{t('emptyScanText')}</span>
        </li>
        <li>
          <strong>{t('emptyTypeTitle')}</strong>
          <span>{t('emptyTypeText')}</span>
        </li>
      </ol>
    </section>
  );
}
