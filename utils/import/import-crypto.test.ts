import { describe, expect, it } from 'vitest';
import { decryptSaltedAes256Cbc, evpBytesToKeyMd5, isSaltedCiphertext } from './import-crypto';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex').toUpperCase();

// Vector made with the OpenSSL command line (independent of this code):
//   printf 'JBSWY3DPEHPK3PXP' | openssl enc -aes-256-cbc -md md5 -S 0102030405060708 -pass pass:secret -P
//   … -base64 -A  (OpenSSL 3 leaves out the "Salted__" header when -S is given; it is added below.)
const OPENSSL = {
  password: 'secret',
  salt: '0102030405060708',
  key: 'C9E5A1BD216DBE1317E230CEF48F38EE7F0E17AD64022144BCCEC4A1AA2879AB',
  iv: 'E24B32BBBC4EF02ECBCB6576523AD893',
  ciphertext: 'jik6neI/ElNuSgPTDFNnNvwp5PKEPzCFlHUmnhxZEVc=',
  plaintext: 'JBSWY3DPEHPK3PXP',
};

describe('EVP_BytesToKey (MD5) and CryptoJS passphrase decryption', () => {
  it('derives the key and IV openssl derives', async () => {
    const { key, iv } = await evpBytesToKeyMd5(new TextEncoder().encode(OPENSSL.password), Buffer.from(OPENSSL.salt, 'hex'), 32, 16);
    expect({ key: hex(key), iv: hex(iv) }).toEqual({ key: OPENSSL.key, iv: OPENSSL.iv });
  });

  it('decrypts what openssl encrypted', async () => {
    const bytes = Buffer.concat([Buffer.from('Salted__'), Buffer.from(OPENSSL.salt, 'hex'), Buffer.from(OPENSSL.ciphertext, 'base64')]);
    expect(isSaltedCiphertext(bytes)).toBe(true);
    expect(new TextDecoder().decode(await decryptSaltedAes256Cbc(bytes, OPENSSL.password))).toBe(OPENSSL.plaintext);
  });

  it.each([
    { name: 'no header', bytes: Buffer.alloc(48) },
    { name: 'too short', bytes: Buffer.from('Salted__12345678') },
    { name: 'not whole blocks', bytes: Buffer.concat([Buffer.from('Salted__12345678'), Buffer.alloc(17)]) },
  ])('does not take $name for a salted ciphertext', ({ bytes }) => {
    expect(isSaltedCiphertext(bytes)).toBe(false);
  });
});
