/**
 * Screens the popup seldom opens (first-run setup, the add and edit forms) load when first shown,
 * so the code for them is not parsed on every opening, before the codes are painted.
 */
import type { ComponentType, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n/t';

/** A component that loads `load`'s module on first render and shows "Opening…" meanwhile. */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): FunctionComponent<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  return function LazyScreen(props: P) {
    const [Screen, setScreen] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
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
    }, []);
    if (failed) return <p class="error banner" role="alert">{t('errInternal')}</p>;
    return Screen ? <Screen {...props} /> : <p class="screen muted" aria-busy="true">{t('opening')}</p>;
  };
}
