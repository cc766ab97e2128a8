import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A throwaway self-signed certificate for the loopback test servers, so real HSTS-preloaded
 * names (https://www.amazon.com:PORT) load in Chromium with `ignoreHTTPSErrors`.
 */
export function throwawayCertificate(dir: string): { key: string; cert: string } {
  mkdirSync(dir, { recursive: true });
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  if (!existsSync(keyPath) || !existsSync(certPath)) {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
      '-subj', '/CN=twofold-test', '-keyout', keyPath, '-out', certPath,
    ], { stdio: 'ignore' });
  }
  return { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8') };
}
