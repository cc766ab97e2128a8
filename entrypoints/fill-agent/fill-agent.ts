/**
 * The fill agent of one frame: collect → decide → act with the full scorer, the inline button
 * and its chooser, and the requests of the triggers (popup, shortcut, context menu), which the
 * background makes through `FillAgentApi`. It asks the background for a code for its own frame
 * only; the background decides whether this frame's site may have it.
 */
import type { FillAccounts } from '@/utils/messages';
import type { FillAgentApi, FillNowRequest, FillNowResult } from '@/utils/fields-dom/fill-agent-api';
import { collectFields, collectPageContext } from '@/utils/fields-dom/collect-fields';
import { fillPlan } from '@/utils/fields-dom/fill-fields';
import { submitAfterFill } from '@/utils/fields-dom/submit-form';
import { THRESHOLD, isOffered, planFill, type FillPlan } from '@/utils/fields/plan-fill';
import type { ScriptContext } from '@/utils/fields-dom/script-context';
import { sendContentRequest } from '@/utils/messaging/send-content-request';
import { t } from '@/utils/i18n/message';
import { createInlineButton, type InlineButton } from './inline-button';

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

/** The focused element, looking into open shadow roots. */
function deepActiveElement(doc: Document): Element | null {
  let active: Element | null = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Starts the agent in this frame: finds the code field, shows the inline button where the site
 * has accounts (or Twofold is locked), watches for late fields until one is filled.
 * @returns the surface the background calls
 */
export function startFillAgent(ctx: ScriptContext): FillAgentApi {
  let target: Target | null = null;
  let filled = false;
  let button: InlineButton | null = null;
  let offered: FillAccounts | null = null;

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
    button = createInlineButton(ctx, anchor, { locked: offered.locked, onActivate: () => void activate() });
  }

  async function fillWith(accountId: string, only?: Target): Promise<FillNowResult> {
    const into = only ?? currentTarget();
    if (into === null) return { filled: false, reason: 'no-field' };
    const reply = await sendContentRequest('fillCode', { accountId });
    if (!reply.ok) {
      if (reply.error.code === 'vault-locked') return { filled: false, reason: 'locked' };
      button?.say(reply.error.message);
      return { filled: false, reason: 'refused' };
    }
    // The page may have re-rendered the field while the code was on its way.
    const now = only ?? currentTarget() ?? into;
    fillPlan(now.plan, now.elements, reply.value.code);
    filled = true;
    button?.remove();
    button = null;
    if (reply.value.submit === true) {
      // The page may have replaced the boxes while they were typed into: submit from the field now there.
      const field = anchorOf(currentTarget() ?? now);
      if (field !== undefined) submitAfterFill(field);
    }
    return { filled: true };
  }

  /** The button or a trigger without an account: unlock if needed, then fill or offer a choice. */
  async function activate(only?: Target): Promise<FillNowResult> {
    let list = await accounts();
    if (list?.locked) {
      button?.say(t('fillUnlockInWindow'));
      const unlocked = await sendContentRequest('fillUnlock');
      if (!unlocked.ok || !unlocked.value.unlocked) {
        button?.say(t('fillStillLocked'));
        return { filled: false, reason: 'locked' };
      }
      list = await accounts();
    }
    if (list === null || list.locked) return { filled: false, reason: 'locked' };
    offered = list;
    const [first, ...rest] = list.accounts;
    if (first === undefined) return { filled: false, reason: 'no-account' };
    if (rest.length === 0) return fillWith(first.id, only);
    if (button === null) await showButton();
    if (button === null) return { filled: false, reason: 'no-field' };
    button.choose(list.accounts, (id) => void fillWith(id, only));
    return { filled: false, reason: 'choosing' };
  }

  /** The context menu's target: the focused field, planned or not (the user pointed at it). */
  function focusedTarget(): Target | null {
    const active = deepActiveElement(document);
    if (active?.localName !== 'input') return currentTarget();
    const input = active as HTMLInputElement;
    const planned = currentTarget();
    if (planned !== null && targetElements(planned).includes(input)) return planned;
    return { plan: { kind: 'single', index: 0, score: THRESHOLD.request, reasons: ['the field the user chose'] }, elements: [input] };
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
        // Our own host going in or out is no news.
        if (records.every((r) => r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every((n) => n.nodeName === 'TWOFOLD-FILL'))) return;
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
      if (request.accountId !== undefined) return fillWith(request.accountId, only);
      return activate(only);
    },
  };
}
