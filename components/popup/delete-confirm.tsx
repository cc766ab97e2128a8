import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '@/utils/i18n/t';

/** Asks before deleting (an undo follows too); the safe answer, Cancel, gets the focus. */
export function DeleteConfirm({ name, onDelete, onCancel }: { name: string; onDelete: () => void; onCancel: () => void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => cancel.current?.focus(), []);
  return (
    <div class="confirm" role="group" aria-label={t('deleteQuestion', name)}>
      <span>{t('deleteExplain', name)}</span>
      <button type="button" class="danger small" onClick={onDelete}>{t('delete')}</button>
      <button type="button" class="small" onClick={onCancel} ref={cancel}>{t('cancel')}</button>
    </div>
  );
}
