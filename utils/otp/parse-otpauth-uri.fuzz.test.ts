import { describe, expect, it } from 'vitest';
import { InvalidOtpauthUriError } from '../errors';
import { expectUsableDraft, seededRandom } from './fuzz-helpers';
import { parseOtpauthUri } from './parse-otpauth-uri';
import { toOtpauthUri } from './to-otpauth-uri';

const VALID = [
  'otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example',
  'otpauth://totp/ACME%20Co:john.doe@email.com?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30',
  'otpauth://hotp/Bank:12345?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=42&digits=8&algorithm=SHA256',
  'otpauth://steam/Steam:gaben?secret=JBSWY3DPEHPK3PXP',
  'otpauth://totp/%E9%8A%80%E8%A1%8C:%F0%9F%90%B1?secret=jbsw%20y3dp%20ehpk%203pxp&period=60',
  'otpauth://totp/Shop:alice+shop@example.com?secret=JBSW+Y3DP+EHPK+3PXP&issuer=Shop+Inc',
  'otpauth://totp?secret=MZXW6YTBOI%3D%3D%3D%3D%3D%3D',
];

const POOL = ['%', '%G', '%E2%9C', '%C3%28', '%FF', '%00', '%25', '#', '?', '&', '=', ':', '/', '+', ' ', '\u0000', '\uD800', '✓', '🐱', '\u202E', '\n', 'é', '0', '1', '8', '9'];
const PARAMS = [
  'digits=', 'digits=5', 'digits=9', 'digits=99999999999999999999', 'period=0', 'period=-1', 'period=1e3', 'period=86401',
  'period=4294967296', 'counter=-5', 'counter=1.5', 'counter=18446744073709551616', 'secret=', 'secret=AAAA', 'secret=0O0O',
  'algorithm=MD5', 'algorithm=sha-512', 'encoder=steam', 'issuer=%F0%9F%90', 'issuer=Steam', 'Secret=JBSWY3DPEHPK3PXP',
  `issuer=${'x'.repeat(300)}`, 'image=%', 'type=hotp',
];

function mutate(uri: string, random: ReturnType<typeof seededRandom>): string {
  let text = uri;
  const steps = 1 + random.int(4);
  for (let s = 0; s < steps; s++) {
    const at = random.int(text.length + 1);
    switch (random.int(10)) {
      case 0: // replace one character
        text = text.slice(0, at) + random.pick(POOL) + text.slice(at + 1);
        break;
      case 1: // truncate
        text = text.slice(0, at);
        break;
      case 2: // insert a (often broken) escape or odd character
        text = text.slice(0, at) + random.pick(POOL) + text.slice(at);
        break;
      case 3: // add a parameter
        text += `${text.includes('?') ? '&' : '?'}${random.pick(PARAMS)}`;
        break;
      case 4: // delete a range
        text = text.slice(0, at) + text.slice(at + random.int(12));
        break;
      case 5: // duplicate a range
        text = text.slice(0, at) + text.slice(at, at + random.int(20)) + text.slice(at);
        break;
      case 6: // flip letter case of a range
        text = text.slice(0, at) + text.slice(at, at + 8).toUpperCase() + text.slice(at + 8);
        break;
      case 7: // replace the type
        text = text.replace(/^otpauth:\/\/[^/?]*/u, `otpauth://${random.pick(['TOTP', 'hotp', 'Steam', 'motp', '', 'to%74p', 'totp:1'])}`);
        break;
      case 8: // a huge repeated value
        text = text.slice(0, at) + random.pick(['A', '%20', '9', ':']).repeat(random.int(5000)) + text.slice(at);
        break;
      default: // flip a random code unit
        text = text.slice(0, at) + String.fromCharCode(random.int(0x10000)) + text.slice(at + 1);
    }
  }
  return text;
}

describe('parseOtpauthUri on 2,000 malformed links (seeded, deterministic)', () => {
  it('either returns a usable draft or throws InvalidOtpauthUriError — never anything else', () => {
    const random = seededRandom(0x5eed_0001);
    let parsed = 0;
    let refused = 0;
    for (let i = 0; i < 2000; i++) {
      const input = mutate(random.pick(VALID), random);
      const context = `case ${i}: ${JSON.stringify(input.slice(0, 300))}`;
      let result: ReturnType<typeof parseOtpauthUri> | undefined;
      try {
        result = parseOtpauthUri(input);
      } catch (error) {
        expect(error, context).toBeInstanceOf(InvalidOtpauthUriError);
        expect((error as InvalidOtpauthUriError).field, context).toBeTypeOf('string');
        expect((error as Error).message.length, context).toBeGreaterThan(10);
        refused++;
      }
      if (result) {
        parsed++;
        expectUsableDraft(result.draft, context);
        // Whatever was accepted is written back and read again to the same draft.
        expect(parseOtpauthUri(toOtpauthUri(result.draft)).draft, context).toEqual(result.draft);
      }
    }
    // The mutations exercise both outcomes.
    expect(parsed).toBeGreaterThan(200);
    expect(refused).toBeGreaterThan(200);
  });
});
