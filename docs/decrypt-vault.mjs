#!/usr/bin/env node
// Decrypts a Twofold vault file (format version 1) and prints its entries as JSON.
//
//   TWOFOLD_PASSWORD='my master password' node docs/decrypt-vault.mjs vault.json
//   node docs/decrypt-vault.mjs vault.json < password.txt     (one trailing newline is ignored)
//
// It follows docs/vault-format.md only, and shares no code with Twofold's sources: if it works,
// the document is enough to get your accounts out. Needs Node 20+ and `npm install hash-wasm`.
// Exit status: 0 done, 1 wrong password or bad usage, 2 damaged or unknown file.
import { readFile } from 'node:fs/promises';
import { webcrypto } from 'node:crypto';
import { Buffer } from 'node:buffer';
import { argon2id } from 'hash-wasm';

const { subtle } = webcrypto;
const fail = (status, message) => {
  process.stderr.write(`decrypt-vault: ${message}\n`);
  process.exit(status);
};
const bytes = (base64) => new Uint8Array(Buffer.from(base64, 'base64'));
const utf8Json = (array) => new TextEncoder().encode(JSON.stringify(array));

if (process.argv.length !== 3) fail(1, 'usage: node decrypt-vault.mjs vault.json (password in TWOFOLD_PASSWORD or on stdin)');
let v = JSON.parse(await readFile(process.argv[2], 'utf8'));
// Also accept what `chrome.storage.local.get('vault')` returns: { vault: { ... } }.
if (v && v.format === undefined && v.vault) v = v.vault;
if (v?.format !== 'twofold-vault' || v.version !== 1) fail(2, 'not a Twofold vault of format version 1');

// Checksum: only tells accidental damage apart from a wrong password.
const { kdf, keyWrap, payload } = v;
const checksumInput = utf8Json([v.format, v.version, 'checksum', v.revision, kdf.name, kdf.memoryKiB,
  kdf.iterations, kdf.parallelism, kdf.salt, keyWrap.iv, keyWrap.wrapped, payload.iv, payload.ciphertext]);
const checksum = Buffer.from(await subtle.digest('SHA-256', checksumInput)).toString('hex');
if (checksum !== v.checksum) fail(2, 'the file is damaged (checksum mismatch)');
if (kdf.name !== 'argon2id') fail(2, `unknown key derivation ${kdf.name}`);

let password = process.env.TWOFOLD_PASSWORD;
if (password === undefined) {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  password = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

// Key-encryption key: Argon2id over the NFC form of the password, as UTF-8.
const kek = await argon2id({
  password: new TextEncoder().encode(password.normalize('NFC')),
  salt: bytes(kdf.salt),
  memorySize: kdf.memoryKiB,
  iterations: kdf.iterations,
  parallelism: kdf.parallelism,
  hashLength: 32,
  outputType: 'binary',
});
const kekKey = await subtle.importKey('raw', kek, 'AES-GCM', false, ['decrypt']);

let dataKey;
try {
  dataKey = await subtle.decrypt(
    { name: 'AES-GCM', iv: bytes(keyWrap.iv), tagLength: 128,
      additionalData: utf8Json([v.format, v.version, 'key-wrap', kdf.name, kdf.memoryKiB, kdf.iterations, kdf.parallelism, kdf.salt]) },
    kekKey, bytes(keyWrap.wrapped));
} catch {
  fail(1, 'wrong password');
}
const dataKeyKey = await subtle.importKey('raw', dataKey, 'AES-GCM', false, ['decrypt']);

let plain;
try {
  plain = await subtle.decrypt(
    { name: 'AES-GCM', iv: bytes(payload.iv), tagLength: 128,
      additionalData: utf8Json([v.format, v.version, 'payload', v.revision]) },
    dataKeyKey, bytes(payload.ciphertext));
} catch {
  fail(2, 'the encrypted accounts are damaged');
}
process.stdout.write(JSON.stringify(JSON.parse(new TextDecoder().decode(plain)), null, 2) + '\n');
