/**
 * The fill agent of one frame: collect → decide → act with the full scorer, the inline button
 * and its chooser, and the requests of the triggers (popup, shortcut, context menu), which the
 * background makes through `FillAgentApi`. It asks the background for a code for its own frame
 * only; the background decides whether this frame's site may have it.
 */
import type { FillAccount, FillAccounts } from '@/utils/messages';
import type { FillAgentApi, FillNowRequest, FillNowResult, NoFieldRequest } from '@/utils/fields-dom/fill-agent-api';
import { collectFields, collectPageContext } from '@/utils/fields-dom/collect-fields';
import { fillPlan } from '@/utils/fields-dom/fill-fields';
import { submitAfterFill } from '@/utils/fields-dom/submit-form';
import { THRESHOLD, isOffered, planFill, type Channel, type FillPlan } from '@/utils/fields/plan-fill';
import type { ScriptContext } from '@/utils/fields-dom/script-context';
import { sendContentRequest } from '@/utils/messaging/send-content-request';
import { t } from '@/utils/i18n/message';
import { createInlineButton, type InlineButton } from './inline-button';
import { pasteShortcut } from '@/utils/fields/paste-shortcut';
import { showNotice } from './page-notice';
import { preferredAccount } from './preferred-account';

// Page changes are looked at in batches, at most this often (ms).
const BATCH_MS = 200;

interface Target {
  plan: FillPlan;
  elements: HTMLInputElement[];
}

/** The element a plan fills last (the single field, or the last box), beside which the button sits. */
function anchorOf(target: Target): HTMLInputElement | undefined {
  const { plan, elements } = target;
  return plan.kind === 'single' ? elements[plan.index] : elements[plan.indices[plan.indices.length - 1]!];
}

function targetElements(target: Target): HTMLInputElement[] {
  const { plan, elements } = target;
  const indices = plan.kind === 'single' ? [plan.index] : plan.indices;
  return indices.map((i) => elements[i]).filter((el): el is HTMLInputElement => el !== undefined);
}

/** The question asked before filling where the page asks for a code sent elsewhere. */
const SENT_QUESTION = {
  sms: 'fillAskSentSms',
  email: 'fillAskSentEmail',
  call: 'fillAskSentCall',
  device: 'fillAskSentDevice',
  message: 'fillAskSentMessage',
} as const satisfies Record<Channel, string>;

/** The focused element, looking into open shadow roots. */
function deepActiveElement(doc: Document): Element | null {
  let active: Element | null = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Starts the agent in this frame: finds the code field, shows the inline button where the site
 * has accounts (or Twofold is locked) and the evidence is strong, watches for late fields until
 * one is filled, and serves the explicit requests of the triggers.
 * @returns the surface the background calls
 */
export function startFillAgent(ctx: ScriptContext): FillAgentApi {
  let target: Target | null = null;
  let filled = false;
  let button: InlineButton | null = null;
  let offered: FillAccounts | null = null;
  // The person answered "fill anyway" on this page: asked once, not at every request.
  let sentConfirmed = false;

  function detect(): Target | null {
    const { fields, elements } = collectFields(document);
    // One plan at the explicit request's threshold; the button asks more of it (isOffered).
    const plan = planFill(fields, collectPageContext(document), THRESHOLD.request);
    target = plan === null ? null : { plan, elements };
    return target;
  }

  /** The current target, found again when the page replaced its field. */
  function currentTarget(): Target | null {
    if (target !== null && targetElements(target).every((el) => el.isConnected)) return target;
    return detect();
  }

  async function accounts(): Promise<FillAccounts | null> {
    const reply = await sendContentRequest('fillAccounts');
    return reply.ok ? reply.value : null;
  }

  async function showButton(): Promise<void> {
    const now = filled ? null : currentTarget();
    const anchor = now === null || !isOffered(now.plan) ? undefined : anchorOf(now);
    if (anchor === undefined) {
      button?.remove();
      button = null;
      return;
    }
    offered ??= await accounts();
    if (offered === null || (!offered.locked && offered.accounts.length === 0) || filled || !ctx.isValid) return;
    if (button !== null && button.anchor === anchor && anchor.nextElementSibling !== null) {
      button.position();
      return;
    }
    button?.remove();
    button = createInlineButton(ctx, anchor, { locked: offered.locked, onActivate: () => void activate({}) });
  }

  /** Says something on the page: in the button's panel when it is there, else in a notice. */
  function say(message: string, anchor?: Element): void {
    if (button !== null) button.say(message);
    else showNotice(ctx, { anchor, text: message });
  }

  async function fillWith(accountId: string, request: FillNowRequest, only?: Target): Promise<FillNowResult> {
    const into = only ?? currentTarget();
    if (into === null) return { filled: false, reason: 'no-field' };
    const reply = await sendContentRequest('fillCode', { accountId });
    if (!reply.ok) {
      if (reply.error.code === 'vault-locked') return { filled: false, reason: 'locked' };
      say(reply.error.message, anchorOf(into));
      return { filled: false, reason: 'refused' };
    }
    // The page may have re-rendered the field while the code was on its way.
    const now = only ?? currentTarget() ?? into;
    fillPlan(now.plan, now.elements, reply.value.code);
    filled = true;
    button?.remove();
    button = null;
    // The popup closes after a fill: the page says it happened.
    if (request.confirm === true) showNotice(ctx, { anchor: anchorOf(now), text: t('fillNoticeFilled') });
    if (reply.value.submit === true) {
      // The page may have replaced the boxes while they were typed into: submit from the field now there.
      const field = anchorOf(currentTarget() ?? now);
      if (field !== undefined) submitAfterFill(field);
    }
    return { filled: true };
  }

  /** The site's accounts, unlocking first (in Twofold's window) when needed. */
  async function unlockedAccounts(anchor?: Element): Promise<FillAccounts | null> {
    let list = await accounts();
    if (list?.locked) {
      say(t('fillUnlockInWindow'), anchor);
      const unlocked = await sendContentRequest('fillUnlock');
      if (!unlocked.ok || !unlocked.value.unlocked) {
        say(t('fillStillLocked'), anchor);
        return null;
      }
      list = await accounts();
    }
    if (list === null || list.locked) return null;
    offered = list;
    return list;
  }

  /** Offers the site's accounts, the one the page names (or last used here) preselected. */
  function choose(list: readonly FillAccount[], lastUsed: string | undefined, onPick: (id: string) => void, anchor?: Element): void {
    const preferred = preferredAccount(list, pageText(), lastUsed);
    if (button !== null) {
      button.choose(list, onPick, preferred);
      return;
    }
    showNotice(ctx, {
      anchor,
      text: t('fillChooseTitle'),
      picks: list.map((a) => ({ label: a.name, onClick: () => onPick(a.id) })),
      focus: Math.max(0, list.findIndex((a) => a.id === preferred)),
    });
  }

  /** The button or a trigger without an account: unlock if needed, then fill or offer a choice. */
  async function activate(request: FillNowRequest, only?: Target): Promise<FillNowResult> {
    const into = only ?? currentTarget();
    const list = await unlockedAccounts(into === null ? undefined : anchorOf(into));
    if (list === null || list.locked) return { filled: false, reason: 'locked' };
    const [first, ...rest] = list.accounts;
    if (first === undefined) return { filled: false, reason: 'no-account' };
    if (rest.length === 0) return fillWith(first.id, request, only);
    choose(list.accounts, list.lastUsed, (id) => void fillWith(id, request, only), into === null ? undefined : anchorOf(into));
    return { filled: false, reason: 'choosing' };
  }

  /** The context menu's target: the focused field, planned or not (the user pointed at it). */
  function focusedTarget(): Target | null {
    const active = deepActiveElement(document);
    if (active?.localName !== 'input') return currentTarget();
    const input = active as HTMLInputElement;
    const planned = currentTarget();
    if (planned !== null && targetElements(planned).includes(input)) return planned;
    return { plan: { kind: 'single', index: 0, score: THRESHOLD.request, reasons: [['chosen']] }, elements: [input] };
  }

  function proceed(request: FillNowRequest, only: Target): Promise<FillNowResult> {
    return request.accountId !== undefined ? fillWith(request.accountId, request, only) : activate(request, only);
  }

  /** Copies `code` for the person to paste; false when the page's clipboard is out of reach. */
  async function copy(code: string): Promise<boolean> {
    try {
      await navigator.clipboard.writeText(code);
      return true;
    } catch {
      return false;
    }
  }

  /** Where a notice about the whole page goes: beside the focused field, if one is. */
  function focusedField(): Element | undefined {
    const active = deepActiveElement(document);
    return active !== null && (active.localName === 'input' || active.localName === 'textarea' || (active as HTMLElement).isContentEditable) ? active : undefined;
  }

  /** Copies the site's code (the request's account, the only one, or one chosen) and says so. */
  async function copyCode(request: NoFieldRequest): Promise<boolean> {
    const anchor = focusedField();
    const list = await unlockedAccounts(anchor);
    if (list === null || list.locked) return false;
    const copyOne = async (id: string): Promise<boolean> => {
      const reply = await sendContentRequest('fillCode', { accountId: id });
      if (!reply.ok) {
        showNotice(ctx, { anchor, text: reply.error.message });
        return false;
      }
      const copied = await copy(reply.value.code);
      showNotice(ctx, { anchor, text: noFieldText(copied) });
      return copied;
    };
    if (request.accountId !== undefined) return copyOne(request.accountId);
    if (list.accounts.length === 0) {
      // Never silent, and no code: this site has no account; a look-alike is told what it imitates.
      showNotice(ctx, { anchor, text: list.lookalike ?? t('fillNoAccountHere') });
      return false;
    }
    if (list.accounts.length === 1) return copyOne(list.accounts[0]!.id);
    choose(list.accounts, list.lastUsed, (id) => void copyOne(id), anchor);
    return false;
  }

  function watch(): void {
    let scheduled = false;
    const observer = ctx.observe(
      document,
      { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'class', 'hidden', 'type', 'disabled'] },
      (records) => {
        if (filled) {
          observer.disconnect();
          return;
        }
        // Our own hosts going in or out are no news.
        if (records.every((r) => r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every((n) => n.nodeName.startsWith('TWOFOLD-')))) return;
        if (scheduled) return;
        scheduled = true;
        ctx.setTimeout(() => {
          scheduled = false;
          if (filled) return;
          detect();
          void showButton();
        }, BATCH_MS);
      },
    );
  }

  detect();
  void showButton();
  watch();

  return {
    hasField: () => currentTarget() !== null,
    async fillNow(request: FillNowRequest): Promise<FillNowResult> {
      const only = request.focusedField ? focusedTarget() : currentTarget();
      if (only === null) return { filled: false, reason: 'no-field' };
      const sent = only.plan.sentElsewhere;
      if (sent !== undefined && !sentConfirmed) {
        // Asked once, in place: the answer "fill anyway" holds for this page.
        showNotice(ctx, {
          anchor: anchorOf(only),
          text: t(SENT_QUESTION[sent]),
          actions: [
            {
              label: t('fillAskSentYes'),
              primary: true,
              onClick: () => {
                sentConfirmed = true;
                void proceed(request, only);
              },
            },
            { label: t('cancel'), onClick: () => undefined },
          ],
        });
        return { filled: false, reason: 'asking' };
      }
      return proceed(request, only);
    },
    async noField(request: NoFieldRequest): Promise<boolean> {
      if (request.copied === undefined) return copyCode(request);
      showNotice(ctx, { anchor: focusedField(), text: noFieldText(request.copied) });
      return request.copied;
    },
  };
}

/**
 * What the page says when no field took the code: that it is copied and how to paste it, or,
 * when the clipboard refused (it needs the page's focus, and pages may forbid it), where to get it.
 */
function noFieldText(copied: boolean): string {
  return copied ? t('fillNoticeCopied', pasteShortcut(navigator.platform, t('pasteKeys'))) : t('fillNoticeNotCopied');
}

/** The page's visible words, for finding the username it shows (capped: pages can be huge). */
function pageText(): string {
  let text = (document.body?.textContent ?? '').slice(0, 20_000);
  for (const input of document.querySelectorAll<HTMLInputElement>('input[type=email], input[autocomplete~=username], input[autocomplete~=email]')) {
    text += ` ${input.value}`;
  }
  return text;
}
