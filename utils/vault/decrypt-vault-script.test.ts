/**
 * docs/decrypt-vault.mjs is written from docs/vault-format.md alone, sharing no code with this
 * folder. Decrypting vaults made here with it shows the document is enough to recover accounts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from './base64';
import { createVault, sealVault } from './vault-crypto';

const SCRIPT = fileURLToPath(new URL('../../docs/decrypt-vault.mjs', import.meta.url));
const FAST = { memoryKiB: 1024, iterations: 1, parallelism: 1 };
const PASSWORD = 'Crème brûlée 🔑 staple';
const ENTRIES = [
  { id: 'a', issuer: 'Amazon', label: 'jürgen@example.de', secret: 'JBSWY3DPEHPK3PXP', sites: ['amazon.com'] },
  { id: 'b', issuer: '確認コード', label: '', secret: 'GEZDGNBVGY3TQOJQ', sites: [] },
];

const dir = mkdtempSync(join(tmpdir(), 'twofold-vault-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(file: unknown, how: { env?: string; stdin?: string }) {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(file));
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.TWOFOLD_PASSWORD;
  if (how.env !== undefined) env.TWOFOLD_PASSWORD = how.env;
  return spawnSync(process.execPath, [SCRIPT, path], { env, input: how.stdin ?? '', encoding: 'utf8', timeout: 15_000 });
}

describe('docs/decrypt-vault.mjs', () => {
  it.each([
    { name: 'password in TWOFOLD_PASSWORD', how: { env: PASSWORD } },
    { name: 'password on stdin with a newline', how: { stdin: `${PASSWORD}\n` } },
    { name: 'password on stdin with CRLF', how: { stdin: `${PASSWORD}\r\n` } },
    { name: 'password typed decomposed (NFD)', how: { env: PASSWORD.normalize('NFD') } },
  ])('decrypts a vault made by the TypeScript code: $name', async ({ how }) => {
    const { file } = await createVault(PASSWORD, ENTRIES, { kdf: FAST });
    const result = run(file, how);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(ENTRIES);
  });

  it('decrypts a later revision, and the storage export shape { vault }', async () => {
    const { file, dataKey } = await createVault(PASSWORD, [], { kdf: { memoryKiB: 2048, iterations: 2, parallelism: 2 } });
    const sealed = await sealVault(await sealVault(file, dataKey, ENTRIES.slice(0, 1)), dataKey, ENTRIES);
    const result = run({ vault: sealed }, { env: PASSWORD });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(ENTRIES);
  });

  it('says "wrong password" (status 1) and "damaged" (status 2)', async () => {
    const { file } = await createVault(PASSWORD, ENTRIES, { kdf: FAST });
    const wrong = run(file, { env: 'not the password' });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/wrong password/);
    expect(wrong.stdout).toBe('');

    const bytes = fromBase64(file.payload.ciphertext);
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    const damaged = run({ ...file, payload: { ...file.payload, ciphertext: toBase64(bytes) } }, { env: PASSWORD });
    expect(damaged.status).toBe(2);
    expect(damaged.stderr).toMatch(/damaged/);
  });
});
