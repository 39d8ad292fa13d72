import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { declaredCommands } from '../../bot/main';
import { cardText, firstCard, startTestBot, type ConversationSpec, type TestBot, type TestUser } from '../support/bot';
import { specClock } from '../support/clock';
import { demoPlan } from '../support/planFixture';
import { validBouwsteenForm } from '../fixtures/surveyForms';
import { changes, hasDutch, registeredRoutes, snapshot, UploadSink, visibleCardText } from './support';

/**
 * Issue 7, authorisation on the server: the person and their role and centre always come from the
 * activity and storage, never from card data. These tests forge card data: another centre's round,
 * another member's draft, another centre's or member's actie, and director-only commands and
 * actions sent by a member. Each checks what the person is told and that the other rows are
 * untouched (their ETags do not change).
 */
describe('Trust: authorisation on the server (forged card data)', function () {
  this.timeout(120_000);
  let bot: TestBot;
  let dina: TestUser, ann: TestUser, bert: TestUser, bob: TestUser, cas: TestUser;
  const chatA: ConversationSpec = { id: '19:beleidsteam-a@thread.v2', kind: 'groupChat' };
  const chatB: ConversationSpec = { id: '19:beleidsteam-b@thread.v2', kind: 'groupChat' };
  const A = { centreId: '', roundId: '' };
  const B = { centreId: '', roundId: '' };
  const B_SECRETS = ['Vrij CLB Elders', 'Cas Elders', 'Bob Elders', 'toelichting-van-cas'];
  const clock = specClock();
  const deadline = () => clock.inDays(14);
  const schoolYear = () => clock.schoolYear;
  const inB = (key: string) => [B.roundId, B.centreId, bob.userId, cas.userId].some((id) => key.includes(id));
  const ofUser = (user: TestUser, roundId: string) => (key: string) => key.startsWith(`Survey|${roundId}|${user.userId}~`);

  const openRound = async (director: TestUser, members: TestUser[], chat: ConversationSpec, name: string) => {
    await director.say(`setup ${name}`);
    const answer = await director.execute('round.create', { schoolYear: schoolYear(), deadline: deadline(), participants: members.map((m) => m.userId).join(','), visibility: 'anoniem' }, chat);
    assert.ok(answer.card, answer.message);
    const centre = (await bot.poolster.deps.centres.listCentres(director.tenantId)).find((c) => c.name === name)!;
    return { centreId: centre.centreId, roundId: centre.openRoundId! };
  };

  before(async () => {
    bot = await startTestBot({ now: clock.now });
    dina = bot.user('Dina Directeur');
    ann = bot.user('Ann Lid');
    bert = bot.user('Bert Lid');
    bob = bot.user('Bob Elders');
    cas = bot.user('Cas Elders');
    bot.connector.members.set(chatA.id, [dina, ann, bert].map((u) => ({ id: u.channelUserId, name: u.name, aadObjectId: u.userId })));
    bot.connector.members.set(chatB.id, [bob, cas].map((u) => ({ id: u.channelUserId, name: u.name, aadObjectId: u.userId })));
    Object.assign(A, await openRound(dina, [ann, bert], chatA, 'GO! CLB Eigen'));
    Object.assign(B, await openRound(bob, [cas], chatB, 'Vrij CLB Elders'));
    for (const [user, roundId, note] of [
      [ann, A.roundId, 'toelichting-van-ann'],
      [bert, A.roundId, 'toelichting-van-bert'],
      [cas, B.roundId, 'toelichting-van-cas'],
    ] as const) {
      const answer = await user.execute('survey.answer', { roundId, bouwsteenId: '4.1', version: 0, nav: 'next', ...validBouwsteenForm({ choiceNote: note }) });
      assert.ok(answer.card, answer.message);
    }
    const planA = demoPlan();
    planA.acties[0]!.owner = { name: 'Bert Lid', userId: bert.userId };
    planA.acties[1]!.owner = { name: 'Ann Lid', userId: ann.userId };
    await bot.poolster.deps.plans.replacePlan(A.centreId, planA);
    const planB = demoPlan();
    planB.acties[0]!.owner = { name: 'Cas Elders', userId: cas.userId };
    await bot.poolster.deps.plans.replacePlan(B.centreId, planB);
  });
  after(async () => bot.stop());

  it('refuses a member who sends another centre\'s round id to the survey verbs, and leaves that round untouched', async () => {
    const before = await snapshot(bot);
    const attempts: Array<[string, Record<string, unknown>]> = [
      ['survey.open', { roundId: B.roundId, target: 'resume' }],
      ['survey.open', { roundId: B.roundId, target: '4.1' }],
      ['survey.answer', { roundId: B.roundId, bouwsteenId: '4.1', version: 1, nav: 'next', ...validBouwsteenForm() }],
      ['survey.closing', { roundId: B.roundId, version: 0, nav: 'next', inspiring: 'nog-niet', priority1: '4.1', priority2: '4.2', priority3: '4.3' }],
      ['survey.submit', { roundId: B.roundId }],
    ];
    for (const [verb, data] of attempts) {
      const answer = await ann.execute(verb, data);
      assert.match(String(answer.message), /neemt niet deel aan deze inschalingsronde/, verb);
      const submitted = await ann.submit(verb, data);
      assert.match(String(submitted[0]?.text), /neemt niet deel/, `${verb} (Action.Submit)`);
    }
    assert.deepEqual(changes(before, await snapshot(bot)), [], 'nothing changed anywhere');
  });

  it('never shows or changes another centre\'s round through any verb that takes a round id, whoever asks', async () => {
    const routes = registeredRoutes(bot).actions.filter(({ schema }) => {
      const shape = (schema as { shape?: Record<string, unknown> }).shape ?? (schema as { _def?: { schema?: { shape?: Record<string, unknown> } } })._def?.schema?.shape;
      return Boolean(shape && 'roundId' in shape);
    });
    assert.ok(routes.length >= 8, `verbs with a round id: ${routes.map((r) => r.verb).join(', ')}`);
    const before = await snapshot(bot);
    for (const actor of [dina, ann]) {
      for (const { verb } of routes) {
        const data = { roundId: B.roundId, target: 'resume', bouwsteenId: '4.1', version: 1, nav: 'next', format: 'csv', page: 0, ...validBouwsteenForm() };
        const answer = await actor.execute(verb, data);
        assert.equal(answer.status, 200, verb);
        const shown = `${answer.message ?? ''}\n${cardText(answer.card)}`;
        for (const secret of B_SECRETS) assert.ok(!shown.includes(secret), `${actor.name} / ${verb} shows nothing of centre B (${secret})`);
        assert.ok(hasDutch(shown), `${verb}: ${shown.slice(0, 100)}`);
      }
    }
    assert.deepEqual(changes(before, await snapshot(bot), inB), [], 'centre B untouched');
  });

  it('only ever touches the clicking member\'s own draft: forged user ids in the card data are ignored', async () => {
    const stored = await bot.poolster.deps.survey.getMemberDraft(A.roundId, bert.userId);
    const bertVersion = stored!.bouwstenen['4.1']!.version;
    const before = await snapshot(bot);
    const forged = { userId: bert.userId, participant: bert.userId, tenantId: bert.tenantId, centreId: A.centreId, from: { id: bert.channelUserId } };
    const answer = await ann.execute('survey.answer', { roundId: A.roundId, bouwsteenId: '4.1', version: bertVersion, nav: 'later', ...validBouwsteenForm({ choiceNote: 'overschreven-door-ann' }), ...forged });
    assert.ok(answer.card, answer.message);
    const opened = await ann.execute('survey.open', { roundId: A.roundId, target: '4.1', ...forged });
    assert.ok(!cardText(opened.card).includes('toelichting-van-bert'), 'Ann never sees Bert\'s answer');
    await ann.execute('survey.submit', { roundId: A.roundId, ...forged });
    const after = await snapshot(bot);
    assert.deepEqual(changes(before, after, ofUser(bert, A.roundId)), [], 'Bert\'s rows are untouched');
    assert.ok(changes(before, after, ofUser(ann, A.roundId)).length > 0, 'the click landed on Ann\'s own rows');
    const bertNow = await bot.poolster.deps.survey.getMemberDraft(A.roundId, bert.userId);
    assert.equal(bertNow!.bouwstenen['4.1']!.form.choiceNote, 'toelichting-van-bert');
    assert.equal(bertNow!.participant.submittedAt, undefined, 'Bert was not submitted by Ann');
    const annNow = await bot.poolster.deps.survey.getMemberDraft(A.roundId, ann.userId);
    assert.equal(annNow!.bouwstenen['4.1']!.form.choiceNote, 'overschreven-door-ann', 'the answer was stored as Ann\'s own');
  });

  it('refuses a member who updates someone else\'s actie or an actie id of another centre', async () => {
    const planA = (await bot.poolster.deps.plans.getPlan(A.centreId))!;
    const bertsActie = planA.acties[0]!;
    const before = await snapshot(bot);
    const setStatus = await ann.execute('plan.setStatus', { actieId: bertsActie.id, status: 'afgerond', userId: bert.userId });
    assert.match(String(setStatus.message), /Je kan enkel je eigen acties bijwerken/);
    const note = await ann.execute('plan.addNote', { actieId: bertsActie.id, note: 'notitie-van-ann' });
    assert.match(String(note.message ?? cardText(note.card)), /eigen acties/);
    const postpone = await ann.execute('plan.postpone', { actieId: bertsActie.id, newDeadline: deadline() });
    assert.match(String(postpone.message ?? cardText(postpone.card)), /eigen acties/);
    assert.deepEqual(changes(before, await snapshot(bot), (key) => key.startsWith('Plans|')), [], 'no plan row changed');

    // Dina is a director, but of centre A: whatever actie id she sends, centre B's plan stays as it is.
    const planB = (await bot.poolster.deps.plans.getPlan(B.centreId))!;
    for (const actie of planB.acties.slice(0, 3)) {
      await dina.execute('plan.setStatus', { actieId: actie.id, status: 'afgerond', centreId: B.centreId });
      await dina.execute('plan.addNote', { actieId: actie.id, note: 'notitie-van-dina', centreId: B.centreId });
    }
    assert.deepEqual(changes(before, await snapshot(bot), inB), [], 'centre B\'s plan untouched');
    const planBNow = (await bot.poolster.deps.plans.getPlan(B.centreId))!;
    assert.ok(!JSON.stringify(planBNow).includes('notitie-van-dina'));
  });

  it('refuses every director command to a member, in Dutch, changing nothing', async () => {
    const sampleArgs: Record<string, string> = { rol: 'directeur Ann Lid', heropen: 'Bert Lid', digest: 'hier', 'sluit-inschaling': '', team: '' };
    const directorCommands = declaredCommands().filter((c) => c.audience === 'directeur');
    assert.ok(directorCommands.length >= 7);
    const before = await snapshot(bot);
    for (const command of directorCommands) {
      const text = `${command.words[0]} ${sampleArgs[command.name] ?? ''}`.trim();
      for (const conversation of [undefined, chatA]) {
        const replies = await ann.say(text, conversation);
        assert.ok(replies.length > 0, `${text}: an answer`);
        const shown = replies.map((r) => `${r.text ?? ''} ${cardText(firstCard([r]) ?? {})}`).join('\n');
        assert.match(shown, /directeur/i, `${text} (${conversation?.kind ?? 'personal'}): ${shown.slice(0, 160)}`);
      }
    }
    assert.deepEqual(changes(before, await snapshot(bot)), [], 'no member command changed anything');
    const stillOpen = await bot.poolster.deps.centres.getCentre(dina.tenantId, A.centreId);
    assert.equal(stillOpen?.openRoundId, A.roundId, 'the round is still open');
  });

  it('refuses every director card action to a member (the same click works for the director)', async () => {
    // Round A closes (by its director) so the team result can be reviewed.
    const closed = await dina.say('sluit inschaling');
    assert.match(String(closed[0]?.text), /afgesloten/);
    const planA = (await bot.poolster.deps.plans.getPlan(A.centreId))!;
    const attempts: Array<[string, Record<string, unknown>]> = [
      ['round.create', { schoolYear: schoolYear(), deadline: deadline(), participants: `${ann.userId},${bert.userId}`, visibility: 'open' }],
      ['round.remind', { roundId: A.roundId }],
      ['result.review', { roundId: A.roundId }],
      ['result.confirm', { roundId: A.roundId, version: 0 }],
      ['result.publish', { roundId: A.roundId }],
      ['result.export', { roundId: A.roundId, format: 'csv' }],
      ['plan.create', { doelstellingId: planA.doelstellingen[0]!.id, title: 'Actie van Ann', schoolYears: schoolYear() }],
      ['plan.linkPriority', { mode: 'link', bouwsteenId: '4.1', actieId: planA.acties[2]!.id }],
    ];
    const registered = new Set(registeredRoutes(bot).actions.map((a) => a.verb));
    const before = await snapshot(bot);
    const sent = bot.connector.sent.length;
    for (const [verb, data] of attempts) {
      assert.ok(registered.has(verb), `${verb} is registered`);
      const answer = await ann.execute(verb, { ...data, userId: dina.userId, roles: ['directeur'] });
      const shown = `${answer.message ?? ''} ${visibleCardText(answer.card)}`;
      assert.match(shown, /directeur/i, `${verb}: ${shown.slice(0, 160)}`);
    }
    assert.deepEqual(changes(before, await snapshot(bot)), [], 'no member click changed anything');
    assert.equal(bot.connector.sent.slice(sent).filter((s) => s.conversationId !== ann.personalConversationId).length, 0, 'nobody else was messaged');

    const review = await dina.execute('result.review', { roundId: A.roundId });
    assert.ok(review.card, `the director gets the review card: ${review.message}`);
  });

  it('rebuilds an accepted file for the person who accepts it only, whatever key comes back', async () => {
    const sink = new UploadSink();
    await sink.start();
    try {
      const accept = (user: TestUser, context: Record<string, unknown>) =>
        user.post({
          type: 'invoke',
          name: 'fileConsent/invoke',
          channelId: 'msteams',
          serviceUrl: bot.connector.url,
          from: { id: user.channelUserId, name: user.name, aadObjectId: user.userId },
          recipient: { id: '28:poolster-bot' },
          conversation: { id: user.personalConversationId, conversationType: 'personal', tenantId: user.tenantId },
          channelData: { tenant: { id: user.tenantId } },
          value: { type: 'fileUpload', action: 'accept', context, uploadInfo: { uploadUrl: sink.url, name: 'bestand', contentUrl: 'https://example.invalid/bestand', uniqueId: 'u', fileType: 'json' } },
        });
      const kinds = registeredRoutes(bot).fileSources.map((f) => f.kind);
      assert.ok(kinds.includes('privacy-export'));
      for (const kind of kinds) {
        for (const actor of [dina, ann]) {
          const { status } = await accept(actor, { kind, key: { roundId: B.roundId, format: 'csv', userId: cas.userId, centreId: B.centreId } });
          assert.ok(status < 500, kind);
        }
      }
      await accept(ann, { kind: 'privacy-export', key: {} });
      assert.ok(sink.uploads.length > 0, 'some files were built');
      for (const upload of sink.uploads) for (const secret of [...B_SECRETS, 'toelichting-van-bert']) assert.ok(!upload.includes(secret), `no file carries ${secret}`);
      assert.ok(sink.uploads.some((u) => u.includes('overschreven-door-ann')), 'Ann got her own answers');
    } finally {
      await sink.stop();
    }
  });

  it('does not let a forged tenant in the card data reach another tenant\'s rows', async () => {
    const other = bot.user('Ann Lid', { userId: ann.userId, tenantId: randomUUID() });
    const before = await snapshot(bot);
    const answer = await other.execute('survey.open', { roundId: A.roundId, target: 'resume', tenantId: ann.tenantId });
    assert.match(String(answer.message), /neemt niet deel/);
    const replies = await other.say('voortgang');
    assert.doesNotMatch(String(replies[0]?.text), /Bert/);
    assert.deepEqual(changes(before, await snapshot(bot)), []);
  });
});
