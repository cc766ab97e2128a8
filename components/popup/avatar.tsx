import { useEffect, useState } from 'preact/hooks';
import { avatarColor, avatarLetter } from '@/utils/accounts/avatar';

type BrandIcons = typeof import('@/utils/accounts/brand-icons');

/** The brand-icon module once loaded; it is fetched after the first paint, once per popup. */
let icons: BrandIcons | null = null;
let loading: Promise<void> | null = null;
const waiting = new Set<() => void>();

function loadIcons(): void {
  loading ??= import('@/utils/accounts/brand-icons').then(
    (module) => {
      icons = module;
      for (const notify of waiting) notify();
      waiting.clear();
    },
    () => undefined, // Letter avatars stay: icons are decoration.
  );
}

/**
 * An account's picture: the icon the user chose, else the brand icon for common issuers, else a
 * letter on a stable colour. The letter shows first; icons arrive a frame later so they never
 * delay the codes.
 */
export function Avatar({ account }: { account: { issuer: string; label: string; icon?: string } }) {
  const [, setLoaded] = useState(icons !== null);
  useEffect(() => {
    if (icons) return;
    const notify = () => setLoaded(true);
    waiting.add(notify);
    const frame = requestAnimationFrame(() => setTimeout(loadIcons));
    return () => {
      waiting.delete(notify);
      cancelAnimationFrame(frame);
    };
  }, []);
  const name = account.issuer || account.label;
  const brand = icons?.chosenBrandIcon(account);
  if (brand) {
    return (
      <span class="avatar avatar--brand" style={{ background: brand.color }} aria-hidden="true" title={brand.title}>
        <svg viewBox="0 0 24 24" width="18" height="18" focusable="false">
          <path d={brand.path} fill={brand.foreground} />
        </svg>
      </span>
    );
  }
  return (
    <span class="avatar" style={{ background: avatarColor(name) }} aria-hidden="true">
      {avatarLetter(account)}
    </span>
  );
}
