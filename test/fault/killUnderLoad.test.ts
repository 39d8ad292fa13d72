import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { freePort, startAzurite, type AzuriteHandle } from '../support/azurite';
import { FakeConnector } from '../support/connector';
import { cardText, firstCard, startTestBot, waitForCardIn, type TestBot, type TestUser } from '../support/bot';
import { faultSeed, killHard, seededRandom, startBotProcess } from '../support/botProcess';
import { actionTitled } from '../support/cards';
import { systemClock } from '../support/clock';
import { validBouwsteenForm } from '../fixtures/surveyForms';
import { BOUWSTEEN_IDS } from '../../domain/catalogue';

/**
 * Issue 17.2: twenty members click through the survey at the same time while the bot process is
 * killed (SIGKILL) at a seeded random moment, then restarted; three runs, each with another moment.
 * Every acknowledged answer (the member got the next card) must be stored; a click in flight is
 * stored whole (answer and position, one entity-group transaction) or not at all; `verder` continues
 * where storage says. POOLSTER_FAULT_SEED=<n> repeats a run.
 */
const MEMBERS = 20;
const RUNS = 3;

interface MemberState {
  user: TestUser;
  card: any;
  acknowledged: Array<(typeof BOUWSTEEN_IDS)[number]>;
  /** The bouwsteen of a click that got no answer (the process died under it). */
  unacknowledged?: (typeof BOUWSTEEN_IDS)[number];
}

describe('Fault suite: kill -9 under concurrent load', function () {
  this.timeout(240_000);
  let azurite: AzuriteHandle;
  let child: ChildProcess | undefined;
  let bot: TestBot;
  const connector = new FakeConnector();
  const tablePrefix = `l${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  let port = 0;

  before(async () => {
    azurite = await startAzurite();
    await connector.start();
    port = await freePort();
    child = await startBotProcess({ port, connectionString: azurite.connectionString, tablePrefix });
    // The in-process bot only reads storage and drives users; the turns go to the child's URL.
    bot = await startTestBot({ connector, env: { STORAGE_CONNECTION_STRING: azurite.connectionString }, tablePrefix });
    (bot.poolster as { url: string }).url = `http://127.0.0.1:${port}`;
  });
  after(async () => {
    if (child) await killHard(child);
    await bot?.stop();
    await connector.stop();
    await azurite.stop();
  });

  it(`${MEMBERS} members answer concurrently, ${RUNS} kills at seeded moments: 0 acknowledged answers lost, 0 half-written, verder resumes where storage says`, async () => {
    const seed = faultSeed(17_2);
    const random = seededRandom(seed);
    const director = bot.user('Diane Directeur');
    await director.say('setup GO! CLB Killstad');
    const members = Array.from({ length: MEMBERS }, (_, i) => bot.user(`Lid ${String(i + 1).padStart(2, '0')}`));
    const group = { id: `19:${randomUUID()}@thread.v2`, kind: 'groupChat' as const };
    connector.members.set(group.id, [director, ...members].map((u) => ({ id: u.channelUserId, name: u.name, aadObjectId: u.userId })));
    // The bot runs as its own process on the system clock: dates come from it, by the bot's rule.
    const clock = systemClock();
    await director.execute('round.create', { schoolYear: clock.schoolYear, deadline: clock.inDays(10), participants: members.map((m) => m.userId).join(','), visibility: 'anoniem' }, group);
    await waitForCardIn(connector, group.id, new RegExp(`Alle ${MEMBERS} deelnemers kregen`), 60_000);
    const roundId = (await bot.poolster.deps.centres.listCentres(director.tenantId)).find((c) => c.name === 'GO! CLB Killstad')!.openRoundId!;

    const states: MemberState[] = [];
    for (const user of members) {
      const intro = firstCard(await user.say('inschaling'));
      const opened = await user.execute('survey.open', actionTitled(intro, 'Start de inschaling').data);
      states.push({ user, card: opened.card, acknowledged: [] });
    }

    const totals = { sent: 0, acknowledged: 0, stored: 0, lost: 0, halfWritten: 0, inFlightStored: 0, inFlightNotStored: 0 };
    for (let run = 1; run <= RUNS; run += 1) {
      // Kill after the K-th acknowledged click of this run, then a few milliseconds more: mid-flight.
      const killAfter = 5 + Math.floor(random() * 30);
      const extraMs = Math.floor(random() * 25);
      let acknowledgedThisRun = 0;
      let killed: Promise<void> | undefined;
      const figures = { sent: 0, acknowledged: 0 };
      const clickThrough = async (state: MemberState) => {
        for (;;) {
          const text = cardText(state.card);
          const step = /Bouwsteen (\d+) van 11/.exec(text);
          if (!step || killed) return;
          const bouwsteenId = BOUWSTEEN_IDS[Number(step[1]) - 1]!;
          const data = { ...actionTitled(state.card, /^Volgende/).data, ...validBouwsteenForm({ choiceNote: `run ${run} ${bouwsteenId}` }) };
          figures.sent += 1;
          state.unacknowledged = bouwsteenId;
          let answer;
          try {
            answer = await state.user.execute('survey.answer', data);
          } catch {
            return; // the process died under this click
          }
          if (answer.status !== 200 || !answer.card) return;
          state.unacknowledged = undefined;
          state.acknowledged.push(bouwsteenId);
          state.card = answer.card;
          figures.acknowledged += 1;
          acknowledgedThisRun += 1;
          if (acknowledgedThisRun === killAfter && !killed) {
            killed = new Promise<void>((resolve) => setTimeout(resolve, extraMs)).then(() => killHard(child!));
          }
        }
      };
      await Promise.all(states.map(clickThrough));
      if (!killed) killed = killHard(child!); // every member finished before the moment came
      await killed;
      child = await startBotProcess({ port, connectionString: azurite.connectionString, tablePrefix });

      const runFigures = { stored: 0, lost: 0, halfWritten: 0, inFlightStored: 0, inFlightNotStored: 0 };
      for (const state of states) {
        const draft = await bot.poolster.deps.survey.getMemberDraft(roundId, state.user.userId);
        assert.ok(draft, `a draft for ${state.user.name}`);
        const complete = BOUWSTEEN_IDS.filter((id) => draft.bouwstenen[id]?.complete);
        runFigures.stored += complete.length;
        runFigures.lost += state.acknowledged.filter((id) => !draft.bouwstenen[id]?.complete).length;
        // Members answer in order: the stored answers are a prefix, and the position is the next one.
        const prefix = BOUWSTEEN_IDS.slice(0, complete.length);
        const expectedPosition = complete.length === BOUWSTEEN_IDS.length ? 'overview' : BOUWSTEEN_IDS[complete.length];
        if (complete.join() !== prefix.join() || draft.participant.position !== expectedPosition) runFigures.halfWritten += 1;
        if (state.unacknowledged) {
          if (draft.bouwstenen[state.unacknowledged as (typeof BOUWSTEEN_IDS)[number]]?.complete) {
            runFigures.inFlightStored += 1;
            state.acknowledged.push(state.unacknowledged); // stored: it counts from now on
          } else runFigures.inFlightNotStored += 1;
          state.unacknowledged = undefined;
        }
        // The member types `verder` and continues where storage says.
        const resumed = firstCard(await state.user.say('verder'));
        const expected = expectedPosition === 'overview' ? /overzicht/i : new RegExp(`Bouwsteen ${BOUWSTEEN_IDS.indexOf(expectedPosition as '4.1') + 1} van 11`);
        assert.match(cardText(resumed), expected, `${state.user.name} resumes where storage says (${expectedPosition})`);
        state.card = resumed;
      }
      process.stdout.write(
        `      kill -9 run ${run} (seed ${seed}, after ${killAfter} acks + ${extraMs} ms): ${figures.sent} clicks sent, ${figures.acknowledged} acknowledged, ` +
          `${runFigures.stored} answers stored in total, ${runFigures.lost} lost, ${runFigures.halfWritten} half-written; ` +
          `in flight at the kill: ${runFigures.inFlightStored} stored whole, ${runFigures.inFlightNotStored} not at all\n`,
      );
      totals.sent += figures.sent;
      totals.acknowledged += figures.acknowledged;
      totals.stored = runFigures.stored;
      totals.lost += runFigures.lost;
      totals.halfWritten += runFigures.halfWritten;
      totals.inFlightStored += runFigures.inFlightStored;
      totals.inFlightNotStored += runFigures.inFlightNotStored;
      assert.deepEqual({ lost: runFigures.lost, halfWritten: runFigures.halfWritten }, { lost: 0, halfWritten: 0 }, `run ${run}`);
    }
    process.stdout.write(`      kill -9 under load, ${RUNS} runs: ${totals.sent} clicks sent, ${totals.acknowledged} acknowledged, ${totals.stored} stored, ${totals.lost} lost, ${totals.halfWritten} half-written\n`);
    assert.ok(totals.acknowledged >= RUNS * 5, 'the members did get through clicks before each kill');
  });
});
