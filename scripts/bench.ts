/**
 * `npm run bench`: measures Poolster against the framework floor on this machine, on loopback only.
 *
 * Starts Azurite (behind a request-counting proxy), a connector stand-in, the bot as its own process,
 * and two floors: a bare botbuilder echo bot, and the same echo bot making each click durable with one
 * single-entity conditional write (about 2 KB, If-Match) to the same Azurite (the storage floor). For 1, 10 and 50 concurrent members walking the survey:
 * latency of an answered card (p50/p95/p99), throughput, table requests and CPU per answered card,
 * RSS. Also: consolidation time for 25 members, start-up time, and the weekly digest's fan-out to 100
 * channels against a connector that enforces Teams' rate limits (in this process: the product's
 * scheduler, messenger and adapter over Azurite; production retry policy, real waits). Every bot runs
 * built JavaScript (`npm run build`), as in production. Prints a Markdown report and writes
 * bench-results.json. Not a test: nothing here asserts timings.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Session } from 'node:inspector';
import { startAzurite, azuriteConnectionString, freePort } from '../test/support/azurite';
import { TcpProxy } from '../test/support/tcpProxy';
import { waitForCardIn } from '../test/support/bot';
import { FakeConnector, TEAMS_RATE_LIMITS } from '../test/support/connector';
import { validBouwsteenForm } from '../test/fixtures/surveyForms';
import { digestPlan } from '../test/fixtures/digestPlan';
import pino from 'pino';
import { createAdapter } from '../bot/app';
import { loadConfig } from '../bot/config';
import { digestSourcesFrom } from '../bot/digestSources';
import { createMessenger } from '../bot/messenger';
import { DEFAULT_RETRY } from '../bot/connectorRetry';
import { channelPostReference } from '../bot/references';
import { createDigestScheduler } from '../dialogs/digest/scheduler';
import { DEFAULT_DIGEST_SCHEDULE } from '../domain/calendar/schedule';
import { CentreRepository } from '../storage/centres';
import { createDigestStores, type DigestStores } from '../storage/digests';
import { PlanRepository } from '../storage/plans';
import { createTables } from '../storage/tables';
import { BOUWSTEEN_IDS } from '../domain/catalogue/types';
import { consolidateRound } from '../domain/survey/consolidate';
import type { MemberSurvey } from '../domain/survey/answers';
import { schoolYearOf } from '../domain/schoolYear';
import { brusselsDate } from '../domain/time';

const ROOT = path.resolve(__dirname, '..');
/** The Node flags of `npm start`, so the bench measures the bot as it runs in production. */
const START_FLAGS = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start!
  .split(/\s+/)
  .filter((arg) => arg.startsWith('--'));
const LEVELS = [1, 10, 50];
/**
 * Survey walks per member at each level, so every level times at least 220 answered cards: a p99
 * over 11 samples would only be the slowest one.
 */
const PASSES: Readonly<Record<number, number>> = { 1: 20, 10: 2, 50: 1 };
/** Members who walk the survey once, untimed, before the timed levels: both bots are measured warm. */
const WARM_UP_MEMBERS = 10;
/** Extra Node flags for the bot under test only, e.g. `BENCH_BOT_FLAGS=--cpu-prof` to profile it. */
const BOT_FLAGS = (process.env.BENCH_BOT_FLAGS ?? '').split(/\s+/).filter(Boolean);
const TENANT = '00000000-0000-0000-0000-000000000001';
const out = (line = '') => process.stdout.write(`${line}\n`);

function rssOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** CPU time a process has used so far (user + system), in ms; /proc counts in clock ticks of 10 ms. */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function waitReady(url: string, child: ChildProcess): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return performance.now() - started;
    } catch {
      /* not yet listening */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Member {
  userId: string;
  channelUserId: string;
  name: string;
}

function activity(connectorUrl: string, member: Member, conversation: { id: string; kind: string }, extra: Record<string, unknown>) {
  return {
    channelId: 'msteams',
    serviceUrl: connectorUrl,
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    from: { id: member.channelUserId, name: member.name, aadObjectId: member.userId },
    recipient: { id: '28:poolster-bot', name: 'Poolster' },
    conversation: { id: conversation.id, conversationType: conversation.kind, tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    ...extra,
  };
}

/** Posts an activity; resolves with the response body as text (what arrives over the wire). */
async function postText(url: string, body: unknown): Promise<string> {
  const response = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  if (response.status >= 400) throw new Error(`HTTP ${response.status}: ${text.slice(0, 200)}`);
  return text;
}

async function post(url: string, body: unknown): Promise<any> {
  const text = await postText(url, body);
  return text ? JSON.parse(text) : undefined;
}

/** How an invoke response that carries a card starts: the load generator checks this, without parsing. */
const CARD_RESPONSE = '"type":"application/vnd.microsoft.card.adaptive"';

interface LevelResult {
  concurrency: number;
  answers: number;
  p50: number;
  p95: number;
  p99: number;
  throughput: number;
  tableRequestsPerAnswer?: number;
  /** CPU ms per answered card: the bot, Azurite, and this process (load generator and proxy). */
  cpuPerAnswer?: { bot: number; azurite: number; bench: number };
}

/** Runs `perMember` for `concurrency` members at once; returns latencies of each timed call. */
async function runLevel(concurrency: number, perMember: (index: number, time: (fn: () => Promise<unknown>) => Promise<unknown>) => Promise<void>) {
  const latencies: number[] = [];
  const time = async (fn: () => Promise<unknown>) => {
    const t0 = performance.now();
    const result = await fn();
    latencies.push(performance.now() - t0);
    return result;
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, (_, i) => perMember(i, time)));
  const wall = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return { latencies, wall };
}

/**
 * Times one level against the bot process `botPid` and returns what the report shows: latencies,
 * throughput, table requests (through `proxy`) and CPU per answered card of the bot, Azurite and
 * this process.
 */
async function measureLevel(
  concurrency: number,
  pids: { bot: number; azurite: number },
  proxy: TcpProxy,
  perMember: (index: number, time: (fn: () => Promise<unknown>) => Promise<unknown>) => Promise<void>,
): Promise<LevelResult> {
  const requestsBefore = proxy.requests;
  const cpuBefore = { bot: cpuMsOf(pids.bot), azurite: cpuMsOf(pids.azurite), bench: process.cpuUsage() };
  const { latencies, wall } = await runLevel(concurrency, perMember);
  const benchCpu = process.cpuUsage(cpuBefore.bench);
  const answers = latencies.length;
  return {
    concurrency,
    answers,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    throughput: answers / wall,
    tableRequestsPerAnswer: (proxy.requests - requestsBefore) / answers,
    cpuPerAnswer: {
      bot: (cpuMsOf(pids.bot) - cpuBefore.bot) / answers,
      azurite: (cpuMsOf(pids.azurite) - cpuBefore.azurite) / answers,
      bench: (benchCpu.user + benchCpu.system) / 1000 / answers,
    },
  };
}

interface FanOutResult {
  channels: number;
  centres: number;
  wallMs: number;
  /** CPU of this process (scheduler, messenger, table client; and the connector stand-in) during the tick. */
  cpuMs: number;
  digestsSent: number;
  digestsFailed: number;
  delivered: number;
  duplicates: number;
  connectorRequests: number;
  throttled: number;
  tableRequests: number;
}

/** A CPU profile of this process from now until `stop()` (the tick only, not the set-up). */
async function startProfile(): Promise<{ stop(): Promise<object> }> {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<any>((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.start');
  return {
    async stop() {
      const { profile } = await post('Profiler.stop');
      session.disconnect();
      return profile as object;
    },
  };
}

/**
 * The weekly digest to 100 channels (25 centres with 4 channels each, each centre with the digest
 * test plan): one scheduler tick at a due moment, through the product's DigestScheduler, messenger
 * and adapter (no credentials) against Azurite and a connector that answers 429 + Retry-After above
 * Teams' limits (7/s, 60/30 s, 1,800/h per conversation; 50 rps for the app). Production retry policy
 * with real waits. Wall time from the tick until every digest was delivered.
 */
async function digestFanOut(connectionString: string, proxy: TcpProxy): Promise<FanOutResult> {
  const CENTRES = 25;
  const PER_CENTRE = 4;
  const due = new Date('2026-06-01T06:00:00Z'); // Monday 08:00 Brussels, a working day
  const registeredAt = new Date('2026-05-29T10:00:00Z');
  const tables = createTables({ connectionString, tablePrefix: `fan${Date.now() % 100000}` });
  await tables.ensure();
  const centres = new CentreRepository(tables.client('Centres'), tables.client('People'));
  const digests = createDigestStores(tables.client('Digests'));
  const plans = new PlanRepository(tables.client('Plans'));
  const connector = new FakeConnector();
  await connector.start();
  try {
    const channels: string[] = [];
    for (let c = 0; c < CENTRES; c += 1) {
      const directorId = randomUUID();
      const { centre } = await centres.createCentre({
        tenantId: TENANT,
        name: `GO! CLB Fan-out ${c + 1}`,
        network: 'GO! CLB',
        director: { tenantId: TENANT, userId: directorId, channelUserId: `29:${directorId}`, name: `Directeur ${c + 1}` },
        now: registeredAt,
      });
      await plans.replacePlan(centre.centreId, digestPlan(), registeredAt);
      for (let k = 0; k < PER_CENTRE; k += 1) {
        const id = `19:fanout-${c}-${k}@thread.tacv2`;
        channels.push(id);
        await digests.channels.register({
          tenantId: TENANT,
          centreId: centre.centreId,
          conversationKey: id,
          conversationKind: 'channel',
          ref: { channelId: 'msteams', serviceUrl: connector.url, conversation: { id, conversationType: 'channel', tenantId: TENANT, isGroup: true }, bot: { id: '28:poolster-bot', name: 'Poolster' } },
          schedule: { ...DEFAULT_DIGEST_SCHEDULE, pausedHolidays: [...DEFAULT_DIGEST_SCHEDULE.pausedHolidays] },
          registeredBy: directorId,
          registeredByName: `Directeur ${c + 1}`,
          now: registeredAt,
        });
      }
    }
    const logger = pino({ level: process.env.BENCH_FANOUT_LOG ?? 'silent' });
    const config = loadConfig({ NODE_ENV: 'development', STORAGE_CONNECTION_STRING: connectionString, LOG_LEVEL: 'silent', SCHEDULER: 'false' });
    const adapter = createAdapter(config, logger, DEFAULT_RETRY);
    const scheduler = createDigestScheduler({
      centres,
      digests,
      sources: digestSourcesFrom(tables),
      messenger: createMessenger({ adapter, botAppId: '', logger }),
      logger,
      now: () => due,
      postReference: channelPostReference,
      instanceId: 'bench',
    });
    connector.throttling = TEAMS_RATE_LIMITS;
    const [tableBefore, requestsBefore] = [proxy.requests, connector.requests];
    const profile = process.env.BENCH_FANOUT_PROFILE ? await startProfile() : undefined;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const report = await scheduler.tick(due);
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    if (profile) writeFileSync(process.env.BENCH_FANOUT_PROFILE!, JSON.stringify(await profile.stop()));
    const perChannel = channels.map((id) => connector.sentTo(id).length);
    return {
      channels: channels.length,
      centres: CENTRES,
      wallMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      digestsSent: report.digestsSent,
      digestsFailed: report.digestsFailed,
      delivered: perChannel.filter((n) => n > 0).length,
      duplicates: perChannel.reduce((n, count) => n + Math.max(0, count - 1), 0),
      connectorRequests: connector.requests - requestsBefore,
      throttled: connector.throttled,
      tableRequests: proxy.requests - tableBefore,
    };
  } finally {
    await connector.stop();
  }
}

/** One line on the fan-out (the report's, and `BENCH_PART=fanout`'s only output). */
function fanOutLine(fanOut: FanOutResult): string {
  return (
    `Digest fan-out to ${fanOut.channels} channels (${fanOut.centres} centres, one scheduler tick, connector enforcing 7/s per conversation and 50 rps per app, production retry policy): ` +
    `${(fanOut.wallMs / 1000).toFixed(2)} s until all delivered (${((fanOut.channels * 1000) / fanOut.wallMs).toFixed(1)} digests/s); ` +
    `${fanOut.delivered} of ${fanOut.channels} delivered, ${fanOut.duplicates} duplicates, ${fanOut.digestsFailed} failed; ` +
    `${fanOut.connectorRequests} connector requests, ${fanOut.throttled} answered 429; ${fanOut.tableRequests} table requests (${(fanOut.tableRequests / fanOut.channels).toFixed(1)} per digest); ` +
    `${(fanOut.cpuMs / fanOut.channels).toFixed(1)} ms CPU per digest in the sending process`
  );
}

/** `BENCH_PART=fanout`: only the digest fan-out (in this process), e.g. to profile it with `--cpu-prof`. */
async function fanOutOnly(): Promise<void> {
  const azurite = await startAzurite();
  const proxy = new TcpProxy(await freePort(), azurite.port);
  await proxy.up();
  try {
    out(fanOutLine(await digestFanOut(azuriteConnectionString(proxy.port), proxy)));
  } finally {
    await proxy.down();
    await azurite.stop();
  }
}

async function main(): Promise<void> {
  if (process.env.BENCH_PART === 'fanout') return fanOutOnly();
  out('Poolster benchmark (loopback only)');
  const azurite = await startAzurite();
  const proxy = new TcpProxy(await freePort(), azurite.port);
  await proxy.up();
  const connector = new FakeConnector();
  await connector.start();
  const children: ChildProcess[] = [];
  const stopAll = async () => {
    for (const c of children) c.kill('SIGTERM');
    await connector.stop();
    await proxy.down();
    await azurite.stop();
  };

  try {
    // --- Poolster as its own process -------------------------------------------------------------
    const botPort = await freePort();
    const botUrl = `http://127.0.0.1:${botPort}`;
    const spawnedAt = performance.now();
    const bot = spawn(process.execPath, [...START_FLAGS, ...BOT_FLAGS, path.join(ROOT, 'dist/bot/main.js')], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        PORT: String(botPort),
        STORAGE_CONNECTION_STRING: azuriteConnectionString(proxy.port),
        TABLE_PREFIX: `bench${Date.now() % 100000}`,
        LOG_LEVEL: 'error',
        LOG_FORMAT: 'json',
        SCHEDULER: 'false',
        DEMO_DATA: 'false',
      },
      stdio: ['ignore', process.env.BENCH_BOT_LOG ? 'inherit' : 'ignore', 'inherit'],
    });
    children.push(bot);
    await waitReady(botUrl, bot);
    const startupMs = performance.now() - spawnedAt;
    await new Promise((r) => setTimeout(r, 1000));
    const idle = rssOf(bot.pid!);

    // A centre with a director and one round for every member of every level.
    const director: Member = { userId: randomUUID(), channelUserId: `29:${randomUUID()}`, name: 'Diane Directeur' };
    const members: Member[] = Array.from({ length: WARM_UP_MEMBERS + LEVELS.reduce((a, b) => a + b, 0) }, (_, i) => {
      const userId = randomUUID();
      return { userId, channelUserId: `29:${userId}`, name: `Lid ${String(i + 1).padStart(2, '0')}` };
    });
    const personal = (m: Member) => ({ id: `a:personal-${m.channelUserId}`, kind: 'personal' });
    const group = { id: '19:bench@thread.v2', kind: 'groupChat' };
    connector.members.set(group.id, [director, ...members].map((m) => ({ id: m.channelUserId, name: m.name, aadObjectId: m.userId })));
    await post(botUrl, activity(connector.url, director, personal(director), { type: 'message', text: 'setup GO! CLB Bench' }));
    // The bot runs on the system clock: the round's year and deadline follow it, in Brussels time as the bot decides.
    const now = new Date();
    const deadline = brusselsDate(new Date(now.getTime() + 20 * 86_400_000));
    const created = await post(
      botUrl,
      activity(connector.url, director, group, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'round.create', data: { schoolYear: schoolYearOf(now), deadline, participants: members.map((m) => m.userId).join(','), visibility: 'anoniem' } } },
      }),
    );
    if (created?.type !== 'application/vnd.microsoft.card.adaptive') throw new Error(`round not created: ${JSON.stringify(created).slice(0, 300)}`);
    // Invitations go out after the reply; the director's overview in the group chat says they are done.
    await waitForCardIn(connector, group.id, /deelnemers kregen een persoonlijke uitnodiging/, 120_000);
    const invitation = connector.sentTo(`a:personal-${members[0]!.channelUserId}`).at(-1);
    const roundId = /"roundId":"([^"]+)"/.exec(JSON.stringify(invitation ?? {}))?.[1];
    if (!roundId) throw new Error('no round id in the invitation');

    const invokeText = (m: Member, verb: string, data: Record<string, unknown>) =>
      postText(botUrl, activity(connector.url, m, personal(m), { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } } }));
    const invoke = async (m: Member, verb: string, data: Record<string, unknown>) => {
      const text = await invokeText(m, verb, data);
      return text ? JSON.parse(text) : undefined;
    };

    /** One member's walks through the 11 bouwstenen; a bouwsteen's stored version is the pass number. */
    const walk = async (m: Member, passes: number, time: (fn: () => Promise<unknown>) => Promise<unknown>) => {
      for (let pass = 0; pass < passes; pass += 1) {
        for (const bouwsteenId of BOUWSTEEN_IDS) {
          // A Teams client parses the card once to render it; the load generator only checks the text.
          const answer = (await time(() => invokeText(m, 'survey.answer', { roundId, bouwsteenId, version: pass, nav: 'next', ...validBouwsteenForm() }))) as string;
          if (!answer.includes(CARD_RESPONSE) || answer.includes('niets overschreven')) throw new Error(`answer refused: ${answer.slice(0, 200)}`);
        }
      }
    };
    const untimed = (fn: () => Promise<unknown>) => fn();
    const warmUp = members.slice(0, WARM_UP_MEMBERS);
    await Promise.all(warmUp.map((m) => invoke(m, 'survey.open', { roundId, target: 'resume' })));
    await Promise.all(warmUp.map((m) => walk(m, 1, untimed)));

    const poolsterLevels: LevelResult[] = [];
    let offset = WARM_UP_MEMBERS;
    for (const concurrency of LEVELS) {
      const group = members.slice(offset, offset + concurrency);
      offset += concurrency;
      // Opening the survey is not timed; every answered card is.
      await Promise.all(group.map((m) => invoke(m, 'survey.open', { roundId, target: 'resume' })));
      poolsterLevels.push(
        await measureLevel(concurrency, { bot: bot.pid!, azurite: azurite.process.pid! }, proxy, (i, time) => walk(group[i]!, PASSES[concurrency] ?? 1, time)),
      );
    }
    const peak = rssOf(bot.pid!);

    // --- The floors: the bare echo bot, and the echo bot that saves each click (same run) ----------
    /** Spawns the echo bot (with `env`), warms it up, and times the same levels against it. */
    const measureFloor = async (env: Record<string, string>) => {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const child = spawn(process.execPath, [...START_FLAGS, path.join(ROOT, 'dist/scripts/echoBot.js')], { cwd: ROOT, env: { ...process.env, PORT: String(port), ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
      children.push(child);
      await waitReady(url, child);
      const idleRss = rssOf(child.pid!);
      const click = async (m: Member, passes: number, time: (fn: () => Promise<unknown>) => Promise<unknown>) => {
        for (let n = 0; n < passes * BOUWSTEEN_IDS.length; n += 1) {
          const answer = (await time(() => postText(url, activity(connector.url, m, personal(m), { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'echo', data: validBouwsteenForm() } } })))) as string;
          if (!answer.includes(CARD_RESPONSE)) throw new Error(`floor did not answer with a card: ${answer.slice(0, 200)}`);
        }
      };
      await Promise.all(warmUp.map((m) => click(m, 1, untimed)));
      const levels: LevelResult[] = [];
      for (const concurrency of LEVELS) {
        levels.push(
          await measureLevel(concurrency, { bot: child.pid!, azurite: azurite.process.pid! }, proxy, (i, time) =>
            click(members[WARM_UP_MEMBERS + i]!, PASSES[concurrency] ?? 1, time),
          ),
        );
      }
      child.kill('SIGTERM');
      return { levels, idleRss };
    };
    const { levels: echoLevels, idleRss: echoIdle } = await measureFloor({});
    const { levels: storageFloorLevels } = await measureFloor({ ECHO_STORAGE: azuriteConnectionString(proxy.port) });

    // --- Consolidation for 25 members (pure, in this process) -------------------------------------
    const surveys: MemberSurvey[] = Array.from({ length: 25 }, (_, i) => ({
      memberId: `m${i}`,
      memberName: `Lid ${i}`,
      answers: Object.fromEntries(
        BOUWSTEEN_IDS.map((id, j) => [
          id,
          {
            bouwsteenId: id,
            stadium: (((i + j) % 4) + 1) as 1 | 2 | 3 | 4,
            ambition: 'aanhouden' as const,
            choice: 'combinatie' as const,
            choiceNote: 'x'.repeat(500),
            difference: { none: true, kinds: [] },
            levers: { none: false, categories: ['mensen' as const] },
            obstacles: { none: true, categories: [] },
          },
        ]),
      ),
      closing: { notYetInspiring: false, inspiring: ['5.1'], priorities: ['6.4', '4.1', '5.2'] },
      submittedAt: new Date().toISOString(),
    }));
    const runs = 200;
    const t0 = performance.now();
    for (let i = 0; i < runs; i += 1) consolidateRound(surveys, { open: i % 2 === 0 });
    const consolidationMs = (performance.now() - t0) / runs;

    // --- Digest fan-out to 100 channels against Teams' rate limits (in this process) ----------------
    const fanOut = await digestFanOut(azuriteConnectionString(proxy.port), proxy);

    // --- Report -----------------------------------------------------------------------------------
    out();
    out(`Machine: ${process.arch}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; every bot runs with ${START_FLAGS.join(' ')}`);
    out('Echo: bare botbuilder bot, no storage (the framework floor). Storage floor: the same bot making each click durable');
    out('with one single-entity conditional write (updateEntity, Replace, If-Match, about 2 KB) to the same Azurite.');
    out();
    const triple = (l: LevelResult) => `${l.p50.toFixed(1)} / ${l.p95.toFixed(1)} / ${l.p99.toFixed(1)}`;
    out('| concurrent members | answered cards | Poolster p50 / p95 / p99 (ms) | echo p50 / p95 / p99 (ms) | p99 ratio to echo | storage floor p50 / p95 / p99 (ms) | p99 ratio to storage floor |');
    out('|---|---|---|---|---|---|---|');
    for (let i = 0; i < LEVELS.length; i += 1) {
      const [p, e, f] = [poolsterLevels[i]!, echoLevels[i]!, storageFloorLevels[i]!];
      out(`| ${p.concurrency} | ${p.answers} | ${triple(p)} | ${triple(e)} | ${(p.p99 / e.p99).toFixed(2)} | ${triple(f)} | ${(p.p99 / f.p99).toFixed(2)} |`);
    }
    out();
    out('Throughput, table requests and CPU per answered card (CPU in ms, on cores shared by every process):');
    out();
    out('| concurrent members | cards/s Poolster / echo / storage floor | table requests per card Poolster / storage floor | CPU Poolster bot / Azurite / load generator | CPU echo bot / load generator | CPU storage-floor bot / Azurite / load generator |');
    out('|---|---|---|---|---|---|');
    for (let i = 0; i < LEVELS.length; i += 1) {
      const [p, e, f] = [poolsterLevels[i]!, echoLevels[i]!, storageFloorLevels[i]!];
      const cpu = (l: LevelResult, withAzurite: boolean) =>
        [l.cpuPerAnswer!.bot, ...(withAzurite ? [l.cpuPerAnswer!.azurite] : []), l.cpuPerAnswer!.bench].map((n) => n.toFixed(2)).join(' / ');
      out(
        `| ${LEVELS[i]} | ${p.throughput.toFixed(0)} / ${e.throughput.toFixed(0)} / ${f.throughput.toFixed(0)} | ${p.tableRequestsPerAnswer!.toFixed(2)} / ${f.tableRequestsPerAnswer!.toFixed(2)} | ` +
          `${cpu(p, true)} | ${cpu(e, false)} | ${cpu(f, true)} |`,
      );
    }
    out();
    out(`Poolster RSS: idle ${idle.rssMb.toFixed(0)} MB (1 s after start-up), peak ${peak.peakMb.toFixed(0)} MB (during the 50-member walk); echo bot idle ${echoIdle.rssMb.toFixed(0)} MB`);
    out(`Start-up (spawn of the built bot to /readyz, tables created): ${startupMs.toFixed(0)} ms`);
    out(`Consolidation of 25 members (11 bouwstenen, 500-character toelichtingen): ${consolidationMs.toFixed(2)} ms per run (mean of ${runs})`);
    out(fanOutLine(fanOut));

    // --- The targets of issue 16: Poolster against the storage floor, in this run ---------------
    const ratios = LEVELS.map((concurrency, i) => {
      const [p, f] = [poolsterLevels[i]!, storageFloorLevels[i]!];
      return {
        concurrency,
        p99: p.p99 / f.p99,
        throughput: p.throughput / f.throughput,
        botCpu: p.cpuPerAnswer!.bot / f.cpuPerAnswer!.bot,
        tableRequestsPerAnswer: p.tableRequestsPerAnswer!,
      };
    });
    // Teams lets an app send 50 requests per second: 100 digests take at least 2.0 s.
    const perApp = TEAMS_RATE_LIMITS.perApp![0]!;
    const fanOutFloorMs = (fanOut.channels / perApp.max) * perApp.windowMs;
    out();
    out('Targets (Poolster against the storage floor, this run):');
    out();
    out(`| figure | ${LEVELS.map((l) => `${l} member${l === 1 ? '' : 's'}`).join(' | ')} | target |`);
    out(`|---|${LEVELS.map(() => '---|').join('')}---|`);
    const row = (label: string, values: number[], digits: number, target: string) => out(`| ${label} | ${values.map((v) => v.toFixed(digits)).join(' | ')} | ${target} |`);
    row('p99 of an answered card / floor p99', ratios.map((r) => r.p99), 2, '≤ 1.25');
    row('cards/s / floor cards/s', ratios.map((r) => r.throughput), 2, '≥ 0.75');
    row('bot CPU per card / floor bot CPU', ratios.map((r) => r.botCpu), 2, '≤ 1.4');
    row('bot CPU per card, ms (Poolster)', poolsterLevels.map((l) => l.cpuPerAnswer!.bot), 2, '');
    row('bot CPU per card, ms (floor)', storageFloorLevels.map((l) => l.cpuPerAnswer!.bot), 2, '');
    row('table requests per answered card', ratios.map((r) => r.tableRequestsPerAnswer), 2, '1');
    out();
    out(`Idle RSS ${idle.rssMb.toFixed(0)} MB (target < 150 MB). Digest fan-out to ${fanOut.channels} channels ${(fanOut.wallMs / 1000).toFixed(2)} s against the rate-limit floor of ${(fanOutFloorMs / 1000).toFixed(1)} s: ${(fanOut.wallMs / fanOutFloorMs).toFixed(2)}× (target ≤ 1.1×).`);
    writeFileSync(
      path.join(ROOT, 'bench-results.json'),
      `${JSON.stringify({ date: new Date().toISOString(), node: process.version, poolster: poolsterLevels, echo: echoLevels, storageFloor: storageFloorLevels, ratios, idleRssMb: idle.rssMb, peakRssMb: peak.peakMb, echoIdleRssMb: echoIdle.rssMb, startupMs, consolidationMs, digestFanOut: { ...fanOut, floorMs: fanOutFloorMs, ratio: fanOut.wallMs / fanOutFloorMs } }, null, 2)}\n`,
    );
  } finally {
    await stopAll();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    const cause = (error as { cause?: unknown })?.cause;
    process.stderr.write(`bench failed: ${(error as Error)?.stack ?? String(error)}${cause ? `\ncaused by: ${String((cause as Error)?.stack ?? cause)}` : ""}\n`);
    process.exit(1);
  },
);
