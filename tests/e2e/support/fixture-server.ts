import { createServer } from 'node:https';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import QRCode from 'qrcode';

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
 * `/qr.png?text=…&ec=M` draws a QR code, so fixture pages can show any setup code.
 */
export async function startFixtureServer(root: string, tls: { key: string; cert: string }) {
  const server = createServer(tls, async (req, res) => {
    const url = new URL(req.url ?? '/', 'https://x');
    if (url.pathname === '/qr.png') {
      const text = url.searchParams.get('text') ?? '';
      const ec = (url.searchParams.get('ec') ?? 'M') as 'L' | 'M' | 'Q' | 'H';
      const png = await QRCode.toBuffer(text, { errorCorrectionLevel: ec, margin: 4, scale: 6 });
      res.writeHead(200, { 'content-type': 'image/png' }).end(png);
      return;
    }
    const path = normalize(decodeURIComponent(url.pathname));
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
