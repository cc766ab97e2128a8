import { t } from '@/utils/i18n/t';

/** No accounts yet: the two ways in, scanning the site's QR code or typing its text key. */
export function EmptyState({ onAdd }: { onAdd: () => void }) {
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
          <button type="button" class="primary" onClick={onAdd}>{t('emptyTypeButton')}</button>
        </li>
      </ol>
    </section>
  );
}
