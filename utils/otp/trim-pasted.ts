/**
 * Trimming for text that came through copy and paste, in linear time. A regex such as
 * `/^\s+|\s+$/g` tries the second branch at every position of a run of spaces and takes
 * quadratic time on a long run (issue 12: 100,000 spaces took 20 s).
 */

/** U+200B (zero-width space) is not whitespace for `String.prototype.trim` but rides along with copied text. */
const ZERO_WIDTH_SPACE = '\u200B';

/**
 * Removes whitespace (as `String.prototype.trim` sees it, byte order marks included) and
 * zero-width spaces from both ends. Nothing inside the text is touched. Linear in its length.
 */
export function trimPasted(text: string): string {
  let trimmed = text.trim();
  while (trimmed.startsWith(ZERO_WIDTH_SPACE) || trimmed.endsWith(ZERO_WIDTH_SPACE)) {
    const start = trimmed.startsWith(ZERO_WIDTH_SPACE) ? 1 : 0;
    const end = trimmed.endsWith(ZERO_WIDTH_SPACE) ? trimmed.length - 1 : trimmed.length;
    trimmed = trimmed.slice(start, Math.max(start, end)).trim();
  }
  return trimmed;
}
