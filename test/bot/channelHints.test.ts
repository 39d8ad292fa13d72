/**
 * Every hint that says what to type ("typ **digest uit**") says it the way it must be typed where
 * the person reads it: in a channel or group chat Teams only delivers messages that @mention
 * Poolster, so there it reads "typ **@Poolster digest uit**"; in the 1:1 chat plain "typ **digest
 * uit**". A command that only works elsewhere is shown as it is typed there (`digest hier` always
 * with the mention, `mijn gegevens` always without). Whole turns over HTTP against real Azurite.
 */
import assert from 'node:assert/strict';
import { declaredCommands } from '../../bot/main';
import { invalidCardMessage } from '../../bot/router';
import { VERBS } from '../../cards/verbs';
import { notInCentreMessage } from '../../domain/errors';
import { cardText, firstCard, startTestBot, type ConversationSpec, type TestBot, type TestUser } from '../support/bot';
import { assertValidCard } from '../support/cards';
import { DEMO_NOW, createPlanCentre, type PlanCentre } from '../support/planFixture';

/** The first word of every declared command ("digest", "status", "mijn", ...). */
const COMMAND_WORDS = new Set(declaredCommands().flatMap((d) => d.words.map((w) => w.split(' ')[0]!.toLowerCase())));

/** Everything a person reads in the replies: message texts and card texts. */
function readable(replies: Array<Record<string, any>>): string {
  return replies.map((r) => [String(r.text ?? ''), firstCard([r]) ? cardText(firstCard([r])) : ''].join('\n')).join('\n');
}

/**
 * Each command the text tells to type, with the sentence it stands in: in bold in a message
 * ("**@Poolster digest uit**"), quoted on a card (cards carry no Markdown: "Typ "@Poolster acties""),
 * or after "typ" without either.
 */
function boldCommands(text: string): Array<{ command: string; sentence: string }> {
  const found: Array<{ command: string; sentence: string }> = [];
  for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
    const shown = [
      ...sentence.matchAll(/\*\*([^*]+)\*\*/g),
      // Quoted on a card; not what the person typed ("Ik begrijp "speerpunt x" niet").
      ...sentence.matchAll(/(?<!begrijp )"([^"]+)"/g),
      ...sentence.matchAll(/\b[Tt]yp (?:daar )?((?:@Poolster )?[\p{L}-]+)/gu),
    ];
    for (const match of shown) {
      const words = match[1]!.trim();
      const first = words.replace(/^@Poolster\s+/, '').split(' ')[0]!.toLowerCase();
      if (COMMAND_WORDS.has(first)) found.push({ command: words, sentence });
    }
  }
  return found;
}

/** The sentence sends the person to the 1:1 chat to type it there. */
const pointsToPersonalChat = (sentence: string) => /persoonlijke (gesprek|chat)|1-op-1-chat|chat met Poolster/.test(sentence);
/** The sentence sends the person to a channel or group chat to type it there. */
const pointsToChannel = (sentence: string) => /kanaal|groepschat|chat met die persoon|in dat gesprek|in een chat/.test(sentence);

describe('Command hints say to @mention Poolster in a channel or group chat, and not in the 1:1 chat (whole turns)', function () {
  this.timeout(120_000);
  let bot: TestBot;
  let centre: PlanCentre;
  let director: TestUser;
  let member: TestUser;
  const channel: ConversationSpec = { id: '19:hints-beleid@thread.tacv2', kind: 'channel', teamId: '19:team-hints' };
  const groupChat: ConversationSpec = { id: '19:hints-groep@thread.v2', kind: 'groupChat' };

  before(async () => {
    bot = await startTestBot({ now: () => DEMO_NOW });
    centre = await createPlanCentre(bot, { members: ['Karim Lid'] });
    director = centre.director;
    member = centre.members['Karim Lid']!;
  });
  after(async () => bot.stop());

  const directorCommands = [
    'digest',
    'digest status',
    'digest uit',
    'digest hier zaterdag',
    'status',
    'status speerpunt x',
    'status speerpunt 9',
    'acties',
    'acties 999',
    'resultaat',
    'resultaat vorig jaar',
    'prioriteiten',
    'voortgang',
    'deel',
    'deel resultaat',
    'deel status',
    'deel intrekken Niemand',
    'netwerk',
    'netwerk misschien',
    'heropen',
    'setup Ander Centrum',
    'mijn gegevens',
    'xyz',
  ];

  it('in a channel, every hint to type a command carries the @mention (or points to the 1:1 chat)', async () => {
    let checked = 0;
    for (const command of directorCommands) {
      const replies = await director.say(`<at>Poolster</at> ${command}`, channel);
      assert.ok(replies.length > 0, command);
      for (const { command: shown, sentence } of boldCommands(readable(replies))) {
        if (pointsToPersonalChat(sentence)) continue;
        assert.match(shown, /^@Poolster /, `"${command}" in a channel shows **${shown}** in: ${sentence}`);
        checked++;
      }
    }
    assert.ok(checked >= 20, `${checked} hints checked`);
  });

  it('in the 1:1 chat, hints are plain (the mention only where the command is typed in a channel)', async () => {
    let checked = 0;
    for (const command of directorCommands) {
      const replies = await director.say(command);
      assert.ok(replies.length > 0, command);
      for (const { command: shown, sentence } of boldCommands(readable(replies))) {
        if (pointsToChannel(sentence)) continue;
        assert.doesNotMatch(shown, /@Poolster/, `"${command}" in the 1:1 chat shows **${shown}** in: ${sentence}`);
        checked++;
      }
    }
    assert.ok(checked >= 20, `${checked} hints checked`);
  });

  it('digest uit: "typ **@Poolster digest hier**" in the channel; in the 1:1 chat the channel is named where to type it', async () => {
    await director.say('<at>Poolster</at> digest hier', channel);
    const stopped = await director.say('<at>Poolster</at> digest uit', channel);
    assert.equal(stopped[0]!.text, 'Gestopt: hier komt geen wekelijks actieoverzicht meer. Typ **@Poolster digest hier** om het weer aan te zetten.');
    const nothing = await director.say('<at>Poolster</at> digest uit', groupChat);
    assert.equal(nothing[0]!.text, 'Hier kwam geen wekelijks actieoverzicht; er is niets te stoppen. Typ **@Poolster digest status** om te zien waar het wel komt.');
    const status = await director.say('digest status');
    assert.match(String(status[0]!.text), /nog geen wekelijks actieoverzicht ingesteld\. Typ \*\*@Poolster digest hier\*\* in het kanaal van jullie team\./);
  });

  it('the plan overview card: "Typ "@Poolster status speerpunt 3"" in a channel, "Typ "status speerpunt 3"" in the 1:1 chat', async () => {
    // Cards carry no Markdown: there a command is quoted.
    const inChannel = firstCard(await member.say('<at>Poolster</at> status', channel));
    assertValidCard(inChannel);
    assert.match(cardText(inChannel), /Typ "@Poolster status speerpunt 3" voor de details van één speerpunt, of "@Poolster acties" voor jouw acties\./);
    const personal = firstCard(await member.say('status'));
    assertValidCard(personal);
    assert.match(cardText(personal), /Typ "status speerpunt 3" voor de details van één speerpunt, of "acties" voor jouw acties\./);
  });

  it('a card the bot cannot read: help with the @mention in a channel; verder or help in the 1:1 chat', async () => {
    const inChannel = await director.submit(VERBS.command.run, { command: 'geen-opdracht' }, channel);
    assert.deepEqual(inChannel.map((r) => r.text), ['Deze kaart kon ik niet lezen. Wat je al had ingevuld, is niet verloren: typ **@Poolster help** om te zien wat je kan doen.']);
    const personal = await director.submit(VERBS.command.run, { command: 'geen-opdracht' });
    assert.deepEqual(personal.map((r) => r.text), [invalidCardMessage('personal')]);
    assert.match(invalidCardMessage('personal'), /typ \*\*verder\*\* om verder te gaan, of \*\*help\*\*\./);
  });

  it('someone in no centre: "registreer je centrum met **@Poolster setup [naam]**" in a channel, plain in the 1:1 chat', async () => {
    const stranger = bot.user('Sam Vreemd');
    assert.deepEqual((await stranger.say('<at>Poolster</at> acties', channel)).map((r) => r.text), [notInCentreMessage('channel')]);
    assert.match(notInCentreMessage('channel'), /registreer je centrum met \*\*@Poolster setup \[naam\]\*\*\.$/);
    assert.deepEqual((await stranger.say('acties')).map((r) => r.text), [notInCentreMessage('personal')]);
    assert.match(notInCentreMessage('personal'), /registreer je centrum met \*\*setup \[naam\]\*\*\.$/);
  });

  it('the privacy note in a channel sends the person to the 1:1 chat, where the command is typed without a mention', async () => {
    const before = bot.connector.sentTo(member.personalConversationId).length;
    const replies = await member.say('<at>Poolster</at> mijn gegevens', channel);
    assert.equal(
      replies[0]!.text,
      'Je gegevens bespreek ik alleen in ons persoonlijke gesprek, zodat niemand anders meeleest. Open de chat met Poolster en typ daar **mijn gegevens** of **verwijder mijn gegevens**.',
    );
    assert.equal(bot.connector.sentTo(member.personalConversationId).length, before, 'nothing is sent to the 1:1 chat unasked');
  });
});
