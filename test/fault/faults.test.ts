import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { azuriteConnectionString, freePort, startAzurite, type AzuriteHandle } from '../support/azurite';
import { TcpProxy } from '../support/tcpProxy';
import { FakeConnector } from '../support/connector';
import { cardText, firstCard, startTestBot, type TestBot, type TestUser } from '../support/bot';
import { actionTitled } from '../support/cards';
import { validBouwsteenForm } from '../fixtures/surveyForms';

/** Director sets up a centre and a round for one member; returns the member's first bouwsteen card. */
async function roundWithMember(bot: TestBot, director: TestUser, member: TestUser, connector: FakeConnector): Promise<any> {
  await director.say('setup GO! CLB Foutstad');
  const group = { id: `19:${randomUUID()}@thread.v2`, kind: 'groupChat' as const };
  connector.members.set(group.id, [director, member].map((u) => ({ id: u.channelUserId, name: u.name, aadObjectId: u.userId })));
  const deadline = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  const now = new Date();
  const start = now.getUTCMonth() >= 8 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  const created = await director.execute('round.create', { schoolYear: `${start}-${start + 1}`, deadline, participants: member.userId, visibility: 'anoniem' }, group);
  assert.match(cardText(created.card), /1 van 1 deelnemers/);
  const intro = firstCard(await member.say('inschaling'));
  return (await member.execute('survey.open', actionTitled(intro, 'Start de inschaling').data)).card;
}

describe('Fault suite', function () {
  this.timeout(180_000);

  describe('storage goes away mid-survey', () => {
    let azurite: AzuriteHandle;
    let proxy: TcpProxy;
    let bot: TestBot;
    const connector = new FakeConnector();

    before(async () => {
      azurite = await startAzurite();
      proxy = new TcpProxy(await freePort(), azurite.port);
      await proxy.up();
      await connector.start();
      bot = await startTestBot({ connector, env: { STORAGE_CONNECTION_STRING: azuriteConnectionString(proxy.port) } });
    });
    after(async () => {
      await bot.stop();
      await connector.stop();
      await proxy.down();
      await azurite.stop();
    });

    it('tells the member in Dutch to try again, does not crash, and works again when storage returns', async () => {
      const director = bot.user('Diane Directeur');
      const member = bot.user('Megan Bowen');
      const figures = { tried: 0, refusedPolitely: 0, lost: 0, duplicates: 0 };
      let card = await roundWithMember(bot, director, member, connector);
      const first = await member.execute('survey.answer', { ...actionTitled(card, 'Volgende').data, ...validBouwsteenForm() });
      figures.tried += 1;
      card = first.card;
      assert.match(cardText(card), /Bouwsteen 2 van 11/);

      await proxy.down();
      const during = await member.execute('survey.answer', { ...actionTitled(card, 'Volgende').data, ...validBouwsteenForm({ choiceNote: 'tijdens de storing' }) });
      figures.tried += 1;
      assert.equal(during.status, 200, 'no 5xx for the member');
      assert.match(String(during.message), /De opslag is even niet bereikbaar\. Probeer zo opnieuw/);
      figures.refusedPolitely += 1;
      const health = await fetch(`${bot.poolster.url}/healthz`);
      assert.equal(health.status, 200, 'the bot process lives on');
      assert.equal((await fetch(`${bot.poolster.url}/readyz`)).status, 503, 'not ready while storage is down');
      const typed = await member.say('verder');
      assert.match(String(typed[0]?.text), /Probeer zo opnieuw/);

      await proxy.up();
      const ready = await fetch(`${bot.poolster.url}/readyz`);
      assert.equal(ready.status, 200, await ready.text());
      const after = await member.execute('survey.answer', { ...actionTitled(card, 'Volgende').data, ...validBouwsteenForm({ choiceNote: 'na de storing' }) });
      figures.tried += 1;
      assert.match(cardText(after.card), /Bouwsteen 3 van 11/, 'the same card works once storage is back, without a restart');
      const centre = (await bot.poolster.deps.centres.listCentres(director.tenantId))[0]!;
      const draft = await bot.poolster.deps.survey.getMemberDraft(centre.openRoundId!, member.userId);
      assert.equal(draft?.bouwstenen['4.1']?.complete, true, 'the answer from before the outage is kept');
      assert.equal(draft?.bouwstenen['4.2']?.form.choiceNote, 'na de storing');
      figures.lost = draft?.bouwstenen['4.1']?.complete && draft.bouwstenen['4.2']?.complete ? 0 : 1;
      figures.duplicates = draft?.bouwstenen['4.2']?.version === 1 ? 0 : 1;
      process.stdout.write(`      storage outage: ${figures.tried} answers tried, ${figures.refusedPolitely} refused politely, ${figures.lost} lost, ${figures.duplicates} duplicated\n`);
      assert.deepEqual({ lost: figures.lost, duplicates: figures.duplicates }, { lost: 0, duplicates: 0 });
    });
  });

  describe('the bot process is killed (-9) mid-survey', () => {
    let azurite: AzuriteHandle;
    let child: ChildProcess | undefined;
    const connector = new FakeConnector();

    before(async () => {
      azurite = await startAzurite();
      await connector.start();
    });
    after(async () => {
      child?.kill('SIGKILL');
      await connector.stop();
      await azurite.stop();
    });

    const startBotProcess = async (port: number, prefix: string): Promise<ChildProcess> => {
      const proc = spawn(process.execPath, ['--require', 'tsx/cjs', path.resolve(__dirname, '../../bot/main.ts')], {
        cwd: path.resolve(__dirname, '../..'),
        env: { ...process.env, NODE_ENV: 'development', PORT: String(port), STORAGE_CONNECTION_STRING: azurite.connectionString, TABLE_PREFIX: prefix, LOG_LEVEL: 'warn', LOG_FORMAT: 'json', SCHEDULER: 'false', DEMO_DATA: 'false' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      const deadline = Date.now() + 60_000;
      for (;;) {
        if (proc.exitCode !== null) throw new Error(`bot exited with ${proc.exitCode}`);
        try {
          if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return proc;
        } catch {
          /* not listening yet */
        }
        if (Date.now() > deadline) throw new Error('bot did not become ready');
        await new Promise((r) => setTimeout(r, 200));
      }
    };

    it('loses no answer: after a restart the member continues where they were', async () => {
      const port = await freePort();
      const prefix = `k${randomUUID().replace(/-/g, '').slice(0, 10)}`;
      child = await startBotProcess(port, prefix);
      // Drive the real process over HTTP with the same user helpers (pointed at its URL).
      const bot = await startTestBot({ connector, env: { STORAGE_CONNECTION_STRING: azurite.connectionString, TABLE_PREFIX: prefix } });
      const url = `http://127.0.0.1:${port}`;
      (bot.poolster as { url: string }).url = url;
      const director = bot.user('Diane Directeur');
      const member = bot.user('Lee Gu');
      let card = await roundWithMember(bot, director, member, connector);
      let answered = 0;
      for (let i = 0; i < 4; i += 1) {
        const answer = await member.execute('survey.answer', { ...actionTitled(card, 'Volgende').data, ...validBouwsteenForm({ choiceNote: `antwoord ${i + 1}` }) });
        card = answer.card;
        answered += 1;
      }
      child.kill('SIGKILL');
      await new Promise((r) => child!.once('exit', r));
      child = await startBotProcess(port, prefix);
      const resumed = firstCard(await member.say('verder'));
      assert.match(cardText(resumed), /Bouwsteen 5 van 11/);
      const centre = (await bot.poolster.deps.centres.listCentres(director.tenantId))[0]!;
      const draft = await bot.poolster.deps.survey.getMemberDraft(centre.openRoundId!, member.userId);
      const kept = ['4.1', '4.2', '4.3', '5.1'].filter((id) => draft?.bouwstenen[id as '4.1']?.complete).length;
      process.stdout.write(`      kill -9: ${answered} answers sent, ${kept} kept, ${answered - kept} lost\n`);
      assert.equal(kept, answered);
      assert.equal(draft?.bouwstenen['5.1']?.form.choiceNote, 'antwoord 4');
      await bot.stop();
    });
  });
});
