import { useState } from 'preact/hooks';
import type { ResultError } from '@/utils/messages';

/**
 * Form submission state: `busy` while a request runs, and the failed Result's error to show.
 * `run` resolves to `{ value }` on success, or null after setting `error`.
 */
export function useRequest() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ResultError | null>(null);
  async function run<T>(request: () => Promise<{ ok: true; value: T } | { ok: false; error: ResultError }>): Promise<{ value: T } | null> {
    setBusy(true);
    setError(null);
    try {
      const result = await request();
      if (result.ok) return { value: result.value };
      setError(result.error);
      return null;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, setError, run };
}

/** The message for `field`, when the error is about that field. */
export function fieldError(error: ResultError | null, field: string): string | undefined {
  return error?.field === field ? error.message : undefined;
}
