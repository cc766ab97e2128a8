#!/usr/bin/env node
/**
 * Regenerates utils/site/issuer-sites.json, the table of common issuers → sites that suggests
 * where a new or imported account is used, from the 2FA Directory's data (MIT licence, notice
 * in utils/site/issuer-sites-LICENSE.md).
 *
 *   git clone --depth 1 https://github.com/2factorauth/twofactorauth /tmp/twofactorauth
 *   node scripts/make-issuer-sites.mjs /tmp/twofactorauth
 *
 * Only services that accept an authenticator app ("totp" in their `tfa` list) are kept. Each
 * row is [name, sites, setup page]: the sites are registrable domains (public-suffix aware, the
 * same rule accounts are bound with), the main one first; the setup page is the directory's
 * `documentation` link when it is an https: address, else "".
 */
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { parse } from 'tldts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'utils', 'site', 'issuer-sites.json');

const source = process.argv[2];
if (!source || !existsSync(join(source, 'entries'))) {
  console.error('Usage: node scripts/make-issuer-sites.mjs <checkout of github.com/2factorauth/twofactorauth>');
  console.error('  git clone --depth 1 https://github.com/2factorauth/twofactorauth /tmp/twofactorauth');
  process.exit(2);
}

/** The registrable domain of a host name from the directory, or null. */
function siteOf(host) {
  const info = parse(String(host).trim().toLowerCase(), { allowPrivateDomains: true });
  return info.isIp || !info.domain ? null : info.domain;
}

/** An https: link, or "" (the popup opens it: nothing else is offered to people). */
function httpsLink(value) {
  if (typeof value !== 'string') return '';
  try {
    return new URL(value).protocol === 'https:' ? value : '';
  } catch {
    return '';
  }
}

const rows = [];
const entriesDir = join(source, 'entries');
for (const letter of readdirSync(entriesDir).sort()) {
  for (const file of readdirSync(join(entriesDir, letter)).sort()) {
    if (!file.endsWith('.json')) continue;
    const entries = JSON.parse(readFileSync(join(entriesDir, letter, file), 'utf8'));
    for (const [name, entry] of Object.entries(entries)) {
      if (!Array.isArray(entry.tfa) || !entry.tfa.includes('totp')) continue;
      const sites = [...new Set([entry.domain, ...(entry['additional-domains'] ?? [])].map(siteOf).filter(Boolean))];
      if (sites.length === 0) continue;
      rows.push([name.trim(), sites.join(' '), httpsLink(entry.documentation)]);
    }
  }
}
rows.sort((a, b) => a[0].localeCompare(b[0], 'en') || a[1].localeCompare(b[1], 'en'));

let commit = 'unknown';
try {
  commit = execFileSync('git', ['-C', source, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
} catch {
  // Not a git checkout (an unpacked archive): the commit stays unknown.
}

// One row a line: small diffs when the directory changes, and still plain JSON.
const header = {
  source: `2FA Directory, https://github.com/2factorauth/twofactorauth at ${commit}; MIT licence, see issuer-sites-LICENSE.md`,
  regenerate: 'node scripts/make-issuer-sites.mjs <checkout of that repository>',
  columns: ['name', 'sites (registrable domains, main first)', 'setup page (https, or empty)'],
};
const text = `{\n${Object.entries(header).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`).join('\n')}\n  "rows": [\n${rows.map((r) => `    ${JSON.stringify(r)}`).join(',\n')}\n  ]\n}\n`;
JSON.parse(text);
writeFileSync(out, text);
console.log(`Wrote ${rows.length} services to ${out}`);
