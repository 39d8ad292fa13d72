import assert from 'node:assert/strict';
import { cardText, closeRoundConfirmed, firstCard, startTestBot, type ConversationSpec, type TestBot, type TestUser } from '../support/bot';
import { actionTitled, assertValidCard } from '../support/cards';
import { validBouwsteenForm, validClosingForm } from '../fixtures/surveyForms';

/**
 * Issue 13.4 and 13.6, whole turns: building the beleidsteam is visible (where colleagues can be
 * added, the team card with role buttons and the conversation's members as choices), and the
 * irreversible `sluit inschaling` asks once, saying what follows.
 */
describe('Building the beleidsteam, and closing a round only after asking', function () {
  this.timeout(120_000);
  const now = new Date('2026-11-16T09:00:00Z');
  let bot: TestBot;
  let diane: TestUser, megan: TestUser, lee: TestUser, stranger: TestUser;
  const chat: ConversationSpec = { id: '19:team-building@thread.v2', kind: 'groupChat' };

  before(async () => {
    bot = await startTestBot({ now: () => now });
    diane = bot.user('Diane Directeur');
    megan = bot.user('Megan Bowen');
    lee = bot.user('Lee Gu');
    stranger = bot.user('Sam Anders');
    bot.connector.members.set(chat.id, [diane, megan, lee].map((u) => ({ id: u.channelUserId, name: u.name, aadObjectId: u.userId })));
    await diane.say('setup GO! CLB Teamstad');
  });
  after(() => bot.stop());

  it('in the 1:1 chat says where colleagues can be added: start card, team card and a role command', async () => {
    const start = firstCard(await diane.say('start inschaling'));
    assertValidCard(start);
    assert.match(cardText(start), /Alleen jij staat hier: in een 1-op-1-gesprek toont Teams mij niemand anders\. Collega's uitnodigen\? Typ @Poolster start inschaling in een groepschat/);

    const team = firstCard(await diane.say('team'));
    assertValidCard(team);
    assert.match(cardText(team), /1 persoon: 1 directeur en nog geen leden[^]*Diane Directeur \(jij\)[^]*Mensen toevoegen[^]*typ daar @Poolster team/);
    assert.ok(!JSON.stringify(team).includes('Input.ChoiceSet'), 'nobody to choose from in a 1:1 chat');

    const role = await diane.say('rol lid Megan Bowen');
    assert.match(String(role[0]?.text), /"Megan Bowen" zit nog niet in je beleidsteam\. Om Megan Bowen toe te voegen: typ @Poolster team \(met knoppen\) of @Poolster rol lid Megan Bowen in een groepschat of team/);
    assert.equal(await bot.poolster.deps.centres.getPerson(diane.tenantId, megan.userId), undefined, 'nobody added');
  });

  it('in a group chat offers its members as choices and adds only people who are really in it', async () => {
    const team = firstCard(await diane.say('team', chat));
    assertValidCard(team);
    const choices = team.body.find((e: any) => e.type === 'Input.ChoiceSet' && e.id === 'members').choices.map((c: any) => c.title);
    assert.deepEqual(choices, ['Megan Bowen', 'Lee Gu']);
    const add = actionTitled(team, 'Voeg toe als lid');
    // A forged id (someone not in this chat) is ignored; Megan is added as lid.
    const answer = await diane.execute(add.verb!, { ...add.data, members: `${megan.userId},${stranger.userId}` }, chat);
    assertValidCard(answer.card);
    assert.match(cardText(answer.card), /Megan Bowen is nu lid van het beleidsteam\.[^]*2 mensen: 1 directeur en 1 lid/);
    assert.deepEqual((await bot.poolster.deps.centres.getPerson(diane.tenantId, megan.userId))?.roles, ['lid']);
    assert.equal(await bot.poolster.deps.centres.getPerson(diane.tenantId, stranger.userId), undefined, 'not in this chat: not added');
  });

  it('lets a director change a role with a button; the server checks who clicks and whose role', async () => {
    const team = firstCard(await diane.say('team'));
    const promote = actionTitled(team, 'Maak directeur');
    assert.deepEqual(promote.data, { userId: megan.userId, role: 'directeur' });
    assert.ok(!JSON.stringify(team).includes(`"userId":"${diane.userId}"`), 'no button on your own row');

    // Lee is no director: the same click is refused and nothing changes.
    await diane.say('rol lid Lee Gu', chat);
    const refused = await lee.execute(promote.verb!, promote.data);
    assert.match(String(refused.message), /Dit kan alleen een directeur/);
    assert.deepEqual((await bot.poolster.deps.centres.getPerson(diane.tenantId, megan.userId))?.roles, ['lid']);
    // Forged: a director's own role, or someone of no centre.
    const own = await diane.execute(promote.verb!, { userId: diane.userId, role: 'lid' });
    assert.match(cardText(own.card), /Je eigen rol wijzig je niet zelf/);
    const nobody = await diane.execute(promote.verb!, { userId: stranger.userId, role: 'directeur' });
    assert.match(String(nobody.message), /hoort niet \(meer\) bij je beleidsteam/);

    const promoted = await diane.execute(promote.verb!, promote.data);
    assert.match(cardText(promoted.card), /Megan Bowen is nu directeur\./);
    assert.deepEqual((await bot.poolster.deps.centres.getPerson(diane.tenantId, megan.userId))?.roles, ['directeur', 'lid']);
    assert.ok(actionTitled(promoted.card, 'Maak lid'), 'the button now offers the way back');
  });

  it('asks before closing a round, says what follows, and Annuleer keeps it open', async () => {
    const created = await diane.execute('round.create', { schoolYear: '2026-2027', deadline: '2026-12-07', participants: [diane, lee].map((u) => u.userId).join(','), visibility: 'anoniem' }, chat);
    assert.ok(created.card, created.message);
    const centre = (await bot.poolster.deps.centres.listCentres(diane.tenantId))[0]!;
    const roundId = centre.openRoundId!;

    const asked = firstCard(await diane.say('sluit inschaling'));
    assertValidCard(asked);
    assert.match(cardText(asked), /Inschalingsronde 2026-2027 sluiten\?[^]*Geen van de 2 deelnemers verzond de inschaling definitief\. De deadline is 7 december 2026\.[^]*Niemand kan nog antwoorden of iets wijzigen\. Wie nog niet verzond \(2 deelnemers\), kan dat dan niet meer; de bouwstenen die zij volledig invulden, tellen wel mee[^]*Wie het hoort\nNiemand krijgt een bericht[^]*Een afgesloten ronde gaat niet meer open/);
    assert.equal((await bot.poolster.deps.survey.getRound(roundId))?.status, 'open', 'asking closes nothing');
    const cancelled = await diane.execute('round.closeCancel', actionTitled(asked, 'Annuleer').data);
    assert.match(cardText(cancelled.card), /De ronde loopt verder/);
    assert.equal((await bot.poolster.deps.survey.getRound(roundId))?.status, 'open');
    const byMember = await lee.execute('round.close', actionTitled(asked, 'Bevestig: sluit de ronde').data);
    assert.match(String(byMember.message), /Dit kan alleen een directeur/);
    assert.equal((await bot.poolster.deps.survey.getRound(roundId))?.status, 'open');
  });

  it('tells a director who took part and sent that they reopen it themselves, not to ask their director', async () => {
    let card = firstCard(await diane.say('inschaling'));
    card = (await diane.execute('survey.open', actionTitled(card, /Start de inschaling|Ga verder/).data)).card;
    for (let i = 0; i < 11; i += 1) card = (await diane.execute('survey.answer', { ...actionTitled(card, /^Volgende/).data, ...validBouwsteenForm() })).card;
    card = (await diane.execute('survey.open', actionTitled(card, 'Verder naar de overkoepelende vragen').data)).card;
    card = (await diane.execute('survey.closing', { ...actionTitled(card, 'Volgende').data, ...validClosingForm() })).card;
    await diane.execute('survey.submit', actionTitled(card, 'Definitief verzenden').data);
    const sent = firstCard(await diane.say('inschaling'));
    assert.match(cardText(sent), /Als directeur heropen je je eigen inschaling met heropen Diane Directeur zolang de ronde loopt/);
    assert.doesNotMatch(cardText(sent), /vraag (dan )?je directeur/i);

    const closed = await closeRoundConfirmed(diane);
    assert.match(closed, /Inschalingsronde 2026-2027 is afgesloten\n1 van de 2 deelnemers verzond de inschaling definitief\./);
    // The old confirmation card, clicked again, closes nothing new.
    const again = await diane.execute('round.close', { roundId: (await bot.poolster.deps.survey.listByCentre(diane.tenantId, (await bot.poolster.deps.centres.listCentres(diane.tenantId))[0]!.centreId))[0]!.roundId });
    assert.match(cardText(again.card), /Deze ronde is al afgesloten/);
  });
});
