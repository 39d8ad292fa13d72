/**
 * Card buttons that run a command (verb `command.run`, an Action.Submit with plain data): the
 * welcome card's "Wat kan je?", the speerpunt card's "Alle speerpunten" / "Mijn acties" and the
 * plan overview's buttons. Whole turns over HTTP: the button's data, taken from the card the bot
 * sent, comes back as a message with `value`, and the answer is what typing the command gives.
 */
import assert from 'node:assert/strict';
import { invalidCardMessage } from '../../bot/router';
import { cardText, firstCard, startTestBot, type TestBot, type TestUser } from '../support/bot';
import { assertValidCard } from '../support/cards';
import { DEMO_NOW, createPlanCentre, type PlanCentre } from '../support/planFixture';
import { VERBS } from '../../cards/verbs';

/** The Action.Submit buttons of a card (top-level actions and action sets), with their data. */
function submitButtons(card: any): Array<{ title: string; data: Record<string, unknown> }> {
  const found: Array<{ title: string; data: Record<string, unknown> }> = [];
  const walk = (node: any) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (node.type === 'Action.Submit' && node.data && typeof node.data === 'object') found.push({ title: node.title, data: node.data });
    Object.values(node).forEach(walk);
  };
  walk(card);
  return found;
}

/** Clicks the Action.Submit titled `title` on `card` as `user`: the message with `value` Teams sends. */
async function click(user: TestUser, card: any, title: string): Promise<Array<Record<string, any>>> {
  const button = submitButtons(card).find((b) => b.title === title);
  assert.ok(button, `no button "${title}" on the card; buttons: ${submitButtons(card).map((b) => b.title).join(', ')}`);
  assert.equal(button!.data.verb, VERBS.command.run, `"${title}" runs a command`);
  assert.equal(button!.data.msteams, undefined, 'no imBack/messageBack: those send nothing in the Agents Playground');
  const { verb: _verb, ...data } = button!.data;
  return user.submit(VERBS.command.run, data);
}

function cardsOf(replies: Array<Record<string, any>>): any[] {
  return replies.flatMap((r) => (r.attachments ?? []).filter((a: any) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a: any) => a.content));
}

/** The replies without their ids and timestamps, to compare a click with the typed command. */
function comparable(replies: Array<Record<string, any>>): unknown[] {
  return replies.map((r) => ({ type: r.type, text: r.text, attachments: r.attachments }));
}

describe('Card buttons that run a command (command.run, whole turns, real Azurite)', () => {
  let bot: TestBot;
  let centre: PlanCentre;
  let karim: TestUser;

  before(async () => {
    bot = await startTestBot({ now: () => DEMO_NOW });
    centre = await createPlanCentre(bot, { name: 'Vrij CLB Knoppen', members: ['Karim'] });
    karim = centre.members.Karim!;
  });
  after(async () => bot.stop());

  it('the welcome card\'s "Wat kan je?" answers with the help card', async () => {
    const before = bot.connector.sent.length;
    const { status } = await karim.post({
      type: 'conversationUpdate',
      channelId: 'msteams',
      serviceUrl: bot.connector.url,
      id: 'install-buttons',
      from: { id: karim.channelUserId, aadObjectId: karim.userId },
      recipient: { id: '28:poolster-bot', name: 'Poolster' },
      conversation: { id: karim.personalConversationId, conversationType: 'personal', tenantId: karim.tenantId },
      channelData: { tenant: { id: karim.tenantId } },
      membersAdded: [{ id: '28:poolster-bot' }],
    });
    assert.equal(status, 200);
    const welcome = firstCard(bot.connector.sent.slice(before).map((s) => s.activity));
    assertValidCard(welcome);
    assert.match(cardText(welcome), /Welkom bij Poolster/);

    const replies = await click(karim, welcome, 'Wat kan je?');
    assert.equal(replies.length, 1);
    const help = firstCard(replies);
    assertValidCard(help);
    const text = cardText(help);
    assert.match(text, /Wat kan je mij vragen\?/);
    assert.match(text, /Je werkt voor Vrij CLB Knoppen/, 'the help of a member of the centre, as when typing help');
    assert.deepEqual(comparable(replies), comparable(await karim.say('help')));
  });

  it('the speerpunt card\'s "Alle speerpunten" answers with the plan overview', async () => {
    const speerpunt = firstCard(await centre.director.say('status speerpunt 3'));
    assert.match(cardText(speerpunt), /^Speerpunt 3\n/);
    assertValidCard(speerpunt);

    const replies = await click(centre.director, speerpunt, 'Alle speerpunten');
    assert.equal(replies.length, 1);
    const overview = firstCard(replies);
    assertValidCard(overview);
    assert.match(cardText(overview), /Beleidsplan: stand van zaken/);
    assert.match(cardText(overview), /Stand op 23 november 2026/);
    assert.deepEqual(comparable(replies), comparable(await centre.director.say('status')));
  });

  it('the speerpunt card\'s "Mijn acties" answers with the person\'s own acties', async () => {
    const speerpunt = firstCard(await karim.say('status speerpunt 1'));
    const replies = await click(karim, speerpunt, 'Mijn acties');
    const sent = cardsOf(replies);
    assert.ok(sent.length >= 2, 'a list and a card per open actie');
    sent.forEach(assertValidCard);
    assert.match(cardText(sent[0]), /Jouw acties \(\d+\)/);
    const mine = centre.plan.acties.filter((a) => a.owner?.name === 'Karim');
    assert.ok(mine.length > 0);
    for (const a of mine) assert.ok(cardText(sent[0]).includes(a.id), a.id);
    assert.deepEqual(comparable(replies), comparable(await karim.say('acties')));
  });

  it('the plan overview\'s buttons open one speerpunt and the person\'s acties', async () => {
    const overview = firstCard(await karim.say('status'));
    const speerpunt = firstCard(await click(karim, overview, 'Speerpunt 3'));
    assertValidCard(speerpunt);
    assert.match(cardText(speerpunt), /^Speerpunt 3\nWe zijn deskundige, betrokken en enthousiaste medewerkers/);

    const acties = cardsOf(await click(karim, overview, 'Mijn acties'));
    assert.match(cardText(acties[0]), /Jouw acties \(\d+\)/);
  });

  it('runs the command with the rights of who clicks, as when typed: a member cannot start a round', async () => {
    const replies = await karim.submit(VERBS.command.run, { command: 'start-inschaling' });
    assert.equal(replies.length, 1);
    assert.equal(firstCard(replies), undefined);
    assert.deepEqual(comparable(replies), comparable(await karim.say('start inschaling')));
  });

  describe('forged or broken button data gets the Dutch message, and nothing runs', () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ['an unknown command name', { command: 'format-c' }],
      ['a command typed as text instead of its name', { command: 'start inschaling' }],
      ['an inherited property name', { command: 'constructor' }],
      ['no command', {}],
      ['a command that is no string', { command: ['help'] }],
      ['args that are no string', { command: 'status', args: { speerpunt: 3 } }],
      ['args longer than 200 characters', { command: 'status', args: `speerpunt 3 ${'x'.repeat(200)}` }],
    ];
    for (const [what, data] of cases) {
      it(what, async () => {
        const replies = await centre.director.submit(VERBS.command.run, data);
        assert.equal(replies.length, 1);
        assert.equal(replies[0]!.text, invalidCardMessage('personal'));
        assert.equal(firstCard(replies), undefined);
      });
    }

    it('in a group chat too, where the way on is help typed with the @mention', async () => {
      const replies = await centre.director.submit(VERBS.command.run, { command: 'rm -rf' }, { id: '19:groupchat-buttons@thread.v2', kind: 'groupChat' });
      assert.deepEqual(replies.map((r) => r.text), [invalidCardMessage('groupChat')]);
      assert.match(replies[0]!.text!, /typ \*\*@Poolster help\*\*/);
      assert.doesNotMatch(replies[0]!.text!, /\*\*verder\*\*/, 'the survey is not continued in a group chat');
    });
  });
});
