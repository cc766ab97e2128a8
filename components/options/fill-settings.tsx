import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Settings } from '@/utils/messages';
import { sendRequest } from '@/utils/messaging/send-request';
import { saveStatusText, useSettingSave } from './use-setting-save';
import { CHROMIUM_SHORTCUTS_URL, openShortcutSettings } from './about-section';
import { t, tParts } from '@/utils/i18n/t';

/** The fill command's name in the manifest (wxt.config.ts). */
const FILL_COMMAND = 'fill-code';

/**
 * Options → Filling: the fill shortcut (with the way to the browser's shortcuts page) and
 * "Submit the form after filling", off unless chosen. Saved at once through the background.
 */
export function FillSettings() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [shortcut, setShortcut] = useState<string | null>(null);
  const [cannotOpen, setCannotOpen] = useState(false);
  const saver = useSettingSave();

  useEffect(() => {
    void sendRequest('getSettings').then((result) => {
      if (result.ok) setSettings(result.value);
      else setLoadError(result.error.message);
    });
    void browser.commands?.getAll().then(
      (all) => setShortcut(all.find((c) => c.name === FILL_COMMAND)?.shortcut ?? ''),
      () => setShortcut(''),
    );
  }, []);

  async function changeAutoSubmit(on: boolean) {
    if (!settings) return;
    const before = settings;
    setSettings({ ...settings, autoSubmit: on });
    // A refused change puts the box back to what is really stored.
    setSettings((await saver.save({ autoSubmit: on })) ?? before);
  }

  async function openShortcuts(event: Event) {
    event.preventDefault();
    try {
      if (!(await openShortcutSettings())) setCannotOpen(true);
    } catch {
      setCannotOpen(true);
    }
  }

  const saveError = saver.status.state === 'failed' ? saver.status.message : undefined;

  return (
    <section class="card" aria-labelledby="filling-title">
      <h2 id="filling-title">{t('fillingTitle')}</h2>
      {shortcut !== null && (
        <p data-testid="fill-shortcut">
          {tParts('labelValue', [t('commandFillCode'), shortcut ? <kbd>{shortcut}</kbd> : <span class="muted">{t('noShortcut')}</span>])}
        </p>
      )}
      <p>
        <a href={import.meta.env.FIREFOX ? 'about:addons' : CHROMIUM_SHORTCUTS_URL} onClick={(e) => void openShortcuts(e)}>
          {t('changeShortcuts')}
        </a>
      </p>
      {cannotOpen && <p class="hint" role="status">{tParts('firefoxShortcutsHint', [<kbd>about:addons</kbd>])}</p>}
      {loadError && <p class="error" role="alert">{loadError}</p>}
      {settings && (
        <div class={`field${saveError ? ' field--error' : ''}`}>
          <div class="control-row">
            <label class="checkbox">
              <input id="auto-submit" type="checkbox" checked={settings.autoSubmit === true}
                onChange={(e) => void changeAutoSubmit(e.currentTarget.checked)}
                aria-describedby={`auto-submit-hint${saveError ? ' auto-submit-error' : ''}`} aria-invalid={saveError ? true : undefined} />
              {t('autoSubmit')}
            </label>
            <span class="save-status" id="auto-submit-status" role="status">{saveStatusText(saver.status)}</span>
          </div>
          <p class="hint" id="auto-submit-hint">{t('autoSubmitHint')}</p>
          {saveError && <p class="error" id="auto-submit-error" role="alert">{saveError}</p>}
        </div>
      )}
    </section>
  );
}
