import { useRef, useState } from 'preact/hooks';
import type { Settings } from '@/utils/messages';
import { sendRequest } from '@/utils/messaging/send-request';
import { t } from '@/utils/i18n/t';

/** Where saving one setting stands, for its status line and its error. */
export type SaveState =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved' }
  | { state: 'failed'; message: string };

/**
 * Saves one settings change through the background and tracks its state. When changes
 * follow each other quickly, only the last one's answer is shown.
 *
 * `save` resolves to the settings the background kept, or null when it refused the change.
 */
export function useSettingSave() {
  const [status, setStatus] = useState<SaveState>({ state: 'idle' });
  const latest = useRef(0);

  async function save(patch: Partial<Settings>): Promise<Settings | null> {
    const attempt = ++latest.current;
    setStatus({ state: 'saving' });
    const result = await sendRequest('setSettings', patch);
    if (attempt !== latest.current) return result.ok ? result.value : null;
    setStatus(result.ok ? { state: 'saved' } : { state: 'failed', message: result.error.message });
    return result.ok ? result.value : null;
  }

  return { status, save };
}

/** The words of a status line: "Saving…", "Saved", or nothing. */
export function saveStatusText(status: SaveState): string {
  if (status.state === 'saving') return t('saving');
  if (status.state === 'saved') return t('settingSaved');
  return '';
}
