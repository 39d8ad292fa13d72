import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { runAdminCli } from '../../scripts/admin';
import { cardText, firstCard, startTestBot, TENANT, type TestBot, type TestUser } from '../support/bot';
import { assertValidCard, cardActions, stackedBarsIn } from '../support/cards';
import { networkCentre, type NetworkCentre } from '../fixtures/networkFixtures';

const at = (iso: string) => new Date(iso);

describe('Network coordinators, netwerk overzicht and sharing with the scholengroep (whole turns)', function () {
  this.timeout(60_000);
  let bot: TestBot;
  const clock = { now: at('2026-06-01T08:00:00Z') };
  let pol: TestUser;

  const appoint = (user: TestUser, network: 'GO! CLB' | 'Vrij CLB Netwerk' = 'GO! CLB') =>
    bot.poolster.deps.coordinators.appoint({ tenantId: TENANT, network, userId: user.userId, name: user.name, appointedBy: 'operator', appointedAt: '2026-05-01T08:00:00Z' });

  beforeEach(async () => {
    bot = await startTestBot({ now: () => clock.now });
    pol = bot.user('Pol Coördinator');
  });
  afterEach(async () => {
    await bot.stop();
  });

  describe('npm run admin -- coordinator', () => {
    const io = () => {
      const out: string[] = [];
      const err: string[] = [];
      const env = { ...process.env, STORAGE_CONNECTION_STRING: process.env.POOLSTER_TEST_STORAGE, TABLE_PREFIX: bot.poolster.config.storage.tablePrefix };
      return { out, err, io: { env, stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t), now: () => at('2026-05-04T09:30:00Z') } };
    };

    it('appoints, lists and removes, recording who appointed whom and when', async () => {
      const a = io();
      assert.equal(await runAdminCli(['coordinator', 'add', '--tenant', TENANT, '--network', 'go', '--user', pol.userId, '--name', 'Pol Coördinator', '--by', 'Ops Olga'], a.io), 0);
      assert.match(a.out.join(''), /Aangesteld als netwerkcoördinator: GO! CLB · Pol Coördinator .* aangesteld door Ops Olga op 2026-05-04/);
      assert.deepEqual(await bot.poolster.deps.coordinators.networksOf(TENANT, pol.userId), [
        { tenantId: TENANT, network: 'GO! CLB', userId: pol.userId, name: 'Pol Coördinator', appointedBy: 'Ops Olga', appointedAt: '2026-05-04T09:30:00.000Z' },
      ]);
      const l = io();
      assert.equal(await runAdminCli(['coordinator', 'list', '--tenant', TENANT], l.io), 0);
      assert.match(l.out.join(''), /GO! CLB · Pol Coördinator/);
      const r = io();
      assert.equal(await runAdminCli(['coordinator', 'remove', '--tenant', TENANT, '--network', 'GO! CLB', '--user', pol.userId], r.io), 0);
      assert.deepEqual(await bot.poolster.deps.coordinators.networksOf(TENANT, pol.userId), []);
      const again = io();
      assert.equal(await runAdminCli(['coordinator', 'remove', '--tenant', TENANT, '--network', 'GO! CLB', '--user', pol.userId], again.io), 1);
      assert.match(again.err.join(''), /is geen netwerkcoördinator van GO! CLB.*Er werd niets gewijzigd/);
    });

    it('rejects wrong arguments in Dutch with the usage (exit 2), storing nothing', async () => {
      for (const argv of [
        [],
        ['coordinator'],
        ['coordinator', 'add', '--tenant', TENANT, '--network', 'onbekend', '--user', 'u1', '--name', 'X', '--by', 'Y'],
        ['coordinator', 'add', '--tenant', TENANT, '--network', 'go', '--name', 'X', '--by', 'Y'],
        ['coordinator', 'add', '--tenant', TENANT, '--network', 'go', '--user', 'a/b', '--name', 'X', '--by', 'Y'],
        ['coordinator', 'list', '--user', 'u1'],
      ]) {
        const c = io();
        assert.equal(await runAdminCli(argv, c.io), 2, argv.join(' '));
        assert.match(c.err.join(''), /Gebruik:\n {2}npm run admin -- coordinator add/);
      }
      assert.deepEqual(await bot.poolster.deps.coordinators.list(TENANT), []);
    });
  });

  describe('netwerk overzicht', () => {
    const centres: NetworkCentre[] = [];
    beforeEach(async () => {
      centres.length = 0;
      for (const [i, name] of ['GO! CLB Aalst', 'GO! CLB Brugge', 'GO! CLB Gent'].entries()) {
        centres.push(
          await networkCentre(bot, {
            name,
            optIn: true,
            inschaling: { schoolYear: '2025-2026', priorities: ['5.1', '6.2', '4.3'], inspiring: i === 0 ? ['6.2'] : [], confirmedAt: '2026-03-01T09:00:00Z', stadia: { '5.1': ((i % 4) + 1) as 1 | 2 | 3 | 4 } },
          }),
        );
      }
    });

    it('refuses anyone but a coordinator, and shows the overview only in the personal chat', async () => {
      const replies = await centres[0]!.director.say('netwerk overzicht');
      assert.match(String(replies[0]!.text), /alleen een netwerkcoördinator/);
      await appoint(pol);
      const group = await pol.say('<at>Poolster</at> netwerk overzicht', { id: `19:${randomUUID()}@thread.v2`, kind: 'groupChat' });
      assert.match(String(group[0]!.text), /alleen in ons persoonlijke gesprek/);
    });

    it('with 3 opted-in centres: participation, a stadium chart per bouwsteen in the team colours, priorities, inspirerende praktijken; never a centre name', async () => {
      await appoint(pol);
      await networkCentre(bot, { name: 'GO! CLB Verborgen', optIn: false, inschaling: { schoolYear: '2025-2026', priorities: ['6.5'], confirmedAt: '2026-03-01T09:00:00Z', stadia: { '5.1': 4 } } });
      const card = firstCard(await pol.say('netwerk overzicht'));
      assertValidCard(card);
      const text = cardText(card);
      assert.match(text, /Netwerkoverzicht GO! CLB/);
      assert.match(text, /Centra die meedoen\s*3/);
      assert.match(text, /Inschaling bevestigd in 2025-2026\s*3 van 3/);
      const teamwerk = stackedBarsIn(card).find((bar) => /^5\.1 /.test(bar.title))!;
      assert.deepEqual(teamwerk.segments.map((s) => [s.legend, s.value, s.color]), [
        ['Fragmentair', 1, 'categoricalTeal'],
        ['Planmatig', 1, 'categoricalMarigold'],
        ['Geïntegreerd', 1, 'categoricalBlue'],
      ]);
      assert.deepEqual(teamwerk.chart.fallback.facts, [{ title: teamwerk.title, value: 'Fragmentair 1 · Planmatig 1 · Geïntegreerd 1 · Systematisch 0' }]);
      assert.match(text, /5\.1 Sterk teamwerk\s*3 centra/);
      assert.match(text, /6\.2 .*\s*1 centrum/);
      assert.doesNotMatch(text, /Aalst|Brugge|Gent|Verborgen/, 'no centre named');
      assert.doesNotMatch(text, /6\.5 Geïnformeerde praktijken\s*\d+ centr/, 'a centre that did not opt in is not counted');
      assert.deepEqual(cardActions(card).map((a) => a.title), ['Exporteer (Excel)', 'Exporteer (CSV)']);
    });

    it('withholds stadium counts below 3 centres (netwerk uit counts at once)', async () => {
      await appoint(pol);
      await centres[2]!.director.say('netwerk uit');
      const card = firstCard(await pol.say('netwerk overzicht'));
      const text = cardText(card);
      assert.equal(stackedBarsIn(card).length, 0, 'no chart');
      assert.match(text, /Nog niet getoond: er zijn 2 centra met een bevestigde inschaling, en dit overzicht telt pas vanaf 3 centra/);
      assert.doesNotMatch(text, /5\.1 Sterk teamwerk\s*\d centra/);
    });

    it('exports the same aggregates as CSV (and XLSX), rebuilt for the coordinator only', async () => {
      await appoint(pol);
      const answer = await pol.execute('network.export', { network: 'GO! CLB', format: 'csv' });
      assert.match(String(answer.message ?? cardText(answer.card)), /Toestaan/);
      const offered = bot.connector.sentTo(pol.personalConversationId).map((a) => a.attachments?.[0]).find((a) => a?.contentType === 'application/vnd.microsoft.teams.card.file.consent');
      assert.ok(offered, 'a file consent card');
      assert.match(offered.name, /^poolster-netwerkoverzicht-go-clb-2025-2026\.csv$/);
      const xlsx = await pol.execute('network.export', { network: 'GO! CLB', format: 'xlsx' });
      assert.match(String(xlsx.message ?? ''), /\.xlsx/);
      const stranger = await centres[0]!.director.execute('network.export', { network: 'GO! CLB', format: 'csv' });
      assert.match(String(stranger.message ?? ''), /alleen een netwerkcoördinator/);
      const otherNetwork = await pol.execute('network.export', { network: 'Vrij CLB Netwerk', format: 'csv' });
      assert.match(String(otherNetwork.message ?? ''), /geen netwerkcoördinator van Vrij CLB Netwerk/);
    });
  });

  describe('sharing a published result with the scholengroep', () => {
    let centre: NetworkCentre;
    let ad: TestUser;
    let group: { id: string; kind: 'groupChat' };

    beforeEach(async () => {
      centre = await networkCentre(bot, {
        name: 'GO! CLB Deelstad',
        optIn: false,
        inschaling: { schoolYear: '2025-2026', priorities: ['5.1', '6.2', '4.3'], confirmedAt: '2026-03-01T09:00:00Z' },
      });
      ad = bot.user('Ada Algemeen Directeur');
      group = { id: `19:${randomUUID()}@thread.v2`, kind: 'groupChat' };
      bot.connector.members.set(group.id, [centre.director, ad].map((u) => ({ id: u.channelUserId, name: u.name, aadObjectId: u.userId })));
    });

    it('the director picks a chat member outside the beleidsteam; they get the result in their 1:1 chat and again with resultaat, read-only and nothing else', async () => {
      const before = await ad.say('resultaat');
      assert.match(String(before[0]!.text), /niet bij een beleidsteam|centrum/i, 'nothing shared yet');
      const seenBefore = bot.connector.sentTo(ad.personalConversationId).length;
      const pick = firstCard(await centre.director.say('<at>Poolster</at> deel resultaat', group));
      assertValidCard(pick);
      assert.match(cardText(pick), /Teamresultaat 2025-2026 delen/);
      const choices = (pick.body as any[]).find((e) => e.type === 'Input.ChoiceSet').choices;
      assert.deepEqual(choices.map((c: any) => c.title), ['Ada Algemeen Directeur'], 'only people outside the beleidsteam');
      const shared = await centre.director.execute('share.add', { schoolYear: '2025-2026', recipient: ad.userId }, group);
      assert.match(String(shared.message), /Gedeeld: Ada Algemeen Directeur kreeg het teamresultaat 2025-2026 van GO! CLB Deelstad/);
      const inChat = bot.connector.sentTo(ad.personalConversationId).slice(seenBefore);
      assert.match(String(inChat[0]?.text), /deelt het teamresultaat van de inschaling 2025-2026 met jou/);
      assert.match(cardText(firstCard(inChat.slice(1))), /Teamresultaat inschaling 2025-2026[\s\S]*GO! CLB Deelstad/);
      const again = firstCard(await ad.say('resultaat'));
      assert.match(cardText(again), /Teamresultaat inschaling 2025-2026/);
      assert.deepEqual(cardActions(again), [], 'read-only: no buttons');
      // Nothing else of the centre.
      for (const command of ['status', 'prioriteiten', 'acties', 'netwerk', 'voortgang']) {
        const replies = await ad.say(command);
        assert.doesNotMatch(JSON.stringify(replies), /Deelstad|Sterk teamwerk/, `${command} shows nothing of the centre`);
      }
      // A forged click for someone not in this chat shares nothing.
      const stranger = bot.user('Niet In De Chat');
      const forged = await centre.director.execute('share.add', { schoolYear: '2025-2026', recipient: stranger.userId }, group);
      assert.match(String(forged.message), /zit niet \(meer\) in dit gesprek/);
      assert.equal((await bot.poolster.deps.shares.listForRecipient(TENANT, stranger.userId)).length, 0);
      // A member cannot share.
      const memberTry = await ad.say('<at>Poolster</at> deel resultaat', group);
      assert.match(String(memberTry[0]!.text), /directeur/);
    });

    it('the director sees who it is shared with and withdraws it; then resultaat shows nothing', async () => {
      await centre.director.say('<at>Poolster</at> deel resultaat Ada Algemeen Directeur', group);
      const status = firstCard(await centre.director.say('deel status'));
      assert.match(cardText(status), /Ada Algemeen Directeur\s*2025-2026, gedeeld door Directeur GO! CLB Deelstad/);
      const withdraw = cardActions(status).find((a) => /Intrekken/.test(a.title))!;
      const done = await centre.director.execute(withdraw.verb!, withdraw.data);
      assert.match(String(done.message), /Ingetrokken/);
      const after = await ad.say('resultaat');
      assert.doesNotMatch(JSON.stringify(after), /Teamresultaat inschaling/);
    });

    it('refuses to share an unpublished result, and in a personal chat explains where to do it', async () => {
      const personal = await centre.director.say('deel resultaat');
      assert.match(String(personal[0]!.text), /in een groepschat of kanaal waarin die persoon zit/);
      const unpublished = await networkCentre(bot, { name: 'GO! CLB Ongepubliceerd', optIn: false, inschaling: { schoolYear: '2025-2026', priorities: ['5.1', '6.2', '4.3'], confirmedAt: '2026-03-01T09:00:00Z', published: false } });
      const replies = await unpublished.director.say('<at>Poolster</at> deel resultaat', group);
      assert.match(String(replies[0]!.text), /nog geen gepubliceerd teamresultaat/);
    });
  });

  describe('privacy', () => {
    it('a coordinator appears in mijn gegevens and is removed by verwijder mijn gegevens', async () => {
      await appoint(pol);
      const replies = await pol.say('mijn gegevens');
      assert.match(String(replies[0]!.text), /alles wat ik over jou bewaar/);
      const file = replies.map((a) => a.attachments?.[0]).find((a) => a?.contentType === 'application/vnd.microsoft.teams.card.file.consent');
      assert.ok(file, 'the export is offered');
      const erase = firstCard(await pol.say('verwijder mijn gegevens'));
      const confirm = cardActions(erase).find((a) => /wis|verwijder/i.test(a.title))!;
      const done = await pol.execute(confirm.verb!, confirm.data);
      assert.match(cardText(done.card), /Je bent geen netwerkcoördinator meer/);
      assert.deepEqual(await bot.poolster.deps.coordinators.networksOf(TENANT, pol.userId), []);
    });
  });
});
