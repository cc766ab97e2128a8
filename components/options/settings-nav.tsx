import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n/t';

/** The settings page's sections, in the order of the page and of its navigation. */
export const SETTINGS_SECTIONS = [
  { id: 'security', label: () => t('securityTitle') },
  { id: 'sites', label: () => t('sitesTitle') },
  { id: 'import', label: () => t('importTitle') },
  { id: 'backup', label: () => t('exportTitle') },
  { id: 'sync', label: () => t('navSync') },
  { id: 'about', label: () => t('aboutTitle') },
] as const;
export type SettingsSectionId = (typeof SETTINGS_SECTIONS)[number]['id'];

/** The section a `#hash` names, or null. */
function sectionOfHash(hash: string): SettingsSectionId | null {
  const id = hash.replace(/^#/u, '');
  return SETTINGS_SECTIONS.find((s) => s.id === id)?.id ?? null;
}

/**
 * The list of links to the page's sections: ordinary in-page links (Tab, Enter, the browser's
 * back button and `options.html#backup` all work), the current one marked for screen readers,
 * and the section's group focused on a click so reading and Tab go on from there.
 */
export function SettingsNav() {
  const [current, setCurrent] = useState<SettingsSectionId>(() => sectionOfHash(location.hash) ?? 'security');

  useEffect(() => {
    const onHash = () => setCurrent(sectionOfHash(location.hash) ?? 'security');
    window.addEventListener('hashchange', onHash);
    // While scrolling, the section nearest the top is the current one.
    const observer = new IntersectionObserver((entries) => {
      const visible = entries.filter((e) => e.isIntersecting).sort((a, b) => a.boundingClientRect.top - b.boundingClientRect.top)[0];
      const id = visible ? sectionOfHash(visible.target.id) : null;
      if (id) setCurrent(id);
    }, { rootMargin: '0px 0px -70% 0px' });
    for (const { id } of SETTINGS_SECTIONS) {
      const element = document.getElementById(id);
      if (element) observer.observe(element);
    }
    // Opened as options.html#backup: go there once the sections are drawn.
    const first = sectionOfHash(location.hash);
    if (first) document.getElementById(first)?.scrollIntoView();
    return () => {
      window.removeEventListener('hashchange', onHash);
      observer.disconnect();
    };
  }, []);

  return (
    <nav class="settings-nav" aria-label={t('settingsSections')}>
      <ul>
        {SETTINGS_SECTIONS.map(({ id, label }) => (
          <li key={id}>
            <a href={`#${id}`} aria-current={current === id ? 'location' : undefined}
              onClick={() => {
                setCurrent(id);
                // After the browser's own jump: the group takes the focus, not only the view.
                requestAnimationFrame(() => document.getElementById(id)?.focus({ preventScroll: true }));
              }}>
              {label()}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** One section of the page: the target of its link, holding its cards. */
export function SettingsGroup({ id, children }: { id: SettingsSectionId; children: ComponentChildren }) {
  // No role or name of its own: its cards are the named regions ("Sites", "Import").
  return (
    <div id={id} class="settings-group" tabIndex={-1}>
      {children}
    </div>
  );
}
