/**
 * `npm run dev`: everything needed to talk to Poolster locally, in one terminal.
 *
 *   1. Azurite (table service only), data on disk under .data/azurite, so a restart keeps it;
 *   2. the bot (`node --require tsx/cjs bot/main.ts`), development mode, demo data on;
 *   3. the Microsoft 365 Agents Playground, pointed at the bot, in the msteams channel.
 *
 * Settings: the defaults below, overridden by `.env` in the repository root (KEY=VALUE lines),
 * overridden by variables already set in the shell (`LOG_LEVEL=debug npm run dev`). When
 * STORAGE_CONNECTION_STRING or STORAGE_ACCOUNT_URL comes from there, Azurite is not started.
 *
 * Ctrl-C (SIGINT), SIGTERM or SIGHUP stop all three and exit 0. When one of them dies on its own,
 * the others are stopped and this exits 1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { azuriteConnectionString } from '../test/support/azurite';
import { freePort, httpStatus, readDotEnvFile } from './localTools';

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'node_modules', '.bin');
const DATA_DIR = path.join(ROOT, '.data');
const AZURITE_DIR = path.join(DATA_DIR, 'azurite');
const PLAYGROUND_LOG = path.join(DATA_DIR, 'agentsplayground.log');
const AZURITE_DEFAULT_PORT = 10002;
const PLAYGROUND_DEFAULT_PORT = 56150;
// Longer than the bot's own 10 s shutdown limit (bot/main.ts), so it always gets to stop cleanly.
const STOP_GRACE_MS = 12_000;

const useColour = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
/** The children write into a pipe: tell them whether this terminal wants colour. */
const colourEnv: NodeJS.ProcessEnv = useColour ? { FORCE_COLOR: '1' } : { NO_COLOR: '1', FORCE_COLOR: '0' };
const paint = (code: number, text: string) => (useColour ? `\u001b[${code}m${text}\u001b[0m` : text);
const bold = (text: string) => paint(1, text);

function say(line: string): void {
  process.stdout.write(`${paint(35, '[dev]       ')} ${line}\n`);
}

function readDotEnv(): Record<string, string> {
  const file = path.join(ROOT, '.env');
  if (!existsSync(file)) return {};
  const values = readDotEnvFile(ROOT);
  say(`settings from .env: ${Object.keys(values).join(', ') || '(none)'}`);
  return values;
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

interface Child {
  name: string;
  process: ChildProcess;
  exited: Promise<void>;
}

const children: Child[] = [];
let stopping = false;

/** Starts a child in its own process group (so Ctrl-C reaches only us) with prefixed output. */
function startChild(name: string, colour: number, command: string, args: string[], env: NodeJS.ProcessEnv, onLine?: (line: string) => void): Child {
  const child = spawn(command, args, { cwd: ROOT, env: { ...env, ...colourEnv }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const prefix = paint(colour, `[${name}]`.padEnd(12));
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => {
      // A child that colours anyway (some CLIs ignore NO_COLOR): strip the codes when not a terminal.
      process.stdout.write(`${prefix} ${useColour ? line : stripAnsi(line)}\n`);
      onLine?.(line);
    });
  }
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      resolve();
      if (!stopping) {
        const how = signal ? `signal ${signal}` : `exit code ${code}`;
        say(paint(31, `${name} stopped unexpectedly (${how}); stopping the others.`));
        void shutdown(1);
      }
    });
    child.once('error', (error) => {
      resolve();
      if (!stopping) {
        say(paint(31, `${name} could not be started: ${error.message}`));
        void shutdown(1);
      }
    });
  });
  const entry = { name, process: child, exited };
  children.push(entry);
  return entry;
}

function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
}

async function stopChild(child: Child): Promise<void> {
  const proc = child.process;
  if (proc.exitCode !== null || proc.signalCode !== null || proc.pid === undefined) return;
  say(`waiting for ${child.name} to stop ...`);
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-proc.pid!, signal);
    } catch {
      try {
        proc.kill(signal);
      } catch {
        // already gone
      }
    }
  };
  signalGroup('SIGTERM');
  const timer = setTimeout(() => {
    say(`${child.name} did not stop within ${STOP_GRACE_MS / 1000} s; killing it`);
    signalGroup('SIGKILL');
  }, STOP_GRACE_MS);
  await child.exited;
  clearTimeout(timer);
}

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  if (code === 0) say('stopping the playground, the bot and Azurite ...');
  // Reverse start order: the playground first, storage last.
  for (const child of [...children].reverse()) await stopChild(child);
  say(code === 0 ? 'all stopped.' : paint(31, 'all stopped; see the messages above.'));
  process.exit(code);
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (stopping) throw new Error('stopping');
    if (Date.now() > deadline) throw new Error(`${what} did not come up within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The parent pid of `pid` from /proc (Linux), or undefined. */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) && ppid > 1 ? ppid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `kill <npm pid>` makes npm forward SIGTERM to its `sh -c`, which dies without passing it on: the
 * tsx launcher and this process would live on as orphans, holding the ports. So watch the launchers
 * (tsx, sh, npm) and stop as for SIGTERM when one of them is gone.
 */
function stopWhenLauncherDies(): void {
  const ancestors: number[] = [];
  for (let pid: number | undefined = process.ppid; pid !== undefined && ancestors.length < 3; pid = parentOf(pid)) ancestors.push(pid);
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  };
  const timer = setInterval(() => {
    const gone = ancestors.find((pid) => !alive(pid));
    if (gone === undefined) return;
    clearInterval(timer);
    say(`the process that started npm run dev (pid ${gone}) is gone; stopping.`);
    void shutdown(0);
  }, 1_000);
  timer.unref();
}

async function main(): Promise<void> {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (!stopping) return void shutdown(0);
      // A second Ctrl-C while stopping: do not wait any longer.
      say('killing everything now.');
      for (const child of children) {
        try {
          if (child.process.pid !== undefined) process.kill(-child.process.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      process.exit(130);
    });
  }
  stopWhenLauncherDies();

  const fromFile = readDotEnv();
  const fromShell = (key: string) => (process.env[key] !== undefined && process.env[key] !== '' ? process.env[key] : undefined);
  const setting = (key: string) => fromShell(key) ?? fromFile[key];
  const defaults: Record<string, string> = {
    NODE_ENV: 'development',
    DEMO_DATA: 'true',
    PORT: '3978',
  };
  const shell = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== undefined && value !== ''));
  const env: NodeJS.ProcessEnv = { ...defaults, ...fromFile, ...shell };

  const botPort = Number(env.PORT);
  if (!Number.isInteger(botPort) || botPort <= 0) throw new Error(`PORT must be a port number for npm run dev, got "${env.PORT}"`);
  if (!(await portIsFree(botPort))) {
    throw new Error(`port ${botPort} is already in use (an earlier npm run dev or npm start?). Stop that process or set PORT in .env.`);
  }

  mkdirSync(AZURITE_DIR, { recursive: true });

  // 1. Azurite
  const externalStorage = setting('STORAGE_CONNECTION_STRING') ?? setting('STORAGE_ACCOUNT_URL');
  if (externalStorage) {
    say('storage: using STORAGE_CONNECTION_STRING / STORAGE_ACCOUNT_URL from your settings; Azurite is not started.');
  } else {
    let azuritePort = AZURITE_DEFAULT_PORT;
    if (!(await portIsFree(azuritePort))) {
      azuritePort = await freePort();
      say(`port ${AZURITE_DEFAULT_PORT} is in use (another Azurite?); Azurite uses ${azuritePort} instead.`);
    }
    startChild('azurite', 33, process.execPath, [
      path.join(BIN, 'azurite-table'),
      '--tableHost', '127.0.0.1',
      '--tablePort', String(azuritePort),
      '--location', AZURITE_DIR,
      '--disableTelemetry',
      '--skipApiVersionCheck',
      '--silent',
    ], { ...process.env });
    // Any HTTP answer means the table service listens.
    await waitFor('Azurite', async () => (await httpStatus(`http://127.0.0.1:${azuritePort}/devstoreaccount1/Tables`)) > 0, 30_000);
    env.STORAGE_CONNECTION_STRING = azuriteConnectionString(azuritePort);
    say(`Azurite is up on 127.0.0.1:${azuritePort}, data in ${path.relative(ROOT, AZURITE_DIR)}/`);
  }

  // 2. The bot
  // DEP0111: restify's use of process.binding, noise on every start.
  const bot = startChild('bot', 36, process.execPath, ['--disable-warning=DEP0111', '--require', 'tsx/cjs', path.join('bot', 'main.ts')], env);
  const botBase = `http://127.0.0.1:${botPort}`;
  await waitFor('the bot', async () => {
    if (bot.process.exitCode !== null) throw new Error('the bot exited during start-up');
    return (await httpStatus(`${botBase}/readyz`)) === 200;
  }, 90_000);
  say(`the bot is ready: ${botBase}/api/messages`);

  // 3. The Agents Playground (falls back to a random port when 56150 is taken: read the real one).
  let playgroundPort: number | undefined;
  startChild('playground', 32, process.execPath, [
    path.join(BIN, 'agentsplayground'),
    '-e', `${botBase}/api/messages`,
    '-c', 'msteams',
    '--dt',
    '-p', String(PLAYGROUND_DEFAULT_PORT),
  ], {
    ...process.env,
    TEAMSAPPTESTER_BROWSER: 'none',
    // Otherwise it writes ./devTools/m365agentsplayground.log into the repository.
    M365_AGENTS_PLAYGROUND_LOGFILE: PLAYGROUND_LOG,
  }, (line) => {
    const match = /Listening on (\d+)/.exec(line);
    if (match) playgroundPort = Number(match[1]);
  });
  await waitFor('the Agents Playground', async () => playgroundPort !== undefined && (await httpStatus(`http://127.0.0.1:${playgroundPort}/`)) === 200, 60_000);

  const url = `http://localhost:${playgroundPort}`;
  const rule = '─'.repeat(64);
  process.stdout.write(
    [
      '',
      paint(32, rule),
      `  ${bold('Poolster is running.')} Open the Agents Playground in your browser:`,
      '',
      `      ${bold(url)}`,
      '',
      '  Try: type "help" in Personal Chat, then "status speerpunt 3", "resultaat" or "acties".',
      '  In Group Chat or a Teams channel, @mention Test Bot first (e.g. "@Test Bot digest hier").',
      `  You are "Alex Wilber"${/^(true|1|yes|ja)$/i.test(env.DEMO_DATA ?? '') ? ', director of the demo centre' : ''}. Ctrl-C stops everything.`,
      paint(32, rule),
      '',
    ].join('\n') + '\n',
  );
}

process.on('uncaughtException', (error) => {
  say(paint(31, `dev failed: ${error.message}`));
  void shutdown(1);
});

main().catch((error: unknown) => {
  if (stopping) return;
  say(paint(31, `npm run dev failed: ${(error as Error)?.message ?? String(error)}`));
  void shutdown(1);
});
