import assert from 'node:assert/strict';
import { BOUWSTEEN_IDS } from '../../domain/catalogue/types';
import { consolidateRound, proposedStadia, type TeamResult } from '../../domain/survey/consolidate';
import { consolidateDrafts } from '../../domain/survey/fromDrafts';
import { REASON_MAX_LENGTH, buildInschaling, confirmationFields, validateConfirmation, type Inschaling } from '../../domain/result/inschaling';
import {
  NOTES_PAGE_BYTES,
  paginateNotes,
  renderNetwork,
  renderPublishedResult,
  renderResultAgenda,
  renderResultConfirm,
  renderResultDetail,
  renderResultOverview,
  type RoundResultContext,
} from '../../cards/result';
import { cardBytes } from '../../cards/render';
import { cardText } from '../support/bot';
import { actionTitled, assertValidCard, cardActions, stackedBarsIn } from '../support/cards';
import { longText, testRound, workedDrafts, worstCaseSurveys, WORKED_MEMBERS } from '../fixtures/resultFixtures';

const KB80 = 80 * 1024;

function confirmAll(result: TeamResult, schoolYear: '2025-2026' | '2026-2027', reasons = false): Inschaling {
  const proposals = proposedStadia(result);
  const form: Record<string, string> = {};
  for (const id of BOUWSTEEN_IDS) {
    const fields = confirmationFields(id);
    form[fields.stadium] = reasons ? String(((proposals[id] ?? 1) % 4) + 1) : String(proposals[id]);
    if (reasons) form[fields.reason] = longText(REASON_MAX_LENGTH, `reden ${id}`);
  }
  const validation = validateConfirmation(form, proposals);
  assert.ok(validation.ok, JSON.stringify(!validation.ok && validation.errors));
  return {
    ...buildInschaling({
      tenantId: 't',
      centreId: 'c',
      schoolYear,
      roundId: `round-${schoolYear}`,
      visibility: 'open',
      result,
      choices: validation.choices,
      actor: { userId: 'd', name: 'Diane Directeur' },
      now: new Date('2026-12-01T09:00:00Z'),
    }),
    published: true,
    publishedAt: '2026-12-02T09:00:00.000Z',
  };
}

/** Every card of the result feature for one result, detail cards on every page. */
function allCards(context: RoundResultContext, inschaling: Inschaling): Array<{ name: string; card: unknown }> {
  const cards: Array<{ name: string; card: unknown }> = [
    { name: 'overview', card: renderResultOverview({ ...context, notice: { text: 'Bevestigd.', tone: 'good' } }) },
    { name: 'agenda', card: renderResultAgenda(context) },
    { name: 'published', card: renderPublishedResult({ centreName: context.centreName, inschaling, previous: context.previous }) },
  ];
  for (const id of BOUWSTEEN_IDS) {
    const pages = paginateNotes(context.result.bouwstenen.find((b) => b.bouwsteenId === id)!.notes).length;
    for (let page = 0; page < pages; page += 1) cards.push({ name: `detail ${id} p${page}`, card: renderResultDetail({ ...context, bouwsteenId: id, page }) });
  }
  const form: Record<string, string> = {};
  const errors: Record<string, string> = {};
  for (const id of BOUWSTEEN_IDS) {
    form[confirmationFields(id).stadium] = '3';
    form[confirmationFields(id).reason] = longText(REASON_MAX_LENGTH + 500, `te lange reden ${id}`);
    errors[id] = `Je reden is ${REASON_MAX_LENGTH + 500} tekens lang; het maximum is ${REASON_MAX_LENGTH}. Kort ze wat in: je tekst staat er nog.`;
  }
  cards.push({ name: 'confirm with errors', card: renderResultConfirm({ roundId: context.roundId, schoolYear: context.schoolYear, version: 3, result: context.result, form, errors, notice: { text: 'Nog niet bevestigd.', tone: 'warning' } }) });
  return cards;
}

describe('Result cards: 25 members, every toelichting at its longest', () => {
  for (const visibility of ['open', 'anoniem'] as const) {
    it(`every card parses and stays under 80 KB (${visibility} round)`, () => {
      const result = consolidateRound(worstCaseSurveys(25), { open: visibility === 'open' });
      const previous = confirmAll(consolidateRound(worstCaseSurveys(25), { open: true }), '2025-2026', true);
      const inschaling = confirmAll(result, '2026-2027', true);
      const context: RoundResultContext = {
        roundId: 'round-1',
        centreName: 'Vrij CLB Met Een Heel Lange Naam Voor Het Centrum',
        schoolYear: '2026-2027',
        visibility,
        roundOpen: false,
        result,
        inschaling,
        previous,
      };
      const cards = allCards(context, inschaling);
      assert.ok(cards.length > 11 * 2, 'the notes of a bouwsteen need several pages');
      let largest = 0;
      for (const { name, card } of cards) {
        assertValidCard(card);
        const bytes = cardBytes(card as never);
        largest = Math.max(largest, bytes);
        assert.ok(bytes < KB80, `${name} is ${bytes} bytes`);
      }
      assert.ok(largest > 40_000, `the worst case really is large (${largest} bytes)`);
      if (visibility === 'anoniem') {
        for (const { name, card } of cards) assert.ok(!JSON.stringify(card).includes('Teamlid Met Een Heel Lange Naam'), `${name} holds no member name`);
      }
    });
  }

  it('shows every toelichting exactly once over the pages of a detail card', () => {
    const result = consolidateRound(worstCaseSurveys(25), { open: true });
    const notes = result.bouwstenen[0]!.notes;
    const pages = paginateNotes(notes);
    assert.equal(pages.flat().length, notes.length);
    assert.ok(pages.length >= 3);
    for (const page of pages) assert.ok(page.length > 0);
    const context: RoundResultContext = { roundId: 'r', centreName: 'C', schoolYear: '2026-2027', visibility: 'open', roundOpen: false, result };
    const seen = pages.map((_, page) => cardText(renderResultDetail({ ...context, bouwsteenId: '4.1', page })));
    for (const note of notes.slice(0, 5)) assert.equal(seen.filter((text) => text.includes(note.text)).length, 1);
    // A forged page number is clamped to the last page.
    assert.equal(cardText(renderResultDetail({ ...context, bouwsteenId: '4.1', page: 999 })), seen[seen.length - 1]);
    assert.ok(NOTES_PAGE_BYTES < 60_000);
  });
});

describe('The director result card (worked example)', () => {
  const result = consolidateDrafts(testRound(), workedDrafts());
  const context: RoundResultContext = { roundId: 'round-1', centreName: 'GO! CLB Teststad', schoolYear: '2026-2027', visibility: 'anoniem', roundOpen: false, result };
  const card = renderResultOverview(context) as any;

  it('has a stacked bar chart of the four stadia in neutral colours, with a FactSet fallback', () => {
    // One chart per bouwsteen, one bar each: no built-in legend that collapses to "+2 items".
    const bars = stackedBarsIn(card);
    assert.equal(bars.length, 11);
    assert.equal(bars[0]!.title, '4.1 Behartiger van de leerling');
    // Only the stadia someone chose: an empty segment would still take a gap and shift the bar.
    assert.deepEqual(bars[0]!.segments.map((d) => [d.legend, d.value]), [['Planmatig', 2], ['Geïntegreerd', 1]]);
    // The same four distinct colours for the same stadia in every bar, none red/green or good/warning/attention.
    const colourOf: Record<string, string> = { Fragmentair: 'categoricalTeal', Planmatig: 'categoricalMarigold', Geïntegreerd: 'categoricalBlue', Systematisch: 'categoricalPurple' };
    for (const bar of bars) for (const segment of bar.segments) assert.equal(segment.color, colourOf[segment.legend], `${bar.title}: ${segment.legend}`);
    for (const colour of new Set(Object.values(colourOf))) assert.doesNotMatch(colour, /red|green|good|warning|attention|^sequential/i);
    // Teams draws no chart title: the title is the TextBlock above the charts, then the legend that names every colour.
    const at = card.body.indexOf(card.body.find((e: any) => e.$data === undefined && e.items?.some((i: any) => i.type === 'Chart.HorizontalBar.Stacked')));
    assert.equal(card.body[at - 2].text, 'Verdeling over de vier stadia, per bouwsteen (aantal leden)');
    assert.equal(card.body[at - 1].text, 'Kleuren: Fragmentair blauwgroen · Planmatig goudgeel · Geïntegreerd blauw · Systematisch paars');
    // The fallback says the same, with every stadium.
    assert.equal(bars[0]!.chart.fallback.type, 'FactSet');
    assert.deepEqual(bars[0]!.chart.fallback.facts, [{ title: '4.1 Behartiger van de leerling', value: 'Fragmentair 0 · Planmatig 2 · Geïntegreerd 1 · Systematisch 0' }]);
    assertValidCard(card);
  });

  it('shows proposal, agreement (tie marked), priorities with points and inspiring counts, never as a score', () => {
    const text = cardText(card);
    assert.match(text, /3 van de 4 deelnemers verzonden hun inschaling definitief/);
    assert.match(text, /Planmatig \(gelijke stand: het middelste van alle antwoorden, te bespreken\)/);
    assert.match(text, /bespreekpunt \(spreiding 2 stadia\) · gelijke stand/);
    assert.match(text, /dicht bij elkaar \(spreiding 1 stadium\)/);
    assert.match(text, /1\. 6\.4 Onderzoekende houding\n14 punten · 2× op de eerste plaats · 3 vermeldingen/);
    assert.match(text, /5\.1 Sterk teamwerk\n2 van 3 leden/);
    assert.doesNotMatch(text, /\d\s*\/\s*4\b/, 'no "x/4"');
    assert.deepEqual(
      cardActions(card).map((a) => a.title).filter((t) => !t.startsWith('Details')),
      ['Bespreekpunten (2)', 'Bevestig de teamstadia', 'Exporteer (Excel)', 'Exporteer (CSV)'],
    );
    assert.deepEqual(actionTitled(card, 'Details 4.2').data, { roundId: 'round-1', bouwsteenId: '4.2', page: 0 });
  });

  it('offers no confirmation or export while the round is open', () => {
    const open = renderResultOverview({ ...context, roundOpen: true });
    assert.deepEqual(cardActions(open).map((a) => a.title).filter((t) => !t.startsWith('Details')), ['Bespreekpunten (2)']);
    assert.match(cardText(open), /tussentijds resultaat/);
  });

  it('holds no member name in an anonymous round, on any card', () => {
    const inschaling = confirmAll(result, '2026-2027');
    for (const { card: c } of allCards(context, inschaling)) {
      const json = JSON.stringify(c);
      for (const name of WORKED_MEMBERS) assert.ok(!json.includes(name), name);
    }
  });

  it('lists the bespreekpunten largest spread first with a reflection question', () => {
    const agenda = renderResultAgenda(context);
    assertValidCard(agenda);
    const text = cardText(agenda);
    assert.ok(text.indexOf('1. 5.1 Sterk teamwerk') < text.indexOf('2. 4.2 Geïntegreerde benadering'));
    assert.match(text, /3 stadia \(van Fragmentair tot Systematisch\)/);
    assert.match(text, /geen stadium werd het vaakst gekozen/);
    assert.match(text, /Om te bespreken:/);
  });

  it('shows growth against a previous confirmed year as movement', () => {
    const previousResult = consolidateRound(worstCaseSurveys(4), { open: false });
    const previous = confirmAll(previousResult, '2025-2026');
    const withGrowth = cardText(renderResultOverview({ ...context, previous }));
    const before = previous.confirmations['4.1'].stadium;
    const delta = 2 - before;
    assert.match(withGrowth, /Bevestigd 2025-2026/);
    assert.ok(withGrowth.includes(delta === 0 ? 'zelfde plaats op het continuüm' : `${Math.abs(delta)} stad`), withGrowth.slice(0, 2000));
  });

  it('renders the network view with a chart and its fallback', () => {
    const card = renderNetwork({
      centreName: 'GO! CLB Teststad',
      network: 'GO! CLB',
      participatingCount: 3,
      common: [{ bouwsteenId: '6.4', centreCount: 3 }, { bouwsteenId: '4.3', centreCount: 1 }],
      ownPriorities: [{ bouwsteenId: '6.4', rank: 1, offeredBy: ['GO! CLB Andere'] }, { bouwsteenId: '4.3', rank: 2, offeredBy: [] }],
    });
    assertValidCard(card);
    const text = cardText(card);
    assert.match(text, /6\.4 Onderzoekende houding\n3 centra/);
    assert.doesNotMatch(text, /4\.3 Geïntegreerd.*\n1 centra/);
    assert.match(text, /1\. 6\.4 Onderzoekende houding\nGO! CLB Andere/);
  });
});

describe('The detail card’s charts (a director reads them at a glance)', () => {
  const result = consolidateDrafts(testRound(), workedDrafts());
  const context: RoundResultContext = { roundId: 'round-1', centreName: 'GO! CLB Teststad', schoolYear: '2026-2027', visibility: 'anoniem', roundOpen: false, result };
  const card = renderResultDetail({ ...context, bouwsteenId: '4.1', page: 0 }) as any;
  const charts = card.body.filter((e: any) => typeof e.type === 'string' && e.type.startsWith('Chart.'));

  it('draws counts as bars with the number at the bar, without an axis that could show fractions', () => {
    assert.deepEqual(charts.map((c: any) => [c.type, c.displayMode]), [['Chart.HorizontalBar', 'AbsoluteNoAxis'], ['Chart.HorizontalBar', 'AbsoluteNoAxis']]);
    for (const chart of charts) for (const d of chart.data) assert.ok(Number.isInteger(d.y), `${d.x}: a whole number`);
  });

  it('labels every bar with its full name, in the stadium colours used everywhere, under a visible title', () => {
    const [stadia, ambitions] = charts;
    assert.deepEqual(stadia.data.map((d: any) => [d.x, d.color]), [
      ['Fragmentair', 'categoricalTeal'], ['Planmatig', 'categoricalMarigold'], ['Geïntegreerd', 'categoricalBlue'], ['Systematisch', 'categoricalPurple'],
    ]);
    assert.deepEqual(ambitions.data.map((d: any) => [d.x, d.color]), [
      ['dit aanhouden', 'categoricalLightBlue'], ['evolueren naar planmatig', 'categoricalMarigold'], ['evolueren naar geïntegreerd', 'categoricalBlue'], ['evolueren naar systematisch', 'categoricalPurple'],
    ]);
    for (const chart of charts) {
      const title = card.body[card.body.indexOf(chart) - 1];
      assert.equal(title.type, 'TextBlock');
      assert.equal(title.text, chart.title);
    }
  });

  it('gives clients without charts the same numbers under the same titles', () => {
    for (const chart of charts) {
      assert.equal(chart.fallback.type, 'FactSet');
      assert.deepEqual(chart.fallback.facts.map((f: any) => [f.title, f.value]), chart.data.map((d: any) => [d.x, String(d.y)]));
    }
    assertValidCard(card);
  });
});
