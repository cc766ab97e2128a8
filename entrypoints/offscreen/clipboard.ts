/**
 * The clipboard from a document that never has the focus (the offscreen document on Chrome, the
 * event page on Firefox): `navigator.clipboard` wants a focused page there, so this uses a
 * text area and `document.execCommand`, which extension documents may use with the
 * `clipboardWrite` permission (and `clipboardRead` to paste).
 *
 * @see https://developer.chrome.com/docs/extensions/reference/api/offscreen#reasons
 */

/** The clipboard's text, or null when it cannot be read (no `clipboardRead` permission). */
export function readClipboardText(): string | null {
  const area = document.createElement('textarea');
  document.body.append(area);
  try {
    area.focus();
    return document.execCommand('paste') ? area.value : null;
  } finally {
    area.remove();
  }
}

/** Replaces the clipboard's content with empty text; false when the browser refused. */
export function emptyClipboard(): boolean {
  const onCopy = (event: ClipboardEvent) => {
    event.clipboardData?.setData('text/plain', '');
    event.preventDefault();
  };
  document.addEventListener('copy', onCopy);
  try {
    return document.execCommand('copy');
  } finally {
    document.removeEventListener('copy', onCopy);
  }
}

