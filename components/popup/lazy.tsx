/**
 * Screens the popup seldom opens (first-run setup, the add and edit forms) load when first shown,
 * so the code for them is not parsed on every opening, before the codes are painted.
 */
import type { ComponentType, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n/t';

/**
 * A component that loads `load`'s module on first render and shows "Opening…" meanwhile. If the
 * module cannot be loaded (say, the extension was updated while the popup was open), it says so
 * and offers to try again.
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): FunctionComponent<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  return function LazyScreen(props: P) {
    const [Screen, setScreen] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
      if (Screen) return;
      let live = true;
      loading ??= load().then((component) => (loaded = component));
      loading.then(
        (component) => live && setScreen(() => component),
        () => {
          loading = null;
          if (live) setFailed(true);
        },
      );
      return () => {
        live = false;
      };
    }, [attempt]);
    if (failed) {
      return (
        <div class="screen">
          <p class="error" role="alert">{t('errInternal')}</p>
          <button type="button" onClick={() => { setFailed(false); setAttempt((n) => n + 1); }}>{t('screenRetry')}</button>
        </div>
      );
    }
    return Screen ? <Screen {...props} /> : <p class="screen muted" aria-busy="true">{t('opening')}</p>;
  };
}
