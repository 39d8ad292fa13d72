import assert from 'node:assert/strict';
import { ACTION_STATUSES, ACTION_STATUS_LABELS } from '../../domain/plan/model';
import { planOverview, speerpuntStatus } from '../../domain/plan/status';
import { cardText, firstCard, startTestBot, type TestBot } from '../support/bot';
import { assertValidCard, stackedBarsIn } from '../support/cards';
import { DEMO_NOW, DEMO_TODAY, addPerson, createPlanCentre, demoPlan, type PlanCentre } from '../support/planFixture';

describe('Beleidsplan: status and status speerpunt N (whole turns, real Azurite)', () => {
  let bot: TestBot;
  let centre: PlanCentre;

  before(async () => {
    bot = await startTestBot({ now: () => DEMO_NOW });
    centre = await createPlanCentre(bot, { members: ['Karim'] });
  });
  after(async () => bot.stop());

  it('status shows the four speerpunten with their progress, counted by the domain', async () => {
    const replies = await centre.members.Karim!.say('status');
    assert.equal(replies.length, 1);
    const card = firstCard(replies);
    assertValidCard(card);
    const text = cardText(card);
    const overview = planOverview(demoPlan(), DEMO_TODAY);
    assert.match(text, /Stand op 23 november 2026/);
    assert.ok(text.includes(`${overview.total} acties, ${Math.round(overview.progress * 100)}% afgerond, ${overview.overdueCount} over tijd`));
    for (const sp of overview.speerpunten) {
      assert.ok(text.includes(`Speerpunt ${sp.number}: ${sp.title}`), `speerpunt ${sp.number}`);
      assert.ok(text.includes(`${sp.total} acties: `), `total of speerpunt ${sp.number}`);
      for (const s of ACTION_STATUSES) {
        if (sp.countsByStatus[s] > 0) assert.ok(text.includes(`${sp.countsByStatus[s]} ${ACTION_STATUS_LABELS[s].toLowerCase()}`));
      }
    }
    const bars = stackedBarsIn(card);
    assert.deepEqual(bars.map((bar) => bar.title), ['Speerpunt 1', 'Speerpunt 2', 'Speerpunt 3', 'Speerpunt 4']);
    assert.deepEqual(
      bars.map((bar) => bar.segments.reduce((sum, d) => sum + d.value, 0)),
      overview.speerpunten.map((sp) => sp.total),
    );
    assert.ok(bars.every((bar) => bar.segments.every((d) => d.value > 0)), 'no empty segment');
  });

  it('status speerpunt 3 shows its title and why, the counts, overdue first (oldest first), due next and owners', async () => {
    const replies = await centre.director.say('status speerpunt 3');
    const card = firstCard(replies);
    assertValidCard(card);
    const text = cardText(card);
    const status = speerpuntStatus(demoPlan(), 3, DEMO_TODAY)!;
    assert.ok(text.includes('We zijn deskundige, betrokken en enthousiaste medewerkers'));
    assert.ok(text.includes('Waarom'));
    assert.ok(text.includes('vertrouwen te krijgen van onze cliënten'));
    const counted = status.total - status.countsByStatus.geschrapt;
    assert.ok(text.includes(`${status.countsByStatus.afgerond} van ${counted} acties afgerond (${Math.round(status.progress * 100)}%)`));
    for (const s of ACTION_STATUSES) {
      if (status.countsByStatus[s] > 0) assert.ok(text.includes(`${status.countsByStatus[s]} ${ACTION_STATUS_LABELS[s].toLowerCase()}`), s);
    }
    // One stacked bar (no donut: its legend collapses to "+2 items" in a card).
    const [bar, ...more] = stackedBarsIn(card);
    assert.equal(more.length, 0);
    assert.equal(bar!.title, 'Speerpunt 3');
    assert.deepEqual(
      bar!.segments.map((d) => [d.legend, d.value]),
      ACTION_STATUSES.filter((s) => status.countsByStatus[s] > 0).map((s) => [ACTION_STATUS_LABELS[s], status.countsByStatus[s]]),
    );
    assert.equal(bar!.chart.fallback.type, 'FactSet');

    // Overdue first, oldest deadline first; then due next.
    assert.ok(status.overdue.length >= 2, 'the demo has overdue acties in speerpunt 3');
    assert.ok(text.includes(`Over tijd (${status.overdue.length})`));
    const positions = status.overdue.map((a) => text.indexOf(a.title));
    assert.ok(positions.every((p) => p > 0));
    assert.deepEqual(positions, [...positions].sort((a, b) => a - b), 'overdue in the order the domain gives: oldest first');
    const deadlines = status.overdue.map((a) => a.deadline!);
    assert.deepEqual(deadlines, [...deadlines].sort());
    assert.ok(text.indexOf('Over tijd') < text.indexOf('Binnenkort'), 'overdue comes before due next');
    for (const a of status.dueNext) assert.ok(text.indexOf(a.title) > text.indexOf('Binnenkort'));
    for (const group of status.byOwner) assert.ok(text.includes(`${group.name} (${group.acties.length} open)`));
  });

  for (const variant of ['status speerpunt 3', 'Status  Speerpunt3', 'status sp 3', 'status speerpunt drie', 'STATUS SP3', '/status speerpunt nr. 3?', 'status 3']) {
    it(`understands "${variant}"`, async () => {
      const text = cardText(firstCard(await centre.members.Karim!.say(variant)));
      assert.match(text, /^Speerpunt 3\nWe zijn deskundige, betrokken en enthousiaste medewerkers/);
    });
  }

  it('status speerpunt 9 says there are 4 speerpunten and lists them', async () => {
    const replies = await centre.members.Karim!.say('status speerpunt 9');
    assert.equal(replies.length, 1);
    const text = String(replies[0]!.text);
    assert.match(text, /Speerpunt 9 bestaat niet\. Het beleidsplan heeft 4 speerpunten:/);
    for (const sp of demoPlan().speerpunten) assert.ok(text.includes(`${sp.number}. ${sp.title}`));
  });

  it('a speerpunt it cannot read is answered with the list too', async () => {
    const text = String((await centre.members.Karim!.say('status speerpunt banaan'))[0]!.text);
    assert.match(text, /Ik begrijp "speerpunt banaan" niet als speerpunt/);
    assert.match(text, /4 speerpunten/);
  });

  it('someone not in a centre is told how to join', async () => {
    const stranger = bot.user('Stef Vreemd');
    const text = String((await stranger.say('status'))[0]!.text);
    assert.match(text, /nog niet gekoppeld aan een centrum/);
  });

  it('someone whose roles were taken away is told so', async () => {
    const former = bot.user('Frans Vroeger');
    await addPerson(bot, former, centre.centreId, []);
    const text = String((await former.say('status'))[0]!.text);
    assert.match(text, /geen deel \(meer\) uit van het beleidsteam van Vrij CLB Test/);
  });

  it('a centre without a plan: the director learns how to load one, a member to ask the director', async () => {
    const empty = await createPlanCentre(bot, { name: 'Vrij CLB Zonder Plan', plan: null, members: ['Mia'] });
    const forDirector = String((await empty.director.say('status'))[0]!.text);
    assert.match(forDirector, /Er is nog geen beleidsplan geladen voor Vrij CLB Zonder Plan\./);
    assert.ok(forDirector.includes(`npm run plan -- import <bestand.yaml> --centre ${empty.centreId}`));
    const forMember = String((await empty.members.Mia!.say('status speerpunt 3'))[0]!.text);
    assert.match(forMember, /Er is nog geen beleidsplan geladen.*Vraag je directeur/);
    for (const command of ['acties', 'nieuwe actie']) {
      assert.match(String((await empty.director.say(command))[0]!.text), /Er is nog geen beleidsplan geladen/);
    }
  });
});
