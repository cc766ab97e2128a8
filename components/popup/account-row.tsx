import type { JSX } from 'preact';
import type { AccountView, FillTarget } from '@/utils/messages';
import { formatCode } from '@/utils/accounts/format-code';
import { displayName } from '@/utils/accounts/display-name';
import { Avatar } from './avatar';
import { formatNumber, t } from '@/utils/i18n/t';
import { useNow } from './clock';
import { FillConfirm } from './fill-confirm';
import { FillSiteAccess } from './fill-site-access';
import { DeleteConfirm } from './delete-confirm';
import { memo } from './memo';

/** What a row can ask the list to do; the object is stable for the list's lifetime. */
export interface RowActions {
  /** Copy, and fill into the tab when it has a code field (click or Enter on the code). */
  use: (account: AccountView, code: string) => void;
  fillAnswer: (account: AccountView, remember: boolean, site: string) => void;
  cancelFill: () => void;
  togglePin: (account: AccountView) => void;
  edit: (account: AccountView) => void;
  askDelete: (account: AccountView) => void;
  confirmDelete: (account: AccountView) => void;
  cancelDelete: () => void;
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
  asking?: Extract<FillTarget, { state: 'unbound' }>;
  confirmingDelete: boolean;
  dropTarget: boolean;
  actions: RowActions;
}

/**
 * One account: avatar, names, the code grouped for reading, its countdown and, near the end
 * of a period, the next code. Memoized: a row renders again only when its own code or
 * account changed; the per-second countdown lives in {@link CodeTimer}.
 */
export const AccountRow = memo(function AccountRow(props: AccountRowProps) {
  const { account, code, nextCode, validUntil, skew, onSite, asking, confirmingDelete, dropTarget, actions } = props;
  const name = displayName(account.issuer || account.label ? account : { issuer: t('unnamedAccount'), label: '' });
  const title = account.issuer || account.label || t('unnamedAccount');
  return (
    <li class={`account${dropTarget ? ' account--drop' : ''}`} data-account-id={account.id} draggable
      onDragStart={(e) => actions.dragStart(account, e)} onDragOver={(e) => actions.dragOver(account, e)}
      onDrop={(e) => actions.drop(account, e)} onDragEnd={actions.dragEnd}>
      <Avatar account={account} />
      <div class="account__names">
        <span class="account__issuer">{title}</span>
        {account.issuer && account.label && <span class="account__label">{account.label}</span>}
        {onSite && <span class="badge">{t('onThisSite')}</span>}
      </div>
      <div class="account__code">
        <button type="button" class="code" data-code={code}
          aria-label={t('copyCodeLabel', [formatCode(code), name])} title={t('copyCodeTitle')}
          aria-keyshortcuts="Enter Control+C Meta+C Alt+ArrowUp Alt+ArrowDown"
          onClick={() => actions.use(account, code)}>
          {formatCode(code)}
        </button>
        {validUntil !== undefined && <CodeTimer validUntil={validUntil} period={account.period} skew={skew} nextCode={nextCode} />}
        {account.kind === 'hotp' && (
          <button type="button" class="small" onClick={() => actions.nextHotp(account)} aria-label={t('nextHotpLabel', name)}>
            {t('nextHotp')}
          </button>
        )}
      </div>
      <div class="account__actions">
        <IconButton label={t('pinLabel', name)} pressed={account.pinned}
          onClick={() => actions.togglePin(account)}>{account.pinned ? '★' : '☆'}</IconButton>
        <IconButton label={t('editLabel', name)} onClick={() => actions.edit(account)}>✎</IconButton>
        {!confirmingDelete && <IconButton label={t('deleteLabel', name)} onClick={() => actions.askDelete(account)}>✕</IconButton>}
      </div>
      {asking && (
        <FillConfirm name={name} target={asking} onFill={(remember) => actions.fillAnswer(account, remember, asking.site)}
          onCancel={actions.cancelFill} />
      )}
      {/* Offered where it matters (the site the user is on), not under every row. */}
      {onSite && <FillSiteAccess sites={account.sites} name={name} />}
      {confirmingDelete && (
        <DeleteConfirm name={name} onDelete={() => actions.confirmDelete(account)} onCancel={actions.cancelDelete} />
      )}
    </li>
  );
}, (a, b) =>
  a.account === b.account && a.code === b.code && a.nextCode === b.nextCode && a.validUntil === b.validUntil &&
  a.skew === b.skew && a.onSite === b.onSite && a.asking === b.asking && a.confirmingDelete === b.confirmingDelete &&
  a.dropTarget === b.dropTarget && a.actions === b.actions);

function IconButton({ label, pressed, onClick, children }: { label: string; pressed?: boolean; onClick: () => void; children: JSX.Element | string }) {
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
      {ending && nextCode && (
        <span class="next-code" aria-label={t('nextCodeLabel', formatCode(nextCode))}>{t('nextCodeShort', formatCode(nextCode))}</span>
      )}
    </>
  );
}
