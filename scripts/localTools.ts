/**
 * Small helpers shared by the local tooling (`npm run dev`, `npm run package`) and the test support:
 * `.env` parsing, free loopback ports, and a quiet HTTP status probe.
 */
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import path from 'node:path';
import { parse } from 'dotenv';

/**
 * Parses a `.env` file with dotenv (`KEY=VALUE`, optional `export `, `#` comments, quotes).
 * Not Node's `util.parseEnv`: on Node 20 a line without `=` swallows the lines after it.
 */
export function parseDotEnv(text: string): Record<string, string> {
  return parse(text);
}

/** Reads `<dir>/.env` if it exists; returns an empty object otherwise. */
export function readDotEnvFile(dir: string): Record<string, string> {
  const file = path.join(dir, '.env');
  return existsSync(file) ? parseDotEnv(readFileSync(file, 'utf8')) : {};
}

/** A port on 127.0.0.1 that nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The HTTP status of a GET, or 0 when nothing answers within 2 s. */
export function httpStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'GET', timeout: 2_000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
    req.end();
  });
}
