/**
 * Copying codes, and clearing them from the clipboard 30 s later.
 *
 * The popup clears it itself: only while it is still open, and only if it kept the focus since the copy
 * — then nothing else can have been copied in between, and clearing cannot destroy something
 * the user copied later. A popup that closed (the toolbar popup closes as soon as you click
 * the page) leaves the code in the clipboard, unless the setting "clear the clipboard even when
 * the popup has closed" is on: then the background clears it (entrypoints/background/clipboard-clear.ts).
 */
import { useEffect, useState } from 'preact/hooks';
import { sendRequest } from '@/utils/messaging/send-request';

/** How long a copied code stays in the clipboard while the popup is open (ms). */
export const CLIPBOARD_CLEAR_MS = 30_000;

interface Pending {
  clearsAt: number;
  timer: ReturnType<typeof setTimeout>;
  focusLost: boolean;
}

let pending: Pending | null = null;
const listeners = new Set<(clearsAt: number | null) => void>();

function notify() {
  for (const listener of listeners) listener(pending?.clearsAt ?? null);
}

function cancelPending() {
  if (pending) clearTimeout(pending.timer);
  pending = null;
}

addEventListener('blur', () => {
  if (pending) {
    pending.focusLost = true;
    cancelPending();
    notify();
  }
});

/** Copies `text`; resolves false when the browser refused. Schedules the clearing. */
export async function copyCode(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    return false;
  }
  // With "clear the clipboard even when the popup has closed" on, the background clears it too.
  void sendRequest('clipboardCopied', { text }).catch(() => undefined);
  cancelPending();
  const entry: Pending = {
    clearsAt: Date.now() + CLIPBOARD_CLEAR_MS,
    focusLost: !document.hasFocus(),
    timer: setTimeout(() => {
      if (pending !== entry) return;
      pending = null;
      notify();
      if (!entry.focusLost && document.hasFocus()) void navigator.clipboard.writeText('').catch(() => undefined);
    }, CLIPBOARD_CLEAR_MS),
  };
  pending = entry;
  if (entry.focusLost) cancelPending();
  notify();
  return true;
}

/** When the copied code will be cleared (ms since epoch), or null when no clearing is due. */
export function useClipboardClearTime(): number | null {
  const [clearsAt, setClearsAt] = useState<number | null>(pending?.clearsAt ?? null);
  useEffect(() => {
    listeners.add(setClearsAt);
    return () => void listeners.delete(setClearsAt);
  }, []);
  return clearsAt;
}
