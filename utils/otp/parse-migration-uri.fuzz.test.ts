import { describe, expect, it } from 'vitest';
import { InvalidMigrationPayloadError } from '../errors';
import { type AccountDraft } from './account';
import { encodeBase32 } from './base32';
import { encodeMigrationUri } from './encode-migration-uri';
import { expectUsableDraft, seededRandom } from './fuzz-helpers';
import { parseMigrationUri } from './parse-migration-uri';

type Random = ReturnType<typeof seededRandom>;

function randomDraft(random: Random): AccountDraft {
  const kind = random.pick(['totp', 'hotp'] as const);
  return {
    kind,
    issuer: random.pick(['', 'Example', 'Bänk 銀行', 'A:B', 'x'.repeat(200)]),
    label: random.pick(['', 'alice@example.com', '🐱', 'x:y', 'l'.repeat(150)]),
    secret: encodeBase32(Uint8Array.from({ length: 4 + random.int(60) }, () => random.int(256))),
    algorithm: random.pick(['SHA1', 'SHA256', 'SHA512'] as const),
    digits: random.pick([6, 8]),
    period: 30,
    counter: kind === 'hotp' ? random.pick([0, 1, 300, 2 ** 32 + 1, Number.MAX_SAFE_INTEGER]) : 0,
  };
}

const dataOf = (uri: string): Uint8Array => new Uint8Array(Buffer.from(decodeURIComponent(new URL(uri).searchParams.get('data') ?? ''), 'base64'));

function corruptBytes(bytes: Uint8Array, random: Random): Uint8Array {
  const out = [...bytes];
  const steps = 1 + random.int(3);
  for (let s = 0; s < steps; s++) {
    const at = random.int(out.length + 1);
    switch (random.int(7)) {
      case 0: // flip bits
        if (at < out.length) out[at] = (out[at] ?? 0) ^ (1 << random.int(8));
        break;
      case 1: // truncate
        out.length = at;
        break;
      case 2: // an interesting byte: continuation, group/invalid wire types, max
        out.splice(at, 1, random.pick([0x00, 0x7f, 0x80, 0xff, 0x0b, 0x0c, 0x0e, 0x0f, 0x22, 0x1a]));
        break;
      case 3: // insert random bytes
        out.splice(at, 0, ...Array.from({ length: 1 + random.int(8) }, () => random.int(256)));
        break;
      case 4: // delete a range
        out.splice(at, 1 + random.int(6));
        break;
      case 5: // duplicate a range
        out.splice(at, 0, ...out.slice(at, at + random.int(30)));
        break;
      default: // an overlong varint
        out.splice(at, 0, ...Array.from({ length: 11 }, () => 0xff));
    }
  }
  return Uint8Array.from(out);
}

function encodeData(bytes: Uint8Array, random: Random): string {
  const base64 = Buffer.from(bytes).toString('base64');
  switch (random.int(4)) {
    case 0:
      return encodeURIComponent(base64);
    case 1:
      return base64;
    case 2:
      return Buffer.from(bytes).toString('base64url');
    default:
      return base64.replace(/=+$/u, '');
  }
}

function corruptText(uri: string, random: Random): string {
  const at = random.int(uri.length + 1);
  switch (random.int(4)) {
    case 0:
      return uri.slice(0, at);
    case 1:
      return uri.slice(0, at) + random.pick(['%', '%ZZ', '!', '=', '&data=AAAA', ' ', '\u00e9', '#']) + uri.slice(at);
    case 2:
      return uri.slice(0, at) + uri.slice(at + 1 + random.int(5));
    default:
      return uri.slice(0, at) + String.fromCharCode(32 + random.int(95)) + uri.slice(at + 1);
  }
}

describe('parseMigrationUri on 1,500 corrupted exports (seeded, deterministic)', () => {
  it('either returns usable drafts or throws InvalidMigrationPayloadError — never anything else', () => {
    const random = seededRandom(0x5eed_0002);
    let parsed = 0;
    let refused = 0;
    for (let i = 0; i < 1500; i++) {
      const drafts = Array.from({ length: 1 + random.int(6) }, () => randomDraft(random));
      const valid = encodeMigrationUri(drafts, { index: random.int(3), size: 3, id: random.int(2 ** 31) - 2 ** 30 });
      const input =
        random.int(5) === 0
          ? corruptText(valid, random)
          : `otpauth-migration://offline?data=${encodeData(corruptBytes(dataOf(valid), random), random)}`;
      const context = `case ${i}: ${input.slice(0, 200)}`;
      let result: ReturnType<typeof parseMigrationUri> | undefined;
      try {
        result = parseMigrationUri(input);
      } catch (error) {
        expect(error, context).toBeInstanceOf(InvalidMigrationPayloadError);
        expect((error as Error).message.length, context).toBeGreaterThan(10);
        refused++;
      }
      if (result) {
        parsed++;
        expect(result.drafts.length, context).toBeGreaterThan(0);
        for (const draft of result.drafts) expectUsableDraft(draft, context);
      }
    }
    expect(parsed).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(500);
  });
});
