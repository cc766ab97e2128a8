import { useEffect, useRef } from 'preact/hooks';
import type { FillTarget } from '@/utils/messages';

type Unbound = Extract<FillTarget, { state: 'unbound' }>;

/**
 * Asks before filling an account into a site it is not bound to. When the site looks like one
 * of the user's bound sites (`amaz0n.com`, a punycode twin, `amazon.com.evil.net`) it warns
 * loudly, names the real site, and puts the focus on Cancel.
 */
export function FillConfirm({
  name,
  target,
  onFill,
  onCancel,
}: {
  name: string;
  target: Unbound;
  /** `remember`: also bind the account to this site. */
  onFill: (remember: boolean) => void;
  onCancel: () => void;
}) {
  const lookalike = target.lookalikeOf;
  // The safe answer gets the focus: Cancel on a look-alike, "Fill once" otherwise.
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), [target.site, lookalike]);
  if (lookalike !== undefined) {
    return (
      <div class="confirm warning" role="alertdialog" aria-labelledby="fill-warning-title" aria-describedby="fill-warning-text">
        <strong id="fill-warning-title">Warning: this is not {lookalike}</strong>
        <span id="fill-warning-text">
          This tab is on <b>{target.site}</b>, which looks like <b>{lookalike}</b> but is a different site. It may be a fake
          page trying to steal your {name} code. Only fill it if you are sure.
        </span>
        <button type="button" class="small" onClick={onCancel} ref={first}>Cancel</button>
        <button type="button" class="danger small" onClick={() => onFill(false)}>Fill anyway</button>
        <button type="button" class="danger small" onClick={() => onFill(true)}>Fill and use {name} on {target.site}</button>
      </div>
    );
  }
  return (
    <div class="confirm" role="alertdialog" aria-labelledby="fill-ask-text">
      <span id="fill-ask-text">
        {name} is not used on <b>{target.site}</b> yet. Fill its code here?
      </span>
      <button type="button" class="small" onClick={() => onFill(false)} ref={first}>Fill once</button>
      <button type="button" class="small" onClick={() => onFill(true)}>Fill and remember {target.site}</button>
      <button type="button" class="small" onClick={onCancel}>Cancel</button>
    </div>
  );
}
