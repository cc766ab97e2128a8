/**
 * Writes an account back as an `otpauth://` link (for export and "show QR to move to a phone").
 */
import { type AccountDraft, OtpKind } from './account';

/**
 * Builds the canonical `otpauth://` link for a draft: the label is "Issuer:account" (each part
 * percent-encoded, the separating colon literal) and the issuer is repeated in the `issuer`
 * parameter, as the Key URI format recommends; `algorithm`, `digits` and `period` (TOTP, Steam) or
 * `counter` (HOTP) are always written. With no issuer, an account name containing a colon gets a
 * leading colon so it is not read back as an issuer. Steam Guard is written as type `steam` (as
 * Aegis does): an app that does not know Steam then refuses the link instead of showing wrong codes.
 * {@link parseOtpauthUri} reads the result back to an equal draft.
 * Does not validate: pass a draft from {@link validateDraft} or a parser.
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format
 */
export function toOtpauthUri(draft: AccountDraft): string {
  const account = encodeURIComponent(draft.label);
  let label: string;
  if (draft.issuer !== '') label = `${encodeURIComponent(draft.issuer)}:${account}`;
  else label = draft.label.includes(':') ? `:${account}` : account;

  const params: [string, string][] = [['secret', draft.secret]];
  if (draft.issuer !== '') params.push(['issuer', draft.issuer]);
  params.push(['algorithm', draft.algorithm], ['digits', String(draft.digits)]);
  if (draft.kind === OtpKind.Hotp) params.push(['counter', String(draft.counter)]);
  else params.push(['period', String(draft.period)]);

  const query = params.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');
  return `otpauth://${draft.kind}/${label}?${query}`;
}
