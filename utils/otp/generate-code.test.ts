import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InvalidInputError, InvalidSecretError } from '../errors';
import { type OtpAlgorithm } from './account';
import { encodeBase32 } from './base32';
import { type CodeAccount, generateCode, secondsRemaining, timeStep } from './generate-code';

const asciiBase32 = (text: string): string => encodeBase32(new TextEncoder().encode(text));

describe('HOTP: RFC 4226 Appendix D', () => {
  // Secret = 0x3132333435363738393031323334353637383930 ("12345678901234567890"), 6 digits.
  const secret = asciiBase32('12345678901234567890');
  // prettier-ignore
  const table = [
    { count: 0, hotp: '755224' },
    { count: 1, hotp: '287082' },
    { count: 2, hotp: '359152' },
    { count: 3, hotp: '969429' },
    { count: 4, hotp: '338314' },
    { count: 5, hotp: '254676' },
    { count: 6, hotp: '287922' },
    { count: 7, hotp: '162583' },
    { count: 8, hotp: '399871' },
    { count: 9, hotp: '520489' },
  ];
  it.each(table)('count $count → $hotp', ({ count, hotp }) => {
    const account: CodeAccount = { kind: 'hotp', secret, algorithm: 'SHA1', digits: 6, period: 30, counter: count };
    expect(generateCode(account, { now: 0 })).toBe(hotp);
  });
});

describe('TOTP: RFC 6238 Appendix B', () => {
  // The seeds are "1234567890" repeated to 20, 32 and 64 bytes for SHA1, SHA256 and SHA512.
  const seeds: Record<OtpAlgorithm, string> = {
    SHA1: asciiBase32('12345678901234567890'),
    SHA256: asciiBase32('12345678901234567890123456789012'),
    SHA512: asciiBase32('1234567890123456789012345678901234567890123456789012345678901234'),
  };
  // prettier-ignore
  const table: { time: number; utc: string; T: string; totp: string; mode: OtpAlgorithm }[] = [
    { time: 59,          utc: '1970-01-01 00:00:59', T: '0000000000000001', totp: '94287082', mode: 'SHA1' },
    { time: 59,          utc: '1970-01-01 00:00:59', T: '0000000000000001', totp: '46119246', mode: 'SHA256' },
    { time: 59,          utc: '1970-01-01 00:00:59', T: '0000000000000001', totp: '90693936', mode: 'SHA512' },
    { time: 1111111109,  utc: '2005-03-18 01:58:29', T: '00000000023523EC', totp: '07081804', mode: 'SHA1' },
    { time: 1111111109,  utc: '2005-03-18 01:58:29', T: '00000000023523EC', totp: '68084774', mode: 'SHA256' },
    { time: 1111111109,  utc: '2005-03-18 01:58:29', T: '00000000023523EC', totp: '25091201', mode: 'SHA512' },
    { time: 1111111111,  utc: '2005-03-18 01:58:31', T: '00000000023523ED', totp: '14050471', mode: 'SHA1' },
    { time: 1111111111,  utc: '2005-03-18 01:58:31', T: '00000000023523ED', totp: '67062674', mode: 'SHA256' },
    { time: 1111111111,  utc: '2005-03-18 01:58:31', T: '00000000023523ED', totp: '99943326', mode: 'SHA512' },
    { time: 1234567890,  utc: '2009-02-13 23:31:30', T: '000000000273EF07', totp: '89005924', mode: 'SHA1' },
    { time: 1234567890,  utc: '2009-02-13 23:31:30', T: '000000000273EF07', totp: '91819424', mode: 'SHA256' },
    { time: 1234567890,  utc: '2009-02-13 23:31:30', T: '000000000273EF07', totp: '93441116', mode: 'SHA512' },
    { time: 2000000000,  utc: '2033-05-18 03:33:20', T: '0000000003F940AA', totp: '69279037', mode: 'SHA1' },
    { time: 2000000000,  utc: '2033-05-18 03:33:20', T: '0000000003F940AA', totp: '90698825', mode: 'SHA256' },
    { time: 2000000000,  utc: '2033-05-18 03:33:20', T: '0000000003F940AA', totp: '38618901', mode: 'SHA512' },
    { time: 20000000000, utc: '2603-10-11 11:33:20', T: '0000000027BC86AA', totp: '65353130', mode: 'SHA1' },
    { time: 20000000000, utc: '2603-10-11 11:33:20', T: '0000000027BC86AA', totp: '77737706', mode: 'SHA256' },
    { time: 20000000000, utc: '2603-10-11 11:33:20', T: '0000000027BC86AA', totp: '47863826', mode: 'SHA512' },
  ];
  it.each(table)('$time ($utc) $mode → $totp', ({ time, utc, T, totp, mode }) => {
    const now = time * 1000;
    expect(new Date(now).toISOString()).toBe(`${utc.replace(' ', 'T')}.000Z`);
    expect(timeStep(30, now)).toBe(Number.parseInt(T, 16));
    const account: CodeAccount = { kind: 'totp', secret: seeds[mode], algorithm: mode, digits: 8, period: 30, counter: 0 };
    expect(generateCode(account, { now })).toBe(totp);
  });

  it('makes 6- and 7-digit codes as the last digits of the same truncated value', () => {
    const account: CodeAccount = { kind: 'totp', secret: seeds.SHA1, algorithm: 'SHA1', digits: 6, period: 30, counter: 0 };
    expect(generateCode(account, { now: 59_000 })).toBe('287082');
    expect(generateCode({ ...account, digits: 7 }, { now: 59_000 })).toBe('4287082');
  });

  it('uses the period: 60 s steps give the code of step floor(t / 60)', () => {
    const account: CodeAccount = { kind: 'totp', secret: seeds.SHA1, algorithm: 'SHA1', digits: 6, period: 60, counter: 0 };
    // t = 119 s is step 1 with a 60 s period, i.e. HOTP count 1.
    expect(generateCode(account, { now: 119_000 })).toBe('287082');
    expect(generateCode(account, { now: 120_000 })).toBe('359152');
  });

  it('ignores the counter for TOTP and the time for HOTP', () => {
    const totp: CodeAccount = { kind: 'totp', secret: seeds.SHA1, algorithm: 'SHA1', digits: 6, period: 30, counter: 9 };
    expect(generateCode(totp, { now: 30_000 })).toBe('287082');
    expect(generateCode({ ...totp, kind: 'hotp', counter: 1 }, { now: 9_999_999 })).toBe('287082');
  });
});

/**
 * Steam Guard, computed independently in this test from the algorithm's description (not via otpauth
 * or the code under test): HMAC-SHA1 (node:crypto) over the 8-byte big-endian 30-second step, RFC 4226
 * dynamic truncation to 31 bits, then five times: alphabet[value % 26], value = floor(value / 26).
 */
function steamReference(secret: Uint8Array, unixSeconds: number): string {
  const step = Buffer.alloc(8);
  step.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / 30)));
  const mac = createHmac('sha1', secret).update(step).digest();
  const offset = (mac[19] ?? 0) & 0x0f;
  let value = mac.readUInt32BE(offset) & 0x7fffffff;
  let code = '';
  for (let i = 0; i < 5; i++) {
    code += '23456789BCDFGHJKMNPQRTVWXY'[value % 26];
    value = Math.floor(value / 26);
  }
  return code;
}

describe('Steam Guard', () => {
  const secrets = [
    new TextEncoder().encode('12345678901234567890'),
    Uint8Array.from({ length: 20 }, (_, i) => (i * 37 + 11) & 0xff),
    Uint8Array.from({ length: 10 }, (_, i) => 255 - i),
    Uint8Array.from({ length: 32 }, (_, i) => (i * i) & 0xff),
  ];
  const times = [0, 29, 30, 59, 1111111109, 1234567890, 1700000000, 2000000000, 20000000000];
  const rows = secrets.flatMap((bytes, s) => times.map((time) => ({ s, bytes, time })));

  it.each(rows)('secret #$s at $time s matches the independent reference', ({ bytes, time }) => {
    const account: CodeAccount = { kind: 'steam', secret: encodeBase32(bytes), algorithm: 'SHA1', digits: 5, period: 30, counter: 0 };
    const code = generateCode(account, { now: time * 1000 });
    expect(code).toMatch(/^[23456789BCDFGHJKMNPQRTVWXY]{5}$/u);
    expect(code).toBe(steamReference(bytes, time));
  });

  it('always uses 30 s and SHA1, whatever the account says', () => {
    const bytes = secrets[1] ?? new Uint8Array();
    const account: CodeAccount = { kind: 'steam', secret: encodeBase32(bytes), algorithm: 'SHA512', digits: 8, period: 90, counter: 5 };
    expect(generateCode(account, { now: 45_000 })).toBe(steamReference(bytes, 45));
  });
});

describe('timeStep and secondsRemaining (ms in, seconds out)', () => {
  const rows = [
    { period: 30, now: 0, step: 0, remaining: 30 },
    { period: 30, now: 1, step: 0, remaining: 30 },
    { period: 30, now: 999, step: 0, remaining: 30 },
    { period: 30, now: 1_000, step: 0, remaining: 29 },
    { period: 30, now: 29_000, step: 0, remaining: 1 },
    { period: 30, now: 29_999, step: 0, remaining: 1 },
    { period: 30, now: 30_000, step: 1, remaining: 30 },
    { period: 60, now: 59_000, step: 0, remaining: 1 },
    { period: 1, now: 12_345, step: 12, remaining: 1 },
    { period: 86_400, now: 86_400_000 * 3 + 1, step: 3, remaining: 86_400 },
    { period: 30, now: 1_700_000_012_345, step: 56_666_667, remaining: 28 },
  ];
  it.each(rows)('period $period at $now ms: step $step, $remaining s left', ({ period, now, step, remaining }) => {
    expect(timeStep(period, now)).toBe(step);
    expect(secondsRemaining(period, now)).toBe(remaining);
  });

  it('counts down through every value from period to 1 within a step', () => {
    const seen = new Set<number>();
    for (let ms = 0; ms < 30_000; ms += 250) seen.add(secondsRemaining(30, 90_000 + ms));
    expect([...seen]).toEqual(Array.from({ length: 30 }, (_, i) => 30 - i));
  });

  const bad = [
    { period: 0, now: 0, field: 'period' },
    { period: -30, now: 0, field: 'period' },
    { period: Number.NaN, now: 0, field: 'period' },
    { period: 30, now: -1, field: 'now' },
    { period: 30, now: Number.POSITIVE_INFINITY, field: 'now' },
  ];
  it.each(bad)('refuses period $period at $now (field $field)', ({ period, now, field }) => {
    for (const call of [() => timeStep(period, now), () => secondsRemaining(period, now)]) {
      expect(call).toThrow(InvalidInputError);
      expect(call).toThrow(expect.objectContaining({ field }));
    }
  });
});

describe('generateCode refuses accounts it cannot make codes for', () => {
  const base: CodeAccount = { kind: 'totp', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 };
  const rows = [
    { why: 'a secret that is not base32', account: { ...base, secret: 'NOT-BASE32!' }, error: InvalidSecretError, message: '“!”' },
    { why: '5 digits for TOTP', account: { ...base, digits: 5 }, error: InvalidInputError, message: '6, 7 or 8 digits' },
    { why: '9 digits', account: { ...base, digits: 9 }, error: InvalidInputError, message: '6, 7 or 8 digits' },
    { why: 'period 0', account: { ...base, period: 0 }, error: InvalidInputError, message: 'positive number of seconds' },
    { why: 'negative HOTP counter', account: { ...base, kind: 'hotp', counter: -1 } as CodeAccount, error: InvalidInputError, message: 'counter' },
    { why: 'unsafe HOTP counter', account: { ...base, kind: 'hotp', counter: 2 ** 53 } as CodeAccount, error: InvalidInputError, message: 'counter' },
  ];
  it.each(rows)('$why', ({ account, error, message }) => {
    expect(() => generateCode(account, { now: 0 })).toThrow(error);
    expect(() => generateCode(account, { now: 0 })).toThrow(message);
  });

  it('handles counters above 2^32 up to 2^53 − 1', () => {
    const hotp: CodeAccount = { ...base, kind: 'hotp', counter: Number.MAX_SAFE_INTEGER };
    expect(generateCode(hotp, { now: 0 })).toMatch(/^\d{6}$/u);
    const bytes = new TextEncoder().encode('12345678901234567890');
    const message = Buffer.alloc(8);
    message.writeBigUInt64BE(BigInt(2 ** 32 + 5));
    const mac = createHmac('sha1', bytes).update(message).digest();
    const value = mac.readUInt32BE((mac[19] ?? 0) & 15) & 0x7fffffff;
    const expected = String(value % 1_000_000).padStart(6, '0');
    expect(generateCode({ ...hotp, secret: encodeBase32(bytes), counter: 2 ** 32 + 5 }, { now: 0 })).toBe(expected);
  });
});

describe('speed', () => {
  it('makes the codes for 200 accounts well inside the popup budget', () => {
    const accounts: CodeAccount[] = Array.from({ length: 200 }, (_, i) => ({
      kind: i % 10 === 0 ? 'steam' : 'totp',
      secret: encodeBase32(Uint8Array.from({ length: 20 }, (_, j) => (i * 31 + j * 7) & 0xff)),
      algorithm: (['SHA1', 'SHA256', 'SHA512'] as const)[i % 3] ?? 'SHA1',
      digits: 6,
      period: 30,
      counter: 0,
    }));
    const now = 1_700_000_000_000;
    accounts.forEach((account) => generateCode(account, { now })); // warm up
    const start = performance.now();
    const codes = accounts.map((account) => generateCode(account, { now }));
    const elapsed = performance.now() - start;
    expect(codes).toHaveLength(200);
    expect(elapsed).toBeLessThan(50);
  });
});

describe('the browser build of otpauth (bundled @noble/hashes) agrees', () => {
  // Vitest resolves `otpauth` to its Node build (node:crypto HMAC); the extension bundles the ESM
  // build with @noble/hashes. Check that build against the same RFC 6238 values.
  it('gives the RFC 6238 values for SHA1, SHA256 and SHA512', async () => {
    const browserBuild = await import('otpauth/dist/otpauth.esm.js');
    const rows = [
      { seed: '12345678901234567890', algorithm: 'SHA1', totp: '07081804' },
      { seed: '12345678901234567890123456789012', algorithm: 'SHA256', totp: '68084774' },
      { seed: '1234567890123456789012345678901234567890123456789012345678901234', algorithm: 'SHA512', totp: '25091201' },
    ];
    for (const { seed, algorithm, totp } of rows) {
      const secret = browserBuild.Secret.fromLatin1(seed);
      expect(browserBuild.HOTP.generate({ secret, algorithm, digits: 8, counter: 0x23523ec })).toBe(totp);
    }
  });
});
