import { createServer } from 'node:https';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/**
 * Serves `root` over TLS on 127.0.0.1 for any host name (Chromium maps every name to
 * loopback in the tests), so one page can be visited as amazon.com and as amaz0n.com.
 */
export async function startFixtureServer(root: string, tls: { key: string; cert: string }) {
  const server = createServer(tls, async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'https://x').pathname));
    if (path.includes('..')) {
      res.writeHead(400).end();
      return;
    }
    try {
      const body = await readFile(join(root, path));
      res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
