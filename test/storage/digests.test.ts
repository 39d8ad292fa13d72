import { strict as assert } from 'node:assert';
import { digestSchedule } from '../../domain/calendar/schedule';
import { MAX_DELIVERY_ATTEMPTS } from '../../domain/digest/runPolicy';
import type { StoredRegistration } from '../../storage/digestChannels';
import { createDigestStores, type DigestStores } from '../../storage/digests';
import { freshTables } from '../support/azurite';

const TENANT = '00000000-0000-0000-0000-000000000001';
const CENTRE = 'c-6f1d';
const CHANNEL = '19:chan~with/odd#chars?@thread.tacv2';
const T0 = new Date('2026-06-01T06:00:00Z');
/** What the nightly retention prunes: old weekly runs and old reminder-day claims. */
async function pruneHistory(stores: DigestStores, cutoff: { beforeWeek: string; beforeDate: string }) {
  return { runs: await stores.runs.pruneBefore(cutoff.beforeWeek), reminderDays: await stores.reminders.pruneDaysBefore(cutoff.beforeDate) };
}
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

describe('Digest storage on Azure Tables (real Azurite)', () => {
  let repo: DigestStores;
  let other: DigestStores;
  let reg: StoredRegistration;

  beforeEach(async () => {
    const tables = await freshTables();
    repo = createDigestStores(tables.client('Digests'));
    // A second repository on the same table: another instance of the bot.
    other = createDigestStores(tables.client('Digests'));
    ({ registration: reg } = await repo.channels.register({
      tenantId: TENANT,
      centreId: CENTRE,
      conversationKey: CHANNEL,
      conversationKind: 'channel',
      ref: { conversation: { id: CHANNEL }, serviceUrl: 'http://127.0.0.1:1/' },
      schedule: digestSchedule(),
      registeredBy: 'u-dirk',
      registeredByName: 'Dirk',
      now: T0,
    }));
  });

  describe('registrations', () => {
    it('stores the conversation reference and schedule, and lists them per tenant and per centre', async () => {
      const stored = await repo.channels.getRegistration(TENANT, CENTRE, CHANNEL);
      assert.deepEqual(
        { ...stored, etag: undefined },
        {
          tenantId: TENANT,
          centreId: CENTRE,
          conversationKey: CHANNEL,
          conversationKind: 'channel',
          ref: { conversation: { id: CHANNEL }, serviceUrl: 'http://127.0.0.1:1/' },
          schedule: { weekday: 1, time: '08:00', pausedHolidays: ['zomer', 'kerst'] },
          registeredBy: 'u-dirk',
          registeredByName: 'Dirk',
          registeredAt: T0.toISOString(),
          lastSentWeek: undefined,
          lastSentAt: undefined,
          lastManualAt: undefined,
          failures: [],
          blockedAt: undefined,
          etag: undefined,
        },
      );
      await repo.channels.register({ ...reg, conversationKey: '19:other@thread.v2', conversationKind: 'groupChat', now: T0 });
      await repo.channels.register({ ...reg, centreId: 'c-other', now: T0 });
      assert.equal((await repo.channels.listRegistrations(TENANT)).length, 3);
      assert.deepEqual((await repo.channels.listRegistrations(TENANT, CENTRE)).map((r) => r.conversationKey).sort(), [CHANNEL, '19:other@thread.v2'].sort());
      assert.equal((await repo.channels.listRegistrations('99999999-0000-0000-0000-000000000009')).length, 0);
    });

    it('a re-registration keeps what was sent and clears a block; unregister removes it once', async () => {
      await repo.channels.recordSent(reg, '2026-W23', T0.toISOString());
      await repo.channels.markBlocked(reg, { at: T0.toISOString(), reason: 'blocked', status: 403 });
      const { registration, created } = await repo.channels.register({ ...reg, schedule: digestSchedule({ weekday: 2 }), now: minutes(5) });
      assert.equal(created, false);
      assert.equal(registration.lastSentWeek, '2026-W23');
      assert.equal(registration.blockedAt, undefined);
      assert.equal(registration.schedule.weekday, 2);
      assert.equal(registration.failures.length, 1, 'the failure history is kept');
      assert.equal(await repo.channels.unregister(TENANT, CENTRE, CHANNEL), true);
      assert.equal(await repo.channels.unregister(TENANT, CENTRE, CHANNEL), false);
      assert.equal(await repo.channels.getRegistration(TENANT, CENTRE, CHANNEL), undefined);
      await repo.channels.recordSent(reg, '2026-W24', T0.toISOString());
      assert.equal(await repo.channels.getRegistration(TENANT, CENTRE, CHANNEL), undefined, 'bookkeeping never recreates a removed registration');
    });

    it('records the week as sent on the registration as read; a registration changed meanwhile keeps its change', async () => {
      await repo.channels.recordSent(reg, '2026-W23', minutes(1).toISOString());
      const sent = (await repo.channels.getRegistration(TENANT, CENTRE, CHANNEL))!;
      assert.equal(sent.lastSentWeek, '2026-W23');
      assert.equal(sent.lastSentAt, minutes(1).toISOString());
      // Another instance changes the schedule after this one read the registration: the ETag no
      // longer matches, so the row is read again and only lastSentWeek is added to it.
      await other.channels.register({ ...sent, schedule: digestSchedule({ weekday: 3 }), now: minutes(2) });
      await repo.channels.recordSent(sent, '2026-W24', minutes(3).toISOString());
      const after = (await repo.channels.getRegistration(TENANT, CENTRE, CHANNEL))!;
      assert.equal(after.lastSentWeek, '2026-W24');
      assert.equal(after.schedule.weekday, 3, 'the other instance\'s change is kept');
      assert.equal(after.registeredAt, minutes(2).toISOString());
    });

    it('never moves lastSentWeek back, keeps the last 5 failures, and reports the block transition once', async () => {
      await repo.channels.recordSent(reg, '2026-W23', T0.toISOString());
      await repo.channels.recordSent(reg, '2026-W22', T0.toISOString());
      for (let i = 0; i < 7; i += 1) await repo.channels.recordFailure(reg, { at: minutes(i).toISOString(), reason: 'failed', status: 502, detail: 'x'.repeat(1000) });
      const stored = (await repo.channels.getRegistration(TENANT, CENTRE, CHANNEL))!;
      assert.equal(stored.lastSentWeek, '2026-W23');
      assert.equal(stored.failures.length, 5);
      assert.equal(stored.failures[4]!.at, minutes(6).toISOString());
      assert.equal(stored.failures[0]!.detail!.length, 300);
      const results = await Promise.all([repo.channels.markBlocked(reg, { at: T0.toISOString(), reason: 'blocked' }), other.channels.markBlocked(reg, { at: T0.toISOString(), reason: 'blocked' })]);
      assert.deepEqual(results.sort(), [false, true]);
    });
  });

  describe('weekly runs: claim and outbox', () => {
    it('exactly one of several concurrent claims owns the run', async () => {
      const results = await Promise.all([
        repo.runs.claimRun(reg, '2026-W23', T0, 'a'),
        other.runs.claimRun(reg, '2026-W23', T0, 'b'),
        repo.runs.claimRun(reg, '2026-W23', T0, 'c'),
        other.runs.claimRun(reg, '2026-W23', T0, 'd'),
      ]);
      assert.equal(results.filter((r) => r.owned).length, 1);
      const another = await repo.runs.claimRun(reg, '2026-W24', T0, 'a');
      assert.equal(another.owned, true, 'another week is another run');
    });

    it('moves claimed → sending → sent; a sent run is never taken again', async () => {
      const claim = await repo.runs.claimRun(reg, '2026-W23', T0, 'a');
      assert.ok(claim.owned);
      const sending = await repo.runs.markSending(claim.run, minutes(1));
      assert.equal(sending?.state, 'sending');
      assert.equal(sending?.attempts, 1);
      const sent = await repo.runs.markSent(sending!, minutes(1), 'act-1');
      assert.equal(sent?.state, 'sent');
      const later = await other.runs.claimRun(reg, '2026-W23', minutes(600), 'b');
      assert.equal(later.owned, false);
      assert.equal(later.run?.state, 'sent');
      assert.equal(later.run?.activityId, 'act-1');
      assert.equal(later.run?.sentAt, minutes(1).toISOString());
    });

    it('a claim stuck in sending for more than 10 minutes is taken over by exactly one instance', async () => {
      const claim = await repo.runs.claimRun(reg, '2026-W23', T0, 'crashed');
      assert.ok(claim.owned);
      await repo.runs.markSending(claim.run, T0);
      assert.equal((await other.runs.claimRun(reg, '2026-W23', minutes(10), 'b')).owned, false, 'not at 10 minutes');
      const results = await Promise.all([other.runs.claimRun(reg, '2026-W23', minutes(11), 'b'), repo.runs.claimRun(reg, '2026-W23', minutes(11), 'c'), other.runs.claimRun(reg, '2026-W23', minutes(11), 'd')]);
      const winners = results.filter((r) => r.owned);
      assert.equal(winners.length, 1);
      const run = (winners[0] as { run: { owner: string; attempts: number; state: string } }).run;
      assert.equal(run.state, 'claimed');
      assert.equal(run.attempts, 1, 'attempts carry over');
      assert.equal(await repo.runs.markSending(claim.run, minutes(12)), undefined, 'the crashed owner cannot move the run any more');
    });

    it('a claim that starts sending at once is sending with the attempt counted; a takeover counts the next attempt', async () => {
      const results = await Promise.all([
        repo.runs.claimRun(reg, '2026-W23', T0, 'a', { startSending: true }),
        other.runs.claimRun(reg, '2026-W23', T0, 'b', { startSending: true }),
      ]);
      const winners = results.filter((r) => r.owned);
      assert.equal(winners.length, 1, 'still exactly one owner');
      const claimed = (winners[0] as { run: { state: string; attempts: number; etag: string } }).run;
      assert.equal(claimed.state, 'sending');
      assert.equal(claimed.attempts, 1);
      const stored = await repo.runs.getRun(reg, '2026-W23');
      assert.equal(stored?.state, 'sending', 'stored as sending: a crash from here on is taken over like any interrupted send');
      assert.equal(stored?.etag, claimed.etag);
      assert.equal((await other.runs.claimRun(reg, '2026-W23', minutes(10), 'c', { startSending: true })).owned, false, 'not at 10 minutes');
      const taken = await other.runs.claimRun(reg, '2026-W23', minutes(11), 'c', { startSending: true });
      assert.ok(taken.owned);
      assert.equal(taken.run.state, 'sending');
      assert.equal(taken.run.attempts, 2, 'the interrupted attempt counts');
      assert.equal(taken.run.owner, 'c');
      const sent = await other.runs.markSent(taken.run, minutes(11), 'act-2');
      assert.equal(sent?.state, 'sent');
      assert.equal((await repo.runs.claimRun(reg, '2026-W23', minutes(600), 'a', { startSending: true })).owned, false, 'a sent run is never taken again');
    });

    it('retries a failed run after 5 minutes, until attempts run out; a final failure is never retried', async () => {
      let claim = await repo.runs.claimRun(reg, '2026-W23', T0, 'a');
      for (let attempt = 1; attempt <= MAX_DELIVERY_ATTEMPTS; attempt += 1) {
        assert.ok(claim.owned, `attempt ${attempt} owned`);
        const at = minutes((attempt - 1) * 10);
        const sending = (await repo.runs.markSending(claim.run, at))!;
        const failed = (await repo.runs.markFailed(sending, at, { error: 'failed (502)', final: false }))!;
        assert.equal(failed.final, attempt === MAX_DELIVERY_ATTEMPTS);
        assert.equal((await other.runs.claimRun(reg, '2026-W23', minutes((attempt - 1) * 10 + 4), 'b')).owned, false, 'not within 5 minutes');
        claim = await other.runs.claimRun(reg, '2026-W23', minutes((attempt - 1) * 10 + 6), 'b');
      }
      assert.equal(claim.owned, false, 'no attempts left');
      assert.equal(claim.run?.attempts, MAX_DELIVERY_ATTEMPTS);
      assert.equal(claim.run?.lastError, 'failed (502)');

      const blocked = await repo.runs.claimRun(reg, '2026-W24', T0, 'a');
      assert.ok(blocked.owned);
      const sending = (await repo.runs.markSending(blocked.run, T0))!;
      await repo.runs.markFailed(sending, T0, { error: 'blocked (403)', final: true });
      assert.equal((await other.runs.claimRun(reg, '2026-W24', minutes(600), 'b')).owned, false);
    });
  });

  describe('reminder bookkeeping', () => {
    it('claims the day once per centre, and again after a release', async () => {
      const results = await Promise.all([repo.reminders.claimReminderDay(TENANT, CENTRE, '2026-06-01', 'a', T0), other.reminders.claimReminderDay(TENANT, CENTRE, '2026-06-01', 'b', T0)]);
      assert.deepEqual(results.sort(), [false, true]);
      assert.equal(await repo.reminders.claimReminderDay(TENANT, 'c-other', '2026-06-01', 'a', T0), true);
      await repo.reminders.releaseReminderDay(TENANT, CENTRE, '2026-06-01');
      assert.equal(await other.reminders.claimReminderDay(TENANT, CENTRE, '2026-06-01', 'b', T0), true);
    });

    it('an owner reminder is claimed by one instance; a failed send puts the previous record back', async () => {
      const first = { actieId: 'a1', kind: 'voor-deadline' as const, date: '2026-06-01', deadline: '2026-06-03' };
      const results = await Promise.all([repo.reminders.claimOwnerReminder(TENANT, CENTRE, first), other.reminders.claimOwnerReminder(TENANT, CENTRE, first)]);
      const claimed = results.filter((r) => r !== undefined);
      assert.equal(claimed.length, 1);
      await repo.reminders.markOwnerReminderSent(TENANT, CENTRE, claimed[0]!);
      let records = await repo.reminders.listOwnerReminders(TENANT, CENTRE);
      assert.deepEqual({ ...records.get('a1'), etag: undefined }, { ...first, state: 'sent', etag: undefined });

      const previous = records.get('a1')!;
      const overdue = { actieId: 'a1', kind: 'achterstallig' as const, date: '2026-06-05', deadline: '2026-06-03' };
      const stale = { ...previous, etag: 'W/"datetime\'2000-01-01T00%3A00%3A00.0000000Z\'"' };
      assert.equal(await other.reminders.claimOwnerReminder(TENANT, CENTRE, overdue, stale), undefined, 'a stale view loses');
      const next = (await repo.reminders.claimOwnerReminder(TENANT, CENTRE, overdue, previous))!;
      await repo.reminders.releaseOwnerReminder(TENANT, CENTRE, next, previous);
      records = await repo.reminders.listOwnerReminders(TENANT, CENTRE);
      assert.equal(records.get('a1')?.kind, 'voor-deadline');
      assert.equal(records.get('a1')?.date, '2026-06-01');

      const fresh = (await repo.reminders.claimOwnerReminder(TENANT, CENTRE, { ...first, actieId: 'a2' }))!;
      await repo.reminders.releaseOwnerReminder(TENANT, CENTRE, fresh);
      assert.equal((await repo.reminders.listOwnerReminders(TENANT, CENTRE)).has('a2'), false);
    });

    it('round nudges are recorded per participant and round, once per kind', async () => {
      const input = { roundId: 'r-1', userId: 'u-an', kind: 'drie-dagen' as const };
      const results = await Promise.all([repo.reminders.claimNudge(TENANT, CENTRE, input), other.reminders.claimNudge(TENANT, CENTRE, input)]);
      assert.equal(results.filter((r) => r).length, 1);
      let nudges = await repo.reminders.listNudges(TENANT, CENTRE, 'r-1');
      assert.deepEqual(nudges.get('u-an')?.sent, ['drie-dagen']);
      const second = (await repo.reminders.claimNudge(TENANT, CENTRE, { ...input, kind: 'een-dag' }, nudges.get('u-an')))!;
      assert.deepEqual(second.sent, ['drie-dagen', 'een-dag']);
      await repo.reminders.releaseNudge(TENANT, CENTRE, second, 'een-dag');
      nudges = await repo.reminders.listNudges(TENANT, CENTRE, 'r-1');
      assert.deepEqual(nudges.get('u-an')?.sent, ['drie-dagen']);
      assert.equal((await repo.reminders.listNudges(TENANT, CENTRE, 'r-2')).size, 0);
    });
  });

  describe('history', () => {
    it('prunes old weekly runs and reminder-day claims, and keeps registrations and reminder records', async () => {
      const second = { ...reg, conversationKey: '19:second@thread.v2' };
      await repo.channels.register({ ...second, now: T0 });
      const weeks = Array.from({ length: 30 }, (_, i) => `2026-W${String(i + 1).padStart(2, '0')}`);
      for (const week of weeks) {
        await repo.runs.claimRun(reg, week, T0, 'a');
        await repo.runs.claimRun(second, week, T0, 'a');
      }
      const days = ['2026-04-29', '2026-04-30', '2026-05-01', '2026-05-02'];
      for (const day of days) await repo.reminders.claimReminderDay(TENANT, CENTRE, day, 'a', T0);
      await repo.reminders.claimOwnerReminder(TENANT, CENTRE, { actieId: 'a1', kind: 'voor-deadline', date: '2026-01-05', deadline: '2026-01-07' });
      await repo.reminders.claimNudge(TENANT, CENTRE, { roundId: 'r-1', userId: 'u-an', kind: 'drie-dagen' });

      const pruned = await pruneHistory(other, { beforeWeek: '2026-W20', beforeDate: '2026-05-01' });
      assert.deepEqual(pruned, { runs: 38, reminderDays: 2 });
      for (const [week, kept] of [['2026-W01', false], ['2026-W19', false], ['2026-W20', true], ['2026-W30', true]] as const) {
        assert.equal(Boolean(await repo.runs.getRun(reg, week)), kept, `${week} of the first channel`);
        assert.equal(Boolean(await repo.runs.getRun(second, week)), kept, `${week} of the second channel`);
      }
      assert.equal(await repo.reminders.claimReminderDay(TENANT, CENTRE, '2026-04-30', 'b', T0), true, 'an old day claim is gone');
      assert.equal(await repo.reminders.claimReminderDay(TENANT, CENTRE, '2026-05-01', 'b', T0), false, 'a recent one is kept');
      assert.equal((await repo.channels.listRegistrations(TENANT, CENTRE)).length, 2);
      assert.equal((await repo.reminders.listOwnerReminders(TENANT, CENTRE)).has('a1'), true);
      assert.equal((await repo.reminders.listNudges(TENANT, CENTRE, 'r-1')).size, 1);
      assert.deepEqual(await pruneHistory(repo, { beforeWeek: '2026-W20', beforeDate: '2026-05-01' }), { runs: 0, reminderDays: 1 }, 'idempotent (but for the day claimed again)');
    });
  });
});
