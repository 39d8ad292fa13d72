/**
 * Retention (AVG/GDPR storage limitation): once a day, the individual rows of every inschaling
 * round closed more than RETENTION_MONTHS ago are deleted (participants with their names, drafts,
 * answers, toelichtingen, and the reminder bookkeeping per participant). The round row stays with
 * its counts and stadium distribution; the confirmed team inschaling (Inschalingen) is the centre's
 * record and is not touched. The same run drops the digest bookkeeping nobody reads any more
 * (weekly runs older than DIGEST_RUNS_KEPT_WEEKS, reminder-day claims older than
 * REMINDER_DAYS_KEPT), so the Digests table does not grow forever.
 *
 * Started by bot/main.ts when the scheduler is on; separate from the digest scheduler. Every
 * instance may run it: the purge is idempotent, and a round that fails is retried the next day.
 */
import nodeCron from 'node-cron';
import type { Logger } from 'pino';
import { isoWeekKey } from '../../domain/calendar/schedule';
import { addDays, brusselsDate, monthsBefore } from '../../domain/time';
import type { PrivacyRepository } from '../../storage/privacy';
import type { DigestRepository } from '../../storage/digests';

/** Every day at 03:30 Brussels time, when nobody is using the bot. */
export const RETENTION_CRON = '30 3 * * *';
export const RETENTION_TIMEZONE = 'Europe/Brussels';
/** Weekly digest runs kept (a quarter: enough to see what was sent, and when, lately). */
export const DIGEST_RUNS_KEPT_WEEKS = 13;
/** Days of reminder-pass claims kept. */
export const REMINDER_DAYS_KEPT = 35;

/** The part of node-cron this job uses (a fake in tests). */
export interface RetentionCron {
  schedule(expression: string, func: () => unknown, options: { timezone: string; name?: string; noOverlap?: boolean }): { stop(): void | Promise<void>; destroy(): void | Promise<void> };
}

export interface RetentionDeps {
  privacy: PrivacyRepository;
  digests: Pick<DigestRepository, 'listNudges' | 'deleteNudge' | 'pruneHistory'>;
  logger: Logger;
  now: () => Date;
  retentionMonths: number;
  cron?: RetentionCron;
}

/** What is logged of a failure: its kind only (messages can quote stored data). */
function failureOf(error: unknown): Record<string, unknown> {
  const e = error as { name?: string; code?: unknown; statusCode?: unknown };
  return { errorType: e?.name, code: typeof e?.code === 'string' ? e.code : undefined, statusCode: e?.statusCode };
}

export interface RetentionReport {
  rounds: number;
  rows: number;
  errors: number;
}

/** Deletes the individual answers of rounds closed more than `retentionMonths` before `now`. */
export async function purgeExpiredAnswers(deps: Omit<RetentionDeps, 'cron' | 'now'>, now: Date): Promise<RetentionReport> {
  const log = deps.logger.child({ component: 'retention' });
  const cutoff = monthsBefore(now, deps.retentionMonths);
  const report: RetentionReport = { rounds: 0, rows: 0, errors: 0 };
  for (const round of await deps.privacy.closedRoundsBefore(cutoff)) {
    try {
      const nudges = await deps.digests.listNudges(round.tenantId, round.centreId, round.roundId);
      for (const userId of nudges.keys()) await deps.digests.deleteNudge(round.tenantId, round.centreId, round.roundId, userId);
      const { deleted } = await deps.privacy.purgeRound(round, now);
      if (deleted > 0) {
        report.rounds += 1;
        report.rows += deleted;
      }
    } catch (error) {
      report.errors += 1;
      log.error({ roundId: round.roundId, err: failureOf(error) }, 'retention purge of a round failed; retried tomorrow');
    }
  }
  if (report.rounds + report.errors > 0) log.info({ ...report, cutoff: cutoff.toISOString() }, 'retention purge done');
  return report;
}

/** Deletes digest runs and reminder-day claims older than what is kept (see the constants above). */
export async function pruneDigestHistory(deps: Pick<RetentionDeps, 'digests' | 'logger'>, now: Date): Promise<{ runs: number; reminderDays: number }> {
  const today = brusselsDate(now);
  const beforeWeek = isoWeekKey(new Date(now.getTime() - DIGEST_RUNS_KEPT_WEEKS * 7 * 86_400_000));
  const pruned = await deps.digests.pruneHistory({ beforeWeek, beforeDate: addDays(today, -REMINDER_DAYS_KEPT) });
  if (pruned.runs + pruned.reminderDays > 0) deps.logger.child({ component: 'retention' }).info({ ...pruned, beforeWeek }, 'digest history pruned');
  return pruned;
}

export interface RetentionJob {
  /** One run now (what the daily schedule calls). */
  run(): Promise<(RetentionReport & { digestRows: number }) | undefined>;
  start(): void;
  stop(): Promise<void>;
}

export function createRetentionJob(deps: RetentionDeps): RetentionJob {
  const log = deps.logger.child({ component: 'retention' });
  let task: ReturnType<RetentionCron['schedule']> | undefined;
  let running: Promise<(RetentionReport & { digestRows: number }) | undefined> | undefined;

  const runOnce = async (now: Date) => {
    const report = await purgeExpiredAnswers(deps, now);
    const pruned = await pruneDigestHistory(deps, now);
    return { ...report, digestRows: pruned.runs + pruned.reminderDays };
  };

  const run = (): Promise<(RetentionReport & { digestRows: number }) | undefined> => {
    if (running) return running;
    running = runOnce(deps.now())
      .catch((error: unknown) => {
        log.error({ err: failureOf(error) }, 'retention purge failed; retried tomorrow');
        return undefined;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  return {
    run,
    start() {
      if (task) return;
      const cron = deps.cron ?? (nodeCron as unknown as RetentionCron);
      task = cron.schedule(RETENTION_CRON, () => run(), { timezone: RETENTION_TIMEZONE, name: 'poolster-retention', noOverlap: true });
      log.info({ pattern: RETENTION_CRON, timezone: RETENTION_TIMEZONE, months: deps.retentionMonths }, 'retention job started');
    },
    async stop() {
      const current = task;
      task = undefined;
      if (current) {
        await current.stop();
        await current.destroy();
      }
      await running;
    },
  };
}
