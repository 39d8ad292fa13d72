/**
 * The weekly digest and the personal reminders, on time in Brussels and exactly once.
 *
 * `tick(now)` does one pass (testable with any clock):
 * - for every registered conversation that is not blocked (a centre's digest channel, or a network's
 *   community channel: a WeeklyTarget each): digestDue(schedule, now, calendar, lastSentWeek) →
 *   per page: claim the run (channel + ISO week [+ page], conditional insert) → sending → compose →
 *   messenger.send → sent (deliverClaimed, the one claim/send/mark-or-release sequence). 429/5xx are retried inside the messenger (Retry-After, backoff with
 *   jitter); a failure leaves the run failed with attempts left, so a later tick retries it; 403/404
 *   marks the registration blocked and tells the centre's directors in their personal chat.
 * - once per working day from REMINDER_TIME (Brussels), per centre (claimed per day): private
 *   reminders to action owners (ownerReminderKind) and nudges to round participants who have not
 *   finished (roundNudgeKind). Reminders pause with the centre's paused school holidays.
 * `start()` runs a catch-up tick at once and then every 5 minutes (node-cron, Europe/Brussels);
 * `stop()` stops the task and waits for a running tick.
 */
import { randomUUID } from 'node:crypto';
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
import type { CentreRepository } from '../../storage/centres';
import type { ChannelRegistrationRepository, DigestFailure, StoredRegistration } from '../../storage/digestChannels';
import type { DigestStores } from '../../storage/digests';
import type { NudgeRecord, OwnerReminderRecord } from '../../storage/reminderLedger';
import type { DigestRun as WeeklyRun } from '../../storage/weeklyRuns';
import { createCronJob, type CronLike } from '../cronJob';
import { deliverClaimed } from '../delivery';
import { sendToPerson, type PersonalDelivery } from '../personalDelivery';
import type { ConversationRef } from '../../domain/conversation';
import type { Messenger, Outgoing, SendFailure, SendOutcome } from '../types';
import { loadDigestContent } from './content';
import type { DigestSources } from './sources';
import { brusselsDate } from '../../domain/time';

/** A personal delivery (stored chat, reopened once on 403/404) as the outcome `deliverClaimed` reads. */
function personalOutcome(delivery: PersonalDelivery): SendOutcome {
  if (delivery.ok) return { ok: true };
  const failure = delivery.failure;
  return failure.reason === 'no-account' ? { ok: false, reason: 'not-found', detail: 'no channel account' } : failure;
}

/** Brussels time from which the day's personal reminders go out. */
export const REMINDER_TIME = '09:00';
export const CRON_PATTERN = '*/5 * * * *';
export const CRON_TIMEZONE = 'Europe/Brussels';
/** How many due digests ahead of the one being sent have their content read already. */
const CONTENT_READ_AHEAD = 4;

export type { CronLike };

/** A kind of weekly digest: whose registrations, what a week's pages say, who hears of a block. */
export interface WeeklyTarget {
  kind: 'centre' | 'community';
  store: ChannelRegistrationRepository;
  /** Whether a week's digest may be more than one message (each page its own claimed run). */
  paged?: boolean;
  /** The week's messages (composed ahead of the send, at most once per content key in a tick). */
  compose(reg: StoredRegistration, now: Date): Promise<Outgoing[]>;
  /**
   * Registrations with the same key get the same messages in one tick (a centre's channels all
   * show the centre's digest): composed once. Without it every registration is composed on its own.
   */
  contentKey?(reg: StoredRegistration): string;
  /** The conversation answered 403/404 for the first time. */
  onBlocked(reg: StoredRegistration): Promise<void>;
}

export interface DigestSchedulerDeps {
  centres: CentreRepository;
  digests: DigestStores;
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
  /** Weekly digests besides the centres' own (the networks' community digests). */
  weeklyTargets?: WeeklyTarget[];
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

function failureOf(outcome: SendFailure, at: Date, weekKey?: string): DigestFailure {
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
  /**
   * Weekly runs (pages) this instance delivered but could not mark sent (storage failed right after
   * the send). Without it the run would look interrupted and be sent again once its claim goes stale.
   * In memory: a crash in that same window is the one case left that can send twice (README).
   */
  const deliveredUnmarked = new Map<string, { activityId?: string }>();

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

  const centreDigest: WeeklyTarget = {
    kind: 'centre',
    store: deps.digests.channels,
    compose: async (reg, now) => {
      const content = await loadDigestContent({ centres: deps.centres, sources: deps.sources }, reg.tenantId, reg.centreId, now);
      return [{ card: renderDigestCard(content, 'weekly') }];
    },
    contentKey: (reg) => `${reg.tenantId}\n${reg.centreId}`,
    onBlocked: notifyDirectorsBlocked,
  };
  const weeklyTargets: WeeklyTarget[] = [centreDigest, ...(deps.weeklyTargets ?? [])];

  /**
   * One week's digest of one registration: every page is its own run (page 1 keyed by the week,
   * page n by "<week>~p<n>"), claimed, sent and marked through `deliverClaimed`. The digest counts
   * as sent (lastSentWeek) once its last page went out; a page sent before a crash is not sent again.
   */
  const deliverWeekly = async (
    target: WeeklyTarget,
    reg: StoredRegistration,
    weekKey: string,
    now: Date,
    report: TickReport,
    composed: () => Promise<Outgoing[]>,
    afterwards: (work: Promise<void>) => void,
  ): Promise<void> => {
    const ctx = { target: target.kind, scopeId: target.kind === 'centre' ? reg.centreId : undefined, weekKey };
    let pages: Outgoing[] | undefined;
    const compose = async (): Promise<Outgoing[]> => (pages ??= await composed());
    let pageCount = 1;
    let sentHere = false;
    for (let page = 1; page <= pageCount; page += 1) {
      const runKey = page === 1 ? weekKey : `${weekKey}~p${page}`;
      let alreadySent = false;
      let deliveredFromMemory = false;
      const unmarkedKey = `${target.kind}\n${reg.tenantId}\n${reg.conversationKey}\n${runKey}`;
      const result = await deliverClaimed<WeeklyRun>({
        claim: async () => {
          // Claimed straight into sending: this instance sends right away (one write, not two).
          const claim = await deps.digests.runs.claimRun(reg, runKey, now, instanceId, { startSending: true });
          if (!claim.owned) {
            alreadySent = claim.run?.state === 'sent';
            return undefined;
          }
          return claim.run;
        },
        send: async () => {
          const unmarked = deliveredUnmarked.get(unmarkedKey);
          if (unmarked) {
            // This instance delivered it, but storage failed to record that: record it now, never send again.
            deliveredFromMemory = true;
            return { ok: true, ...unmarked };
          }
          const message = (await compose())[page - 1];
          const outcome: SendOutcome = message ? await deps.messenger.send(postReference(reg.ref), message) : { ok: true };
          // Delivered: from here on a storage failure must not lead to a second send.
          if (outcome.ok) deliveredUnmarked.set(unmarkedKey, outcome.activityId !== undefined ? { activityId: outcome.activityId } : {});
          return outcome;
        },
        markSent: async (run, outcome) => {
          await deps.digests.runs.markSent(run, now, outcome.activityId);
          deliveredUnmarked.delete(unmarkedKey);
        },
        release: async (run, failure) => {
          if ('error' in failure) {
            log.error({ ...ctx, page, err: errorSummary(failure.error) }, 'weekly digest could not be composed or sent');
            await deps.digests.runs.markFailed(run, now, { error: errorText(failure.error), final: false });
            await target.store.recordFailure(reg, { at: now.toISOString(), weekKey, reason: 'error', detail: errorText(failure.error) });
            return;
          }
          const recorded = failureOf(failure, now, weekKey);
          if (failure.reason === 'blocked' || failure.reason === 'not-found') {
            await deps.digests.runs.markFailed(run, now, { error: `${failure.reason} (${failure.status ?? '-'})`, final: true });
            const first = await target.store.markBlocked(reg, recorded);
            log.warn({ ...ctx, status: failure.status }, 'digest conversation unreachable: marked blocked');
            if (first) await target.onBlocked(reg);
            return;
          }
          const failed = await deps.digests.runs.markFailed(run, now, { error: `${failure.reason} (${failure.status ?? '-'}) ${failure.detail ?? ''}`.trim(), final: false });
          await target.store.recordFailure(reg, recorded);
          log.warn({ ...ctx, page, reason: failure.reason, status: failure.status, attempts: run.attempts, final: failed?.final }, 'weekly digest not delivered');
        },
      });
      if (result.kind === 'failed' || result.kind === 'error') {
        if (result.kind === 'failed' && (result.failure.reason === 'blocked' || result.failure.reason === 'not-found')) report.blocked += 1;
        else report.digestsFailed += 1;
        return;
      }
      // Another instance holds this page: it finishes the digest.
      if (result.kind === 'unclaimed' && !alreadySent) return;
      if (page === 1 && target.paged) pageCount = Math.max(1, (await compose()).length);
      if (result.kind === 'sent' && deliveredFromMemory) log.info({ ...ctx, page }, 'weekly digest delivered earlier: recorded as sent');
      if (result.kind === 'sent' && !deliveredFromMemory) {
        sentHere = true;
        log.info({ ...ctx, page, pages: pageCount }, 'weekly digest sent');
      }
    }
    if (sentHere) report.digestsSent += 1;
    // Sent (by this instance, or earlier by another one): repair lastSentWeek if needed. Off the
    // send sequence: the run already says sent, lastSentWeek only saves later ticks a claim attempt.
    if (!(reg.lastSentWeek !== undefined && reg.lastSentWeek >= weekKey)) afterwards(target.store.recordSent(reg, weekKey, now.toISOString()));
  };

  /**
   * Every due weekly digest of a tick, one after the other: claim, send, mark sent. One at a time
   * on purpose: a kill -9 then leaves at most one digest delivered but unmarked (the one case that
   * can be sent twice) and at most one claim to go stale. What is not on that path runs beside it:
   * the next digests' content is read ahead (once per content key), and lastSentWeek is recorded
   * after the mark. The messenger paces the sends to Teams' rate limits.
   */
  const deliverDue = async (due: Array<{ target: WeeklyTarget; reg: StoredRegistration; weekKey: string }>, now: Date, report: TickReport): Promise<void> => {
    const contents = new Map<string, Promise<Outgoing[]>>();
    const keyOf = (item: (typeof due)[number]) =>
      `${item.target.kind}\n${item.target.contentKey ? item.target.contentKey(item.reg) : `${item.reg.tenantId}\n${item.reg.conversationKey}`}`;
    const contentOf = (item: (typeof due)[number]): Promise<Outgoing[]> => {
      const key = keyOf(item);
      let content = contents.get(key);
      if (!content) {
        content = item.target.compose(item.reg, now);
        contents.set(key, content);
        // A failed read is not shared: the next registration with this key composes again.
        content.catch(() => {
          if (contents.get(key) === content) contents.delete(key);
        });
      }
      return content;
    };
    const pending: Array<Promise<void>> = [];
    const afterwards = (work: Promise<void>) => {
      pending.push(
        work.catch((error: unknown) => {
          report.errors += 1;
          log.error({ err: errorSummary(error) }, 'could not record the weekly digest as sent on its registration');
        }),
      );
    };
    for (let i = 0; i < due.length; i += 1) {
      // Read ahead: the content of the next few digests is loaded while this one is sent.
      for (const next of due.slice(i + 1, i + 1 + CONTENT_READ_AHEAD)) void contentOf(next).catch(() => undefined);
      const { target, reg, weekKey } = due[i]!;
      try {
        await deliverWeekly(target, reg, weekKey, now, report, () => contentOf(due[i]!), afterwards);
      } catch (error) {
        report.errors += 1;
        log.error({ target: target.kind, centreId: target === centreDigest ? reg.centreId : undefined, err: errorSummary(error) }, 'weekly digest failed');
      }
    }
    await Promise.all(pending);
  };

  const ownerReminders = async (centre: Centre, today: string, report: TickReport): Promise<void> => {
    const plan = await deps.sources.plan(centre.tenantId, centre.centreId);
    if (!plan) return;
    const records = await deps.digests.reminders.listOwnerReminders(centre.tenantId, centre.centreId);
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
      type Claimed = { record: OwnerReminderRecord; item: OwnerReminderItem; previous?: OwnerReminderRecord };
      const result = await deliverClaimed<Claimed[]>({
        claim: async () => {
          const claimed: Claimed[] = [];
          for (const candidate of candidates) {
            const record = await deps.digests.reminders.claimOwnerReminder(
              centre.tenantId,
              centre.centreId,
              { actieId: candidate.actieId, kind: candidate.item.kind, date: today, deadline: candidate.item.deadline },
              candidate.previous,
            );
            if (record) claimed.push({ record, item: candidate.item, ...(candidate.previous ? { previous: candidate.previous } : {}) });
          }
          return claimed.length > 0 ? claimed : undefined;
        },
        send: async (claimed) => personalOutcome(await sendToPerson(deps, person, { text: ownerReminderText({ centreName: centre.name, today, items: claimed.map((c) => c.item) }) })),
        markSent: async (claimed) => {
          for (const c of claimed) await deps.digests.reminders.markOwnerReminderSent(centre.tenantId, centre.centreId, c.record);
        },
        release: async (claimed, failure) => {
          for (const c of claimed) await deps.digests.reminders.releaseOwnerReminder(centre.tenantId, centre.centreId, c.record, c.previous);
          if ('reason' in failure) log.warn({ centreId: centre.centreId, reason: failure.reason, status: failure.status }, 'owner reminder not delivered');
        },
      });
      if (result.kind === 'sent') report.remindersSent += 1;
      if (result.kind === 'error') throw result.error;
    }
  };

  const roundNudges = async (centre: Centre, today: string, report: TickReport): Promise<void> => {
    const round = await deps.sources.roundStragglers(centre.tenantId, centre.centreId);
    if (!round || round.unfinished.length === 0) return;
    const records = await deps.digests.reminders.listNudges(centre.tenantId, centre.centreId, round.roundId);
    for (const userId of round.unfinished) {
      const previous = records.get(userId);
      const kind = roundNudgeKind(round.deadline, today, false, previous?.sent ?? []);
      if (!kind) continue;
      const person = await deps.centres.getPerson(centre.tenantId, userId);
      if (!person?.personalChat) {
        log.debug({ centreId: centre.centreId }, 'round nudge skipped: no personal chat with the participant');
        continue;
      }
      const result = await deliverClaimed<NudgeRecord>({
        claim: () => deps.digests.reminders.claimNudge(centre.tenantId, centre.centreId, { roundId: round.roundId, userId, kind }, previous),
        send: async () => personalOutcome(await sendToPerson(deps, person, { text: roundNudgeText({ centreName: centre.name, today, deadline: round.deadline, kind }) })),
        // The claim is the record: nothing more to mark.
        markSent: async () => undefined,
        release: async (claimed, failure) => {
          await deps.digests.reminders.releaseNudge(centre.tenantId, centre.centreId, claimed, kind);
          if ('reason' in failure) log.warn({ centreId: centre.centreId, reason: failure.reason, status: failure.status }, 'round nudge not delivered');
        },
      });
      if (result.kind === 'sent') report.nudgesSent += 1;
      if (result.kind === 'error') throw result.error;
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
    const claimed = await deps.digests.reminders.claimReminderDay(centre.tenantId, centre.centreId, today, instanceId, now);
    remindersSettled.set(centreKey, today);
    if (!claimed) return;
    try {
      await ownerReminders(centre, today, report);
      await roundNudges(centre, today, report);
    } catch (error) {
      remindersSettled.delete(centreKey);
      // Give the day back: a later tick retries; the per-reminder claims keep it from sending twice.
      // If giving it back fails too, the claim goes stale and is taken over later.
      await deps.digests.reminders
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
    const due: Array<{ target: WeeklyTarget; reg: StoredRegistration; weekKey: string }> = [];
    for (const tenantId of [...new Set(centres.map((c) => c.tenantId))]) {
      for (const target of weeklyTargets) {
        let registrations: StoredRegistration[];
        try {
          registrations = await target.store.listRegistrations(tenantId);
        } catch (error) {
          report.errors += 1;
          log.error({ target: target.kind, err: errorSummary(error) }, 'could not list digest registrations');
          continue;
        }
        for (const reg of registrations) {
          if (target === centreDigest) {
            const key = `${reg.tenantId}\n${reg.centreId}`;
            registrationsByCentre.set(key, [...(registrationsByCentre.get(key) ?? []), reg]);
          }
          if (reg.blockedAt) continue;
          try {
            const when = digestDue(reg.schedule, now, calendar, reg.lastSentWeek);
            if (when.due) due.push({ target, reg, weekKey: when.weekKey });
          } catch (error) {
            report.errors += 1;
            log.error({ target: target.kind, centreId: target === centreDigest ? reg.centreId : undefined, err: errorSummary(error) }, 'weekly digest failed');
          }
        }
      }
    }
    await deliverDue(due, now, report);
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

  const job = createCronJob({
    name: `poolster-digest-${instanceId}`,
    pattern: CRON_PATTERN,
    timezone: CRON_TIMEZONE,
    log,
    work: () => tick(deps.now()),
    failureMessage: 'scheduler tick failed',
    startedMessage: 'digest scheduler started',
    // Catch up at start-up (same week only; see digestDue).
    runAtStart: true,
    ...(deps.cron ? { cron: deps.cron } : {}),
  });

  return { tick, start: job.start, stop: job.stop };
}
