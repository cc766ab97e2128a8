#!/usr/bin/env node
// Starts the Twofold Demo Shop on 127.0.0.1.
//   node demo/cli.mjs [--port 8765] [--tls-key key.pem --tls-cert cert.pem]
// Ctrl+C stops it.

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startShop } from './shop-server.mjs';

const USAGE = `Usage: node demo/cli.mjs [--port 8765] [--tls-key key.pem --tls-cert cert.pem]

Starts the Twofold Demo Shop, a local pretend shop for trying two-step verification.
  --port <n>       port to listen on (default 8765; 0 picks a free one)
  --tls-key <f>    PEM private key, to serve HTTPS (needs --tls-cert too)
  --tls-cert <f>   PEM certificate
  -h, --help       show this help`;

/** @param {string} message @returns {never} */
function fail(message) {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string', default: '8765' },
      'tls-key': { type: 'string' },
      'tls-cert': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`Not a port number: ${values.port}`);
if (Boolean(values['tls-key']) !== Boolean(values['tls-cert'])) fail('--tls-key and --tls-cert go together.');

const tls =
  values['tls-key'] && values['tls-cert']
    ? { key: readFileSync(values['tls-key'], 'utf8'), cert: readFileSync(values['tls-cert'], 'utf8') }
    : undefined;

let shop;
try {
  shop = await startShop({ port, host: '127.0.0.1', tls });
} catch (error) {
  const code = /** @type {{ code?: string }} */ (error).code;
  if (code === 'EADDRINUSE') fail(`Port ${port} is already in use. Try --port 0 for a free one.`);
  throw error;
}

console.log(`Twofold Demo Shop is running at ${shop.url}/`);
console.log('Everything stays on this machine. Press Ctrl+C to stop.');

let stopping = false;
const stop = () => {
  if (stopping) process.exit(1);
  stopping = true;
  shop.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
