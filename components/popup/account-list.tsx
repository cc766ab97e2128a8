import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from '@wxt-dev/browser';
import type { AccountListing, AccountView, CodeView, FillTarget, PopupOpening, ResultError } from '@/utils/messages';
import { sendRequest } from '@/utils/messaging/send-request';
import { displayName } from '@/utils/accounts/display-name';
import { arrangeAccounts, isOnSite, isSameGroup, moveNextTo, savedOrder } from '@/utils/accounts/arrange-accounts';
import { formatNumber, t } from '@/utils/i18n/t';
import { AccountRow, type RowActions } from './account-row';
import { requestFillButton } from './fill-site-access';
import { pasteShortcut } from '@/utils/fields/paste-shortcut';
import { copyCode, useClipboardClearTime } from './clipboard';
import { useNow } from './clock';
import { EmptyState } from './empty-state';
import { popupContext, type PopupContext } from '@/utils/accounts/add-place';


/** Rows painted before the rest of a long list (a popup shows about ten). */
const FIRST_PAINT_ROWS = 12;

/** An unbound fill waiting for the user's answer. */
interface Asking {
  id: string;
  target: Extract<FillTarget, { state: 'unbound' }>;
}

interface ListData {
  accounts: AccountView[];
  codes: Map<string, CodeView>;
  /** Background clock minus ours, so countdowns follow the codes' own time. */
  skew: number;
}

/** A short message in the status line pinned under the list, with Undo after a delete. */
export interface Toast {
  text: string;
  /** A deleted account that can still be put back, until `until` (ms since epoch). */
  undo?: { id: string; until: number };
}

interface AccountListProps {
  /** The tab to fill and whose site comes first (`?tab=`), else the active tab. */
  tabId?: number;
  /** The list and site that came with the popup's opening: painted at once, not asked for. */
  first?: PopupOpening['unlocked'];
  /** A message to show as the list appears (after a delete in the edit screen: with its Undo). */
  arrival?: Toast | null;
  query: string;
  onQuery: (query: string) => void;
  /** Where the popup is and what it holds, once the list is known (for the add panel's place). */
  onContext?: (context: PopupContext) => void;
  onEdit: (account: AccountView) => void;
  /** A failed request (its error, with the code: a write saved without its reply is not a failure). */
  onError: (error: ResultError) => void;
}

const TOAST_MS = 2500;

/** The same account as before (by value): keeps the old object so its row is not rendered again. */
function sameAccount(a: AccountView, b: AccountView): boolean {
  return a.updatedAt === b.updatedAt && a.pinned === b.pinned && a.order === b.order && a.issuer === b.issuer &&
    a.label === b.label && a.counter === b.counter && a.sites.join(' ') === b.sites.join(' ');
}

/** A listing as the list keeps it, reusing `previous` objects for unchanged accounts. */
function toListData(listing: AccountListing, previous: ListData | null): ListData {
  const old = new Map(previous?.accounts.map((a) => [a.id, a]));
  return {
    accounts: listing.accounts.map((a) => {
      const before = old.get(a.id);
      return before && sameAccount(before, a) ? before : a;
    }),
    codes: new Map(listing.codes.map((c) => [c.id, c])),
    skew: listing.now - Date.now(),
  };
}

/** Closes the popup; a popup opened as a tab (tests, a pinned window) closes its tab. */
function closePopup() {
  window.close();
  void browser.tabs.getCurrent().then(async (tab) => {
    if (tab?.id !== undefined) await browser.tabs.remove(tab.id);
  }).catch(() => undefined);
}

/**
 * The live code list with its search box. The codes are fetched again from the background
 * only when the first of them expires; one clock ticks the countdowns. Clicking a code copies
 * it; Fill (shown when the popup acts on a web page) fills it into the tab, asking first on a
 * site the account is not bound to and warning loudly on a look-alike of a bound site. The
 * status line (copied, deleted with Undo) stays pinned at the bottom of the view, whatever the
 * scroll.
 *
 * Keys: ↑/↓ move between rows (from the search box too), Enter fills or copies, Ctrl/Cmd+C
 * copies, Alt+↑/↓ moves the account in the list, Escape clears the search, a second Escape
 * closes the popup.
 */
export function AccountList({ tabId, first, arrival, query, onQuery, onContext, onEdit, onError }: AccountListProps) {
  const [data, setData] = useState<ListData | null>(() => (first ? toListData(first.listing, null) : null));
  const [site, setSite] = useState<string | null>(first?.site ?? null);
  // A plain-http page of a real site: no Fill anywhere, and the list says why in place.
  const [insecureSite, setInsecureSite] = useState<string | undefined>(first?.insecureSite);
  const [toast, setToast] = useState<Toast | null>(arrival ?? null);
  const [asking, setAsking] = useState<Asking | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const loading = useRef(false);
  const dragging = useRef<string | null>(null);
  const focusAfter = useRef<string | null>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  // Whether the last click put the code on the clipboard (a fill that finds no field says so).
  const copiedLast = useRef(false);
  const list = useRef<HTMLUListElement>(null);
  const focusedOnce = useRef(false);

  async function load() {
    if (loading.current) return;
    loading.current = true;
    const result = await sendRequest('listAccounts');
    loading.current = false;
    if (!result.ok) return onError(result.error);
    setData((previous) => toListData(result.value, previous));
  }

  const [siteKnown, setSiteKnown] = useState(first !== undefined);
  useEffect(() => {
    if (first) return;
    void load();
    void sendRequest('getActiveSite', tabId === undefined ? {} : { tabId }).then((r) => {
      if (r.ok) {
        setSite(r.value.site);
        setInsecureSite(r.value.insecureSite);
      }
      setSiteKnown(true);
    });
  }, []);

  // The layout around the list follows the site and the accounts once both are known.
  useEffect(() => {
    if (!data || !siteKnown || !onContext) return;
    onContext(popupContext(site, data.accounts));
  }, [data, site, siteKnown]);

  // Fetch new codes when the first one expires (no per-second work here).
  useEffect(() => {
    if (!data) return;
    let first = Infinity;
    for (const code of data.codes.values()) if (code.validUntil !== undefined) first = Math.min(first, code.validUntil);
    if (first === Infinity) return;
    const timer = setTimeout(() => void load(), Math.max(0, first - (Date.now() + data.skew)) + 50);
    return () => clearTimeout(timer);
  }, [data]);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), toast.undo ? Math.max(0, toast.undo.until - Date.now()) : TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast]);

  const visible = useMemo(() => (data ? arrangeAccounts(data.accounts, { query, site }) : []), [data, query, site]);
  // The first screenful is painted at once; the rest follows a frame later, so a long list
  // does not hold back the codes the user sees first.
  const [rowLimit, setRowLimit] = useState(FIRST_PAINT_ROWS);
  useEffect(() => {
    if (!data || rowLimit === Infinity) return;
    const frame = requestAnimationFrame(() => setTimeout(() => setRowLimit(Infinity)));
    return () => cancelAnimationFrame(frame);
  }, [data !== null]);

  // The popup opens with the search box focused, once the accounts are there. Layout effects
  // here and below: the focus moves in the same frame, never after the user started typing.
  useLayoutEffect(() => {
    if (!data || focusedOnce.current || data.accounts.length === 0) return;
    focusedOnce.current = true;
    if (document.activeElement === document.body || document.activeElement === null) searchBox.current?.focus();
  }, [data]);

  // After a keyboard move the row is somewhere else in the DOM: keep the focus on it.
  useLayoutEffect(() => {
    const id = focusAfter.current;
    if (id === null) return;
    focusAfter.current = null;
    primaryButton(id)?.focus();
  });

  /** A row's main button: Fill where the popup can fill, else the code (which copies). */
  function primaryButton(id: string): HTMLButtonElement | null {
    return list.current?.querySelector<HTMLButtonElement>(`li[data-account-id="${CSS.escape(id)}"] button[data-primary]`) ?? null;
  }

  async function copy(account: AccountView, code: string): Promise<boolean> {
    const copied = await copyCode(code);
    copiedLast.current = copied;
    setToast({ text: copied ? t('copiedCode', displayName(account)) : t('copyRefused') });
    return copied;
  }

  /** Copies the code, then fills it into the tab when it has a code field (Fill, or Enter in the search box). */
  async function use(account: AccountView, code: string) {
    setAsking(null);
    await copy(account, code);
    const check = await sendRequest('checkFillTarget', { id: account.id, tabId });
    // No fillable tab (a browser page, no access, no code field on another site): copying was all
    // there was to do, and the toast says so.
    if (!check.ok || check.value.state === 'unavailable') return;
    // A plain-http page: copied at the user's word, but never filled; say why.
    if (check.value.state === 'insecure') {
      setToast({ text: `${t('copiedCode', displayName(account))} ${check.value.reason}` });
      return;
    }
    if (check.value.state === 'unbound') {
      setAsking({ id: account.id, target: check.value });
      return;
    }
    await fill(account, {});
  }

  async function fill(account: AccountView, answer: { confirmed?: boolean; bindSite?: boolean }, fillSite?: string) {
    setAsking(null);
    // Dispatched before the permission prompt below, which may close this popup.
    const filling = sendRequest('fillActiveTab', { id: account.id, tabId, copied: copiedLast.current, ...answer });
    if (answer.bindSite && fillSite !== undefined) void requestFillButton([fillSite]);
    const result = await filling;
    if (!result.ok) return onError(result.error);
    if (answer.bindSite) await load();
    const { outcome } = result.value;
    // Filled, or the page asks (a code sent by SMS…) or offers a choice: the page has it from
    // here, and says so itself; the popup gets out of the way.
    if (outcome === 'filled' || outcome === 'asking') return window.close();
    copiedNotFilled();
  }

  /** Never silent: no field took the code, so say it is copied and how to paste it, or how to get it. */
  function copiedNotFilled() {
    setToast({ text: copiedLast.current ? t('fillNoticeCopied', pasteShortcut(navigator.platform, t('pasteKeys'))) : t('fillNotCopiedPopup') });
  }

  async function undo(id: string) {
    setToast(null);
    const result = await sendRequest('restoreAccount', { id });
    if (!result.ok) return onError(result.error);
    setToast({ text: t('restoredAccount', displayName(result.value)) });
    await load();
  }

  async function togglePin(account: AccountView) {
    const result = await sendRequest('setPinned', { id: account.id, pinned: !account.pinned });
    if (!result.ok) return onError(result.error);
    focusAfter.current = account.id;
    setToast({ text: t(result.value.pinned ? 'pinnedAccount' : 'unpinnedAccount', displayName(account)) });
    await load();
  }

  async function nextHotp(account: AccountView) {
    const result = await sendRequest('nextHotpCode', { id: account.id });
    if (!result.ok) return onError(result.error);
    await load();
  }

  /** Moves `account` into `targetId`'s place in the saved order, at once on screen, then saves it. */
  function move(account: AccountView, targetId: string) {
    if (!data) return;
    const ids = moveNextTo(savedOrder(data.accounts).map((a) => a.id), account.id, targetId);
    const orderOf = new Map(ids.map((id, i) => [id, i]));
    setData({ ...data, accounts: data.accounts.map((a) => (a.order === orderOf.get(a.id) ? a : { ...a, order: orderOf.get(a.id)! })) });
    void sendRequest('reorderAccounts', { ids }).then((result) => {
      if (!result.ok) {
        onError(result.error);
        void load();
      }
    });
  }

  function canSwap(a: AccountView, b: AccountView | undefined): b is AccountView {
    return b !== undefined && b.id !== a.id && isSameGroup(a, b, site);
  }

  // Row callbacks through a ref: the object handed to rows never changes, so memoized rows stay put.
  const latest = useRef({ use, copy, fill, togglePin, nextHotp, move, canSwap, visible });
  latest.current = { use, copy, fill, togglePin, nextHotp, move, canSwap, visible };
  const actions = useMemo<RowActions>(() => ({
    use: (account, code) => void latest.current.use(account, code),
    copy: (account, code) => void latest.current.copy(account, code),
    fillAnswer: (account, remember, fillSite) => void latest.current.fill(account, remember ? { bindSite: true } : { confirmed: true }, fillSite),
    cancelFill: () => setAsking(null),
    togglePin: (account) => void latest.current.togglePin(account),
    edit: (account) => onEdit(account),
    nextHotp: (account) => void latest.current.nextHotp(account),
    dragStart: (account, event) => {
      dragging.current = account.id;
      event.dataTransfer?.setData('text/plain', account.issuer || account.label);
      if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
    },
    dragOver: (account, event) => {
      const from = latest.current.visible.find((a) => a.id === dragging.current);
      if (!from || !latest.current.canSwap(from, account)) return;
      event.preventDefault();
      setDropTarget(account.id);
    },
    drop: (account, event) => {
      const from = latest.current.visible.find((a) => a.id === dragging.current);
      dragging.current = null;
      setDropTarget(null);
      if (!from || !latest.current.canSwap(from, account)) return;
      event.preventDefault();
      latest.current.move(from, account.id);
    },
    dragEnd: () => {
      dragging.current = null;
      setDropTarget(null);
    },
  }), []);

  // Escape: closes a question first, then clears the search, then closes the popup.
  const escapeState = useRef({ asking, query });
  escapeState.current = { asking, query };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const state = escapeState.current;
      event.preventDefault();
      if (state.asking) setAsking(null);
      else if (state.query !== '') {
        onQuery('');
        searchBox.current?.focus();
      } else closePopup();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  function onKeyDown(event: KeyboardEvent) {
    const target = event.target as HTMLElement;
    const inSearch = target === searchBox.current;
    const row = target.closest<HTMLElement>('li.account');
    if (!inSearch && (!row || target.matches('input, textarea, select'))) return;
    const index = row ? visible.findIndex((a) => a.id === row.dataset.accountId) : -1;
    const current = visible[index];
    const focusRow = (i: number) => {
      const next = visible[Math.max(0, Math.min(visible.length - 1, i))];
      if (next) primaryButton(next.id)?.focus();
    };
    const key = event.key;
    if (event.altKey && (key === 'ArrowUp' || key === 'ArrowDown') && current) {
      event.preventDefault();
      const neighbour = visible[index + (key === 'ArrowUp' ? -1 : 1)];
      if (!canSwap(current, neighbour)) return;
      focusAfter.current = current.id;
      move(current, neighbour.id);
      setToast({ text: t('movedAccount', [displayName(current), formatNumber(index + (key === 'ArrowUp' ? 0 : 2))]) });
    } else if (key === 'ArrowDown' && !event.altKey) {
      event.preventDefault();
      focusRow(index + 1);
    } else if (key === 'ArrowUp' && !event.altKey) {
      event.preventDefault();
      if (index <= 0) searchBox.current?.focus();
      else focusRow(index - 1);
    } else if ((key === 'Home' || key === 'End') && !inSearch) {
      event.preventDefault();
      focusRow(key === 'Home' ? 0 : visible.length - 1);
    } else if (key === 'Enter' && inSearch) {
      event.preventDefault();
      const first = visible[0];
      const code = first && data?.codes.get(first.id);
      if (first && code) void use(first, code.code);
    } else if ((event.ctrlKey || event.metaKey) && key.toLowerCase() === 'c' && current && !window.getSelection()?.toString()) {
      const code = data?.codes.get(current.id);
      if (!code) return;
      event.preventDefault();
      void copy(current, code.code);
    }
  }

  if (!data) return <p class="screen muted" aria-busy="true">{t('loadingAccounts')}</p>;
  if (data.accounts.length === 0) return <EmptyState />;

  return (
    <div class="list" onKeyDown={onKeyDown}>
      <div class="search">
        <input ref={searchBox} type="search" class="search__input" value={query} autocomplete="off" spellcheck={false}
          aria-label={t('searchLabel')} placeholder={t('searchPlaceholder')} aria-describedby="search-hint" aria-controls="account-list"
          onInput={(e) => onQuery(e.currentTarget.value)} />
        <p id="search-hint" class="visually-hidden">{t('searchHint')}</p>
      </div>
      {insecureSite !== undefined && <p class="notice banner insecure-page">{t('fillInsecurePage', insecureSite)}</p>}
      {visible.length === 0 && <p class="screen muted" role="status">{t('noMatch', query.trim())}</p>}
      <ul class="accounts" id="account-list" aria-label={t('accountsLabel')} ref={list}>
        {visible.slice(0, rowLimit).map((account) => {
          const view = data.codes.get(account.id);
          if (!view) return null;
          return (
            <AccountRow key={account.id} account={account} code={view.code} nextCode={view.nextCode} validUntil={view.validUntil}
              skew={data.skew} onSite={isOnSite(account, site)} canFill={site !== null}
              asking={asking?.id === account.id ? asking.target : undefined} dropTarget={dropTarget === account.id} actions={actions} />
          );
        })}
      </ul>
      <div class="list__status">
        <p class="toast" role="status" aria-live="polite">
          {toast?.text}
          {toast?.undo && <> <button type="button" class="undo" onClick={() => void undo(toast.undo!.id)}>{t('undo')}</button></>}
        </p>
        <ClipboardNote />
      </div>
    </div>
  );
}

/** While a copied code is due to be cleared: when, and that it happens only while the popup stays open. */
function ClipboardNote() {
  const clearsAt = useClipboardClearTime();
  if (clearsAt === null) return null;
  return <ClipboardCountdown clearsAt={clearsAt} />;
}

function ClipboardCountdown({ clearsAt }: { clearsAt: number }) {
  const now = useNow();
  const seconds = Math.max(0, Math.ceil((clearsAt - now) / 1000));
  return <p class="hint clipboard-note">{t('clipboardClears', formatNumber(seconds))}</p>;
}
