import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, tParts } from '@/utils/i18n/t';

/** One keyboard command as the browser reports it. */
interface CommandView {
  name: string;
  description: string;
  shortcut: string;
}

/** `commands.openShortcutSettings` exists in Firefox 137 and later only. */
type CommandsApi = typeof browser.commands & { openShortcutSettings?: () => Promise<void> };

/** Chromium's shortcuts page: no web link can open it, but an extension may open it in a tab. */
export const CHROMIUM_SHORTCUTS_URL = 'chrome://extensions/shortcuts';

/**
 * Opens the browser's page for changing extension keyboard shortcuts.
 * @returns false when this browser offers no way to open it from an extension.
 */
export async function openShortcutSettings(): Promise<boolean> {
  const commands = browser.commands as CommandsApi | undefined;
  if (typeof commands?.openShortcutSettings === 'function') {
    await commands.openShortcutSettings();
    return true;
  }
  if (import.meta.env.FIREFOX) return false;
  await browser.tabs.create({ url: CHROMIUM_SHORTCUTS_URL });
  return true;
}

/** About: the version, the keyboard shortcuts and where to change them. */
export function AboutSection() {
  const manifest = browser.runtime.getManifest();
  const version = manifest.version_name ?? manifest.version;
  const [commands, setCommands] = useState<CommandView[] | null>(null);
  const [cannotOpen, setCannotOpen] = useState(false);

  useEffect(() => {
    const api = browser.commands as CommandsApi | undefined;
    if (!api) return setCommands([]);
    void api.getAll().then(
      (all) => setCommands(all
        .filter((c) => c.name)
        .map((c) => ({ name: c.name ?? '', description: c.description || describeBuiltIn(c.name), shortcut: c.shortcut ?? '' }))),
      () => setCommands([]),
    );
  }, []);

  async function openShortcuts(event: Event) {
    event.preventDefault();
    try {
      if (!(await openShortcutSettings())) setCannotOpen(true);
    } catch {
      setCannotOpen(true);
    }
  }

  return (
    <section class="card" aria-labelledby="about-title">
      <h2 id="about-title">{t('aboutTitle')}</h2>
      <p>{tParts('aboutVersion', [<span data-testid="version">{version}</span>])}</p>
      <h3>{t('keyboardShortcuts')}</h3>
      {commands && commands.length > 0 && (
        <ul class="shortcuts">
          {commands.map((c) => (
            <li key={c.name}>
              {tParts('labelValue', [c.description, c.shortcut ? <kbd>{c.shortcut}</kbd> : <span class="muted">{t('noShortcut')}</span>])}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={import.meta.env.FIREFOX ? 'about:addons' : CHROMIUM_SHORTCUTS_URL} onClick={(e) => void openShortcuts(e)}>
          {t('changeShortcuts')}
        </a>
      </p>
      {cannotOpen && (
        <p class="hint" role="status">
          {tParts('firefoxShortcutsHint', [<kbd>about:addons</kbd>])}
        </p>
      )}
    </section>
  );
}

function describeBuiltIn(name: string | undefined): string {
  return name === '_execute_action' ? t('commandOpenTwofold') : name ?? '';
}
