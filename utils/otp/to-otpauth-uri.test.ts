import { describe, expect, it } from 'vitest';
import { type AccountDraft, OtpAlgorithm, OtpKind } from './account';
import { parseOtpauthUri } from './parse-otpauth-uri';
import { toOtpauthUri } from './to-otpauth-uri';
import { validateDraft } from './validate-draft';

const base: AccountDraft = {
  kind: 'totp',
  issuer: 'Example',
  label: 'alice@example.com',
  secret: 'JBSWY3DPEHPK3PXP',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
};

describe('toOtpauthUri writes the canonical link', () => {
  // prettier-ignore
  const rows: { draft: AccountDraft; uri: string }[] = [
    { draft: base, uri: 'otpauth://totp/Example:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example&algorithm=SHA1&digits=6&period=30' },
    { draft: { ...base, issuer: 'ACME Co', label: 'john+x@example.com', algorithm: 'SHA256', digits: 8, period: 60 }, uri: 'otpauth://totp/ACME%20Co:john%2Bx%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=ACME%20Co&algorithm=SHA256&digits=8&period=60' },
    { draft: { ...base, kind: 'hotp', counter: 42 }, uri: 'otpauth://hotp/Example:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example&algorithm=SHA1&digits=6&counter=42' },
    { draft: { ...base, kind: 'steam', issuer: 'Steam', label: 'gaben', digits: 5 }, uri: 'otpauth://steam/Steam:gaben?secret=JBSWY3DPEHPK3PXP&issuer=Steam&algorithm=SHA1&digits=5&period=30' },
    { draft: { ...base, issuer: '', label: 'bob' }, uri: 'otpauth://totp/bob?secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30' },
    { draft: { ...base, issuer: '', label: 'x:y' }, uri: 'otpauth://totp/:x%3Ay?secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30' },
    { draft: { ...base, label: '✓' }, uri: 'otpauth://totp/Example:%E2%9C%93?secret=JBSWY3DPEHPK3PXP&issuer=Example&algorithm=SHA1&digits=6&period=30' },
  ];
  it.each(rows)('$uri', ({ draft, uri }) => {
    expect(toOtpauthUri(draft)).toBe(uri);
  });
});

describe('parseOtpauthUri(toOtpauthUri(d)).draft equals d', () => {
  const names: [string, string][] = [
    ['Example', 'alice@example.com'],
    ['', 'bob'],
    ['Acme', ''],
    ['', ''],
    ['ACME Co', 'John Smith'],
    ['C++ Club', 'alice+shop@example.com'],
    ['A:B', 'x'],
    ['A', 'x:y'],
    ['', 'x:y'],
    ['', ':leading'],
    ['Issuer', ':leading'],
    ['Bänk Ünïcödé', 'jürgen@bank.de'],
    ['銀行', '山田太郎'],
    ['🐱 Cats', '🐶'],
    ['100% Real', 'a&b=c?d#e/f'],
    ['Steam', 'gaben'],
    ['x'.repeat(200), 'y'.repeat(200)],
    ['Ac:me', 'Ac:me:bob'],
  ];
  const secrets = ['JBSWY3DPEHPK3PXP', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 'MZXW6YTBOI', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQ'];
  const drafts: AccountDraft[] = [];
  names.forEach(([issuer, label], n) => {
    for (const kind of Object.values(OtpKind)) {
      for (const algorithm of Object.values(OtpAlgorithm)) {
        const secret = secrets[(n + drafts.length) % secrets.length] ?? 'JBSWY3DPEHPK3PXP';
        if (kind === 'steam') {
          drafts.push({ kind, issuer, label, secret, algorithm: 'SHA1', digits: 5, period: 30, counter: 0 });
          break;
        }
        const digits = 6 + (drafts.length % 3);
        if (kind === 'hotp') {
          const counter = [0, 1, 255, 256, 2 ** 32, Number.MAX_SAFE_INTEGER][drafts.length % 6] ?? 0;
          drafts.push({ kind, issuer, label, secret, algorithm, digits, period: 30, counter });
        } else {
          const period = [30, 60, 1, 86_400, 15][drafts.length % 5] ?? 30;
          drafts.push({ kind, issuer, label, secret, algorithm, digits, period, counter: 0 });
        }
      }
    }
  });

  it(`round-trips ${drafts.length} drafts`, () => {
    expect(drafts.length).toBeGreaterThan(100);
    for (const draft of drafts) {
      const uri = toOtpauthUri(draft);
      expect(parseOtpauthUri(uri).draft, uri).toEqual(draft);
      // Every draft written is also one the form would accept unchanged (when it has a name).
      if (draft.issuer !== '' || draft.label !== '') expect(validateDraft(draft)).toEqual(draft);
    }
  });
});
