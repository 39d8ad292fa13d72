import assert from 'node:assert/strict';
import sinon from 'sinon';
import { OTHER_TENANT_MESSAGE } from '../../bot/app';
import { TableBotStateStorage } from '../../storage/botStateStorage';
import { TABLE_NAMES } from '../../storage/tables';
import { cardText, firstCard, OTHER_TENANT, startTestBot, TENANT, type TestBot } from '../support/bot';
import { registeredRoutes, tableRows } from './support';

/**
 * Issue 7, tenants: botbuilder never checks the tenant. With ALLOWED_TENANTS set, anything from
 * another tenant (message, card click, Action.Submit, install) gets the polite Dutch refusal, and
 * nothing is stored: no person, no centre, no turn state (teams-ai saves turn state even when
 * beforeTurn stops the turn; it must have nothing to save).
 */
describe('Trust: only allowed tenants', function () {
  this.timeout(60_000);
  let bot: TestBot;
  let stateWrites: sinon.SinonSpy;
  before(async () => {
    bot = await startTestBot({ env: { ALLOWED_TENANTS: TENANT } });
  });
  beforeEach(() => {
    stateWrites = sinon.spy(TableBotStateStorage.prototype, 'write');
  });
  afterEach(() => stateWrites.restore());
  after(async () => bot.stop());

  const assertNothingStoredForOthers = async () => {
    for (const table of TABLE_NAMES) {
      const rows = await tableRows(bot, table);
      assert.deepEqual(rows.filter((r) => JSON.stringify(r).includes(OTHER_TENANT) || r.partitionKey.includes('fien')), [], `${table}: nothing of the other tenant`);
    }
    assert.deepEqual(await tableRows(bot, 'BotState'), [], 'no turn state saved');
    assert.equal(stateWrites.callCount, 0, 'turn state was never written');
  };

  it('refuses a message from another tenant politely, in Dutch, and stores nothing (not even for setup)', async () => {
    const fien = bot.user('Fien Vreemd', { tenantId: OTHER_TENANT, userId: 'fien-other-tenant' });
    for (const text of ['setup Vrij CLB Buitenland', 'help', 'mijn gegevens', 'verwijder mijn gegevens', 'start inschaling']) {
      const replies = await fien.say(text);
      assert.deepEqual(replies.map((r) => r.text), [OTHER_TENANT_MESSAGE], text);
    }
    assert.match(OTHER_TENANT_MESSAGE, /niet beschikbaar voor jouw organisatie/);
    await assertNothingStoredForOthers();
    for (const table of TABLE_NAMES) assert.deepEqual(await tableRows(bot, table), [], `${table} is empty`);
  });

  it('refuses every card click (Action.Execute and the Action.Submit fallback) from another tenant', async () => {
    const fien = bot.user('Fien Vreemd', { tenantId: OTHER_TENANT, userId: 'fien-other-tenant' });
    for (const { verb } of registeredRoutes(bot).actions) {
      const clicked = await fien.execute(verb, { roundId: 'r-1', confirm: 'ja', target: 'resume', actieId: 'a-1' });
      assert.equal(clicked.status, 200, verb);
      assert.equal(clicked.message, OTHER_TENANT_MESSAGE, verb);
      const submitted = await fien.submit(verb, { roundId: 'r-1', confirm: 'ja' });
      assert.deepEqual(submitted.map((r) => r.text), [OTHER_TENANT_MESSAGE], `${verb} (Action.Submit)`);
    }
    await assertNothingStoredForOthers();
  });

  it('does not welcome or register anything when installed in another tenant', async () => {
    const fien = bot.user('Fien Vreemd', { tenantId: OTHER_TENANT, userId: 'fien-other-tenant' });
    const before = bot.connector.sent.length;
    const { status } = await fien.post({
      type: 'conversationUpdate',
      channelId: 'msteams',
      serviceUrl: bot.connector.url,
      from: { id: fien.channelUserId, aadObjectId: fien.userId },
      recipient: { id: '28:poolster-bot', name: 'Poolster' },
      conversation: { id: '19:vreemd-team@thread.tacv2', conversationType: 'channel', tenantId: OTHER_TENANT },
      channelData: { tenant: { id: OTHER_TENANT }, team: { id: '19:vreemd-team' } },
      membersAdded: [{ id: '28:poolster-bot' }],
    });
    assert.equal(status, 200);
    assert.equal(bot.connector.sent.length, before, 'no welcome for another tenant');
    await assertNothingStoredForOthers();
  });

  it('refuses an activity that names no tenant at all', async () => {
    const anonymous = bot.user('Zonder Tenant');
    const before = bot.connector.sent.length;
    const { status } = await anonymous.post({
      type: 'message',
      text: 'setup GO! CLB Zonder',
      channelId: 'msteams',
      serviceUrl: bot.connector.url,
      from: { id: anonymous.channelUserId, aadObjectId: anonymous.userId },
      recipient: { id: '28:poolster-bot' },
      conversation: { id: anonymous.personalConversationId, conversationType: 'personal' },
    });
    assert.equal(status, 200);
    assert.deepEqual(bot.connector.sent.slice(before).map((s) => s.activity.text), [OTHER_TENANT_MESSAGE]);
    for (const table of TABLE_NAMES) assert.deepEqual(await tableRows(bot, table), [], `${table} is empty`);
  });

  it('serves the allowed tenant as usual (so the checks above are not vacuous)', async () => {
    const alex = bot.user('Alex Wilber');
    const replies = await alex.say('setup GO! CLB Toegelaten');
    assert.match(cardText(firstCard(replies)), /GO! CLB Toegelaten is geregistreerd/);
    assert.equal((await tableRows(bot, 'People')).length, 1);
    assert.equal((await tableRows(bot, 'Centres')).length, 1);
    const clicked = await alex.execute('survey.open', { roundId: 'r-1', target: 'resume' });
    assert.notEqual(clicked.message, OTHER_TENANT_MESSAGE);
  });
});
