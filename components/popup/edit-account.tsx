import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { AccountView } from '@/utils/messages';
import { sendRequest } from '@/utils/messaging/send-request';
import { checkAccountEdit, EditProblem, LETTER_ICON, splitSites, type EditCheck } from '@/utils/accounts/check-account-edit';
import { brandTitles } from '@/utils/accounts/brand-icons';
import { displayName } from '@/utils/accounts/display-name';
import { formatDate, formatNumber, t } from '@/utils/i18n/t';
import { Field, describedBy } from './field';
import { fieldError, useRequest } from './use-request';
import { RevealSecret } from './reveal-secret';
import { RecoveryCodes } from './recovery-codes';
import { Avatar } from './avatar';
import { DeleteConfirm } from './delete-confirm';
import type { Toast } from './account-list';

/** The popup's words for an edit problem (the background words its own in English). */
function problemText(check: Extract<EditCheck, { ok: false }>): string {
  switch (check.problem) {
    case EditProblem.NameMissing: return t('editNameMissing');
    case EditProblem.NameTooLong: return t('editNameTooLong', formatNumber(200));
    case EditProblem.SiteInvalid: return t('editSiteInvalid', check.site ?? '');
    case EditProblem.TooManySites: return t('editTooManySites', formatNumber(20));
    case EditProblem.IconInvalid: return t('editIconInvalid');
  }
}

interface EditAccountProps {
  account: AccountView;
  onDone: (message: string) => void;
  onCancel: () => void;
  /** The account was deleted: back to the list, whose status line offers Undo. */
  onDeleted: (toast: Toast) => void;
}

/**
 * Edit an account: its service and account name, and the sites it is used on (where its code
 * is offered and filled without asking). The secret key can be shown after re-entering the
 * master password. Deleting is here, at the end, away from the list's everyday buttons; the
 * list then offers Undo.
 */
export function EditAccount({ account, onDone, onCancel, onDeleted }: EditAccountProps) {
  const [issuer, setIssuer] = useState(account.issuer);
  const [label, setLabel] = useState(account.label);
  const [sites, setSites] = useState(account.sites.join(', '));
  const [icon, setIcon] = useState(account.icon ?? '');
  const [local, setLocal] = useState<{ field: string; message: string } | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const { busy, error, run } = useRequest();
  const first = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => first.current?.focus(), []);

  // Escape answers the delete question first (no), then leaves the screen.
  const asking = useRef(deleting);
  asking.current = deleting;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      if (asking.current) setDeleting(false);
      else onCancel();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  async function remove() {
    setDeleteError(null);
    const result = await sendRequest('deleteAccountWithUndo', { id: account.id });
    if (!result.ok) return setDeleteError(result.error.message);
    onDeleted({ text: t('deletedAccount', displayName(account)), undo: { id: account.id, until: result.value.undoUntil } });
  }

  const err = (field: string) => (local?.field === field ? local.message : fieldError(error, field));

  async function submit(event: Event) {
    event.preventDefault();
    const input = { id: account.id, issuer, label, sites: splitSites(sites), icon };
    const check = checkAccountEdit(input);
    if (!check.ok) {
      setLocal({ field: check.field, message: problemText(check) });
      document.getElementById(`edit-${check.field}`)?.focus();
      return;
    }
    setLocal(null);
    const result = await run(() => sendRequest('updateAccount', input));
    if (result) onDone(t('savedChanges', displayName(result.value)));
  }

  const generalError = error && !error.field ? error.message : undefined;
  return (
    <div class="screen">
      <form onSubmit={submit} aria-labelledby="edit-title" noValidate>
        <h1 id="edit-title">{t('editTitle')}</h1>
        <Field id="edit-issuer" label={t('fieldService')} error={err('issuer')}>
          <input id="edit-issuer" ref={first} value={issuer} autocomplete="off" onInput={(e) => setIssuer(e.currentTarget.value)}
            {...describedBy('edit-issuer', err('issuer'))} />
        </Field>
        <Field id="edit-label" label={t('fieldAccountName')} error={err('label')}>
          <input id="edit-label" value={label} autocomplete="off" onInput={(e) => setLabel(e.currentTarget.value)}
            {...describedBy('edit-label', err('label'))} />
        </Field>
        <Field id="edit-sites" label={t('fieldSites')} error={err('sites')} hint={t('fieldSitesHint')}>
          <input id="edit-sites" value={sites} autocomplete="off" spellcheck={false} onInput={(e) => setSites(e.currentTarget.value)}
            {...describedBy('edit-sites', err('sites'), true)} />
        </Field>
        <Field id="edit-icon" label={t('fieldIcon')} error={err('icon')} hint={t('iconAutomaticHint')}>
          <div class="icon-choice">
            <Avatar account={{ issuer, label, icon: icon || undefined }} />
            <select id="edit-icon" value={icon} onChange={(e) => setIcon(e.currentTarget.value)} {...describedBy('edit-icon', err('icon'), true)}>
              <option value="">{t('iconAutomatic')}</option>
              <option value={LETTER_ICON}>{t('iconLetter')}</option>
              {/* A brand chosen earlier that this version no longer carries stays selectable. */}
              {[...new Set([...brandTitles(), ...(icon && icon !== LETTER_ICON ? [icon] : [])])].map((title) => (
                <option key={title} value={title}>{title}</option>
              ))}
            </select>
          </div>
        </Field>
        <p class="hint">{t('addedOn', formatDate(account.createdAt))}</p>
        {generalError && <p class="error" role="alert">{generalError}</p>}
        <div class="actions">
          <button type="button" onClick={onCancel}>{t('cancel')}</button>
          <button type="submit" class="primary" disabled={busy}>{busy ? t('saving') : t('saveChanges')}</button>
        </div>
      </form>
      <RevealSecret account={account} />
      <RecoveryCodes account={account} />
      <section class="reveal delete-account" aria-label={t('deleteAccountButton')}>
        {deleting
          ? <DeleteConfirm name={displayName(account)} onDelete={() => void remove()} onCancel={() => setDeleting(false)} />
          : <button type="button" class="danger-outline" onClick={() => setDeleting(true)}>{t('deleteAccountButton')}</button>}
        {deleteError && <p class="error" role="alert">{deleteError}</p>}
      </section>
    </div>
  );
}
