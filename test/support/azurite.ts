/**
 * Starts a real Azurite table service for the tests: a free port on loopback, in memory, stopped
 * when the run ends. Integration tests get a fresh table prefix each, so they never see each other.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createTables, type Tables } from '../../storage/tables';
import { freePort } from '../../scripts/localTools';

export { freePort };

export interface AzuriteHandle {
  connectionString: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

const ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export function azuriteConnectionString(port: number): string {
  return `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${ACCOUNT_KEY};TableEndpoint=http://127.0.0.1:${port}/devstoreaccount1;`;
}

/** Starts azurite-table; resolves once it accepts requests. */
export async function startAzurite(options: { port?: number; location?: string } = {}): Promise<AzuriteHandle> {
  const port = options.port ?? (await freePort());
  const bin = path.resolve(__dirname, '../../node_modules/.bin/azurite-table');
  const args = ['--tableHost', '127.0.0.1', '--tablePort', String(port), '--disableTelemetry', '--skipApiVersionCheck', '--silent'];
  if (options.location) args.push('--location', options.location);
  else args.push('--inMemoryPersistence');
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  const connectionString = azuriteConnectionString(port);
  const probe = createTables({ connectionString, tablePrefix: 'probe' });
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Azurite exited early (${child.exitCode}): ${output}`);
    try {
      await probe.client('Centres').createTable();
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`Azurite did not start on port ${port}: ${output}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    connectionString,
    port,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}

let counter = 0;
/** A fresh set of tables on the shared test Azurite. */
export async function freshTables(): Promise<Tables> {
  const connectionString = process.env.POOLSTER_TEST_STORAGE;
  if (!connectionString) throw new Error('The test Azurite is not running (test/support/hooks.ts sets POOLSTER_TEST_STORAGE)');
  counter += 1;
  const tables = createTables({ connectionString, tablePrefix: `t${process.pid}x${counter}x${Date.now() % 100000}` });
  await tables.ensure();
  return tables;
}
