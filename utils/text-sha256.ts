/**
 * The SHA-256 of a text (UTF-8) in lower-case hex, with WebCrypto: how the background remembers
 * a copied code without keeping it, and how the helper checks the clipboard against it.
 * @see https://developer.mozilla.org/docs/Web/API/SubtleCrypto/digest
 */
export async function textSha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
