import { useLayoutEffect, useRef } from 'preact/hooks';
import type { FillTarget } from '@/utils/messages';
import { t, tParts } from '@/utils/i18n/t';

type Unbound = Extract<FillTarget, { state: 'unbound' }>;

/**
 * Asks before filling an account into a site it is not bound to. When the site looks like one
 * of the user's bound sites (`amaz0n.com`, a punycode twin, `amazon.com.evil.net`) it does not
 * ask: it warns loudly, names the real site, fills nothing, and says how to bind the site
 * deliberately (typing it in the settings' Sites section, or scanning the setup code there).
 */
export function FillConfirm({
  name,
  target,
  onFill,
  onCancel,
}: {
  name: string;
  target: Unbound;
  /** `remember`: also bind the account to this site. Never offered on a look-alike. */
  onFill: (remember: boolean) => void;
  onCancel: () => void;
}) {
  const lookalike = target.lookalikeOf;
  // The safe answer gets the focus: Cancel on a look-alike, "Fill once" otherwise.
  const first = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => first.current?.focus(), [target.site, lookalike]);
  const site = <b>{target.site}</b>;
  if (lookalike !== undefined) {
    return (
      <div class="confirm warning" role="alertdialog" aria-labelledby="fill-warning-title" aria-describedby="fill-warning-text">
        <strong id="fill-warning-title">{t('lookalikeTitle', lookalike)}</strong>
        <span id="fill-warning-text">
          {tParts('lookalikeText', [site, <b>{lookalike}</b>, name])}
        </span>
        <span>{tParts('lookalikeHowToBind', [name, site])}</span>
        <button type="button" class="small" onClick={onCancel} ref={first}>{t('cancel')}</button>
      </div>
    );
  }
  return (
    <div class="confirm" role="alertdialog" aria-labelledby="fill-ask-text">
      <span id="fill-ask-text">{tParts('fillAsk', [name, site])}</span>
      <button type="button" class="small" onClick={() => onFill(false)} ref={first}>{t('fillOnce')}</button>
      <button type="button" class="small" onClick={() => onFill(true)}>{t('fillAndRemember', target.site)}</button>
      <button type="button" class="small" onClick={onCancel}>{t('cancel')}</button>
    </div>
  );
}
