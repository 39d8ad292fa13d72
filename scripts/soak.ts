/**
 * `npm run soak [-- --minutes N]` (default 5): a bounded soak on loopback. Not a test.
 *
 * Starts Azurite (in memory), a connector stand-in and the bot as its own process (`bot/main.ts`);
 * 5 centres with 10 members each walk the survey again and again (every bouwsteen, then from the
 * first one again, each click a new version), their directors ask `status`, `resultaat` and
 * `voortgang`, and a digest goes out every minute on a compressed schedule (a scheduler ticking one
 * ISO week further each minute, over the same storage). Stops by itself after N minutes.
 * Prints per minute: requests, errors, p99 latency, the machine's load average, and the bot's
 * memory: RSS as it is, then the V8 heap used right after a forced full GC (scripts/soakProbe.ts,
 * preloaded into the bot process with --expose-gc; asked over IPC). The bot runs with the V8 flags
 * of `npm start` (--max-semi-space-size=2; SOAK_SEMI_SPACE_MB to try another). At the end: errors,
 * lost answers (a click acknowledged but a lower version stored), and the growth of RSS and of the
 * heap after GC from the first minute (warm-up) to the last. The load generator (this process: the
 * driver, Azurite, the connector stand-in) is measured apart from the bot.
 * Targets: 0 errors, 0 lost answers (and no stale-card answer with storage behind the card), and
 * growth under 10 MB of RSS and of the heap, both read right after a forced full GC (the same point
 * of V8's cycle every minute). RSS as sampled is printed beside them, with the range it moved in:
 * it also holds garbage not yet collected and what malloc keeps for later (SOAK_MALLOC_ARENA_MAX to
 * try fewer malloc arenas in the bot).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { startAzurite, freePort, type AzuriteHandle } from '../test/support/azurite';
import { FakeConnector } from '../test/support/connector';
import { cardText, firstCard, startTestBot, waitForCardIn, type TestUser } from '../test/support/bot';
import { killHard, startBotProcess } from '../test/support/botProcess';
import { systemClock } from '../test/support/clock';
import { validBouwsteenForm } from '../test/fixtures/surveyForms';
import { createAdapter } from '../bot/app';
import { DEFAULT_RETRY } from '../bot/connectorRetry';
import { createMessenger } from '../bot/messenger';
import { channelPostReference } from '../bot/references';
import { createDigestScheduler } from '../dialogs/digest/scheduler';
import { BOUWSTEEN_IDS, type BouwsteenId } from '../domain/catalogue/types';

const CENTRES = 5;
const MEMBERS_PER_CENTRE = 10;
const THINK_MS = 150;

function minutesArg(): number {
  const index = process.argv.indexOf('--minutes');
  const value = Number(index >= 0 ? process.argv[index + 1] : process.env.SOAK_MINUTES ?? 5);
  if (!Number.isFinite(value) || value <= 0 || value > 120) throw new Error('--minutes must be between 0 and 120');
  return value;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

interface BotMemory {
  rss: number;
  heapUsedBeforeGc: number;
  heapUsed: number;
  rssAfterGc: number;
  external: number;
  gc: boolean;
}

/** Asks the bot's memory probe (scripts/soakProbe.ts) for RSS and the heap after a full GC. */
function botMemory(child: ChildProcess): Promise<BotMemory> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off('message', onMessage);
      reject(new Error('the bot did not answer the memory probe'));
    }, 30_000);
    const onMessage = (message: unknown) => {
      const m = message as BotMemory & { kind?: string };
      if (m?.kind !== 'memory') return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(m);
    };
    child.on('message', onMessage);
    child.send('memory');
  });
}

const mb = (bytes: number) => bytes / 1024 / 1024;

function semiSpaceMb(): number {
  const value = Number(process.env.SOAK_SEMI_SPACE_MB ?? 2);
  if (!Number.isFinite(value) || value < 1 || value > 64) throw new Error('SOAK_SEMI_SPACE_MB must be between 1 and 64');
  return value;
}

function p99(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))]!;
}

/** The bot's process and Azurite, so that a failing soak never leaves them running. */
let botProcess: ChildProcess | undefined;
let storage: AzuriteHandle | undefined;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const minutes = minutesArg();
  const azurite = (storage = await startAzurite());
  const connector = new FakeConnector();
  await connector.start();
  const tablePrefix = `soak${randomUUID().replace(/-/g, '').slice(0, 8)}`;
  const port = await freePort();
  const semiSpace = semiSpaceMb();
  let child = (botProcess = await startBotProcess({
    port,
    connectionString: azurite.connectionString,
    tablePrefix,
    // SOAK_MALLOC_ARENA_MAX: glibc's malloc arenas for the bot (to tell allocator retention from heap).
    env: { LOG_LEVEL: 'error', ...(process.env.SOAK_MALLOC_ARENA_MAX ? { MALLOC_ARENA_MAX: process.env.SOAK_MALLOC_ARENA_MAX } : {}) },
    nodeArgs: [`--max-semi-space-size=${semiSpace}`, '--expose-gc', '--require', path.join(__dirname, 'soakProbe.ts')],
    ipc: true,
  }));
  const driver = await startTestBot({ connector, tablePrefix, env: { STORAGE_CONNECTION_STRING: azurite.connectionString } });
  (driver.poolster as { url: string }).url = `http://127.0.0.1:${port}`;

  const figures = { errors: 0, lost: 0, clicks: 0, commands: 0, digests: 0, digestErrors: 0, stale: 0, staleStorageBehind: 0 };
  const lostSamples: string[] = [];
  const errorKinds = new Map<string, number>();
  const fail = (kind: string) => {
    figures.errors += 1;
    errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
  };
  let minuteLatencies: number[] = [];
  let minuteCommandLatencies: number[] = [];
  let minuteRequests = 0;
  const timed = async <T>(call: () => Promise<T>, kind: 'click' | 'command' = 'click'): Promise<T> => {
    const started = performance.now();
    try {
      return await call();
    } finally {
      (kind === 'click' ? minuteLatencies : minuteCommandLatencies).push(performance.now() - started);
      minuteRequests += 1;
    }
  };

  // Setup: centres, members, a round each, a digest channel each.
  const directors: TestUser[] = [];
  const members: Array<{ user: TestUser; roundId: string; acked: Map<BouwsteenId, number> }> = [];
  const now = new Date();
  const clock = systemClock(); // the bot process runs on the system clock
  const deadline = clock.inDays(30);
  for (let c = 0; c < CENTRES; c += 1) {
    const director = driver.user(`Directeur ${c + 1}`);
    directors.push(director);
    await director.say(`setup GO! CLB Soak ${c + 1}`);
    const team = Array.from({ length: MEMBERS_PER_CENTRE }, (_, i) => driver.user(`Lid ${c + 1}.${i + 1}`));
    const group = { id: `19:soak-${c}@thread.v2`, kind: 'groupChat' as const };
    connector.members.set(group.id, [director, ...team].map((u) => ({ id: u.channelUserId, name: u.name, aadObjectId: u.userId })));
    await director.execute('round.create', { schoolYear: clock.schoolYear, deadline, participants: team.map((m) => m.userId).join(','), visibility: 'anoniem' }, group);
    await waitForCardIn(connector, group.id, new RegExp(`Alle ${MEMBERS_PER_CENTRE} deelnemers kregen`), 60_000);
    await director.say('<at>Poolster</at> digest hier', { id: `19:soak-kanaal-${c}@thread.tacv2`, kind: 'channel', teamId: `19:soak-team-${c}` });
    const roundId = (await driver.poolster.deps.centres.listCentres(director.tenantId)).find((x) => x.name === `GO! CLB Soak ${c + 1}`)!.openRoundId!;
    for (const user of team) members.push({ user, roundId, acked: new Map() });
  }

  const endAt = Date.now() + minutes * 60_000;
  const running = () => Date.now() < endAt;

  const walk = async (member: (typeof members)[number]) => {
    let card: any;
    while (running()) {
      try {
        if (!card || !/Bouwsteen \d+ van 11/.test(cardText(card))) {
          const opened = await timed(() => member.user.execute('survey.open', { roundId: member.roundId, target: '4.1' }));
          card = opened.card;
          if (!card) fail(`open: ${String(opened.message).slice(0, 40)}`);
          continue;
        }
        const step = Number(/Bouwsteen (\d+) van 11/.exec(cardText(card))![1]);
        const bouwsteenId = BOUWSTEEN_IDS[step - 1]!;
        const next = findVolgende(card);
        if (!next) {
          fail('no Volgende on a step card');
          card = undefined;
          continue;
        }
        const answer = await timed(() => member.user.execute('survey.answer', { ...next.data, ...validBouwsteenForm({ stadium: String(1 + (figures.clicks % 4)) }) }));
        figures.clicks += 1;
        if (answer.status !== 200 || !answer.card) {
          fail(`answer: ${answer.status} ${String(answer.message ?? '').slice(0, 40)}`);
          card = undefined;
          continue;
        }
        const sentVersion = Number(next.data.version ?? 0);
        if (/Die kaart was al verwerkt/.test(cardText(answer.card))) {
          // A stale-card answer wrote nothing: not an acknowledgement. One member clicks one card at a
          // time, so storage behind the card means an acknowledged answer is missing there.
          figures.stale += 1;
          const current = Number(findVolgende(answer.card)?.data.version ?? -1);
          if (current < sentVersion) {
            figures.staleStorageBehind += 1;
            if (lostSamples.length < 5) lostSamples.push(`${member.user.name} ${bouwsteenId}: card v${sentVersion}, storage v${current}`);
          }
          card = answer.card;
          continue;
        }
        member.acked.set(bouwsteenId, sentVersion + 1);
        card = answer.card;
      } catch (error) {
        fail(`answer threw: ${(error as Error).message.slice(0, 40)}`);
        card = undefined;
      }
      await sleep(THINK_MS);
    }
  };

  const ask = async (director: TestUser) => {
    const words = ['status', 'resultaat', 'voortgang'];
    for (let i = 0; running(); i += 1) {
      try {
        const replies = await timed(() => director.say(words[i % words.length]!), 'command');
        figures.commands += 1;
        if (replies.length === 0) fail(`${words[i % words.length]}: no reply`);
        else if (/Er ging iets mis|Probeer zo opnieuw/.test(JSON.stringify(replies))) fail(`${words[i % words.length]}: error message`);
      } catch (error) {
        fail(`command threw: ${(error as Error).message.slice(0, 40)}`);
      }
      await sleep(2_000);
    }
  };

  // The compressed schedule: each minute the scheduler lives one week further (Monday 08:00 Brussels).
  const logger = pino({ level: 'silent' });
  const messenger = createMessenger({ adapter: createAdapter(driver.poolster.config, logger, DEFAULT_RETRY), botAppId: '', logger });
  const firstMonday = new Date(Date.UTC(now.getUTCFullYear() + 1, 0, 4, 7, 0, 0)); // a Monday in January (+1 year: never this week)
  while (firstMonday.getUTCDay() !== 1) firstMonday.setUTCDate(firstMonday.getUTCDate() + 1);
  let week = 0;
  const digestWeek = async () => {
    const at = new Date(firstMonday.getTime() + week * 7 * 86_400_000);
    week += 1;
    const { deps } = driver.poolster;
    const report = await createDigestScheduler({ ...deps, messenger, sources: deps.digestSources, postReference: channelPostReference, now: () => at, instanceId: 'soak' }).tick(at);
    figures.digests += report.digestsSent;
    figures.digestErrors += report.errors + report.digestsFailed;
    if (report.errors + report.digestsFailed > 0) fail('digest tick');
  };

  const rows: string[] = [];
  const rss: number[] = [];
  const heap: number[] = [];
  const rssAfterGc: number[] = [];
  const watcher = (async () => {
    for (let minute = 1; minute <= Math.ceil(minutes); minute += 1) {
      await sleep(Math.min(60_000, Math.max(0, endAt - Date.now())));
      await digestWeek().catch(() => fail('digest tick threw'));
      const memory = await botMemory(child);
      rss.push(mb(memory.rss));
      heap.push(mb(memory.heapUsed));
      rssAfterGc.push(mb(memory.rssAfterGc));
      const load = os.loadavg()[0]!.toFixed(2);
      rows.push(
        `  minute ${String(minute).padStart(2)}: ${String(minuteRequests).padStart(5)} requests, p99 clicks ${String(Math.round(p99(minuteLatencies))).padStart(5)} ms, ` +
          `commands ${String(Math.round(p99(minuteCommandLatencies))).padStart(5)} ms, errors so far ${figures.errors}, load ${load}, ` +
          `bot RSS ${mb(memory.rss).toFixed(1)} MB, heap ${mb(memory.heapUsedBeforeGc).toFixed(1)} MB before GC, ${mb(memory.heapUsed).toFixed(1)} MB after GC (RSS after GC ${mb(memory.rssAfterGc).toFixed(1)}, external ${mb(memory.external).toFixed(1)}), ` +
          `load generator RSS ${rssMb(process.pid).toFixed(1)} MB`,
      );
      process.stdout.write(`${rows.at(-1)}\n`);
      minuteLatencies = [];
      minuteCommandLatencies = [];
      minuteRequests = 0;
    }
  })();
  process.stdout.write(
    `soak: ${minutes} min, ${CENTRES} centres, ${members.length} members, ${directors.length} directors (bot pid ${child.pid}, --max-semi-space-size=${semiSpace}); ` +
      `load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} cores\n`,
  );
  await Promise.all([...members.map(walk), ...directors.map(ask), watcher]);

  for (const member of members) {
    const draft = await driver.poolster.deps.survey.getMemberDraft(member.roundId, member.user.userId);
    for (const [id, version] of member.acked) {
      if ((draft?.bouwstenen[id]?.version ?? 0) >= version) continue;
      figures.lost += 1;
      if (lostSamples.length < 10) lostSamples.push(`${member.user.name} ${id}: acknowledged v${version}, stored v${draft?.bouwstenen[id]?.version ?? 0}`);
    }
  }
  const growth = rss.length > 1 ? rss.at(-1)! - rss[0]! : 0;
  const heapGrowth = heap.length > 1 ? heap.at(-1)! - heap[0]! : 0;
  const rssAfterGcGrowth = rssAfterGc.length > 1 ? rssAfterGc.at(-1)! - rssAfterGc[0]! : 0;
  process.stdout.write(
    `soak result: ${figures.clicks} answers, ${figures.commands} director commands, ${figures.digests} digests (${week} compressed weeks); ` +
      `${figures.errors} errors${errorKinds.size ? ` (${[...errorKinds].map(([k, n]) => `${k}: ${n}`).join('; ')})` : ''}, ${figures.lost} lost answers, ` +
      `${figures.stale} stale-card answers (${figures.staleStorageBehind} with storage behind the card), ` +
      `bot RSS after warm-up ${rss[0]?.toFixed(1) ?? '-'} MB → ${rss.at(-1)?.toFixed(1) ?? '-'} MB (growth ${growth.toFixed(1)} MB), ` +
      `heap after GC ${heap[0]?.toFixed(1) ?? '-'} MB → ${heap.at(-1)?.toFixed(1) ?? '-'} MB (growth ${heapGrowth.toFixed(1)} MB); load average now ${os.loadavg()[0]!.toFixed(2)}\n`,
  );
  if (lostSamples.length > 0) process.stdout.write(`soak: lost or behind: ${lostSamples.join('; ')}\n`);
  // The memory targets are read at the same point of V8's cycle each minute, right after a forced
  // full GC: RSS then, and the heap then. RSS as sampled moves tens of MB up or down between minutes
  // with the garbage not yet collected, so it is reported beside them, not judged.
  const ok =
    figures.errors === 0 && figures.lost === 0 && figures.staleStorageBehind === 0 && heapGrowth < 10 && rssAfterGcGrowth < 10;
  process.stdout.write(
    `soak: bot RSS after warm-up between ${Math.min(...rss).toFixed(1)} and ${Math.max(...rss).toFixed(1)} MB (growth as sampled ${growth.toFixed(1)} MB); ` +
      `RSS right after a full GC ${rssAfterGc[0]?.toFixed(1) ?? '-'} → ${rssAfterGc.at(-1)?.toFixed(1) ?? '-'} MB (growth ${rssAfterGcGrowth.toFixed(1)} MB: ${rssAfterGcGrowth < 10 ? 'under' : 'over'} 10 MB)\n` +
      (ok ? 'soak: targets met (0 errors, 0 lost answers, RSS and heap after a full GC each grew < 10 MB)\n' : 'soak: TARGETS MISSED\n'),
  );
  await killHard(child);
  child = undefined as never;
  await driver.stop();
  await connector.stop();
  await azurite.stop();
  process.exit(ok ? 0 : 1);
}

function findVolgende(card: any): { data: Record<string, any> } | undefined {
  let found: { data: Record<string, any> } | undefined;
  const walk = (node: any) => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node.title === 'string' && /^Volgende/.test(node.title) && node.data) found = node;
    Object.values(node).forEach(walk);
  };
  walk(card);
  return found;
}

main().catch(async (error: unknown) => {
  process.stderr.write(`soak failed: ${(error as Error)?.stack ?? String(error)}\n`);
  if (botProcess) await killHard(botProcess);
  await storage?.stop().catch(() => undefined);
  process.exit(1);
});
