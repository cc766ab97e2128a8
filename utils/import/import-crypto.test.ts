import { describe, expect, it } from 'vitest';
import { argon2Hash, decryptSaltedAes256Cbc, encryptSaltedAes256Cbc, evpBytesToKeyMd5, isSaltedCiphertext, parseArgon2Phc, toBase64Unpadded } from './import-crypto';

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

  it('encrypts as openssl does', async () => {
    const bytes = await encryptSaltedAes256Cbc(new TextEncoder().encode(OPENSSL.plaintext), OPENSSL.password, Buffer.from(OPENSSL.salt, 'hex'));
    expect(Buffer.from(bytes).toString('base64')).toBe(
      Buffer.concat([Buffer.from('Salted__'), Buffer.from(OPENSSL.salt, 'hex'), Buffer.from(OPENSSL.ciphertext, 'base64')]).toString('base64'),
    );
  });

  it.each([
    { name: 'no header', bytes: Buffer.alloc(48) },
    { name: 'too short', bytes: Buffer.from('Salted__12345678') },
    { name: 'not whole blocks', bytes: Buffer.concat([Buffer.from('Salted__12345678'), Buffer.alloc(17)]) },
  ])('does not take $name for a salted ciphertext', ({ bytes }) => {
    expect(isSaltedCiphertext(bytes)).toBe(false);
  });
});

// The example of Argon2's reference implementation (github.com/P-H-C/phc-winner-argon2, README):
//   echo -n "password" | ./argon2 somesalt -t 2 -m 16 -p 4 -l 24
const REFERENCE_PHC = '$argon2i$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG';

describe('Argon2 PHC strings', () => {
  it('reads the reference example and reproduces its hash', async () => {
    const phc = parseArgon2Phc(REFERENCE_PHC);
    expect(phc).toMatchObject({ variant: 'argon2i', version: 0x13, memoryKiB: 65536, iterations: 2, parallelism: 4, hashLength: 24 });
    if (phc === null) return;
    expect(new TextDecoder().decode(phc.salt)).toBe('somesalt');
    const hash = await argon2Hash(new TextEncoder().encode('password'), phc.salt, phc);
    expect(toBase64Unpadded(hash)).toBe(REFERENCE_PHC.split('$')[5]);
  });

  it.each([
    { name: 'not Argon2', text: '$2b$10$abcdefghijklmnopqrstuv' },
    { name: 'missing hash', text: '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ' },
    { name: 'bad base64', text: '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$!!' },
    { name: 'unknown variant', text: '$argon2x$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$c29tZXNhbHQ' },
  ])('refuses $name', ({ text }) => {
    expect(parseArgon2Phc(text)).toBeNull();
  });
});
