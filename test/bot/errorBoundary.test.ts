/**
 * One error path for every turn (bot/boundary.ts): a typed command, a card click (Action.Execute),
 * its Action.Submit fallback and an install all fail the same way. Whatever failed, the person gets
 * the same Dutch answer for the same cause, the failure is logged once with the turn's context
 * (conversation, activity, command or verb) and without content, and nothing is stored.
 */
import assert from 'node:assert/strict';
import { withoutMarkdown } from '../../cards/plainText';
import { azuriteConnectionString, freePort, startAzurite, type AzuriteHandle } from '../support/azurite';
import { TcpProxy } from '../support/tcpProxy';
import { FakeConnector } from '../support/connector';
import { startTestBot, TENANT, type TestBot, type TestUser } from '../support/bot';
import { DEMO_NOW, createPlanCentre, type PlanCentre } from '../support/planFixture';
import { captureLogs } from '../trust/support';
import { genericFailureMessage, notInCentreMessage, STORAGE_UNAVAILABLE_MESSAGE } from '../../domain/errors';
import { CENTRE_GONE_MESSAGE } from '../../dialogs/context';
import { PLAN_VERBS } from '../../cards/verbs';
import { keyPart } from '../../storage/tables';

type Entry = Record<string, unknown> & { level: number; msg?: string };

const WARN = 40;
const ERROR = 50;

/** The log entries of one activity (the test driver numbers activities `in-1`, `in-2`, …). */
function entriesOf(entries: Entry[], activityId: string): Entry[] {
  return entries.filter((e) => e.activityId === activityId);
}

describe('The error boundary of a turn', function () {
  this.timeout(120_000);

  describe('an unexpected error (a stored row that no longer parses)', () => {
    const logs = captureLogs('info');
    let bot: TestBot;
    let centre: PlanCentre;
    let director: TestUser;
    const MARKER = 'Onleesbare-Rol-3318';

    before(async () => {
      bot = await startTestBot({ logger: logs.logger, now: () => DEMO_NOW });
      centre = await createPlanCentre(bot);
      director = centre.director;
      // A role no version of Poolster wrote: reading this person now fails inside every handler.
      await bot.poolster.tables
        .client('People')
        .updateEntity({ partitionKey: keyPart(TENANT), rowKey: keyPart(director.userId), roles: JSON.stringify([MARKER]) }, 'Merge');
    });
    after(() => bot.stop());

    it('a typed command answers the Dutch "something went wrong" text and logs the error with the command', async () => {
      const before = logs.lines.length;
      const replies = await director.say('status');
      assert.deepEqual(replies.map((r) => r.text), [genericFailureMessage('personal')]);
      const failures = logs.entries().slice(before).filter((e) => e.msg === 'unexpected error in turn');
      assert.equal(failures.length, 1, 'logged once');
      const [failure] = failures;
      assert.equal(failure!.level, ERROR);
      assert.equal(failure!.command, 'status');
      assert.equal(failure!.conversationId, director.personalConversationId);
      assert.equal(typeof failure!.activityId, 'string');
      assert.equal((failure!.err as { errorType?: string }).errorType, 'ZodError');
    });

    it('a card click (Action.Execute) answers the same text in the invoke response and logs it with the verb', async () => {
      const actieId = centre.plan.acties[0]!.id;
      const before = logs.lines.length;
      const answer = await director.execute(PLAN_VERBS.setStatus, { actieId, status: 'lopend' });
      assert.equal(answer.status, 200, 'no error status for Teams to show');
      assert.equal(answer.message, withoutMarkdown(genericFailureMessage('personal')), 'a card click shows it as plain text');
      const failures = logs.entries().slice(before).filter((e) => e.msg === 'unexpected error in turn');
      assert.equal(failures.length, 1, 'logged once');
      assert.equal(failures[0]!.level, ERROR);
      assert.equal(failures[0]!.verb, PLAN_VERBS.setStatus);
      assert.equal(failures[0]!.conversationId, director.personalConversationId);
      const stored = await bot.poolster.deps.plans.getPlan(centre.centreId);
      assert.equal(stored?.acties.find((a) => a.id === actieId)?.status, centre.plan.acties[0]!.status, 'nothing changed');
    });

    it('the Action.Submit fallback of the same click answers the same text as a message', async () => {
      const before = logs.lines.length;
      const replies = await director.submit(PLAN_VERBS.setStatus, { actieId: centre.plan.acties[0]!.id, status: 'lopend' });
      assert.deepEqual(replies.map((r) => r.text), [genericFailureMessage('personal')]);
      const failures = logs.entries().slice(before).filter((e) => e.msg === 'unexpected error in turn');
      assert.deepEqual(failures.map((e) => [e.verb, e.fallback]), [[PLAN_VERBS.setStatus, 'submit']]);
    });

    it('logs no content: neither the stored value that failed nor the person\'s name', () => {
      for (const line of logs.lines) {
        assert.ok(!line.includes(MARKER), 'the stored value is not logged');
        assert.ok(!line.includes(director.name), 'the name is not logged');
      }
    });
  });

  describe('one access check for every feature', () => {
    let bot: TestBot;
    let centre: PlanCentre;

    before(async () => {
      bot = await startTestBot({ now: () => DEMO_NOW });
      centre = await createPlanCentre(bot, { members: ['Mira Lid'] });
    });
    after(() => bot.stop());

    it('someone in no centre gets the same answer from the plan, the digest, the round and a card click', async () => {
      const stranger = bot.user('Stefan Vreemd');
      for (const text of ['status', 'prioriteiten', 'digest status', 'voortgang']) {
        assert.deepEqual((await stranger.say(text)).map((r) => r.text), [notInCentreMessage('personal')], text);
      }
      const clicked = await stranger.execute(PLAN_VERBS.setStatus, { actieId: centre.plan.acties[0]!.id, status: 'lopend' });
      assert.equal(clicked.message, withoutMarkdown(notInCentreMessage('personal')));
    });

    it('someone whose centre no longer exists gets the same answer everywhere (the plan used to say "not in a centre")', async () => {
      const member = centre.members['Mira Lid']!;
      await bot.poolster.tables.client('Centres').deleteEntity(keyPart(TENANT), keyPart(centre.centreId));
      for (const text of ['status', 'acties', 'digest status', 'voortgang']) {
        assert.deepEqual((await member.say(text)).map((r) => r.text), [CENTRE_GONE_MESSAGE], text);
      }
      const clicked = await member.execute(PLAN_VERBS.setStatus, { actieId: centre.plan.acties[0]!.id, status: 'lopend' });
      assert.equal(clicked.message, CENTRE_GONE_MESSAGE);
    });
  });

  describe('storage that does not answer', () => {
    const logs = captureLogs('info');
    const connector = new FakeConnector();
    let azurite: AzuriteHandle;
    let proxy: TcpProxy;
    let bot: TestBot;
    let centre: PlanCentre;

    before(async () => {
      azurite = await startAzurite();
      proxy = new TcpProxy(await freePort(), azurite.port);
      await proxy.up();
      await connector.start();
      bot = await startTestBot({ connector, logger: logs.logger, now: () => DEMO_NOW, env: { STORAGE_CONNECTION_STRING: azuriteConnectionString(proxy.port) } });
      centre = await createPlanCentre(bot);
      await proxy.down();
    });
    after(async () => {
      await bot.stop();
      await connector.stop();
      await proxy.down();
      await azurite.stop();
    });

    it('gives the Dutch storage message for a command and for a card click alike, each logged as a warning', async () => {
      const { director } = centre;
      const actieId = centre.plan.acties[0]!.id;
      const before = logs.lines.length;

      const typed = await director.say('status');
      const clicked = await director.execute(PLAN_VERBS.setStatus, { actieId, status: 'lopend' });

      assert.deepEqual(typed.map((r) => r.text), [STORAGE_UNAVAILABLE_MESSAGE]);
      assert.equal(clicked.status, 200);
      assert.equal(clicked.message, STORAGE_UNAVAILABLE_MESSAGE);
      const outages = logs.entries().slice(before).filter((e) => e.msg === 'storage unavailable');
      assert.equal(outages.length, 2, 'one warning per turn');
      for (const outage of outages) {
        assert.equal(outage.level, WARN);
        assert.equal(outage.conversationId, director.personalConversationId);
      }
      assert.equal(outages[1]!.verb, PLAN_VERBS.setStatus, 'the click is logged with its verb');
      assert.ok(logs.entries().slice(before).every((e) => e.msg !== 'unexpected error in turn'), 'an outage is not an unexpected error');
    });

    it('an install during the outage answers nobody, does not fail the request, and is logged', async () => {
      const newcomer = bot.user('Nieuwe Collega');
      const sentBefore = connector.sent.length;
      const logged = logs.lines.length;
      const activityId = `install-${Date.now()}`;
      const { status } = await newcomer.post({
        type: 'conversationUpdate',
        id: activityId,
        channelId: 'msteams',
        serviceUrl: connector.url,
        from: { id: newcomer.channelUserId, name: newcomer.name, aadObjectId: newcomer.userId },
        recipient: { id: '28:poolster-bot', name: 'Poolster' },
        conversation: { id: newcomer.personalConversationId, conversationType: 'personal', tenantId: TENANT },
        channelData: { tenant: { id: TENANT } },
        membersAdded: [{ id: '28:poolster-bot' }],
      });
      assert.ok(status < 500, `answered ${status}`);
      assert.equal(connector.sent.length, sentBefore, 'no message for an event nobody waits on');
      const entries = entriesOf(logs.entries().slice(logged) as Entry[], activityId);
      assert.deepEqual(entries.filter((e) => e.msg === 'storage unavailable').map((e) => e.level), [WARN]);
    });
  });
});
