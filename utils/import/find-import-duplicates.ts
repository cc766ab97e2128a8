/**
 * Finds imported accounts that are already saved (or appear twice in the import), so the preview
 * can show them and skip them unless the person keeps them.
 */
import type { AccountDraft, OtpKind } from '../otp/account';
import { normalizeSecret } from '../otp/base32';

/** A saved account, reduced to what duplicate detection needs. */
export interface ExistingSecret {
  secret: string;
  kind: OtpKind;
  /** As shown in Twofold, e.g. "GitHub: alice". */
  name: string;
}

/** An imported account that duplicates another. */
export interface ImportDuplicate {
  /** Position in the drafts given (from 0). */
  index: number;
  /** Name of the account it duplicates. */
  existingName: string;
  /** "vault": already saved; "import": an earlier account of the same import. */
  source: 'vault' | 'import';
}

/** Canonical key bytes as text; a secret that does not normalize is compared as written. */
function canonical(secret: string): string {
  try {
    return normalizeSecret(secret);
  } catch {
    return secret.toUpperCase();
  }
}

const draftName = (draft: AccountDraft): string => [draft.issuer, draft.label].filter((part) => part !== '').join(': ');

/**
 * Marks drafts whose secret and kind equal those of a saved account (secrets compared in canonical
 * base32, so "jbsw y3dp" and "JBSWY3DP" match), or of an earlier draft in the same import.
 * @returns one row per duplicate draft, in draft order; a draft matching a saved account names it.
 */
export function findImportDuplicates(drafts: readonly AccountDraft[], existingSecrets: readonly ExistingSecret[]): ImportDuplicate[] {
  const saved = new Map<string, string>();
  for (const existing of existingSecrets) {
    const key = `${existing.kind}/${canonical(existing.secret)}`;
    if (!saved.has(key)) saved.set(key, existing.name);
  }
  const seen = new Map<string, string>();
  const out: ImportDuplicate[] = [];
  drafts.forEach((draft, index) => {
    const key = `${draft.kind}/${canonical(draft.secret)}`;
    const inVault = saved.get(key);
    const earlier = seen.get(key);
    if (inVault !== undefined) out.push({ index, existingName: inVault, source: 'vault' });
    else if (earlier !== undefined) out.push({ index, existingName: earlier, source: 'import' });
    if (earlier === undefined) seen.set(key, draftName(draft));
  });
  return out;
}
