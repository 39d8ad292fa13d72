/**
 * Issue 13 point 3, whole turns over HTTP on real Azurite: help and the welcome start with what
 * makes sense now for this person in this place (as command.run buttons), commands are understood
 * the way people type them, a near-miss gets the closest command as a button, and in a channel or
 * group chat every hint says to @mention Poolster.
 */
import assert from 'node:assert/strict';
import { withoutMarkdown } from '../../cards/plainText';
import { VERBS } from '../../cards/verbs';

const COMMAND_RUN_VERB = VERBS.command.run;
import { closeRoundConfirmed, cardText, firstCard, startTestBot, type ConversationSpec, type TestBot, type TestUser } from '../support/bot';
import { assertValidCard, cardActions } from '../support/cards';
import { DEMO_NOW, addPerson, createPlanCentre } from '../support/planFixture';

/** The command.run buttons of a card, in order: title, command and args. */
function commandButtons(card: any): Array<{ title: string; command: string; args?: string }> {
  const found: Array<{ title: string; command: string; args?: string }> = [];
  const walk = (node: any) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (node.type === 'Action.Submit' && node.data?.verb === COMMAND_RUN_VERB) found.push({ title: node.title, command: node.data.command, ...(node.data.args ? { args: node.data.args } : {}) });
    Object.values(node).forEach(walk);
  };
  walk(card);
  return found;
}

/** Clicks a command button as the Teams client does: a message with the button's data as `value`. */
async function click(user: TestUser, card: any, title: string, conversation?: ConversationSpec, inputs: Record<string, string> = {}) {
  const button = commandButtons(card).find((b) => b.title === title);
  assert.ok(button, `no button "${title}"; buttons: ${commandButtons(card).map((b) => b.title).join(', ')}`);
  const { title: _title, ...data } = button!;
  return user.submit(COMMAND_RUN_VERB, { ...data, ...inputs }, conversation);
}

function install(bot: TestBot, user: TestUser, conversation: { id: string; conversationType: string; teamId?: string }) {
  return user.post({
    type: 'conversationUpdate',
    channelId: 'msteams',
    serviceUrl: bot.connector.url,
    id: `install-${conversation.id}`,
    from: { id: user.channelUserId, aadObjectId: user.userId },
    recipient: { id: '28:poolster-bot', name: 'Poolster' },
    conversation: { id: conversation.id, conversationType: conversation.conversationType, tenantId: user.tenantId },
    channelData: { tenant: { id: user.tenantId }, ...(conversation.teamId ? { team: { id: conversation.teamId } } : {}) },
    membersAdded: [{ id: '28:poolster-bot' }],
  });
}

/** The text of a help card's "Begin hier" part: everything before the list of commands. */
function firstPart(card: any): string {
  return cardText(card).split(/Voor de directeur|Voor het beleidsteam|Voor iedereen/)[0]!;
}

describe('First steps and tolerant commands (issue 13.3, whole turns, real Azurite)', () => {
  let bot: TestBot;
  before(async () => {
    bot = await startTestBot({ now: () => DEMO_NOW });
  });
  after(async () => bot.stop());

  describe('help and the welcome start with what makes sense now', () => {
    it('someone in no centre: register a centre, with the name typed on the card; clicking it registers', async () => {
      const nina = bot.user('Nina Nieuw');
      const replies = await nina.say('help');
      const help = firstCard(replies);
      assertValidCard(help);
      assert.match(firstPart(help), /Begin hier/);
      assert.deepEqual(commandButtons(help).map((b) => b.command), ['setup']);
      assert.match(JSON.stringify(help), /"id":"args"/, 'the centre name is typed on the card');
      const registered = await click(nina, help, 'Registreer mijn centrum', undefined, { args: 'Vrij CLB Nieuwstad' });
      assert.match(`${String(registered[0]?.text ?? '')} ${cardText(firstCard(registered) ?? {})}`, /Vrij CLB Nieuwstad/);
      const person = await bot.poolster.deps.centres.getPerson(nina.tenantId, nina.userId);
      assert.ok(person?.roles.includes('directeur'), 'the button ran setup with the typed name');
    });

    it('a director alone: how to add people first, and never setup', async () => {
      const centre = await createPlanCentre(bot, { name: 'Vrij CLB Alleen', directorName: 'Dora Alleen', plan: null });
      const help = firstCard(await centre.director.say('help'));
      assertValidCard(help);
      const buttons = commandButtons(help).map((b) => b.command);
      assert.equal(buttons[0], 'team');
      assert.ok(buttons.length <= 2, 'one or two first steps');
      assert.match(firstPart(help), /rol lid/, 'says how to add colleagues');
      assert.doesNotMatch(cardText(help), /setup/, 'no setup for someone whose centre exists');
      assert.match(cardText(help), /Voor de directeur/);
    });

    it('a director with a team and no round yet: start the inschaling', async () => {
      const centre = await createPlanCentre(bot, { name: 'Vrij CLB Klaar', directorName: 'Dirk Klaar', members: ['Mona Klaar'], plan: null });
      const help = firstCard(await centre.director.say('help'));
      assert.deepEqual(commandButtons(help).slice(0, 1).map((b) => b.command), ['start-inschaling']);
      const started = await click(centre.director, help, 'Nieuwe inschalingsronde');
      assert.match(cardText(firstCard(started)), /Nieuwe inschalingsronde/, 'the button opens the round card, as typing "start inschaling"');
    });

    it('a member with an open round and an unfinished survey: start or continue it; a closed round waits for the director to confirm', async () => {
      const centre = await createPlanCentre(bot, { name: 'Vrij CLB Ronde', directorName: 'Daan Ronde', members: ['Mira Ronde'] });
      const mira = centre.members['Mira Ronde']!;
      const answer = await centre.director.execute('round.create', { schoolYear: '2026-2027', deadline: '2026-12-18', participants: [centre.director.userId, mira.userId].join(','), visibility: 'anoniem' });
      assert.ok(answer.card, answer.message);

      const memberHelp = firstCard(await mira.say('help'));
      assertValidCard(memberHelp);
      assert.equal(commandButtons(memberHelp)[0]?.command, 'inschaling');
      assert.doesNotMatch(cardText(memberHelp), /start inschaling|sluit inschaling/, 'no director commands for a member');
      const intro = firstCard(await click(mira, memberHelp, 'Start mijn inschaling'));
      const begin = cardActions(intro)[0];
      assert.ok(begin, 'the survey intro arrives, with its button to begin');
      assert.ok((await mira.execute(begin!.verb!, begin!.data)).card, 'the first bouwsteen');
      assert.equal(commandButtons(firstCard(await mira.say('help')))[0]?.command, 'verder', 'once begun: continue where she left off');

      const directorHelp = firstCard(await centre.director.say('help'));
      assert.deepEqual(commandButtons(directorHelp).map((b) => b.command).slice(0, 2), ['inschaling', 'voortgang'], 'his own survey, then who is done');

      await closeRoundConfirmed(centre.director);
      const afterClose = firstCard(await centre.director.say('help'));
      assert.equal(commandButtons(afterClose)[0]?.command, 'resultaat');
      assert.match(firstPart(afterClose), /bevestig/);
      assert.equal(commandButtons(firstCard(await mira.say('help')))[0]?.command, 'status', 'nothing published yet: the member gets the plan');
    });

    it('welcome in a personal chat keeps "Wat kan je?" and offers the first step', async () => {
      const centre = await createPlanCentre(bot, { name: 'Vrij CLB Welkom', directorName: 'Wim Welkom', members: ['Wendy Welkom'] });
      const before = bot.connector.sent.length;
      await install(bot, centre.members['Wendy Welkom']!, { id: centre.members['Wendy Welkom']!.personalConversationId, conversationType: 'personal' });
      const welcome = firstCard(bot.connector.sent.slice(before).map((s) => s.activity));
      assertValidCard(welcome);
      assert.match(cardText(welcome), /Welkom bij Poolster/);
      assert.deepEqual(commandButtons(welcome).map((b) => b.title), ['Stand van het beleidsplan', 'Mijn acties', 'Wat kan je?']);
    });
  });

  describe('in a channel or group chat every hint says to @mention Poolster', () => {
    it('the welcome on install in a team says to @mention and offers the director the weekly overview here', async () => {
      const centre = await createPlanCentre(bot, { name: 'Vrij CLB Kanaal', directorName: 'Kato Kanaal', members: ['Kris Kanaal'] });
      const before = bot.connector.sent.length;
      await install(bot, centre.director, { id: '19:kanaal-general@thread.tacv2', conversationType: 'channel', teamId: '19:kanaal' });
      const welcome = firstCard(bot.connector.sent.slice(before).map((s) => s.activity));
      assertValidCard(welcome);
      const text = cardText(welcome);
      assert.match(text, /@Poolster digest hier/);
      assert.match(text, /begin met @Poolster/);
      assert.equal(commandButtons(welcome)[0]?.command, 'digest');
      assert.equal(commandButtons(welcome)[0]?.args, 'hier');
    });

    it('help in a channel writes every command with the mention; a group chat too', async () => {
      const centre = await createPlanCentre(bot, { name: 'Vrij CLB Groep', directorName: 'Gert Groep', members: ['Greet Groep'] });
      const channel: ConversationSpec = { id: '19:groep-general@thread.tacv2', kind: 'channel', teamId: '19:groep' };
      const group: ConversationSpec = { id: '19:groep-chat@thread.v2', kind: 'groupChat' };
      for (const where of [channel, group]) {
        const help = firstCard(await centre.members['Greet Groep']!.say('<at>Poolster</at> help', where));
        assertValidCard(help);
        const text = cardText(help);
        assert.match(text, /lees ik alleen berichten die me vermelden/);
        assert.match(text, /@Poolster status/);
        assert.doesNotMatch(text.replace(/@Poolster \w/g, ''), /\*\*(status|acties|help)\b/, `${where.kind}: no command without the mention`);
      }
      const unknown = await centre.members['Greet Groep']!.say('<at>Poolster</at> hoe laat is het', group);
      assert.match(String(unknown[0]!.text), /Typ \*\*@Poolster help\*\*/);
    });
  });

  describe('commands are understood the way people type them', () => {
    it('"hoe staat speerpunt 3 ervoor?", "speerpunt 3" and "Status speerpunt drie" answer as "status speerpunt 3"', async () => {
      const centre = await createPlanCentre(bot, { name: 'Vrij CLB Taal', directorName: 'Tine Taal', members: ['Toon Taal'] });
      const toon = centre.members['Toon Taal']!;
      const expected = cardText(firstCard(await toon.say('status speerpunt 3')));
      assert.match(expected, /Speerpunt 3/);
      for (const typed of ['hoe staat speerpunt 3 ervoor?', 'speerpunt 3', 'Status speerpunt drie', 'toon eens speerpunt 3 aub']) {
        assert.equal(cardText(firstCard(await toon.say(typed))), expected, typed);
      }
      assert.match(cardText(firstCard(await toon.say('Help!'))), /Wat kan je mij vragen\?/);
      assert.match(cardText(firstCard(await toon.say('<at>Poolster</at> Hoe staat speerpunt 3 ervoor?', { id: '19:taal@thread.v2', kind: 'groupChat' }))), /Speerpunt 3/);
    });

    it('"?" alone, "??", "help?" and "Help!" open help, in the 1:1 chat and @mentioned in a channel', async () => {
      const centre = await createPlanCentre(bot, { name: 'Vrij CLB Vraag', directorName: 'Vera Vraag', members: ['Vik Vraag'] });
      const vik = centre.members['Vik Vraag']!;
      const expected = cardText(firstCard(await vik.say('help')));
      assert.match(expected, /Wat kan je mij vragen\?/);
      for (const typed of ['?', '??', 'help?', 'Help!', ' ? ']) {
        const replies = await vik.say(typed);
        assert.equal(replies.length, 1, typed);
        assert.equal(cardText(firstCard(replies)), expected, `${typed}: the same help card`);
        assert.equal(replies[0]!.text, undefined, `${typed}: no "Ik begrijp ... niet" next to it`);
      }
      const channel: ConversationSpec = { id: '19:vraag-general@thread.tacv2', kind: 'channel', teamId: '19:vraag' };
      const inChannel = cardText(firstCard(await vik.say('<at>Poolster</at> help', channel)));
      assert.match(inChannel, /lees ik alleen berichten die me vermelden/);
      for (const typed of ['<at>Poolster</at> ?', '<at>Poolster</at> ??', '<at>Poolster</at> Help!', '<at>Poolster</at> help?']) {
        const replies = await vik.say(typed, channel);
        assert.equal(replies.length, 1, typed);
        assert.equal(cardText(firstCard(replies)), inChannel, `${typed}: the channel's help card`);
      }
    });

    it('a near-miss gets "Bedoel je status speerpunt 3?" with a button that runs it, and nothing else runs', async () => {
      const centre = await createPlanCentre(bot, { name: 'Vrij CLB Typo', directorName: 'Tom Typo', members: ['Tess Typo'] });
      const tess = centre.members['Tess Typo']!;
      const replies = await tess.say('statsu speerpunt 3');
      assert.equal(replies.length, 1);
      const card = firstCard(replies);
      assertValidCard(card);
      assert.match(cardText(card), /Bedoel je status speerpunt 3\?/);
      assert.doesNotMatch(cardText(card), /Speerpunt 3 ·|Waarom/, 'the command itself did not run');
      assert.deepEqual(commandButtons(card)[0], { title: 'Ja, status speerpunt 3', command: 'status', args: 'speerpunt 3' });
      const clicked = await click(tess, card, 'Ja, status speerpunt 3');
      assert.equal(cardText(firstCard(clicked)), cardText(firstCard(await tess.say('status speerpunt 3'))));
    });

    it('unknown input gets buttons to go on, never a bare "Ik begrijp ... niet"', async () => {
      const centre = await createPlanCentre(bot, { name: 'Vrij CLB Onbekend', directorName: 'Olga Onbekend', members: ['Omar Onbekend'] });
      await addPerson(bot, bot.user('Oscar Onbekend'), centre.centreId, ['lid']);
      const replies = await centre.members['Omar Onbekend']!.say('hoe laat is het?');
      assert.equal(replies.length, 1);
      assert.match(String(replies[0]!.text), /Ik begrijp "hoe laat is het\?" niet/);
      const card = firstCard(replies);
      assertValidCard(card);
      assert.doesNotMatch(cardText(card), /begrijp/i, 'the card does not say a second time that it did not understand');
      const buttons = commandButtons(card).map((b) => b.title);
      assert.ok(buttons.includes('Alle opdrachten'), buttons.join(', '));
      assert.ok(buttons.includes('Stand van het beleidsplan'), 'the first step of this member');
    });
  });
});
