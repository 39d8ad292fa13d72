/**
 * Retention (AVG/GDPR storage limitation): once a day, the individual rows of every inschaling
 * round closed more than RETENTION_MONTHS ago are deleted (participants with their names, drafts,
 * answers, toelichtingen, and the reminder bookkeeping per participant). The round row stays with
 * its counts and stadium distribution; the confirmed team inschaling (Inschalingen) is the centre's
 * record and is not touched. The same run drops the digest bookkeeping nobody reads any more
 * (weekly runs older than DIGEST_RUNS_KEPT_WEEKS, reminder-day claims older than
 * REMINDER_DAYS_KEPT), so the Digests table does not grow forever, and deletes the pending
 * download rows whose link expired unused (a link lives minutes; an expired row names a person and
 * would otherwise stay until someone tried the link again).
 *
 * Started by bot/main.ts when the scheduler is on; separate from the digest scheduler. Every
 * instance may run it: the purge is idempotent, and a round that fails is retried the next day.
 */
import type { Logger } from 'pino';
import { createCronJob, type CronJob, type CronLike } from '../cronJob';
import { errorSummary } from '../../domain/errors';
import { isoWeekKey } from '../../domain/calendar/schedule';
import { addDays, brusselsDate, monthsBefore } from '../../domain/time';
import type { PrivacyRepository } from '../../storage/privacy';
import type { DigestStores } from '../../storage/digests';
import type { DownloadRepository } from '../../storage/downloads';

/** Every day at 03:30 Brussels time, when nobody is using the bot. */
export const RETENTION_CRON = '30 3 * * *';
export const RETENTION_TIMEZONE = 'Europe/Brussels';
/** Weekly digest runs kept (a quarter: enough to see what was sent, and when, lately). */
export const DIGEST_RUNS_KEPT_WEEKS = 13;
/** Days of reminder-pass claims kept. */
export const REMINDER_DAYS_KEPT = 35;

/** The part of node-cron this job uses (a fake in tests). */
export type RetentionCron = CronLike;

export interface RetentionDeps {
  privacy: PrivacyRepository;
  digests: Pick<DigestStores, 'reminders' | 'runs'>;
  downloads: Pick<DownloadRepository, 'pruneExpired'>;
  logger: Logger;
  now: () => Date;
  retentionMonths: number;
  cron?: RetentionCron;
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
      const nudges = await deps.digests.reminders.listNudges(round.tenantId, round.centreId, round.roundId);
      for (const userId of nudges.keys()) await deps.digests.reminders.deleteNudge(round.tenantId, round.centreId, round.roundId, userId);
      const { deleted } = await deps.privacy.purgeRound(round, now);
      if (deleted > 0) {
        report.rounds += 1;
        report.rows += deleted;
      }
    } catch (error) {
      report.errors += 1;
      log.error({ roundId: round.roundId, err: errorSummary(error) }, 'retention purge of a round failed; retried tomorrow');
    }
  }
  if (report.rounds + report.errors > 0) log.info({ ...report, cutoff: cutoff.toISOString() }, 'retention purge done');
  return report;
}

/** Deletes digest runs and reminder-day claims older than what is kept (see the constants above). */
export async function pruneDigestHistory(deps: Pick<RetentionDeps, 'digests' | 'logger'>, now: Date): Promise<{ runs: number; reminderDays: number }> {
  const today = brusselsDate(now);
  const beforeWeek = isoWeekKey(new Date(now.getTime() - DIGEST_RUNS_KEPT_WEEKS * 7 * 86_400_000));
  const pruned = {
    runs: await deps.digests.runs.pruneBefore(beforeWeek),
    reminderDays: await deps.digests.reminders.pruneDaysBefore(addDays(today, -REMINDER_DAYS_KEPT)),
  };
  if (pruned.runs + pruned.reminderDays > 0) deps.logger.child({ component: 'retention' }).info({ ...pruned, beforeWeek }, 'digest history pruned');
  return pruned;
}

/** Deletes the pending downloads whose link expired before `now`, unused. */
export async function pruneExpiredDownloads(deps: Pick<RetentionDeps, 'downloads' | 'logger'>, now: Date): Promise<number> {
  const removed = await deps.downloads.pruneExpired(now);
  if (removed > 0) deps.logger.child({ component: 'retention' }).info({ removed }, 'expired download links pruned');
  return removed;
}

/** `run()` is one run now (what the daily schedule calls). */
export type RetentionJob = CronJob<RetentionReport & { digestRows: number; downloadRows: number }>;

export function createRetentionJob(deps: RetentionDeps): RetentionJob {
  return createCronJob({
    name: 'poolster-retention',
    pattern: RETENTION_CRON,
    timezone: RETENTION_TIMEZONE,
    log: deps.logger.child({ component: 'retention' }),
    failureMessage: 'retention purge failed; retried tomorrow',
    startedMessage: 'retention job started',
    startedFields: { months: deps.retentionMonths },
    ...(deps.cron ? { cron: deps.cron } : {}),
    work: async () => {
      const now = deps.now();
      const report = await purgeExpiredAnswers(deps, now);
      const pruned = await pruneDigestHistory(deps, now);
      const downloadRows = await pruneExpiredDownloads(deps, now);
      return { ...report, digestRows: pruned.runs + pruned.reminderDays, downloadRows };
    },
  });
}
