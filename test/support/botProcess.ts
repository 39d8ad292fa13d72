/**
 * Poolster as a real child process (`bot/main.ts` under tsx), for faults a test process cannot do to
 * itself: kill -9 and restart. Also a seeded random source, so a fault run can be repeated exactly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Starts `bot/main.ts` on `port` and resolves once /readyz answers 200. `nodeArgs` go to node
 * before the script, after tsx is registered (V8 flags, TypeScript preloads); `ipc` opens a message channel to the process.
 */
export async function startBotProcess(input: { port: number; connectionString: string; tablePrefix: string; env?: Record<string, string>; nodeArgs?: string[]; ipc?: boolean }): Promise<ChildProcess> {
  const proc = spawn(process.execPath, ['--require', 'tsx/cjs', ...(input.nodeArgs ?? []), path.join(ROOT, 'bot/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(input.port),
      STORAGE_CONNECTION_STRING: input.connectionString,
      TABLE_PREFIX: input.tablePrefix,
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      SCHEDULER: 'false',
      DEMO_DATA: 'false',
      ...input.env,
    },
    stdio: input.ipc ? ['ignore', 'ignore', 'pipe', 'ipc'] : ['ignore', 'ignore', 'pipe'],
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`bot exited with ${proc.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${input.port}/readyz`)).ok) return proc;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error('bot did not become ready');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** SIGKILL, and wait until the process is gone. */
export async function killHard(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGKILL');
  await exited;
}

/** mulberry32: a small seeded PRNG in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed of a fault run: POOLSTER_FAULT_SEED to repeat one, else the given default. */
export function faultSeed(fallback: number): number {
  const fromEnv = Number(process.env.POOLSTER_FAULT_SEED);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : fallback;
}

export interface SchedulerProcess {
  proc: ChildProcess;
  /** Resolves with the tick reports when the process exits by itself (rejects on a failure exit). */
  done: Promise<Array<{ at: string; report: Record<string, number> }>>;
}

/** Starts test/support/schedulerProcess.ts: one scheduler instance ticking at `ticks`, then exiting. */
export function startSchedulerProcess(input: { connectionString: string; tablePrefix: string; ticks: string[]; instanceId: string; connectorUrl?: string }): SchedulerProcess {
  const proc = spawn(process.execPath, ['--require', 'tsx/cjs', path.join(ROOT, 'test/support/schedulerProcess.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      STORAGE_CONNECTION_STRING: input.connectionString,
      TABLE_PREFIX: input.tablePrefix,
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      DEMO_DATA: 'false',
      POOLSTER_TICKS: input.ticks.join(','),
      POOLSTER_INSTANCE_ID: input.instanceId,
      ...(input.connectorUrl ? { POOLSTER_CONNECTOR_URL: input.connectorUrl } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stdout!.on('data', (chunk) => (out += String(chunk)));
  proc.stderr!.on('data', (chunk) => (err += String(chunk)));
  const done = new Promise<Array<{ at: string; report: Record<string, number> }>>((resolve, reject) => {
    proc.once('exit', (code, signal) => {
      // stdout also carries the instance's own log lines (pino JSON): the tick lines have a report.
      const reports = out
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { at?: string; report?: Record<string, number> })
        .filter((r): r is { at: string; report: Record<string, number> } => Boolean(r.at && r.report));
      if (code === 0) resolve(reports);
      else reject(Object.assign(new Error(`scheduler process ended with ${signal ?? code}: ${err.slice(-500)}`), { signal, reports }));
    });
  });
  done.catch(() => undefined); // awaited by the test; a kill must not count as an unhandled rejection
  return { proc, done };
}
