import assert from 'node:assert/strict';
import {
  renderActieCard,
  renderActiesCard,
  renderNieuweActieCard,
  renderPlanOverviewCard,
  renderPrioriteitenCard,
  renderSpeerpuntCard,
} from '../../cards/plan';
import { cardBytes } from '../../cards/render';
import type { Person } from '../../domain/centre/model';
import { byUrgency, findDoelstelling, type Actie, type Plan } from '../../domain/plan/model';
import { planOverview, speerpuntStatus } from '../../domain/plan/status';
import { countsText, progressBar } from '../../domain/plan/view';
import { PLAN_VERBS } from '../../cards/verbs';
import { cardText } from '../support/bot';
import { assertValidCard, cardActions, stackedBarsIn } from '../support/cards';
import { DEMO_TODAY, demoPlan } from '../support/planFixture';
import { formatDutchDate } from '../../domain/time';

/** Stricter than assertValidCard for Teams-only elements: every chart carries a fallback. */
function assertChartsHaveFallback(card: unknown): void {
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (typeof n.type === 'string' && n.type.startsWith('Chart.')) assert.ok(n.fallback, `${n.type} has a fallback`);
    Object.values(n).forEach(walk);
  };
  walk(card);
}

/** Every Action.Execute has an Action.Submit fallback carrying the same verb and data. */
function assertExecuteFallbacks(card: unknown): void {
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, any>;
    if (n.type === 'Action.Execute') {
      assert.equal(n.fallback?.type, 'Action.Submit', `${n.title} has an Action.Submit fallback`);
      assert.deepEqual(n.fallback.data, { verb: n.verb, ...(n.data ?? {}) }, `${n.title}: the fallback sends the same verb and data`);
      assert.ok((Object.values(PLAN_VERBS) as string[]).includes(n.verb), `known verb ${n.verb}`);
    }
    Object.values(n).forEach(walk);
  };
  walk(card);
}

function check(card: unknown): void {
  assertValidCard(card);
  assertChartsHaveFallback(card);
  assertExecuteFallbacks(card);
  assert.equal((card as { version: string }).version, '1.5');
  assert.doesNotMatch(JSON.stringify(card), /\$\{/, 'no unexpanded template expression');
}

const people: Person[] = [
  { tenantId: 't', userId: 'u1', channelUserId: '29:u1', centreId: 'c', name: 'Dirk Directeur', roles: ['directeur', 'lid'], updatedAt: '2026-01-01T00:00:00Z' },
  { tenantId: 't', userId: 'u2', channelUserId: '29:u2', centreId: 'c', name: 'Karim', roles: ['lid'], updatedAt: '2026-01-01T00:00:00Z' },
];

describe('beleidsplan cards (parsed with the adaptivecards library)', () => {
  const plan: Plan = demoPlan();
  const today = DEMO_TODAY;
  const sample = (pred: (a: Actie) => boolean) => plan.acties.find(pred)!;

  it('formats dates, bars and counts in Dutch', () => {
    assert.equal(formatDutchDate('2026-11-23'), '23 november 2026');
    assert.equal(formatDutchDate('2026-03-01T23:30:00Z'), '2 maart 2026', 'a date-time is read in Brussels time');
    assert.equal(progressBar(0.42), '████░░░░░░ 42%');
    assert.equal(countsText({ gepland: 1, lopend: 2, afgerond: 0, uitgesteld: 0, geschrapt: 1 }, 4), '4 acties: 1 gepland, 2 lopend, 1 geschrapt');
  });

  it('status: the overview card of the four speerpunten', () => {
    const overview = planOverview(plan, today);
    const card = renderPlanOverviewCard({ plan, overview, place: 'personal' });
    check(card);
    const text = cardText(card);
    for (const sp of plan.speerpunten) assert.ok(text.includes(`Speerpunt ${sp.number}: ${sp.title}`));
    assert.ok(text.includes(`${overview.total} acties`));
    const bars = stackedBarsIn(card);
    assert.equal(bars.length, 4);
    assert.ok(bars.every((bar) => bar.chart.fallback.type === 'FactSet'));
  });

  it('the overview names the plan\'s period once, also when its title already holds it', () => {
    const withPeriodInTitle = { ...plan, title: 'Beleidsplan 2025-2029 Vrij CLB Test', period: '2025-2029' };
    const withoutPeriodInTitle = { ...plan, title: 'Beleidsplan Vrij CLB Test', period: '2025-2029' };
    const overviewText = (p: Plan) => cardText(renderPlanOverviewCard({ plan: p, overview: planOverview(p, today), place: 'personal' }));
    assert.ok(overviewText(withPeriodInTitle).includes('Beleidsplan 2025-2029 Vrij CLB Test'));
    assert.ok(!overviewText(withPeriodInTitle).includes('(2025-2029)'), 'the period is not repeated');
    assert.ok(overviewText(withoutPeriodInTitle).includes('Beleidsplan Vrij CLB Test (2025-2029)'));
  });

  it('status speerpunt N: each speerpunt, and one without acties', () => {
    for (const n of [1, 2, 3, 4]) {
      const status = speerpuntStatus(plan, n, today)!;
      const card = renderSpeerpuntCard({ status, today });
      check(card);
      assert.ok(cardText(card).includes(status.speerpunt.title));
    }
    const empty: Plan = { ...plan, acties: plan.acties.filter((a) => findDoelstelling(plan, a.doelstellingId)!.speerpunt !== 2) };
    const card = renderSpeerpuntCard({ status: speerpuntStatus(empty, 2, today)!, today });
    check(card);
    assert.match(cardText(card), /Nog geen acties\./);
    assert.match(cardText(card), /Er is niets over tijd\./);
  });

  it('an actie card in every state: editable or not, open or closed, with each form open with an error', () => {
    const variants: Actie[] = [
      sample((a) => a.status === 'gepland'),
      sample((a) => a.status === 'lopend' && a.notes.length > 0),
      sample((a) => a.status === 'uitgesteld'),
      sample((a) => a.status === 'afgerond'),
      sample((a) => a.status === 'geschrapt'),
      { ...sample((a) => a.status === 'lopend'), owner: undefined, bouwsteenId: undefined, deadline: undefined, description: undefined, schoolYears: [] },
      { ...sample((a) => a.status === 'lopend'), notes: Array.from({ length: 6 }, (_, i) => ({ date: `2026-10-0${i + 1}`, author: 'Els', text: `Notitie ${i}` })) },
    ];
    for (const actie of variants) {
      const doelstelling = findDoelstelling(plan, actie.doelstellingId);
      for (const canEdit of [true, false]) check(renderActieCard({ actie, doelstelling, today, canEdit }));
      check(renderActieCard({ actie, doelstelling, today, canEdit: true, notice: 'Bijgewerkt.' }));
      check(renderActieCard({ actie, doelstelling, today, canEdit: true, form: { kind: 'note', value: 'x'.repeat(2500), error: 'Te lang.' } }));
      check(renderActieCard({ actie, doelstelling, today, canEdit: true, form: { kind: 'postpone', value: '2026-01-01', error: 'In het verleden.' } }));
    }
  });

  it('the buttons of an open actie carry only its id and the status; a closed one only offers a note', () => {
    const actie = sample((a) => a.status === 'gepland');
    const card = renderActieCard({ actie, today, canEdit: true });
    const actions = cardActions(card);
    assert.deepEqual(
      actions.map((a) => [a.title, a.verb, a.data]),
      [
        ['Starten', PLAN_VERBS.setStatus, { actieId: actie.id, status: 'lopend' }],
        ['Afronden', PLAN_VERBS.setStatus, { actieId: actie.id, status: 'afgerond' }],
        ['Uitstellen', PLAN_VERBS.postpone, { actieId: actie.id }],
        ['Notitie bewaren', PLAN_VERBS.addNote, { actieId: actie.id }],
      ],
    );
    const closed = renderActieCard({ actie: sample((a) => a.status === 'afgerond'), today, canEdit: true });
    assert.deepEqual(cardActions(closed).map((a) => a.title), ['Notitie bewaren']);
    const readOnly = renderActieCard({ actie, today, canEdit: false });
    assert.deepEqual(cardActions(readOnly), []);
    assert.equal(readOnly.actions, undefined, 'no empty actions array');
  });

  it('the list of acties, also for the busiest owner and the whole plan (bounded, < 80 KB)', () => {
    const karim = plan.acties.filter((a) => a.owner?.name === 'Karim');
    check(renderActiesCard({ heading: 'Jouw acties', intro: 'intro', hint: 'hint', acties: karim, today }));
    const all = renderActiesCard({ heading: 'Alles', intro: 'intro', hint: 'hint', acties: plan.acties, today });
    check(all);
    assert.match(cardText(all), /En nog \d+ acties\./);
    assert.ok(cardBytes(all) < 80 * 1024);
  });

  it('orders by urgency: overdue oldest first, then by deadline, then without, then closed', () => {
    const ordered = byUrgency(plan.acties, today);
    const overdue = ordered.filter((a) => a.status !== 'afgerond' && a.status !== 'geschrapt' && a.deadline && a.deadline < today);
    assert.deepEqual(ordered.slice(0, overdue.length), overdue);
    const deadlines = overdue.map((a) => a.deadline!);
    assert.deepEqual(deadlines, [...deadlines].sort());
  });

  it('the nieuwe actie form, empty, for one speerpunt, and with errors and values kept', () => {
    check(renderNieuweActieCard({ plan, people, today }));
    const sp3 = renderNieuweActieCard({ plan, people, today, speerpunt: 3 });
    check(sp3);
    const choices = (sp3.body as any[]).find((e) => e.id === 'doelstellingId').choices as Array<{ title: string }>;
    assert.ok(choices.length > 0 && choices.every((c) => c.title.startsWith('Speerpunt 3 ·')));
    const withErrors = renderNieuweActieCard({
      plan,
      people,
      today,
      values: { title: 'Mijn titel', ownerName: 'Els', schoolYears: '2026-2027,2027-2028', deadline: '2020-01-01', bouwsteenId: '6.1' },
      errors: { doelstellingId: 'Kies een doelstelling.', deadline: 'In het verleden.' },
      formError: 'Nog niet toegevoegd.',
    });
    check(withErrors);
    assert.match(cardText(withErrors), /Kies een doelstelling\./);
  });

  it('the prioriteiten card for a director (link form) and for a member (read only)', () => {
    const priorities = (['6.1', '5.3', '6.4', '4.2', '6.5'] as const).map((bouwsteenId) => ({ bouwsteenId, acties: plan.acties.filter((a) => a.bouwsteenId === bouwsteenId) }));
    const linkable = plan.acties.filter((a) => a.status === 'lopend' || a.status === 'gepland');
    const director = renderPrioriteitenCard({ priorities, isDirector: true, linkable, today });
    check(director);
    assert.ok(cardActions(director).some((a) => a.verb === PLAN_VERBS.linkPriority && a.data.mode === 'link'));
    check(renderPrioriteitenCard({ priorities, isDirector: true, linkable, today, errors: { actieId: 'Kies een actie.' }, values: { bouwsteenId: '6.1' }, notice: 'Gekoppeld.' }));
    const member = renderPrioriteitenCard({ priorities, isDirector: false, linkable, today });
    check(member);
    assert.deepEqual(cardActions(member), []);
  });
});
