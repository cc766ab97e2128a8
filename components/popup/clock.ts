/**
 * The popup's one timer: it ticks at each full second while anything listens, and every
 * countdown in the list subscribes to it. Rows themselves do not re-render on a tick; only
 * their small countdown parts do.
 */
import { useEffect, useState } from 'preact/hooks';

const listeners = new Set<(now: number) => void>();
let timer: ReturnType<typeof setTimeout> | undefined;

function schedule() {
  // Aligned to the next full second (+5 ms), so every ring changes together with the codes.
  timer = setTimeout(() => {
    const now = Date.now();
    for (const listener of listeners) listener(now);
    schedule();
  }, 1005 - (Date.now() % 1000));
}

/** Calls `listener` with the time (ms since epoch) on every tick until the returned function is called. */
export function subscribeClock(listener: (now: number) => void): () => void {
  listeners.add(listener);
  if (timer === undefined) schedule();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
  };
}

/** The current time (ms since epoch), re-rendering the calling component once a second. */
export function useNow(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => subscribeClock(setNow), []);
  return now;
}
