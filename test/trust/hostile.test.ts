import assert from 'node:assert/strict';
import { withoutMarkdown } from '../../cards/plainText';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import fc from 'fast-check';
import { MAX_MESSAGE_CHARS, invalidCardMessage, tooLongMessage } from '../../bot/router';
import { FILE_CONSENT_CONTENT_TYPE, FILE_INFO_CONTENT_TYPE } from '../../bot/turn';
import { buildCommandParser, cleanMessageText } from '../../domain/commands';
import { declaredCommands } from '../../bot/main';
import { BOUWSTEEN_IDS } from '../../domain/catalogue';
import { TABLE_NAMES } from '../../storage/tables';
import { startTestBot, TENANT, type ConversationSpec, type TestBot, type TestUser } from '../support/bot';
import { validBouwsteenForm } from '../fixtures/surveyForms';
import { SPEC_START, specClock } from '../support/clock';
import { captureLogs, changes, hasDutch, readsDutch, registeredRoutes, snapshot, tableRows, UploadSink, visibleCardText } from './support';
import { brusselsDate } from '../../domain/time';

/**
 * Issue 7, hostile input: the body limit, JSON only, the activity envelope, bounded work on long
 * texts, every card payload through its schema, and a fuzz test of at least 1,000 random and
 * malformed activities against the whole bot (HTTP, botbuilder, teams-ai, features, Azurite).
 */

const BODY_LIMIT = 262_144;
const COMMANDS = declaredCommands();
const commandParser = buildCommandParser(COMMANDS);
const parseCommand = (text: string) => commandParser.parse(text);
const isSetup = (parsed: ReturnType<typeof parseCommand>) => parsed.kind === 'command' && parsed.name === 'setup';
const DELETE = Symbol('delete');

type Json = Record<string, unknown>;

function setPath(target: Json, path: string, value: unknown): void {
  const parts = path.split('.');
  let node: Json = target;
  for (const part of parts.slice(0, -1)) {
    if (!node[part] || typeof node[part] !== 'object' || Array.isArray(node[part])) node[part] = {};
    node = node[part] as Json;
  }
  const last = parts[parts.length - 1]!;
  if (value === DELETE) delete node[last];
  else node[last] = value;
}

async function postRaw(bot: TestBot, body: string, contentType = 'application/json'): Promise<{ status: number; body: any }> {
  const response = await fetch(`${bot.poolster.url}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });
  const text = await response.text();
  let parsed: any = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* plain text */
  }
  return { status: response.status, body: parsed };
}

function envelope(bot: TestBot, user: TestUser, conversation: { id: string; kind: string } = { id: user.personalConversationId, kind: 'personal' }): Json {
  return {
    channelId: 'msteams',
    serviceUrl: bot.connector.url,
    id: `fuzz-${Math.random().toString(36).slice(2)}`,
    timestamp: new Date().toISOString(),
    from: { id: user.channelUserId, name: user.name, aadObjectId: user.userId },
    recipient: { id: '28:poolster-bot', name: 'Poolster' },
    conversation: { id: conversation.id, conversationType: conversation.kind, tenantId: user.tenantId, isGroup: conversation.kind !== 'personal' },
    channelData: { tenant: { id: user.tenantId } },
  };
}

/** What the bot sent to a conversation since `before`, without typing indicators (teams-ai sends one when a turn takes a moment). */
const sentSince = (bot: TestBot, before: number, conversationId: unknown) =>
  bot.connector.sent.slice(before).filter((s) => s.conversationId === conversationId && s.activity.type !== 'typing').map((s) => s.activity);

/** Every reply a person sees reads as Dutch (text and cards); files are offered as consent cards. */
function assertRepliesReadDutch(replies: Array<Record<string, any>>, strict: boolean, context: string): void {
  for (const reply of replies) {
    const attachments: any[] = reply.attachments ?? [];
    if (typeof reply.text === 'string' && reply.text.trim()) {
      // Members' own card input may be echoed back (a title, a note): for them, only "is it Dutch" is checked.
      assert.ok(strict ? readsDutch(reply.text) : hasDutch(reply.text), `${context}: reply is not a Dutch text for a person: ${reply.text.slice(0, 200)}`);
    }
    for (const attachment of attachments) {
      if (attachment.contentType === 'application/vnd.microsoft.card.adaptive') {
        assert.ok(hasDutch(visibleCardText(attachment.content)), `${context}: card without Dutch text`);
      } else {
        assert.ok([FILE_CONSENT_CONTENT_TYPE, FILE_INFO_CONTENT_TYPE].includes(attachment.contentType), `${context}: unexpected attachment ${attachment.contentType}`);
      }
    }
    assert.ok((typeof reply.text === 'string' && reply.text.trim()) || attachments.length > 0, `${context}: an empty reply`);
  }
}

describe('Trust: hostile input at the HTTP edge', function () {
  this.timeout(60_000);
  let bot: TestBot;
  before(async () => {
    bot = await startTestBot({ now: specClock().now });
  });
  after(async () => bot.stop());

  it('limits the request body: 413 just over the limit, a Dutch answer just under it, nothing stored', async () => {
    const stranger = bot.user('Rik Rover');
    const base = { ...envelope(bot, stranger), type: 'message', text: '' };
    const room = BODY_LIMIT - Buffer.byteLength(JSON.stringify(base));
    const before = bot.connector.sent.length;
    const under = await postRaw(bot, JSON.stringify({ ...base, text: 'x'.repeat(room - 10) }));
    assert.equal(under.status, 200);
    assert.deepEqual(sentSince(bot, before, stranger.personalConversationId).map((a) => a.text), [tooLongMessage('personal')]);
    const over = await postRaw(bot, JSON.stringify({ ...base, text: 'x'.repeat(room + 10) }));
    assert.equal(over.status, 413);
    assert.equal(sentSince(bot, before, stranger.personalConversationId).length, 1, 'no turn for the oversized body');
    for (const table of TABLE_NAMES) assert.deepEqual(await tableRows(bot, table), [], `${table} stays empty`);
  });

  it('takes JSON only: a form or multipart upload gets 415 and leaves no upload in the temp folder', async () => {
    const uploadsBefore = new Set(readdirSync(tmpdir()).filter((f) => f.startsWith('upload_')));
    const form = new FormData();
    form.append('type', 'message');
    form.append('file', new Blob(['x'.repeat(2_000)]), 'payload.txt');
    const multipart = await fetch(`${bot.poolster.url}/api/messages`, { method: 'POST', body: form });
    assert.equal(multipart.status, 415);
    const urlencoded = await postRaw(bot, 'type=message&text=help', 'application/x-www-form-urlencoded');
    assert.equal(urlencoded.status, 415);
    const plain = await postRaw(bot, '{"type":"message"}', 'text/plain');
    assert.equal(plain.status, 415);
    const newUploads = readdirSync(tmpdir()).filter((f) => f.startsWith('upload_') && !uploadsBefore.has(f));
    assert.deepEqual(newUploads, []);
    const broken = await postRaw(bot, '{"type": "message", "text": ');
    assert.equal(broken.status, 400);
  });

  it('refuses activities that botbuilder would choke on with 400, before any turn runs', async () => {
    const user = bot.user('Mara Malformed');
    const valid = { ...envelope(bot, user), type: 'message', text: 'help' };
    const cases: Array<[string, Json]> = [
      ['no conversation', { ...valid, conversation: undefined }],
      ['conversation without id', { ...valid, conversation: {} }],
      ['conversation type not a string', { ...valid, conversation: { id: 'c', conversationType: 5 } }],
      ['no sender', { ...valid, from: undefined }],
      ['sender as a string', { ...valid, from: 'someone' }],
      ['no recipient', { ...valid, recipient: undefined }],
      ['no channel id', { ...valid, channelId: undefined }],
      ['service URL not a URL', { ...valid, serviceUrl: 'not a url' }],
      ['service URL not http(s)', { ...valid, serviceUrl: 'file:///etc/passwd' }],
      ['text not a string', { ...valid, text: { $gt: '' } }],
      ['channel data a string', { ...valid, channelData: 'tenant' }],
      ['entities not a list', { ...valid, entities: 'mention' }],
      ['a mention without who', { ...valid, text: '<at>Poolster</at> help', entities: [{ type: 'mention', mentioned: null, text: '<at>Poolster</at>' }] }],
      ['members added with a null', { ...valid, type: 'conversationUpdate', membersAdded: [null] }],
      ['unknown delivery mode', { ...valid, deliveryMode: 'broadcast' }],
      ['type empty', { ...valid, type: '' }],
      ['card data null', { ...valid, text: undefined, value: null }],
      ['an id with a lone surrogate', { ...valid, conversation: { id: 'a:\ud800x', conversationType: 'personal' } }],
      ['a user id with a lone surrogate', { ...valid, from: { id: '29:x', aadObjectId: '\udc00' } }],
      ['a conversation id the connector cannot put in a header', { ...valid, conversation: { id: '19:vergadering-été@thread.v2', conversationType: 'groupChat' } }],
    ];
    const before = bot.connector.sent.length;
    for (const [label, activity] of cases) {
      const { status } = await postRaw(bot, JSON.stringify(activity));
      assert.equal(status, 400, label);
    }
    assert.equal(bot.connector.sent.length, before, 'no reply was even attempted');
    for (const table of TABLE_NAMES) assert.deepEqual(await tableRows(bot, table), [], `${table} stays empty`);
  });

  it('does bounded work on hostile text: no quadratic regular expression, and long messages are not parsed', async () => {
    // Counted work, not time: the parser reports its steps; a quadratic parser would need ~10^10.
    for (const hostile of [`${'a '.repeat(2_400)}`, `${'statsu '.repeat(700)}`, `${'a '.repeat(100_000)}`]) {
      const meter = { steps: 0 };
      commandParser.parse(hostile, meter);
      assert.ok(meter.steps <= 50 * hostile.length, `command parsing took ${meter.steps} steps for ${hostile.length} characters`);
    }
    // A quadratic regular expression on these would run for minutes: the spec's timeout is the bound.
    assert.equal(cleanMessageText('<'.repeat(200_000)).length <= 200_000, true);
    assert.equal(cleanMessageText(`${'<at>'.repeat(50_000)}x`).includes('x'), true);

    const user = bot.user('Lena Lang');
    const replies = await user.say('<'.repeat(MAX_MESSAGE_CHARS + 1));
    assert.deepEqual(replies.map((r) => r.text), [tooLongMessage('personal')]);
    const ok = await user.say(`help ${' '.repeat(MAX_MESSAGE_CHARS - 10)}`);
    assert.equal(ok.length, 1);
    assert.notEqual(ok[0]!.text, tooLongMessage('personal'));
  });

  it('answers a card action with an unknown verb in Dutch, and an invoke it does not offer with 400 (never 501)', async () => {
    const user = bot.user('Ugo Onbekend');
    const unknown = await user.execute('bestaat.niet', { roundId: 'x' });
    assert.equal(unknown.status, 200);
    assert.equal(unknown.message, withoutMarkdown(invalidCardMessage('personal')));
    const noAction = await user.post({ ...envelope(bot, user), type: 'invoke', name: 'adaptiveCard/action', value: { trigger: 'manual' } });
    assert.equal(noAction.status, 200);
    assert.equal(noAction.body.value, withoutMarkdown(invalidCardMessage('personal')));
    for (const name of ['task/fetch', 'composeExtension/query', 'config/fetch', 'iets/anders']) {
      const other = await user.post({ ...envelope(bot, user), type: 'invoke', name, value: {} });
      assert.equal(other.status, 400, name);
    }
  });

  it('parses every card payload with its schema: wrong types get a Dutch answer and store nothing', async () => {
    const routes = registeredRoutes(bot);
    assert.ok(routes.actions.length >= 7, `verbs found: ${routes.actions.map((a) => a.verb).join(', ')}`);
    const user = bot.user('Wout Wrongtype');
    // Every field any card sends, with the wrong type (an operator object, as in an injection attempt).
    const fields = ['roundId', 'target', 'bouwsteenId', 'version', 'nav', 'stadium', 'ambition', 'choice', 'choiceNote', 'priority1', 'inspiring', 'actieId', 'status', 'note', 'newDeadline', 'title', 'ownerUserId', 'ownerName', 'doelstellingId', 'schoolYears', 'schoolYear', 'deadline', 'participants', 'visibility', 'confirm', 'mode', 'reason', 'stadiumChoice', 'version'];
    const junk = Object.fromEntries(fields.map((f) => [f, { $ne: null }]));
    for (const { verb, schema } of routes.actions) {
      assert.equal(schema.safeParse(junk).success, false, `${verb} rejects mistyped data`);
      const answer = await user.execute(verb, junk);
      assert.equal(answer.status, 200, verb);
      assert.ok(answer.message && readsDutch(answer.message), `${verb}: ${answer.message}`);
      const submitted = await user.submit(verb, junk);
      assert.ok(submitted.length > 0 && readsDutch(String(submitted[0]!.text)), `${verb} (Action.Submit): ${submitted[0]?.text}`);
    }
    for (const table of TABLE_NAMES) assert.deepEqual(await tableRows(bot, table), [], `${table} stays empty`);
  });
});

/** The random inputs: activity types, texts, card data and envelope damage. */
/** The field names a card schema reads (object, union, or effects around them). */
function schemaKeys(schema: unknown): string[] {
  const def = (schema as { _def?: { schema?: unknown; options?: unknown[]; innerType?: unknown } })?._def;
  const shape = (schema as { shape?: Record<string, unknown> })?.shape;
  if (shape && typeof shape === 'object') return Object.keys(shape);
  if (def?.schema) return schemaKeys(def.schema);
  if (def?.innerType) return schemaKeys(def.innerType);
  if (Array.isArray(def?.options)) return [...new Set(def.options.flatMap((o) => schemaKeys(o)))];
  return [];
}

function arbitraries(input: { actions: Array<{ verb: string; schema: unknown }>; fileSources: Array<{ kind: string; schema: unknown }>; ids: string[]; roundIds: string[]; uploadUrl: string }) {
  const junkValue: fc.Arbitrary<unknown> = fc.oneof(
    { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.jsonValue({ maxDepth: 3 }),
    fc.constantFrom('', ' ', '\u0000', '\u202e', '😀'.repeat(50), '${title}', '<at>x</at>', '__proto__', 'constructor', '../../etc', "' or 1=1 --", 'x'.repeat(30_000)),
  );
  const knownValue = fc.oneof(
    fc.constantFrom(...input.ids),
    fc.constantFrom(...BOUWSTEEN_IDS, '1', '2', '3', '4', 'aanhouden', 'next', 'prev', 'later', 'resume', 'intro', 'overview', 'closing', 'confirm', 'ja', 'link', 'create', 'lopend', 'afgerond', 'open', 'anoniem', '2025-2026', '2030-01-01', 'welbewust', 'context', 'combinatie', 'nee', 'teams', 'anders', 'mensen', 'systemen', 'geen', 'nog-niet', 'missie,mensen'),
    fc.integer({ min: -1, max: 3 }).map(String),
  );
  // Dates around the day the fuzzed bots' clock starts on (see below), not around today.
  const day = (offset: number) => brusselsDate(new Date(Date.parse(SPEC_START) + offset * 86_400_000));
  const pools: Record<string, unknown[]> = {
    roundId: input.roundIds,
    target: ['resume', 'intro', 'overview', 'closing', 'confirm', ...BOUWSTEEN_IDS],
    bouwsteenId: [...BOUWSTEEN_IDS],
    version: [0, 1, 2, '0', '1'],
    nav: ['next', 'prev', 'later'],
    stadium: ['1', '2', '3', '4'],
    ambition: ['aanhouden', '2', '3', '4'],
    choice: ['welbewust', 'context', 'combinatie'],
    difference: ['nee', 'teams', 'teams,anders', 'nee,teams'],
    levers: ['geen', 'missie,mensen', 'systemen'],
    obstacles: ['geen', 'mensen'],
    inspiring: ['nog-niet', '5.1,6.2', 'nog-niet,5.1'],
    priority1: [...BOUWSTEEN_IDS],
    priority2: [...BOUWSTEEN_IDS],
    priority3: [...BOUWSTEEN_IDS],
    confirm: ['ja'],
    mode: ['link', 'create'],
    status: ['lopend', 'afgerond'],
    format: ['xlsx', 'csv'],
    page: [0, 1, '2'],
    visibility: ['anoniem', 'open'],
    deadline: [day(5), day(-5), '31/12/2030'],
    newDeadline: [day(20), 'morgen'],
    participants: [input.ids.join(','), input.ids[0]],
  };
  const valueFor = (key: string): fc.Arbitrary<unknown> => (pools[key] ? fc.constantFrom(...pools[key]!) : knownValue);
  const keys = [
    'roundId', 'target', 'bouwsteenId', 'version', 'nav', 'stadium', 'ambition', 'choice', 'choiceNote', 'difference', 'differenceOther',
    'differenceNote', 'levers', 'leversNote', 'obstacles', 'obstaclesNote', 'inspiring', 'priority1', 'priority2', 'priority3', 'actieId',
    'status', 'note', 'newDeadline', 'title', 'ownerUserId', 'ownerName', 'doelstellingId', 'schoolYears', 'schoolYear', 'deadline',
    'participants', 'visibility', 'confirm', 'mode', 'userId', 'centreId', 'tenantId', 'reason', 'stadiumChoice', 'msteams', 'verb',
  ];
  const cardData = fc.oneof(
    { weight: 4, arbitrary: fc.dictionary(fc.constantFrom(...keys), fc.oneof(knownValue, junkValue), { maxKeys: 12 }) },
    { weight: 2, arbitrary: fc.constant(validBouwsteenForm()).chain((form) => fc.record({ roundId: fc.constantFrom(...input.ids), bouwsteenId: fc.constantFrom(...BOUWSTEEN_IDS), version: fc.nat(3), nav: fc.constantFrom('next', 'prev', 'later') }).map((ids) => ({ ...form, ...ids }))) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  );
  // For a registered verb, often the fields its schema reads, with plausible values: so the data
  // gets past the schema and the handler's own checks are exercised too.
  const plausibleData = (verb: string) => {
    const keysOfVerb = schemaKeys(input.actions.find((a) => a.verb === verb)?.schema);
    if (keysOfVerb.length === 0) return cardData;
    const fields = Object.fromEntries(keysOfVerb.map((k) => [k, fc.oneof({ weight: 5, arbitrary: valueFor(k) }, { weight: 1, arbitrary: junkValue })]));
    return fc.oneof(
      { weight: 3, arbitrary: fc.record(fields) },
      { weight: 1, arbitrary: fc.record(fields, { requiredKeys: [] }) },
      { weight: 1, arbitrary: cardData },
    );
  };
  // A file the bot offered, accepted: its source kind and a key as the client sends it back.
  const fileContext =
    input.fileSources.length > 0
      ? fc.constantFrom(...input.fileSources).chain((source) => {
          const keysOfSource = schemaKeys(source.schema);
          return fc.record(Object.fromEntries(keysOfSource.map((k) => [k, fc.oneof({ weight: 5, arbitrary: valueFor(k) }, { weight: 1, arbitrary: junkValue })]))).map((key) => ({ kind: source.kind, key }));
        })
      : junkValue;
  const verbAndData = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...input.actions.map((a) => a.verb)).chain((verb) => plausibleData(verb).map((data) => ({ verb, data }))) },
    { weight: 1, arbitrary: fc.record({ verb: fc.string({ maxLength: 30 }), data: cardData }) },
  );
  const commandText = fc
    .tuple(fc.constantFrom(...COMMANDS.flatMap((c) => c.words)), fc.oneof(fc.constant(''), fc.string({ maxLength: 60 }), knownValue))
    .map(([trigger, args]) => `${trigger} ${String(args)}`.trim());
  const text = fc.oneof(
    { weight: 4, arbitrary: commandText },
    { weight: 2, arbitrary: fc.string({ maxLength: 200 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 100 }).map((t) => `<at>Poolster</at> ${t}`) },
    { weight: 1, arbitrary: fc.constantFrom('<', 'a ', 'é', '<at>', '😀', '&nbsp;').map((unit) => unit.repeat(Math.floor(200_000 / Buffer.byteLength(JSON.stringify(unit))))) },
    { weight: 1, arbitrary: fc.constantFrom('', '   ', '/help', 'HELP', '<b>help</b>', '&lt;script&gt;', '\u0000help', 'help\u202e', '?') },
  );
  const invokeName = fc.oneof(
    { weight: 6, arbitrary: fc.constant('adaptiveCard/action') },
    { weight: 3, arbitrary: fc.constant('fileConsent/invoke') },
    { weight: 2, arbitrary: fc.constantFrom('task/fetch', 'task/submit', 'composeExtension/query', 'signin/verifyState', 'config/fetch', 'message/submitAction', 'handoff/action') },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  );
  const invokeValue = (name: string) =>
    name === 'adaptiveCard/action'
      ? fc.oneof(
          { weight: 6, arbitrary: fc.record({ action: fc.tuple(fc.constantFrom('Action.Execute', 'Action.Execute', 'Action.Execute', 'Action.Execute', 'Action.Submit', 'x'), verbAndData).map(([type, vd]) => ({ type, ...vd })), trigger: fc.constantFrom('manual', 'automatic') }) },
          { weight: 1, arbitrary: fc.record({ action: junkValue }) },
          { weight: 1, arbitrary: junkValue },
        )
      : name === 'fileConsent/invoke'
        ? fc.record({
            type: fc.constantFrom('fileUpload', 'x'),
            action: fc.oneof(fc.constantFrom('accept', 'decline'), junkValue),
            context: fc.oneof(
              { weight: 4, arbitrary: fileContext },
              { weight: 1, arbitrary: fc.record({ kind: fc.string({ maxLength: 20 }), key: junkValue }) },
              { weight: 1, arbitrary: junkValue },
            ),
            uploadInfo: fc.oneof(
              { weight: 4, arbitrary: fc.record({ uploadUrl: fc.constantFrom(input.uploadUrl, input.uploadUrl, 'https://upload.invalid/bestand', 'ftp://x/y', 'http://169.254.169.254/latest'), name: fc.constant('a.json'), contentUrl: fc.constant('https://example.invalid/a.json'), uniqueId: fc.constant('u-1'), fileType: fc.constant('json') }) },
              { weight: 1, arbitrary: junkValue },
            ),
          })
        : fc.oneof(fc.constant(undefined), junkValue);
  const damage = fc.array(
    fc.tuple(
      fc.constantFrom(
        'type', 'channelId', 'serviceUrl', 'from', 'from.id', 'from.name', 'from.aadObjectId', 'recipient', 'recipient.id', 'conversation',
        'conversation.id', 'conversation.conversationType', 'conversation.tenantId', 'channelData', 'channelData.tenant', 'channelData.tenant.id',
        'channelData.team', 'text', 'value', 'entities', 'attachments', 'name', 'membersAdded', 'timestamp', 'locale', 'replyToId', 'textFormat',
      ),
      fc.oneof({ weight: 2, arbitrary: fc.constant<typeof DELETE>(DELETE) }, { weight: 3, arbitrary: junkValue }),
    ),
    { maxLength: 3 },
  );
  return { junkValue, cardData, verbAndData, text, invokeName, invokeValue, damage };
}

type Phase = 'stranger' | 'member';

/**
 * One random activity: mostly well-formed enough to reach the features (so the handlers are
 * exercised), sometimes damaged (so the edge is).
 */
function activityArbitrary(
  arbs: ReturnType<typeof arbitraries>,
  actors: fc.Arbitrary<{ user: TestUser; conversation: { id: string; kind: string } }>,
  bot: TestBot,
  weights: { message: number; submit: number; invoke: number },
) {
  const kind = fc.oneof(
    { weight: weights.message, arbitrary: fc.constant('message') },
    { weight: weights.submit, arbitrary: fc.constant('submit') },
    { weight: weights.invoke, arbitrary: fc.constant('invoke') },
    { weight: 1, arbitrary: fc.constant('conversationUpdate') },
    { weight: 1, arbitrary: fc.constantFrom('messageReaction', 'installationUpdate', 'event', 'typing', 'messageUpdate', 'endOfConversation') },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  );
  return fc
    .record({ actor: actors, kind, text: arbs.text, submit: arbs.verbAndData, data: arbs.cardData, invokeName: arbs.invokeName, damage: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arbs.damage }), convKind: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.oneof(fc.constantFrom('personal', 'groupChat', 'channel'), fc.string({ maxLength: 10 })) }) })
    .chain((r) => arbs.invokeValue(r.invokeName).map((invokeValue) => ({ ...r, invokeValue })))
    .map((r) => {
      const activity: Json = envelope(bot, r.actor.user, r.actor.conversation);
      if (r.convKind !== null) (activity.conversation as Json).conversationType = r.convKind;
      if (r.kind === 'message') Object.assign(activity, { type: 'message', text: r.text });
      else if (r.kind === 'submit') Object.assign(activity, { type: 'message', value: r.submit.data && typeof r.submit.data === 'object' && !Array.isArray(r.submit.data) ? { ...(r.submit.data as Json), verb: r.submit.verb } : r.submit.data });
      else if (r.kind === 'invoke') Object.assign(activity, { type: 'invoke', name: r.invokeName, value: r.invokeValue });
      else if (r.kind === 'conversationUpdate') Object.assign(activity, { type: 'conversationUpdate', membersAdded: [{ id: '28:poolster-bot' }, { id: r.actor.user.channelUserId }] });
      else Object.assign(activity, { type: r.kind, value: r.data });
      for (const [path, value] of r.damage ?? []) setPath(activity, path, value);
      return activity;
    });
}

/** Posts one fuzz activity and checks what a caller and a person get back. */
async function exercise(bot: TestBot, activity: Json, phase: Phase): Promise<void> {
  const before = bot.connector.sent.length;
  const body = JSON.stringify(activity);
  const { status, body: answer } = await postRaw(bot, body);
  const context = `${phase} ${String(activity.type).slice(0, 20)} ${body.slice(0, 300)}`;
  assert.ok(status < 500, `${context}: HTTP ${status} ${JSON.stringify(answer)?.slice(0, 200)}`);
  if (Buffer.byteLength(body) > BODY_LIMIT) assert.equal(status, 413, context);
  if (status !== 200) {
    assert.equal(sentSince(bot, before, (activity.conversation as Json | undefined)?.id).length, 0, `${context}: replied although refused`);
    return;
  }
  const conversationId = (activity.conversation as Json).id;
  if (activity.type === 'message' && activity.deliveryMode !== 'expectReplies') {
    const replies = sentSince(bot, before, conversationId);
    assert.ok(replies.length > 0, `${context}: a person got no answer`);
    assertRepliesReadDutch(replies, phase === 'stranger', context);
  }
  if (activity.type === 'invoke' && activity.name === 'adaptiveCard/action') {
    assert.equal(answer?.statusCode, 200, `${context}: ${JSON.stringify(answer)?.slice(0, 200)}`);
    if (answer.type === 'application/vnd.microsoft.activity.message') {
      assertRepliesReadDutch([{ text: answer.value }], phase === 'stranger', context);
    } else {
      assert.equal(answer.type, 'application/vnd.microsoft.card.adaptive', context);
      assert.ok(hasDutch(visibleCardText(answer.value)), `${context}: card without Dutch text`);
    }
    assertRepliesReadDutch(sentSince(bot, before, conversationId), phase === 'stranger', context);
  }
}

describe('Trust: a fuzz test of at least 1,000 random and malformed activities', function () {
  this.timeout(600_000);
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  const uploads = new UploadSink();
  before(async () => {
    process.on('unhandledRejection', onUnhandled);
    await uploads.start();
  });
  after(async () => {
    process.off('unhandledRejection', onUnhandled);
    await uploads.stop();
  });

  it('strangers (700 activities): no 5xx, a Dutch answer where a person sees one, no error, nothing stored, still healthy', async () => {
    const logs = captureLogs('warn');
    const clock = specClock();
    const bot = await startTestBot({ now: clock.now, logger: logs.logger });
    try {
      const routes = registeredRoutes(bot);
      const arbs = arbitraries({ actions: routes.actions, fileSources: routes.fileSources, uploadUrl: uploads.url, ids: ['r-1', 'ronde', TENANT, '00000000-0000-0000-0000-000000000000'], roundIds: ['r-1', '00000000-0000-0000-0000-000000000000', ' '] });
      // Strangers never send a valid `setup`: it is the one thing that may store something for them.
      const actors = fc.constantFrom('Sam', 'Noor', 'Émile', 'Zoë 😀').map((name) => {
        const user = bot.user(name);
        return { user, conversation: { id: user.personalConversationId, kind: 'personal' } };
      });
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(
          activityArbitrary(arbs, actors, bot, { message: 10, submit: 3, invoke: 8 }).filter((a) => !(a.type === 'message' && typeof a.text === 'string' && isSetup(parseCommand(a.text)))),
          async (activity) => {
            runs += 1;
            await exercise(bot, activity, 'stranger');
          },
        ),
        { numRuns: 700, seed: 7_2026, interruptAfterTimeLimit: 400_000, markInterruptAsFailure: true, endOnFailure: true },
      );
      assert.ok(runs >= 700);
      const health = await fetch(`${bot.poolster.url}/healthz`);
      assert.equal(health.status, 200);
      for (const table of TABLE_NAMES) assert.deepEqual((await tableRows(bot, table)).map((r) => `${r.partitionKey}/${r.rowKey}`), [], `${table}: nothing stored for strangers`);
      const errors = logs.entries().filter((e) => e.level >= 50);
      assert.deepEqual(errors.map((e) => `${e.msg} ${JSON.stringify(e.err ?? '')}`), [], 'no unexpected error in any turn');
      assert.deepEqual(unhandled, []);
    } finally {
      await bot.stop();
    }
  });

  it('members and a director of a centre with an open round (500 activities): no 5xx, no error, other centres untouched, stored rows stay readable', async () => {
    const logs = captureLogs('warn');
    const clock = specClock();
    const bot = await startTestBot({ now: clock.now, logger: logs.logger });
    try {
      const dina = bot.user('Dina Directeur');
      const ann = bot.user('Ann Lid');
      const bob = bot.user('Bob Elders');
      const cas = bot.user('Cas Elders');
      const chatA: ConversationSpec = { id: '19:fuzz-team-a@thread.v2', kind: 'groupChat' };
      const chatB: ConversationSpec = { id: '19:fuzz-team-b@thread.v2', kind: 'groupChat' };
      bot.connector.members.set(chatA.id, [dina, ann].map((u) => ({ id: u.channelUserId, name: u.name, aadObjectId: u.userId })));
      bot.connector.members.set(chatB.id, [bob, cas].map((u) => ({ id: u.channelUserId, name: u.name, aadObjectId: u.userId })));
      const deadline = clock.inDays(10);
      const year = clock.schoolYear;
      const openRound = async (director: TestUser, member: TestUser, chat: ConversationSpec, name: string) => {
        await director.say(`setup ${name}`);
        const started = await director.execute('round.create', { schoolYear: year, deadline, participants: `${director.userId},${member.userId}`, visibility: 'anoniem' }, chat);
        assert.ok(started.card, started.message);
        const centre = (await bot.poolster.deps.centres.listCentres(director.tenantId)).find((c) => c.name === name)!;
        return { centreId: centre.centreId, roundId: centre.openRoundId! };
      };
      const a = await openRound(dina, ann, chatA, 'GO! CLB Fuzz A');
      const b = await openRound(bob, cas, chatB, 'Vrij CLB Fuzz B');
      await cas.execute('survey.answer', { roundId: b.roundId, bouwsteenId: '4.1', version: 0, nav: 'next', ...validBouwsteenForm({ choiceNote: 'Toelichting van Cas' }) });
      const isB = (key: string) => key.includes(b.roundId) || key.includes(b.centreId) || key.includes(bob.userId) || key.includes(cas.userId);
      const before = await snapshot(bot);
      assert.ok([...before.keys()].filter(isB).length >= 5, 'centre B has rows to protect');

      const routes = registeredRoutes(bot);
      const arbs = arbitraries({ actions: routes.actions, fileSources: routes.fileSources, uploadUrl: uploads.url, ids: [a.roundId, b.roundId, a.centreId, b.centreId, cas.userId, ann.userId, 'x'], roundIds: [a.roundId, a.roundId, a.roundId, b.roundId, 'x'] });
      const actors = fc.constantFrom(
        { user: dina, conversation: { id: dina.personalConversationId, kind: 'personal' } },
        { user: dina, conversation: chatA },
        { user: ann, conversation: { id: ann.personalConversationId, kind: 'personal' } },
        { user: ann, conversation: chatA },
      );
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(
          // Erasure is tested on its own (privacy.test.ts); here it would only turn the members into strangers.
          activityArbitrary(arbs, actors, bot, { message: 6, submit: 4, invoke: 12 }).filter((x) => !JSON.stringify(x.value ?? '').includes('privacy.erase')),
          async (activity) => {
            runs += 1;
            await exercise(bot, activity, 'member');
          },
        ),
        { numRuns: 500, seed: 2_026_07, interruptAfterTimeLimit: 400_000, markInterruptAsFailure: true, endOnFailure: true },
      );
      assert.ok(runs >= 500);
      assert.equal((await fetch(`${bot.poolster.url}/healthz`)).status, 200);
      assert.deepEqual(changes(before, await snapshot(bot), isB), [], 'centre B was not touched by anything centre A sent');
      for (const upload of uploads.uploads) {
        // Only strings the fuzz never sends itself (it does send B's round id and Cas's id, as forged ids).
        for (const secret of ['Toelichting van Cas', 'Vrij CLB Fuzz B', 'Cas Elders', 'Bob Elders', bob.userId]) assert.ok(!upload.includes(secret), 'no file handed centre B\'s data to centre A');
      }
      // Whatever was stored for centre A still parses (the repositories validate every row they read).
      await bot.poolster.deps.survey.listDrafts(a.roundId);
      await bot.poolster.deps.survey.listByCentre(TENANT, a.centreId);
      await bot.poolster.deps.centres.listPeople(TENANT, a.centreId);
      await bot.poolster.deps.plans.getPlan(a.centreId);
      await bot.poolster.deps.inschalingen.list(TENANT, a.centreId);
      await bot.poolster.deps.digests.channels.listRegistrations(TENANT, a.centreId);
      assert.deepEqual(await tableRows(bot, 'BotState'), [], 'no per-person turn state');
      const errors = logs.entries().filter((e) => e.level >= 50);
      assert.deepEqual(errors.map((e) => `${e.msg} ${JSON.stringify(e.err ?? '')}`), [], 'no unexpected error in any turn');
      assert.deepEqual(unhandled, []);
    } finally {
      await bot.stop();
    }
  });
});
