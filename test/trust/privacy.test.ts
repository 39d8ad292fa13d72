import assert from 'node:assert/strict';
import { BOUWSTEEN_IDS, type BouwsteenId } from '../../domain/catalogue';
import { FILE_CONSENT_CONTENT_TYPE } from '../../bot/turn';
import { PERSONAL_CHAT_ONLY } from '../../dialogs/privacy';
import { createRetentionJob, purgeExpiredAnswers, RETENTION_CRON, RETENTION_TIMEZONE, type RetentionCron } from '../../dialogs/privacy/retention';
import { ERASED_NAME, ERASED_OTHER_TEXT } from '../../storage/privacy';
import { monthsBefore } from '../../domain/time';
import { TABLE_NAMES } from '../../storage/tables';
import type { MemberDraft, Participant } from '../../domain/survey/round';
import { actionTitled, assertValidCard, inputValue } from '../support/cards';
import { confirmationFields } from '../../domain/result/inschaling';
import { closeRoundConfirmed, cardText, firstCard, startTestBot, TENANT, type ConversationSpec, type TestBot, type TestUser } from '../support/bot';
import { specClock } from '../support/clock';
import { demoPlan } from '../support/planFixture';
import { validBouwsteenForm, validClosingForm } from '../fixtures/surveyForms';
import { captureLogs, tableRows, UploadSink } from './support';

/**
 * Issue 7, privacy (AVG/GDPR): `mijn gegevens` hands a person everything the bot holds about them
 * as a JSON file in the personal chat; `verwijder mijn gegevens` erases it after confirmation,
 * keeping only anonymous contributions to closed rounds; the only director must hand over first;
 * retention deletes the individual answers of rounds closed more than RETENTION_MONTHS ago.
 */

/** The clock every bot of this file runs on, so no spec depends on today's date. */
const clock = specClock();

/** Stadium counts per bouwsteen over every stored answer of a round (what the team aggregate uses). */
function stadia(drafts: MemberDraft[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const draft of drafts) {
    for (const id of BOUWSTEEN_IDS) {
      const level = Number(draft.bouwstenen[id]?.form.stadium);
      if (!level) continue;
      out[id] ??= [0, 0, 0, 0];
      out[id]![level - 1]! += 1;
    }
  }
  return out;
}

async function allRowsText(bot: TestBot): Promise<string> {
  const parts: string[] = [];
  for (const table of TABLE_NAMES) for (const row of await tableRows(bot, table)) parts.push(`${table} ${JSON.stringify(row)}`);
  return parts.join('\n');
}

function fileConsentAccept(bot: TestBot, user: TestUser, context: unknown, uploadUrl: string) {
  return user.post({
    type: 'invoke',
    name: 'fileConsent/invoke',
    channelId: 'msteams',
    serviceUrl: bot.connector.url,
    from: { id: user.channelUserId, name: user.name, aadObjectId: user.userId },
    recipient: { id: '28:poolster-bot' },
    conversation: { id: user.personalConversationId, conversationType: 'personal', tenantId: user.tenantId },
    channelData: { tenant: { id: user.tenantId } },
    value: { type: 'fileUpload', action: 'accept', context, uploadInfo: { uploadUrl, name: 'poolster.json', contentUrl: 'https://example.invalid/poolster.json', uniqueId: 'u-1', fileType: 'json' } },
  });
}

describe('Trust: mijn gegevens and verwijder mijn gegevens', function () {
  this.timeout(120_000);
  let bot: TestBot;
  let dina: TestUser, eva: TestUser, ann: TestUser, bert: TestUser;
  const chat: ConversationSpec = { id: '19:privacy-team@thread.v2', kind: 'groupChat' };
  const sink = new UploadSink();
  let centreId = '';
  let closedRoundId = '';
  let openRoundId = '';
  let annActieId = '';

  /** A member walks a whole survey (every bouwsteen, closing questions) and sends it. */
  async function completeSurvey(user: TestUser, note: string): Promise<void> {
    let card = firstCard(await user.say('inschaling'));
    card = (await user.execute('survey.open', actionTitled(card, /Start de inschaling|Ga verder/).data)).card;
    for (let i = 0; i < 11; i += 1) {
      card = (await user.execute('survey.answer', { ...actionTitled(card, /^Volgende/).data, ...validBouwsteenForm({ stadium: String((i % 4) + 1), ambition: 'aanhouden', choiceNote: note, differenceOther: `${note}-anders` }) })).card;
    }
    card = (await user.execute('survey.open', actionTitled(card, 'Verder naar de overkoepelende vragen').data)).card;
    card = (await user.execute('survey.closing', { ...actionTitled(card, 'Volgende').data, ...validClosingForm() })).card;
    const done = await user.execute('survey.submit', actionTitled(card, 'Definitief verzenden').data);
    assert.match(cardText(done.card), /verzonden/);
  }

  async function startRound(): Promise<string> {
    const answer = await dina.execute('round.create', { schoolYear: clock.schoolYear, deadline: clock.inDays(14), participants: [ann, bert].map((u) => u.userId).join(','), visibility: 'open' }, chat);
    assert.ok(answer.card, answer.message);
    return (await bot.poolster.deps.centres.getCentre(TENANT, centreId))!.openRoundId!;
  }

  before(async () => {
    await sink.start();
    bot = await startTestBot({ now: clock.now });
    dina = bot.user('Dina Directeur');
    eva = bot.user('Eva Tweede');
    ann = bot.user('Annemie Privaat');
    bert = bot.user('Bert Collega');
    bot.connector.members.set(chat.id, [dina, eva, ann, bert].map((u) => ({ id: u.channelUserId, name: u.name, aadObjectId: u.userId })));
    await dina.say('setup GO! CLB Privacy');
    centreId = (await bot.poolster.deps.centres.listCentres(TENANT))[0]!.centreId;

    closedRoundId = await startRound();
    await completeSurvey(ann, 'toelichting-van-annemie');
    await completeSurvey(bert, 'toelichting-van-bert');
    await closeRoundConfirmed(dina);
    openRoundId = await startRound();
    let card = firstCard(await ann.say('inschaling'));
    card = (await ann.execute('survey.open', actionTitled(card, 'Start de inschaling').data)).card;
    await ann.execute('survey.answer', { ...actionTitled(card, 'Volgende').data, ...validBouwsteenForm({ choiceNote: 'ontwerp-van-annemie' }) });
    await bot.poolster.deps.digests.reminders.claimNudge(TENANT, centreId, { roundId: openRoundId, userId: ann.userId, kind: 'drie-dagen' });

    const plan = demoPlan();
    plan.acties[0]!.owner = { name: ann.name, userId: ann.userId };
    plan.acties[1]!.owner = { name: bert.name, userId: bert.userId };
    await bot.poolster.deps.plans.replacePlan(centreId, plan);
    annActieId = plan.acties[0]!.id;
    const noted = await ann.execute('plan.addNote', { actieId: annActieId, note: 'notitie-van-annemie' });
    assert.ok(noted.card || noted.message);
  });
  after(async () => {
    await bot.stop();
    await sink.stop();
  });

  it('answers `mijn gegevens` only in the personal chat', async () => {
    const replies = await ann.say('mijn gegevens', chat);
    assert.deepEqual(replies.map((r) => r.text), [PERSONAL_CHAT_ONLY]);
    const erase = await ann.say('verwijder mijn gegevens', chat);
    assert.deepEqual(erase.map((r) => r.text), [PERSONAL_CHAT_ONLY]);
  });

  it('offers everything it holds about the person as a JSON file, and builds it for whoever accepts it', async () => {
    const replies = await ann.say('mijn gegevens');
    assert.match(String(replies[0]?.text), /alles wat ik over jou bewaar, als JSON-bestand/);
    const consent = replies[1]?.attachments?.[0];
    assert.equal(consent?.contentType, FILE_CONSENT_CONTENT_TYPE);
    assert.match(String(consent.name), /^poolster-mijn-gegevens-\d{4}-\d{2}-\d{2}\.json$/);

    const { status } = await fileConsentAccept(bot, ann, consent.content.acceptContext, sink.url);
    assert.equal(status, 200);
    const exported = JSON.parse(sink.uploads.at(-1)!);
    assert.equal(exported.persoon.naam, ann.name);
    assert.deepEqual(exported.persoon.rollen, ['lid']);
    assert.equal(exported.persoon.centrum.naam, 'GO! CLB Privacy');
    assert.equal(exported.persoonlijkGesprekMetPoolster.conversation.id, ann.personalConversationId, 'the conversation reference metadata');
    const rounds = Object.fromEntries(exported.inschalingen.map((r: any) => [r.rondeId, r]));
    assert.equal(rounds[closedRoundId].status, 'afgesloten');
    assert.ok(rounds[closedRoundId].deelname.verzondenOp);
    assert.equal(Object.keys(rounds[closedRoundId].bouwstenen).length, 11);
    assert.equal(rounds[closedRoundId].bouwstenen['4.1'].antwoorden.choiceNote, 'toelichting-van-annemie');
    assert.ok(rounds[closedRoundId].slotvragen.antwoorden.priority1);
    assert.equal(rounds[openRoundId].status, 'lopend');
    assert.equal(rounds[openRoundId].bouwstenen['4.1'].antwoorden.choiceNote, 'ontwerp-van-annemie');
    assert.deepEqual(rounds[openRoundId].deelname.automatischeHerinneringen, ['drie-dagen']);
    const acties = exported.beleidsplanActies as any[];
    assert.deepEqual(acties.map((a) => a.id), [annActieId]);
    assert.equal(acties[0].jijBentEigenaar, true);
    assert.ok(acties[0].notitiesVanJou.some((n: any) => n.text.includes('notitie-van-annemie')));
    const text = JSON.stringify(exported);
    assert.ok(!text.includes('toelichting-van-bert') && !text.includes(bert.userId), 'nothing of a colleague');

    // Someone else accepting the same consent card gets their own data, never Ann's.
    await fileConsentAccept(bot, bert, consent.content.acceptContext, sink.url);
    const bertsFile = JSON.parse(sink.uploads.at(-1)!);
    assert.equal(bertsFile.persoon.naam, bert.name);
    assert.ok(!JSON.stringify(bertsFile).includes('annemie'));
  });

  it('tells someone it holds nothing when that is so', async () => {
    const stranger = bot.user('Nog Niemand');
    const replies = await stranger.say('mijn gegevens');
    assert.match(String(replies[0]?.text), /Ik bewaar op dit moment geen gegevens over jou/);
    const erase = await stranger.say('verwijder mijn gegevens');
    assert.match(String(erase[0]?.text), /niets te wissen/);
  });

  it('asks for confirmation before erasing, and erases nothing until confirmed', async () => {
    const before = await allRowsText(bot);
    const replies = await ann.say('verwijder mijn gegevens');
    const card = firstCard(replies);
    assertValidCard(card);
    const text = cardText(card);
    assert.match(text, /Je gegevens wissen\?/);
    assert.match(text, /Lopende inschalingsrondes \(1\)/);
    assert.match(text, /Afgesloten rondes \(1\).*anoniem meetellen/);
    assert.match(text, /kan niet ongedaan worden gemaakt/);
    assert.equal(actionTitled(card, 'Ja, wis mijn gegevens').verb, 'privacy.erase');
    assert.equal(await allRowsText(bot), before, 'nothing changed yet');
    const notConfirmed = await ann.execute('privacy.erase', { confirm: 'nee' });
    assert.match(String(notConfirmed.message), /kon ik niet lezen/);
    assert.equal(await allRowsText(bot), before, 'an unconfirmed click erases nothing');
  });

  it('erases the person: their row, their rounds (anonymous in closed ones), their nudges, their name on acties', async () => {
    const closedBefore = stadia(await bot.poolster.deps.survey.listDrafts(closedRoundId));
    const round = (await bot.poolster.deps.survey.getRound(closedRoundId))!;
    const card = firstCard(await ann.say('verwijder mijn gegevens'));
    const done = await ann.execute('privacy.erase', actionTitled(card, 'Ja, wis mijn gegevens').data);
    assert.match(cardText(done.card), /Je gegevens zijn gewist/);
    assert.match(cardText(done.card), /In 1 afgesloten ronde tellen je keuzes nog anoniem mee/);

    assert.equal(await bot.poolster.deps.centres.getPerson(TENANT, ann.userId), undefined, 'the person row is gone');
    const open = await bot.poolster.deps.survey.listDrafts(openRoundId);
    assert.deepEqual(open.map((d) => d.participant.name), [bert.name], 'open round: Annemie is gone entirely');
    const closed = await bot.poolster.deps.survey.listDrafts(closedRoundId);
    assert.deepEqual(closed.map((d) => d.participant.name).sort(), [bert.name, ERASED_NAME].sort());
    const anonymous = closed.find((d) => d.participant.name === ERASED_NAME)!;
    assert.notEqual(anonymous.participant.userId, ann.userId);
    assert.equal(anonymous.participant.channelUserId, '');
    assert.equal(anonymous.participant.submittedAt, round.closedAt, 'only the round\'s closing time is kept');
    for (const id of BOUWSTEEN_IDS as readonly BouwsteenId[]) {
      const form = anonymous.bouwstenen[id]!.form;
      assert.equal(form.choiceNote, undefined, `${id}: toelichting deleted`);
      assert.equal(form.leversNote, undefined);
      assert.equal(form.differenceOther, ERASED_OTHER_TEXT, `${id}: "anders" text replaced`);
      assert.ok(form.stadium, `${id}: stadium kept`);
      assert.equal(anonymous.bouwstenen[id]!.complete, true);
    }
    assert.ok(anonymous.closing?.complete, 'closing choices kept (priorities count in the team result)');
    assert.deepEqual(stadia(closed), closedBefore, 'the team aggregate of the closed round is unchanged');

    assert.equal((await bot.poolster.deps.digests.reminders.listNudges(TENANT, centreId, openRoundId)).size, 0, 'nudge bookkeeping forgotten');
    const plan = (await bot.poolster.deps.plans.getPlan(centreId))!;
    const actie = plan.acties.find((a) => a.id === annActieId)!;
    assert.equal(actie.owner, undefined, 'no longer the owner');
    assert.ok(actie.notes.some((n) => n.author === ERASED_NAME && n.text.includes('notitie-van-annemie')), 'the note stays, without her name');
    assert.equal(plan.acties[1]!.owner?.userId, bert.userId, 'a colleague\'s actie is untouched');

    const everything = await allRowsText(bot);
    for (const trace of [ann.userId, ann.name, 'Annemie', 'toelichting-van-annemie', 'ontwerp-van-annemie', 'toelichting-van-annemie-anders']) {
      assert.ok(!everything.includes(trace), `no trace of "${trace}" in any table`);
    }
    assert.ok(everything.includes('toelichting-van-bert'), 'a colleague\'s answers stay');

    const after = await ann.say('mijn gegevens');
    assert.match(String(after[0]?.text), /Ik bewaar op dit moment geen gegevens over jou/);
  });

  it('tells the only director to hand over the role first, and erases the director once there is another', async () => {
    const replies = await dina.say('verwijder mijn gegevens');
    assert.match(String(replies[0]?.text), /Je bent de enige directeur van GO! CLB Privacy\. Geef eerst de directeursrol aan iemand anders/);
    const forced = await dina.execute('privacy.erase', { confirm: 'ja' });
    assert.match(String(forced.message), /enige directeur/);
    assert.ok(await bot.poolster.deps.centres.getPerson(TENANT, dina.userId), 'still there');

    await dina.say(`rol directeur ${eva.name}`, chat);
    await dina.say('digest hier', chat);
    const review = await dina.execute('result.review', { roundId: closedRoundId });
    assert.ok(review.card, review.message);
    // The confirmation card's inputs hold the proposed stadia: send them back as they are.
    const inputs = Object.fromEntries(BOUWSTEEN_IDS.map((id) => [confirmationFields(id).stadium, inputValue(review.card, confirmationFields(id).stadium) ?? '']));
    const confirmed = await dina.execute('result.confirm', { ...actionTitled(review.card, /Bevestig/).data, ...inputs });
    assert.ok(confirmed.card, confirmed.message);
    const [result] = await bot.poolster.deps.inschalingen.list(TENANT, centreId);
    assert.equal(result?.confirmedBy, dina.userId, 'the director confirmed the team result');
    const card = firstCard(await dina.say('verwijder mijn gegevens'));
    const done = await dina.execute('privacy.erase', actionTitled(card, 'Ja, wis mijn gegevens').data);
    assert.match(cardText(done.card), /Je gegevens zijn gewist/);
    assert.equal(await bot.poolster.deps.centres.getPerson(TENANT, dina.userId), undefined);
    const centre = (await bot.poolster.deps.centres.getCentre(TENANT, centreId))!;
    assert.equal(centre.createdBy, ERASED_NAME);
    for (const round of await bot.poolster.deps.survey.listByCentre(TENANT, centreId)) assert.equal(round.createdBy, ERASED_NAME);
    const [registration] = await bot.poolster.deps.digests.channels.listRegistrations(TENANT, centreId);
    assert.equal(registration?.registeredBy, ERASED_NAME);
    const [scrubbed] = await bot.poolster.deps.inschalingen.list(TENANT, centreId);
    assert.equal(scrubbed?.confirmedBy, ERASED_NAME);
    assert.equal(scrubbed?.confirmedByName, ERASED_NAME);
    assert.ok(Object.values(scrubbed!.confirmations).every((c) => c.confirmedBy === ERASED_NAME), 'per bouwsteen too');
    assert.deepEqual(Object.values(scrubbed!.confirmations).map((c) => c.stadium), Object.values(result!.confirmations).map((c) => c.stadium), 'the result itself stays');
    assert.equal((registration?.ref as { user?: unknown }).user, undefined, 'the reference no longer names who registered it');
    const delivered = await bot.poolster.deps.messenger.send(registration!.ref, { text: 'Test: het wekelijkse overzicht komt nog aan.' });
    assert.equal(delivered.ok, true, 'the channel is still reachable for the weekly digest');
    const everything = await allRowsText(bot);
    assert.ok(!everything.includes(dina.userId) && !everything.includes(dina.name), 'no trace of the director');
    const evaNow = await eva.say('team');
    assert.match(cardText(firstCard(evaNow)), /Beleidsteam van GO! CLB Privacy/, 'the centre carries on under its other director');
  });
});

describe('Trust: retention of closed rounds (fake clock)', function () {
  this.timeout(60_000);
  let bot: TestBot;
  before(async () => {
    bot = await startTestBot({ now: clock.now, env: { RETENTION_MONTHS: '24' } });
  });
  after(async () => bot.stop());

  /** A round with two participants who answered two bouwstenen, closed at `closedAt` (or open). */
  async function round(closedAt: Date | undefined, label: string): Promise<string> {
    const deps = bot.poolster.deps;
    const participants: Participant[] = ['a', 'b'].map((p) => ({ userId: `${label}-${p}`, channelUserId: '', name: `${label} ${p}`, position: 'intro', nudges: [] }));
    const created = await deps.survey.createRound({ tenantId: TENANT, centreId: 'centre-retention', schoolYear: '2023-2024', deadline: '2024-03-01', visibility: 'anoniem', createdBy: 'director', createdAt: new Date('2024-01-10T09:00:00Z') }, participants);
    for (const [index, participant] of participants.entries()) {
      for (const bouwsteenId of ['4.1', '4.2'] as const) {
        const draft = (await deps.survey.getMemberDraft(created.roundId, participant.userId))!;
        await deps.survey.saveBouwsteenDraft(draft, bouwsteenId, validBouwsteenForm({ stadium: String(index + 2), choiceNote: `${label}-toelichting` }), true, 'overview');
      }
      await deps.digests.reminders.claimNudge(TENANT, 'centre-retention', { roundId: created.roundId, userId: participant.userId, kind: 'een-dag' });
    }
    const first = (await deps.survey.getMemberDraft(created.roundId, participants[0]!.userId))!;
    await deps.survey.saveParticipant(created.roundId, { ...first.participant, submittedAt: '2024-02-20T10:00:00.000Z' }, first.etags.participant);
    if (closedAt) {
      const stored = (await deps.survey.getRound(created.roundId))!;
      const { etag, ...plain } = stored;
      await deps.survey.saveRound({ ...plain, status: 'closed', closedAt: closedAt.toISOString() }, etag);
    }
    return created.roundId;
  }

  const memberRows = async (roundId: string) => (await tableRows(bot, 'Survey', `PartitionKey eq '${roundId}'`)).filter((r) => r.rowKey !== '!round');
  /** Each participant is one row holding their answers (storage/surveyRows.ts): two members, two rows. */
  const ROWS_OF_A_ROUND = 2;
  /** The complete answers a round's rows hold (two members, two bouwstenen each). */
  const storedAnswers = async (roundId: string) => (await bot.poolster.deps.survey.listDrafts(roundId)).flatMap((d) => Object.values(d.bouwstenen).filter((b) => b?.complete));

  it('computes the cut-off N months back, clamping to the end of a shorter month', () => {
    assert.equal(monthsBefore(new Date('2026-03-31T03:30:00Z'), 1).toISOString(), '2026-02-28T03:30:00.000Z');
    assert.equal(monthsBefore(new Date('2026-05-15T03:30:00Z'), 24).toISOString(), '2024-05-15T03:30:00.000Z');
  });

  it('deletes the individual answers of rounds closed more than RETENTION_MONTHS ago, keeping the round and its counts', async () => {
    const closedAt = new Date('2024-03-05T16:00:00Z');
    const old = await round(closedAt, 'oud');
    const recent = await round(new Date('2025-06-01T10:00:00Z'), 'recent');
    const open = await round(undefined, 'open');
    const deps = { privacy: bot.poolster.deps.privacy, digests: bot.poolster.deps.digests, downloads: bot.poolster.deps.downloads, logger: captureLogs('silent').logger, retentionMonths: bot.poolster.config.retentionMonths };
    assert.equal(deps.retentionMonths, 24);

    // One day before the 24 months are over: nothing happens.
    const early = await purgeExpiredAnswers(deps, new Date('2026-03-04T16:00:00Z'));
    assert.deepEqual(early, { rounds: 0, rows: 0, errors: 0 });
    assert.equal((await memberRows(old)).length, ROWS_OF_A_ROUND);
    assert.equal((await storedAnswers(old)).length, 4);

    const report = await purgeExpiredAnswers(deps, new Date('2026-03-06T03:30:00Z'));
    assert.deepEqual(report, { rounds: 1, rows: ROWS_OF_A_ROUND, errors: 0 });
    assert.deepEqual(await memberRows(old), [], 'participants, drafts and answers of the old round are gone');
    const kept = await bot.poolster.deps.survey.getRound(old);
    assert.equal(kept?.status, 'closed', 'the round row stays');
    const retained = await bot.poolster.deps.privacy.retainedOf(old);
    assert.equal(retained?.participants, 2);
    assert.equal(retained?.submitted, 1);
    assert.deepEqual(retained?.stadia, { '4.1': [0, 1, 1, 0], '4.2': [0, 1, 1, 0] });
    assert.equal((await bot.poolster.deps.digests.reminders.listNudges(TENANT, 'centre-retention', old)).size, 0, 'nudge bookkeeping gone too');
    assert.ok(!JSON.stringify(await tableRows(bot, 'Survey', `PartitionKey eq '${old}'`)).includes('oud-toelichting'));

    assert.equal((await memberRows(recent)).length, ROWS_OF_A_ROUND, 'a round closed recently keeps its answers');
    assert.equal((await storedAnswers(recent)).length, 4);
    assert.equal((await memberRows(open)).length, ROWS_OF_A_ROUND, 'an open round keeps its answers');
    assert.equal((await storedAnswers(open)).length, 4);
    assert.equal((await bot.poolster.deps.digests.reminders.listNudges(TENANT, 'centre-retention', recent)).size, 2);

    const again = await purgeExpiredAnswers(deps, new Date('2026-03-07T03:30:00Z'));
    assert.deepEqual(again, { rounds: 0, rows: 0, errors: 0 }, 'idempotent');
    assert.deepEqual((await bot.poolster.deps.privacy.retainedOf(old))?.stadia, retained?.stadia, 'the counts are written once');
  });

  it('runs daily at 03:30 Brussels time through node-cron, on the clock it is given', async () => {
    const recent = await round(new Date('2025-06-01T10:00:00Z'), 'cron');
    const scheduled: Array<{ expression: string; run: () => unknown; options: { timezone: string } }> = [];
    let stopped = 0;
    const cron: RetentionCron = {
      schedule(expression, run, options) {
        scheduled.push({ expression, run, options });
        return { stop: () => void (stopped += 1), destroy: () => undefined };
      },
    };
    let clock = new Date('2026-01-01T02:30:00Z');
    const job = createRetentionJob({ privacy: bot.poolster.deps.privacy, digests: bot.poolster.deps.digests, downloads: bot.poolster.deps.downloads, logger: captureLogs('silent').logger, now: () => clock, retentionMonths: 24, cron });
    job.start();
    assert.equal(scheduled.length, 1);
    assert.equal(scheduled[0]!.expression, RETENTION_CRON);
    assert.equal(RETENTION_CRON, '30 3 * * *');
    assert.equal(scheduled[0]!.options.timezone, RETENTION_TIMEZONE);
    await scheduled[0]!.run();
    assert.equal((await memberRows(recent)).length, ROWS_OF_A_ROUND, 'not yet due on 1 January 2026');
    clock = new Date('2027-06-02T01:30:00Z');
    await scheduled[0]!.run();
    assert.deepEqual(await memberRows(recent), [], 'due 24 months after closing: purged by the daily run');
    await job.stop();
    assert.equal(stopped, 1);
  });

  it('also drops digest runs older than a quarter and reminder-day claims older than five weeks', async () => {
    const digests = bot.poolster.deps.digests;
    const channel = { tenantId: TENANT, centreId: 'centre-retention', conversationKey: '19:retention-digest@thread.tacv2' };
    for (const week of ['2026-W01', '2026-W20', '2026-W45']) await digests.runs.claimRun(channel, week, new Date('2026-01-05T07:00:00Z'), 'instance-a');
    for (const day of ['2026-09-30', '2026-11-02']) await digests.reminders.claimReminderDay(TENANT, 'centre-retention', day, 'instance-a', new Date(`${day}T06:00:00Z`));
    const clock = new Date('2026-11-23T02:30:00Z');
    const job = createRetentionJob({ privacy: bot.poolster.deps.privacy, digests, downloads: bot.poolster.deps.downloads, logger: captureLogs('silent').logger, now: () => clock, retentionMonths: 24 });
    const report = await job.run();
    assert.equal(report?.digestRows, 3, 'two runs before week 34 of 2026 and one claim before 19 October');
    assert.equal(await digests.runs.getRun(channel, '2026-W20'), undefined);
    assert.ok(await digests.runs.getRun(channel, '2026-W45'), 'this quarter’s run is kept');
    assert.equal(await digests.reminders.claimReminderDay(TENANT, 'centre-retention', '2026-09-30', 'instance-b', clock), true, 'the old claim was dropped');
    assert.equal(await digests.reminders.claimReminderDay(TENANT, 'centre-retention', '2026-11-02', 'instance-b', clock), false, 'the recent claim is kept');
  });

  it('is started by the bot when the scheduler is on, with the configured months, and stopped on close', async () => {
    const logs = captureLogs('info');
    const scheduled = await startTestBot({ now: clock.now, logger: logs.logger, env: { SCHEDULER: 'true', RETENTION_MONTHS: '6' } });
    try {
      const started = logs.entries().find((e) => e.msg === 'retention job started');
      assert.ok(started, 'the retention job started');
      assert.equal(started!.months, 6);
      assert.equal(started!.pattern, RETENTION_CRON);
    } finally {
      await scheduled.stop();
    }
    const off = captureLogs('info');
    const unscheduled = await startTestBot({ now: clock.now, logger: off.logger, env: { SCHEDULER: 'false' } });
    await unscheduled.stop();
    assert.ok(!off.entries().some((e) => e.msg === 'retention job started'), 'not started with SCHEDULER=false');
  });
});
