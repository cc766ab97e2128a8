/**
 * The floor for the popup's opening and the worker's start (issue 15): an empty extension whose
 * page asks its service worker one question and shows one code row with the answer, and whose
 * worker only answers. Opening it with its worker stopped is what any extension pays here for a
 * page that needs its background, so Twofold's cold opening is compared with this.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The page to open and the element that shows the answer. */
export const EMPTY_PAGE = 'page.html';
export const EMPTY_SELECTOR = 'li.account button.code';

/** Writes the empty extension to a new temporary folder and returns its path. */
export function writeEmptyExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'twofold-bench-empty-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({ manifest_version: 3, name: 'empty', version: '1.0', background: { service_worker: 'background.js', type: 'module' } }),
  );
  writeFileSync(
    join(dir, 'background.js'),
    `chrome.runtime.onMessage.addListener((message, _sender, reply) => {
  if (message && message.channel === 'twofold') reply({ ok: true, value: { code: '123 456' } });
});\n`,
  );
  writeFileSync(
    join(dir, EMPTY_PAGE),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>empty</title><script type="module" src="page.js"></script></head><body><ul id="list"></ul></body></html>\n`,
  );
  writeFileSync(
    join(dir, 'page.js'),
    `const reply = await chrome.runtime.sendMessage({ channel: 'twofold', name: 'getStatus' });
const row = document.createElement('li');
row.className = 'account';
const code = document.createElement('button');
code.className = 'code';
code.textContent = reply.value.code;
row.append(code);
document.getElementById('list').append(row);\n`,
  );
  return dir;
}
