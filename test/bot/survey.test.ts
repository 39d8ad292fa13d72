import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { BOUWSTEEN_IDS } from '../../domain/catalogue';
import { closeRoundConfirmed, cardText, firstCard, lastCardTextIn, startTestBot, OTHER_TENANT, type TestBot, type TestUser, type ConversationSpec } from '../support/bot';
import { FakeConnector } from '../support/connector';
import { specClock } from '../support/clock';
import { actionTitled, assertValidCard, clickWith, inputIds, inputValue } from '../support/cards';
import { validBouwsteenForm, validClosingForm } from '../fixtures/surveyForms';

/**
 * Issue 3, as a director and three members would live it: whole turns over HTTP against real
 * Azurite, the connector on loopback.
 */
describe('An inschaling round: roles, invitations and the member survey', function () {
  this.timeout(120_000);
  const tablePrefix = `s${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const clock = specClock();
  const connector = new FakeConnector();
  let bot: TestBot;
  const ids = { director: randomUUID(), megan: randomUUID(), lee: randomUUID(), pradeep: randomUUID(), outsider: randomUUID() };
  let director: TestUser, megan: TestUser, lee: TestUser, pradeep: TestUser, outsider: TestUser;
  const group: ConversationSpec = { id: '19:beleidsteam@thread.v2', kind: 'groupChat' };
  let roundId = '';

  const users = () => {
    director = bot.user('Diane Directeur', { userId: ids.director });
    megan = bot.user('Megan Bowen', { userId: ids.megan });
    lee = bot.user('Lee Gu', { userId: ids.lee });
    pradeep = bot.user('Pradeep Gupta', { userId: ids.pradeep });
    outsider = bot.user('Olga Outsider', { userId: ids.outsider });
  };

  before(async () => {
    await connector.start();
    bot = await startTestBot({ tablePrefix, connector, now: clock.now });
    users();
    connector.members.set(group.id, [director, megan, lee, pradeep].map((u) => ({ id: u.channelUserId, name: u.name, aadObjectId: u.userId })));
  });
  after(async () => {
    await bot.stop();
    await connector.stop();
  });

  /** Walks a member through bouwstenen, clicking Volgende with valid answers. */
  async function answerBouwstenen(user: TestUser, count: number, startCard: any): Promise<any> {
    let card = startCard;
    for (let i = 0; i < count; i += 1) {
      const next = actionTitled(card, /^Volgende/);
      const answer = await user.execute('survey.answer', { ...next.data, ...validBouwsteenForm({ stadium: String((i % 3) + 1) }) });
      assert.equal(answer.status, 200);
      assert.ok(answer.card, `a card after bouwsteen ${i + 1}: ${answer.message ?? ''}`);
      card = answer.card;
    }
    return card;
  }

  it('lets the first person register the centre and become its director', async () => {
    const replies = await director.say('setup GO! CLB Teststad');
    assert.match(cardText(firstCard(replies)), /GO! CLB Teststad is geregistreerd/);
    const person = await bot.poolster.deps.centres.getPerson(director.tenantId, director.userId);
    assert.deepEqual(person?.roles, ['directeur', 'lid']);
    const again = await director.say('setup Nog een centrum');
    assert.match(String(again[0]?.text), /Je hoort al bij GO! CLB Teststad/);
  });

  it('refuses start inschaling to someone who is not a director', async () => {
    const replies = await megan.say('start inschaling');
    assert.match(String(replies[0]?.text), /nog niet gekoppeld aan een centrum/);
  });

  it('opens a round from the group chat: a card to pick year, deadline, participants and visibility', async () => {
    const replies = await director.say('start inschaling', group);
    const card = firstCard(replies);
    assertValidCard(card);
    const text = cardText(card);
    assert.match(text, /Nieuwe inschalingsronde/);
    assert.match(text, /Megan Bowen \(uit dit gesprek\)/);
    assert.equal(inputValue(card, 'visibility'), 'anoniem', 'anonymous by default');
  });

  it('refuses a deadline in the past and keeps every choice the director made', async () => {
    const answer = await director.execute('round.create', { schoolYear: clock.schoolYear, deadline: clock.inDays(-1), participants: `${megan.userId},${lee.userId}`, visibility: 'open' }, group);
    assert.ok(answer.card);
    assert.match(cardText(answer.card), /De deadline moet na vandaag liggen/);
    assert.equal(inputValue(answer.card, 'participants'), `${megan.userId},${lee.userId}`);
    assert.equal(inputValue(answer.card, 'visibility'), 'open');
    const centre = (await bot.poolster.deps.centres.listCentres(director.tenantId))[0];
    assert.equal(centre?.openRoundId, undefined, 'no round was opened');
  });

  it('starts the round and sends each participant a personal invitation', async () => {
    const deadline = clock.inDays(14);
    const before = connector.sent.length;
    const answer = await director.execute('round.create', { schoolYear: clock.schoolYear, deadline, participants: [megan, lee, pradeep].map((u) => u.userId).join(','), visibility: 'anoniem' }, group);
    assert.ok(answer.card, answer.message);
    assert.match(cardText(answer.card), /Ik stuur nu 3 persoonlijke uitnodigingen/, 'answered at once; invitations go on after the reply');
    assert.match(lastCardTextIn(connector, group.id), /Alle 3 deelnemers kregen een persoonlijke uitnodiging/, 'the director gets the overview in the same chat');
    const centre = (await bot.poolster.deps.centres.listCentres(director.tenantId))[0]!;
    roundId = centre.openRoundId!;
    assert.ok(roundId);
    for (const member of [megan, lee, pradeep]) {
      const invitation = connector.sent.slice(before).find((s) => s.conversationId === member.personalConversationId);
      assert.ok(invitation, `${member.name} was invited in a 1:1 chat`);
      assert.match(cardText(firstCard([invitation!.activity])), /Uitnodiging: inschaling/);
      const person = await bot.poolster.deps.centres.getPerson(member.tenantId, member.userId);
      assert.deepEqual(person?.roles, ['lid'], 'chat members joined the beleidsteam');
    }
  });

  it('refuses a second open round', async () => {
    const replies = await director.say('start inschaling');
    assert.match(String(replies[0]?.text), /Er loopt al een inschalingsronde/);
  });

  it('shows a member the intro, then bouwsteen 1 of 11 with the four stadia readable on the card', async () => {
    const intro = firstCard(await megan.say('inschaling'));
    assertValidCard(intro);
    assert.match(cardText(intro), /30 tot 45 minuten/);
    assert.match(cardText(intro), /anoniem/);
    const start = await megan.execute('survey.open', actionTitled(intro, 'Start de inschaling').data);
    const card = start.card;
    assertValidCard(card);
    const text = cardText(card);
    assert.match(text, /Bouwsteen 1 van 11/);
    assert.match(text, /4\.1 Behartiger van de leerling/);
    for (const stadium of ['Fragmentair', 'Planmatig', 'Geïntegreerd', 'Systematisch']) assert.match(text, new RegExp(stadium));
    assert.match(text, /RclbK/);
    assert.deepEqual(
      ['Vorige (intro)', 'Later verder', 'Volgende'].map((t) => actionTitled(card, t).title),
      ['Vorige (intro)', 'Later verder', 'Volgende'],
    );
  });

  it('refuses an ambition below the current stadium at its question, keeps every value, and stores the draft', async () => {
    const card = firstCard(await megan.say('verder'));
    assert.deepEqual(inputIds(card), ['stadium', 'ambition'], 'step 1 asks the stadium and the ambition');
    const answer = await megan.execute('survey.answer', clickWith(card, 'Volgende', { stadium: '3', ambition: '2' }));
    const text = cardText(answer.card);
    assert.match(text, /Bouwsteen 1 van 11 · stap 1 van 5/, 'the same step again');
    assert.match(text, /Evolueren kan alleen naar een stadium hoger/);
    assert.equal(inputValue(answer.card, 'stadium'), '3');
    assert.equal(inputValue(answer.card, 'ambition'), '2');
    const valid = await megan.execute('survey.answer', clickWith(answer.card, 'Volgende', { stadium: '3', ambition: '4' }));
    assert.match(cardText(valid.card), /Bouwsteen 1 van 11 · stap 2 van 5/);
    assert.deepEqual(inputIds(valid.card), ['choice', 'choiceNote']);
    const third = await megan.execute('survey.answer', clickWith(valid.card, 'Volgende', { choice: 'welbewust', choiceNote: 'Mijn lange toelichting blijft staan.' }));
    assert.deepEqual(inputIds(third.card), ['difference', 'differenceOther', 'differenceNote']);
    const invalid = await megan.execute('survey.answer', clickWith(third.card, 'Volgende', { difference: 'nee,teams' }));
    assert.match(cardText(invalid.card), /Bouwsteen 1 van 11 · stap 3 van 5/);
    assert.match(cardText(invalid.card), /"Nee" kan je niet combineren/);
    assert.equal(inputValue(invalid.card, 'difference'), 'nee,teams');
    const draft = await bot.poolster.deps.survey.getMemberDraft(roundId, megan.userId);
    assert.equal(draft?.bouwstenen['4.1']?.form.choiceNote, 'Mijn lange toelichting blijft staan.');
    assert.equal(draft?.bouwstenen['4.1']?.form.stadium, '3', 'the answers of step 1 stay stored');
    assert.equal(draft?.bouwstenen['4.1']?.complete, false);
    assert.equal(draft?.participant.position, '4.1~3');
  });

  it('never lets a stale card or a double click overwrite newer answers', async () => {
    const card = firstCard(await megan.say('verder'));
    const next = actionTitled(card, 'Volgende');
    const first = await megan.execute('survey.answer', { ...next.data, ...validBouwsteenForm({ stadium: '4', ambition: 'aanhouden' }) });
    assert.match(cardText(first.card), /Bouwsteen 2 van 11/);
    const double = await megan.execute('survey.answer', { ...next.data, ...validBouwsteenForm({ stadium: '1', ambition: '2' }) });
    assert.match(cardText(double.card), /al verwerkt of is intussen gewijzigd/);
    const draft = await bot.poolster.deps.survey.getMemberDraft(roundId, megan.userId);
    assert.equal(draft?.bouwstenen['4.1']?.form.stadium, '4', 'the newer answer stands');
  });

  it('walks two members through all 11 bouwstenen, the overview, the closing questions and the definitive send', async () => {
    for (const member of [megan, lee]) {
      let card = firstCard(await member.say('verder'));
      if (/Start de inschaling|Ga verder waar ik was/.test(cardText(card))) card = (await member.execute('survey.open', actionTitled(card, /Start de inschaling|Ga verder/).data)).card;
      const number = Number(/Bouwsteen (\d+) van 11/.exec(cardText(card))![1]);
      card = await answerBouwstenen(member, 12 - number, card);
      assertValidCard(card);
      assert.match(cardText(card), /Overzicht van je antwoorden/);
      assert.equal((cardText(card).match(/Onvolledig|Nog niet ingevuld/g) ?? []).length, 0);
      const closing = (await member.execute('survey.open', actionTitled(card, 'Verder naar de overkoepelende vragen').data)).card;
      assertValidCard(closing);
      const bad = await member.execute('survey.closing', { ...actionTitled(closing, 'Volgende').data, ...validClosingForm({ priority2: '6.4', inspiring: 'nog-niet,5.1' }) });
      assert.match(cardText(bad.card), /staat al hoger in je lijst/);
      assert.match(cardText(bad.card), /"Nog niet" kan je niet combineren/);
      assert.equal(inputValue(bad.card, 'priority1'), '6.4');
      const confirm = await member.execute('survey.closing', { ...actionTitled(bad.card, 'Volgende').data, ...validClosingForm() });
      assertValidCard(confirm.card);
      assert.match(cardText(confirm.card), /definitief verzonden/);
      const done = await member.execute('survey.submit', actionTitled(confirm.card, 'Definitief verzenden').data);
      assert.match(cardText(done.card), /Je inschaling is verzonden/);
      const draft = await bot.poolster.deps.survey.getMemberDraft(roundId, member.userId);
      assert.ok(draft?.participant.submittedAt);
      assert.equal(Object.values(draft!.bouwstenen).filter((b) => b?.complete).length, 11);
    }
  });

  it('keeps a sent survey final: a later answer is refused and nothing changes', async () => {
    const answer = await megan.execute('survey.answer', { roundId, bouwsteenId: '4.1', version: 99, nav: 'next', ...validBouwsteenForm({ stadium: '1', ambition: '2' }) });
    assert.match(String(answer.message), /al definitief verzonden/);
    const draft = await bot.poolster.deps.survey.getMemberDraft(roundId, megan.userId);
    assert.equal(draft?.bouwstenen['4.1']?.form.stadium, '4');
  });

  it('lets a member stop halfway and, after a bot restart, continue exactly where they were', async () => {
    let card = firstCard(await pradeep.say('inschaling'));
    card = (await pradeep.execute('survey.open', actionTitled(card, 'Start de inschaling').data)).card;
    card = await answerBouwstenen(pradeep, 5, card);
    assert.match(cardText(card), /Bouwsteen 6 van 11/);
    const later = await pradeep.execute('survey.answer', { ...actionTitled(card, 'Later verder').data, stadium: '2', choiceNote: 'half af' });
    assert.match(cardText(later.card), /Je antwoorden zijn bewaard/);

    await bot.stop();
    bot = await startTestBot({ tablePrefix, connector, now: clock.now });
    users();

    const resumed = firstCard(await pradeep.say('verder'));
    assert.match(cardText(resumed), /Bouwsteen 6 van 11/);
    assert.equal(inputValue(resumed, 'stadium'), '2');
    const draft = await bot.poolster.deps.survey.getMemberDraft(roundId, pradeep.userId);
    assert.equal(draft?.bouwstenen['5.3']?.form.choiceNote, 'half af');
    assert.equal(BOUWSTEEN_IDS.filter((b) => draft?.bouwstenen[b]?.complete).length, 5);
  });

  it('shows the director who finished, who is busy and who has not started, and reminds only those not finished', async () => {
    const card = firstCard(await director.say('voortgang'));
    assertValidCard(card);
    const text = cardText(card);
    assert.match(text, /2 van 3 deelnemers verzonden/);
    assert.match(text, /Pradeep Gupta[\s\S]*5 van 11 bouwstenen/);
    const before = connector.sent.length;
    const reminded = await director.execute('round.remind', actionTitled(card, /Stuur een herinnering/).data);
    assert.match(cardText(reminded.card), /Herinnering privé verstuurd naar 1 persoon/);
    const sent = connector.sent.slice(before);
    assert.deepEqual(sent.map((s) => s.conversationId), [pradeep.personalConversationId], 'only Pradeep, privately');
    assert.match(cardText(firstCard([sent[0]!.activity])), /5 van de 11 bouwstenen/);
  });

  it('lets nobody from another centre or tenant act on this round, whatever the card data says', async () => {
    await outsider.say('setup Vrij CLB Elders');
    const forged = await outsider.execute('survey.answer', { roundId, bouwsteenId: '4.1', version: 0, nav: 'next', ...validBouwsteenForm() });
    assert.match(String(forged.message), /neemt niet deel aan deze inschalingsronde/);
    const remind = await outsider.execute('round.remind', { roundId });
    assert.match(String(remind.message), /hoort niet bij je centrum/);
    const foreign = bot.user('Megan Bowen', { userId: ids.megan, tenantId: OTHER_TENANT });
    const crossTenant = await foreign.execute('survey.open', { roundId, target: 'resume' });
    assert.match(String(crossTenant.message), /neemt niet deel/);
    const draft = await bot.poolster.deps.survey.getMemberDraft(roundId, outsider.userId);
    assert.equal(draft, undefined, 'nothing stored for the outsider');
    const members = await outsider.say('voortgang');
    assert.doesNotMatch(String(members[0]?.text ?? cardText(firstCard(members))), /Pradeep/);
  });

  it('lets the director reopen a sent survey; a change from the overview leads back to it; closes the round', async () => {
    const reopened = await director.say('heropen Megan Bowen');
    assert.match(String(reopened[0]?.text), /heropend/);
    const card = firstCard(await megan.say('verder'));
    assert.match(cardText(card), /Overzicht van je antwoorden/);
    const edit = await megan.execute('survey.open', actionTitled(card, 'Wijzig').data);
    assert.match(cardText(edit.card), /Bouwsteen 1 van 11/);
    assert.match(cardText(edit.card), /stap 1 van 5/, 'Wijzig opens the stadium and ambition');
    const changed = await megan.execute('survey.answer', clickWith(edit.card, 'Volgende: overzicht', { stadium: '3', ambition: '4' }));
    assert.match(cardText(changed.card), /Overzicht van je antwoorden/, 'back to the overview, not on to bouwsteen 2');
    assert.match(cardText(changed.card), /Geïntegreerd · ambitie: evolueren naar systematisch/);
    const closed = await closeRoundConfirmed(director);
    assert.match(closed, /is afgesloten\n1 van de 3 deelnemers verzond de inschaling definitief/);
    const late = await pradeep.execute('survey.answer', { roundId, bouwsteenId: '5.3', version: 1, nav: 'next', ...validBouwsteenForm() });
    assert.match(String(late.message), /afgesloten/);
  });
});

