/**
 * Reads the query of a setup link (`?secret=…&issuer=…`) as `application/x-www-form-urlencoded`,
 * strictly and in linear time. URLSearchParams would do it leniently (a broken escape is passed on
 * as it is) and, in Node, spends tens of microseconds on each pair that holds a broken escape:
 * half a second for a 100 KB run of " %:=&".
 * @see https://url.spec.whatwg.org/#urlencoded-parsing
 */

/** One `name=value` pair of a query, both decoded. */
export interface QueryPair {
  name: string;
  value: string;
}

/** The pairs, or the name of the first pair with a broken escape (decoded, or as written when the name itself is broken). */
export type QueryRead = { ok: true; value: QueryPair[] } | { ok: false; error: { name: string; cause: unknown } };

/**
 * Splits a query (with or without its leading "?") into its pairs, in order: empty pairs skipped,
 * "+" read as a space, percent-escapes decoded as UTF-8. A pair whose name or value has a broken
 * `%` escape (not two hex digits, or bytes that are not UTF-8) makes the whole read fail.
 */
export function readQuery(search: string): QueryRead {
  const query = search.startsWith('?') ? search.slice(1) : search;
  const pairs: QueryPair[] = [];
  for (const raw of query.split('&')) {
    if (raw === '') continue;
    const equals = raw.indexOf('=');
    const rawName = equals < 0 ? raw : raw.slice(0, equals);
    const name = decode(rawName);
    if (!name.ok) return { ok: false, error: { name: rawName, cause: name.cause } };
    const value = decode(equals < 0 ? '' : raw.slice(equals + 1));
    if (!value.ok) return { ok: false, error: { name: name.text, cause: value.cause } };
    pairs.push({ name: name.text, value: value.text });
  }
  return { ok: true, value: pairs };
}

function decode(text: string): { ok: true; text: string } | { ok: false; cause: unknown } {
  // Most names and many values have nothing to decode; skipping the call keeps a query of
  // thousands of tiny pairs cheap.
  if (!text.includes('%') && !text.includes('+')) return { ok: true, text };
  try {
    return { ok: true, text: decodeURIComponent(text.replaceAll('+', ' ')) };
  } catch (cause) {
    return { ok: false, cause };
  }
}
