/**
 * Checks what the popup's edit form holds (service, account name, bound sites) and says which
 * field is wrong as a problem code, so the popup can word it in the user's language and the
 * background in its own. Pure: how a typed site becomes a site comes in as `toSite`.
 */
import { DraftBounds, nameLength, normalizeName } from '../otp/draft-rules';

/** Why an edit cannot be saved. */
export const EditProblem = {
  /** Both the service and the account name are empty. */
  NameMissing: 'name-missing',
  /** A name is longer than {@link DraftBounds.maxNameLength} code points. */
  NameTooLong: 'name-too-long',
  /** A site is not a web address or domain name. */
  SiteInvalid: 'site-invalid',
  /** More sites than {@link MAX_SITES}. */
  TooManySites: 'too-many-sites',
  /** An icon choice that is not "automatic", "letter" or a brand name. */
  IconInvalid: 'icon-invalid',
} as const;
export type EditProblem = (typeof EditProblem)[keyof typeof EditProblem];

/** Most sites one account may be bound to (each becomes a host permission pattern). */
export const MAX_SITES = 20;

/** The fields of the edit form. */
export type EditField = 'issuer' | 'label' | 'sites' | 'icon';

/** The icon choice meaning "the letter, always" (AccountEntry.icon). */
export const LETTER_ICON = 'letter';

/** Longest brand name an icon choice may hold. */
const MAX_ICON_LENGTH = 60;

/** A checked edit, or the first problem found with the field it is in. */
export type EditCheck =
  | { ok: true; value: { issuer: string; label: string; sites: string[]; /** undefined: automatic. */ icon: string | undefined } }
  | { ok: false; field: EditField; problem: EditProblem; /** The offending site, for site problems. */ site?: string };

/**
 * Splits a "sites" text box into entries: commas, semicolons, spaces and line breaks separate
 * them.
 */
export function splitSites(text: string): string[] {
  return text.split(/[\s,;]+/u).filter(Boolean);
}

/**
 * A site as typed (`Amazon.com`, `https://www.amazon.com/ap/signin`, `www.amazon.com`) as its
 * host name in lower case, or null when it is not a host name at all. Light: no public-suffix
 * knowledge (the background narrows hosts down to registrable domains).
 */
export function hostOfTypedSite(raw: string): string | null {
  const text = raw.trim();
  if (text === '' || /[\s]/u.test(text)) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//iu.test(text) ? text : `https://${text}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.replace(/\.$/u, '').toLowerCase();
  const isIpv6 = host.startsWith('[');
  if (isIpv6) return host.slice(1, -1);
  // A name with a dot (example.com, 127.0.0.1), or the local host the demo runs on.
  if (host === 'localhost' || /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/u.test(host)) return host;
  return null;
}

/**
 * Checks and tidies an edit: names are trimmed and cleaned like the add form's, at least one
 * of them is needed; each site goes through `toSite` (null: invalid), duplicates are dropped.
 */
export function checkAccountEdit(
  input: { issuer: string; label: string; sites: readonly string[]; icon?: unknown },
  toSite: (typed: string) => string | null = hostOfTypedSite,
): EditCheck {
  const issuer = normalizeName(input.issuer);
  const label = normalizeName(input.label);
  if (nameLength(issuer) > DraftBounds.maxNameLength) return { ok: false, field: 'issuer', problem: EditProblem.NameTooLong };
  if (nameLength(label) > DraftBounds.maxNameLength) return { ok: false, field: 'label', problem: EditProblem.NameTooLong };
  if (issuer === '' && label === '') return { ok: false, field: 'issuer', problem: EditProblem.NameMissing };
  const sites: string[] = [];
  for (const typed of input.sites) {
    if (typed.trim() === '') continue;
    const site = toSite(typed);
    if (site === null) return { ok: false, field: 'sites', problem: EditProblem.SiteInvalid, site: typed.trim() };
    if (!sites.includes(site)) sites.push(site);
  }
  if (sites.length > MAX_SITES) return { ok: false, field: 'sites', problem: EditProblem.TooManySites };
  const icon = checkIcon(input.icon);
  if (icon === null) return { ok: false, field: 'icon', problem: EditProblem.IconInvalid };
  return { ok: true, value: { issuer, label, sites, icon } };
}

/**
 * An icon choice as stored: undefined for automatic (nothing or ""), {@link LETTER_ICON}, or a
 * brand name (printable, at most 60 characters; which brands exist is the popup's business:
 * an unknown one shows the letter). Null when it is none of these.
 */
function checkIcon(value: unknown): string | undefined | null {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') return null;
  const name = value.trim();
  if (name === '' || [...name].length > MAX_ICON_LENGTH || /[\p{Cc}\p{Cf}]/u.test(name)) return null;
  return name;
}
