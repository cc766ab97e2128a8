import type { JSX } from 'preact';
import type { AccountView, FillTarget } from '@/utils/messages';
import { formatCode } from '@/utils/accounts/format-code';
import { displayName } from '@/utils/accounts/display-name';
import { Avatar } from './avatar';
import { formatNumber, t } from '@/utils/i18n/t';
import { useNow } from './clock';
import { FillConfirm } from './fill-confirm';
import { FillSiteAccess } from './fill-site-access';
import { memo } from './memo';

/** What a row can ask the list to do; the object is stable for the list's lifetime. */
export interface RowActions {
  /** Fill into the tab (copying too, for when it has no code field): the Fill button. */
  use: (account: AccountView, code: string) => void;
  /** Copy only: a click on the code. */
  copy: (account: AccountView, code: string) => void;
  fillAnswer: (account: AccountView, remember: boolean, site: string) => void;
  cancelFill: () => void;
  togglePin: (account: AccountView) => void;
  edit: (account: AccountView) => void;
  nextHotp: (account: AccountView) => void;
  dragStart: (account: AccountView, event: DragEvent) => void;
  dragOver: (account: AccountView, event: DragEvent) => void;
  drop: (account: AccountView, event: DragEvent) => void;
  dragEnd: () => void;
}

export interface AccountRowProps {
  account: AccountView;
  code: string;
  nextCode?: string;
  validUntil?: number;
  /** Background clock minus ours (ms). */
  skew: number;
  /** Bound to the active tab's site. */
  onSite: boolean;
  /** The popup acts on a web page, so a code can be filled into it: the row offers Fill. */
  canFill: boolean;
  asking?: Extract<FillTarget, { state: 'unbound' }>;
  dropTarget: boolean;
  actions: RowActions;
}

/**
 * One account: avatar, names, the code grouped for reading (a click copies it), its countdown
 * and, near the end of a period, the next code; Fill when the popup acts on a web page; pin and
 * edit (delete is inside edit, away from the everyday buttons). The row's main button (Fill,
 * else the code) carries `data-primary`: the arrow keys move between those. Memoized: a row
 * renders again only when its own code or account changed; the per-second countdown lives in
 * {@link CodeTimer}.
 */
export const AccountRow = memo(function AccountRow(props: AccountRowProps) {
  const { account, code, nextCode, validUntil, skew, onSite, canFill, asking, dropTarget, actions } = props;
  const name = displayName(account.issuer || account.label ? account : { issuer: t('unnamedAccount'), label: '' });
  const title = account.issuer || account.label || t('unnamedAccount');
  const shown = formatCode(code);
  return (
    <li class={`account${dropTarget ? ' account--drop' : ''}${onSite ? ' account--on-site' : ''}`} data-account-id={account.id} draggable
      onDragStart={(e) => actions.dragStart(account, e)} onDragOver={(e) => actions.dragOver(account, e)}
      onDrop={(e) => actions.drop(account, e)} onDragEnd={actions.dragEnd}>
      <Avatar account={account} />
      <div class="account__names">
        <span class="account__issuer">{title}</span>
        {account.issuer && account.label && <span class="account__label">{account.label}</span>}
        {onSite && <span class="badge">{t('onThisSite')}</span>}
      </div>
      <div class="account__actions">
        <IconButton label={t('pinLabel', name)} pressed={account.pinned} onClick={() => actions.togglePin(account)}>
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" fill={account.pinned ? 'currentColor' : 'none'}
            stroke="currentColor" stroke-width="1.4" stroke-linejoin="round">
            <path d="M8 1.8l1.85 3.9 4.25.5-3.15 2.9.85 4.2L8 11.2l-3.8 2.1.85-4.2L1.9 6.2l4.25-.5z" />
          </svg>
        </IconButton>
        <IconButton label={t('editLabel', name)} onClick={() => actions.edit(account)}>
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.4"
            stroke-linejoin="round" stroke-linecap="round">
            <path d="M10.8 2.4l2.8 2.8-8 8H2.8v-2.8zM9.2 4l2.8 2.8" />
          </svg>
        </IconButton>
      </div>
      <div class="account__code">
        <button type="button" class="code" data-code={code} data-primary={canFill ? undefined : ''}
          aria-label={t('copyCodeLabel', [shown, name])} title={t('copyCodeTitle')}
          aria-keyshortcuts="Enter Control+C Meta+C Alt+ArrowUp Alt+ArrowDown"
          onClick={() => actions.copy(account, code)}>
          <span class="code__digits">{shown}</span>
          <span class="code__copy" aria-hidden="true">{t('copyButton')}</span>
        </button>
        {validUntil !== undefined && <CodeTimer validUntil={validUntil} period={account.period} skew={skew} nextCode={nextCode} />}
        {account.kind === 'hotp' && (
          <button type="button" class="small" onClick={() => actions.nextHotp(account)} aria-label={t('nextHotpLabel', name)}>
            {t('nextHotp')}
          </button>
        )}
        {canFill && (
          <button type="button" class={`fill${onSite ? ' primary' : ''}`} data-primary="" aria-label={t('rowFillLabel', name)}
            title={t('rowFillLabel', name)} aria-keyshortcuts="Enter Control+C Meta+C Alt+ArrowUp Alt+ArrowDown"
            onClick={() => actions.use(account, code)}>
            {t('fillButton')}
          </button>
        )}
      </div>
      {asking && (
        <FillConfirm name={name} target={asking} onFill={(remember) => actions.fillAnswer(account, remember, asking.site)}
          onCancel={actions.cancelFill} />
      )}
      {/* Offered where it matters (the site the user is on), not under every row. */}
      {onSite && <FillSiteAccess sites={account.sites} name={name} />}
    </li>
  );
}, (a, b) =>
  a.account === b.account && a.code === b.code && a.nextCode === b.nextCode && a.validUntil === b.validUntil &&
  a.skew === b.skew && a.onSite === b.onSite && a.canFill === b.canFill && a.asking === b.asking &&
  a.dropTarget === b.dropTarget && a.actions === b.actions);

function IconButton({ label, pressed, onClick, children }: { label: string; pressed?: boolean; onClick: () => void; children: JSX.Element }) {
  return (
    <button type="button" class="icon-button" aria-label={label} title={label} aria-pressed={pressed} onClick={onClick}>
      {children}
    </button>
  );
}

/**
 * The countdown ring, and the next code in the last 5 seconds. The only part of a row that
 * the one clock re-renders every second.
 */
function CodeTimer({ validUntil, period, skew, nextCode }: { validUntil: number; period: number; skew: number; nextCode?: string }) {
  const now = useNow() + skew;
  const remaining = Math.min(period, Math.max(0, Math.ceil((validUntil - now) / 1000)));
  const circumference = 2 * Math.PI * 9;
  const offset = circumference * (1 - remaining / period);
  const ending = remaining <= 5;
  return (
    <>
      <span class={`countdown${ending ? ' countdown--ending' : ''}`} role="timer" aria-label={t('secondsLeft', formatNumber(remaining))}>
        <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
          <circle cx="12" cy="12" r="9" class="countdown__track" />
          <circle cx="12" cy="12" r="9" class="countdown__ring" stroke-dasharray={circumference} stroke-dashoffset={offset} />
        </svg>
        <span class="countdown__seconds" aria-hidden="true">{formatNumber(remaining)}</span>
      </span>
      {/* The next code sits in the room left before Fill, word above code (no space breaks the
          code itself), and is left out where there is no room for it: it never pushes Fill onto
          a line of its own in the last seconds, so nothing moves under the pointer. */}
      <span class="next-slot">
        {ending && nextCode && (
          <span class="next-code" aria-label={t('nextCodeLabel', formatCode(nextCode))}>
            {t('nextCodeShort', formatCode(nextCode).replace(/ /gu, '\u00a0'))}
          </span>
        )}
      </span>
    </>
  );
}
