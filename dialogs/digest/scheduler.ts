/**
 * The weekly digest and the personal reminders, on time in Brussels and exactly once.
 *
 * `tick(now)` does one pass (testable with any clock):
 * - for every registered conversation that is not blocked: digestDue(schedule, now, calendar,
 *   lastSentWeek) → claim the run (channel + ISO week, conditional insert) → sending → compose →
 *   messenger.send → sent. 429/5xx are retried inside the messenger (Retry-After, backoff with
 *   jitter); a failure leaves the run failed with attempts left, so a later tick retries it; 403/404
 *   marks the registration blocked and tells the centre's directors in their personal chat.
 * - once per working day from REMINDER_TIME (Brussels), per centre (claimed per day): private
 *   reminders to action owners (ownerReminderKind) and nudges to round participants who have not
 *   finished (roundNudgeKind). Reminders pause with the centre's paused school holidays.
 * `start()` runs a catch-up tick at once and then every 5 minutes (node-cron, Europe/Brussels);
 * `stop()` stops the task and waits for a running tick.
 */
import { randomUUID } from 'node:crypto';
import nodeCron from 'node-cron';
import type { Logger } from 'pino';
import { renderDigestCard } from '../../cards/digest';
import { calendarCoverage, holidayCalendar, type HolidayCalendar } from '../../domain/calendar/calendarData';
import type { SchoolHolidayKind } from '../../domain/calendar/holidays';
import { ownerReminderKind, roundNudgeKind } from '../../domain/calendar/reminders';
import {
  brusselsTimeToInstant,
  DEFAULT_DIGEST_SCHEDULE,
  digestDue,
  isWorkingDay,
  schoolHolidayOn,
} from '../../domain/calendar/schedule';
import { isDirector, type Centre } from '../../domain/centre/model';
import { digestBlockedText, ownerReminderText, roundNudgeText, type OwnerReminderItem } from '../../domain/digest/messages';
import { errorSummary, logTolerated } from '../../domain/errors';
import { brusselsDate } from '../../domain/schoolYear';
import type { CentreRepository } from '../../storage/centres';
import type { DigestFailure, DigestRepository, OwnerReminderRecord, StoredRegistration } from '../../storage/digests';
import type { ConversationRef } from '../../domain/conversation';
import type { Messenger, SendOutcome } from '../types';
import { loadDigestContent } from './content';
import type { DigestSources } from './sources';

/** Brussels time from which the day's personal reminders go out. */
export const REMINDER_TIME = '09:00';
export const CRON_PATTERN = '*/5 * * * *';
export const CRON_TIMEZONE = 'Europe/Brussels';

export interface CronLike {
  schedule(
    expression: string,
    func: () => unknown,
    options: { timezone: string; name?: string; noOverlap?: boolean; logger?: { info(m: string): void; warn(m: string): void; error(m: string | Error, e?: Error): void; debug(m: string | Error, e?: Error): void } },
  ): { stop(): void | Promise<void>; destroy(): void | Promise<void> };
}

export interface DigestSchedulerDeps {
  centres: CentreRepository;
  digests: DigestRepository;
  sources: DigestSources;
  messenger: Messenger;
  logger: Logger;
  now: () => Date;
  calendar?: HolidayCalendar;
  /** Names this instance in claims (diagnostics only). */
  instanceId?: string;
  /** Where a stored reference posts the weekly digest (a channel's root rather than a thread). */
  postReference?: (ref: ConversationRef) => ConversationRef;
  reminderTime?: string;
  cron?: CronLike;
}

export interface TickReport {
  digestsSent: number;
  digestsFailed: number;
  blocked: number;
  remindersSent: number;
  nudgesSent: number;
  errors: number;
}

export interface DigestScheduler {
  tick(now?: Date): Promise<TickReport>;
  start(): void;
  stop(): Promise<void>;
}

/** A one-line, scrubbed error text for the run and failure records (quoted values cut, as in logs). */
function errorText(error: unknown): string {
  const { errorType, message } = errorSummary(error);
  return `${typeof errorType === 'string' ? errorType : 'Error'}: ${typeof message === 'string' ? message : 'no message'}`.slice(0, 300);
}

function failureOf(outcome: Exclude<SendOutcome, { ok: true }>, at: Date, weekKey?: string): DigestFailure {
  return {
    at: at.toISOString(),
    reason: outcome.reason,
    ...(weekKey ? { weekKey } : {}),
    ...(outcome.status !== undefined ? { status: outcome.status } : {}),
    ...(outcome.detail ? { detail: outcome.detail } : {}),
  };
}

export function createDigestScheduler(deps: DigestSchedulerDeps): DigestScheduler {
  const calendar = deps.calendar ?? holidayCalendar;
  const instanceId = deps.instanceId ?? randomUUID();
  const postReference = deps.postReference ?? ((ref: ConversationRef) => ref);
  const reminderTime = deps.reminderTime ?? REMINDER_TIME;
  const log = deps.logger.child({ component: 'digest-scheduler' });
  let coverageCheckedOn: string | undefined;
  /** Centres whose reminder pass of a day this instance already claimed or saw claimed (saves a write per tick). */
  const remindersSettled = new Map<string, string>();
  let task: ReturnType<CronLike['schedule']> | undefined;
  let running: Promise<unknown> | undefined;

  const warnAboutCalendar = (now: Date): void => {
    const today = brusselsDate(now);
    if (coverageCheckedOn === today) return;
    coverageCheckedOn = today;
    const coverage = calendarCoverage(today, calendar);
    if (!coverage.covered) log.warn({ lastCoveredDay: coverage.lastCoveredDay }, coverage.warning ?? 'holiday calendar data runs out');
  };

  const notifyDirectorsBlocked = async (reg: StoredRegistration): Promise<void> => {
    const [centre, people] = await Promise.all([deps.centres.getCentre(reg.tenantId, reg.centreId), deps.centres.listPeople(reg.tenantId, reg.centreId)]);
    const directors = people.filter((p) => isDirector(p) && p.personalChat);
    if (directors.length === 0) {
      log.warn({ centreId: reg.centreId }, 'digest conversation blocked; no director has a personal chat to tell');
      return;
    }
    const text = digestBlockedText({
      centreName: centre?.name ?? 'je centrum',
      kind: reg.conversationKind,
      registeredByName: reg.registeredByName,
      registeredOn: brusselsDate(new Date(reg.registeredAt)),
    });
    for (const director of directors) {
      const outcome = await deps.messenger.send(director.personalChat!, { text });
      if (!outcome.ok) log.warn({ centreId: reg.centreId, reason: outcome.reason, status: outcome.status }, 'could not tell a director about the blocked digest');
    }
  };

  const deliverWeekly = async (reg: StoredRegistration, weekKey: string, now: Date, report: TickReport): Promise<void> => {
    const ctx = { centreId: reg.centreId, weekKey };
    const claim = await deps.digests.claimRun(reg, weekKey, now, instanceId);
    if (!claim.owned) {
      // Another instance has it, or it went out already (then repair lastSentWeek if needed).
      if (claim.run?.state === 'sent' && !(reg.lastSentWeek !== undefined && reg.lastSentWeek >= weekKey)) {
        await deps.digests.recordSent(reg, weekKey, claim.run.sentAt ?? claim.run.updatedAt);
      }
      return;
    }
    const run = await deps.digests.markSending(claim.run, now);
    if (!run) return;

    let outcome: SendOutcome;
    try {
      const content = await loadDigestContent({ centres: deps.centres, sources: deps.sources }, reg.tenantId, reg.centreId, now);
      outcome = await deps.messenger.send(postReference(reg.ref), { card: renderDigestCard(content, 'weekly') });
    } catch (error) {
      log.error({ ...ctx, err: errorSummary(error) }, 'weekly digest could not be composed or sent');
      await deps.digests.markFailed(run, now, { error: errorText(error), final: false });
      await deps.digests.recordFailure(reg, { at: now.toISOString(), weekKey, reason: 'error', detail: errorText(error) });
      report.digestsFailed += 1;
      return;
    }

    if (outcome.ok) {
      await deps.digests.markSent(run, now, outcome.activityId);
      await deps.digests.recordSent(reg, weekKey, now.toISOString());
      report.digestsSent += 1;
      log.info({ ...ctx, attempt: run.attempts }, 'weekly digest sent');
      return;
    }
    const failure = failureOf(outcome, now, weekKey);
    if (outcome.reason === 'blocked' || outcome.reason === 'not-found') {
      await deps.digests.markFailed(run, now, { error: `${outcome.reason} (${outcome.status ?? '-'})`, final: true });
      const first = await deps.digests.markBlocked(reg, failure);
      report.blocked += 1;
      log.warn({ ...ctx, status: outcome.status }, 'digest conversation unreachable: marked blocked');
      if (first) await notifyDirectorsBlocked(reg);
      return;
    }
    const failed = await deps.digests.markFailed(run, now, { error: `${outcome.reason} (${outcome.status ?? '-'}) ${outcome.detail ?? ''}`.trim(), final: false });
    await deps.digests.recordFailure(reg, failure);
    report.digestsFailed += 1;
    log.warn({ ...ctx, reason: outcome.reason, status: outcome.status, attempts: run.attempts, final: failed?.final }, 'weekly digest not delivered');
  };

  const ownerReminders = async (centre: Centre, today: string, report: TickReport): Promise<void> => {
    const plan = await deps.sources.plan(centre.tenantId, centre.centreId);
    if (!plan) return;
    const records = await deps.digests.listOwnerReminders(centre.tenantId, centre.centreId);
    const byOwner = new Map<string, Array<{ actieId: string; item: OwnerReminderItem; previous?: OwnerReminderRecord }>>();
    for (const actie of plan.acties) {
      const userId = actie.owner?.userId;
      if (!actie.deadline || !userId) continue;
      const previous = records.get(actie.id);
      const kind = ownerReminderKind(actie.deadline, actie.status, today, previous ? { kind: previous.kind, date: previous.date } : undefined);
      if (!kind) continue;
      const list = byOwner.get(userId) ?? [];
      list.push({ actieId: actie.id, item: { title: actie.title, deadline: actie.deadline, kind }, ...(previous ? { previous } : {}) });
      byOwner.set(userId, list);
    }
    for (const [userId, candidates] of byOwner) {
      const person = await deps.centres.getPerson(centre.tenantId, userId);
      if (!person?.personalChat || person.centreId !== centre.centreId) {
        log.debug({ centreId: centre.centreId, actions: candidates.length }, 'owner reminder skipped: no personal chat with the owner');
        continue;
      }
      const claimed: Array<{ record: OwnerReminderRecord; item: OwnerReminderItem; previous?: OwnerReminderRecord }> = [];
      for (const candidate of candidates) {
        const record = await deps.digests.claimOwnerReminder(
          centre.tenantId,
          centre.centreId,
          { actieId: candidate.actieId, kind: candidate.item.kind, date: today, deadline: candidate.item.deadline },
          candidate.previous,
        );
        if (record) claimed.push({ record, item: candidate.item, ...(candidate.previous ? { previous: candidate.previous } : {}) });
      }
      if (claimed.length === 0) continue;
      const outcome = await deps.messenger.send(person.personalChat, {
        text: ownerReminderText({ centreName: centre.name, today, items: claimed.map((c) => c.item) }),
      });
      if (outcome.ok) {
        for (const c of claimed) await deps.digests.markOwnerReminderSent(centre.tenantId, centre.centreId, c.record);
        report.remindersSent += 1;
      } else {
        for (const c of claimed) await deps.digests.releaseOwnerReminder(centre.tenantId, centre.centreId, c.record, c.previous);
        log.warn({ centreId: centre.centreId, reason: outcome.reason, status: outcome.status }, 'owner reminder not delivered');
      }
    }
  };

  const roundNudges = async (centre: Centre, today: string, report: TickReport): Promise<void> => {
    const round = await deps.sources.roundStragglers(centre.tenantId, centre.centreId);
    if (!round || round.unfinished.length === 0) return;
    const records = await deps.digests.listNudges(centre.tenantId, centre.centreId, round.roundId);
    for (const userId of round.unfinished) {
      const previous = records.get(userId);
      const kind = roundNudgeKind(round.deadline, today, false, previous?.sent ?? []);
      if (!kind) continue;
      const person = await deps.centres.getPerson(centre.tenantId, userId);
      if (!person?.personalChat) {
        log.debug({ centreId: centre.centreId }, 'round nudge skipped: no personal chat with the participant');
        continue;
      }
      const claimed = await deps.digests.claimNudge(centre.tenantId, centre.centreId, { roundId: round.roundId, userId, kind }, previous);
      if (!claimed) continue;
      const outcome = await deps.messenger.send(person.personalChat, {
        text: roundNudgeText({ centreName: centre.name, today, deadline: round.deadline, kind }),
      });
      if (outcome.ok) {
        report.nudgesSent += 1;
      } else {
        await deps.digests.releaseNudge(centre.tenantId, centre.centreId, claimed, kind);
        log.warn({ centreId: centre.centreId, reason: outcome.reason, status: outcome.status }, 'round nudge not delivered');
      }
    }
  };

  const reminders = async (centre: Centre, registrations: StoredRegistration[], now: Date, report: TickReport): Promise<void> => {
    const today = brusselsDate(now);
    if (!isWorkingDay(today, calendar)) return;
    if (now.getTime() < brusselsTimeToInstant(today, reminderTime).getTime()) return;
    const paused = new Set<SchoolHolidayKind>(
      registrations.length > 0 ? registrations.flatMap((r) => r.schedule.pausedHolidays) : DEFAULT_DIGEST_SCHEDULE.pausedHolidays,
    );
    const holiday = schoolHolidayOn(today, calendar);
    if (holiday && paused.has(holiday.kind)) return;
    const centreKey = `${centre.tenantId}\n${centre.centreId}`;
    if (remindersSettled.get(centreKey) === today) return;
    const claimed = await deps.digests.claimReminderDay(centre.tenantId, centre.centreId, today, instanceId, now);
    remindersSettled.set(centreKey, today);
    if (!claimed) return;
    try {
      await ownerReminders(centre, today, report);
      await roundNudges(centre, today, report);
    } catch (error) {
      remindersSettled.delete(centreKey);
      // Give the day back: a later tick retries; the per-reminder claims keep it from sending twice.
      // If giving it back fails too, the claim goes stale and is taken over later.
      await deps.digests
        .releaseReminderDay(centre.tenantId, centre.centreId, today)
        .catch(logTolerated(log, 'could not release the reminder day after a failure', { centreId: centre.centreId }));
      throw error;
    }
  };

  const tick = async (now: Date = deps.now()): Promise<TickReport> => {
    const report: TickReport = { digestsSent: 0, digestsFailed: 0, blocked: 0, remindersSent: 0, nudgesSent: 0, errors: 0 };
    warnAboutCalendar(now);
    const centres = await deps.centres.listCentres();
    const registrationsByCentre = new Map<string, StoredRegistration[]>();
    for (const tenantId of [...new Set(centres.map((c) => c.tenantId))]) {
      let registrations: StoredRegistration[];
      try {
        registrations = await deps.digests.listRegistrations(tenantId);
      } catch (error) {
        report.errors += 1;
        log.error({ err: errorSummary(error) }, 'could not list digest registrations');
        continue;
      }
      for (const reg of registrations) {
        const key = `${reg.tenantId}\n${reg.centreId}`;
        registrationsByCentre.set(key, [...(registrationsByCentre.get(key) ?? []), reg]);
        if (reg.blockedAt) continue;
        try {
          const due = digestDue(reg.schedule, now, calendar, reg.lastSentWeek);
          if (due.due) await deliverWeekly(reg, due.weekKey, now, report);
        } catch (error) {
          report.errors += 1;
          log.error({ centreId: reg.centreId, err: errorSummary(error) }, 'weekly digest failed');
        }
      }
    }
    for (const centre of centres) {
      try {
        await reminders(centre, registrationsByCentre.get(`${centre.tenantId}\n${centre.centreId}`) ?? [], now, report);
      } catch (error) {
        report.errors += 1;
        log.error({ centreId: centre.centreId, err: errorSummary(error) }, 'personal reminders failed');
      }
    }
    if (report.digestsSent + report.digestsFailed + report.blocked + report.remindersSent + report.nudgesSent + report.errors > 0) {
      log.info({ ...report }, 'scheduler tick');
    }
    return report;
  };

  /** One tick at a time per instance; errors are logged, never thrown into node-cron. */
  const runTick = (): Promise<unknown> => {
    if (running) return running;
    running = tick(deps.now())
      .catch((error: unknown) => log.error({ err: errorSummary(error) }, 'scheduler tick failed'))
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  return {
    tick,
    start() {
      if (task) return;
      const cron = deps.cron ?? (nodeCron as unknown as CronLike);
      task = cron.schedule(CRON_PATTERN, () => runTick(), {
        timezone: CRON_TIMEZONE,
        name: `poolster-digest-${instanceId}`,
        noOverlap: true,
        logger: {
          info: (m) => log.debug({ cron: m }, 'node-cron'),
          warn: (m) => log.warn({ cron: m }, 'node-cron'),
          error: (m) => log.error({ cron: String(m) }, 'node-cron'),
          debug: (m) => log.debug({ cron: String(m) }, 'node-cron'),
        },
      });
      log.info({ pattern: CRON_PATTERN, timezone: CRON_TIMEZONE }, 'digest scheduler started');
      void runTick(); // catch up at start-up (same week only; see digestDue)
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
