import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlanFile, serializePlanFile } from '../../domain/plan/planFile';
import { ACTION_STATUSES, PlanSchema, findDoelstelling, type Actie, type Plan } from '../../domain/plan/model';
import { speerpuntStatus, planOverview } from '../../domain/plan/status';
import { schoolYearOfDate } from '../../domain/schoolYear';
import { demoPlan } from '../support/planFixture';

/**
 * Seed 001 has 123 "planning" markers on actions; one (2.6) repeats an action of 2.4 word for word
 * and is kept once, so the demo has at least 122 actions.
 */
const SEED_001_ACTION_COUNT = 122;
const TODAY = '2026-11-23';

function loadDemo(): Plan {
  const text = readFileSync(join(__dirname, '..', '..', 'data', 'demo-plan.yaml'), 'utf8');
  const result = parsePlanFile(text);
  if (!result.ok) assert.fail(`demo plan has problems: ${JSON.stringify(result.problems, null, 2)}`);
  return result.plan;
}

function byTitle(plan: Plan, title: string): Actie {
  const found = plan.acties.filter((a) => a.title === title);
  assert.equal(found.length, 1, `expected one action titled ${title}`);
  return found[0]!;
}

describe('demo plan (data/demo-plan.yaml)', () => {
  const plan = loadDemo();

  it('parses and satisfies the model', () => {
    assert.equal(PlanSchema.safeParse(plan).success, true);
    assert.equal(plan.title, 'Beleidsplan 2025-2029 Vrij CLB Westhoek en Vrij CLB Houtland (demo)');
    assert.equal(plan.period, '2025-2029', 'seed 001 is 2020-2024; the demo is five school years later (see the file\'s header)');
  });

  it('has the four speerpunten of seed 000 with their texts', () => {
    assert.deepEqual(
      plan.speerpunten.map((s) => [s.number, s.title]),
      [
        [1, 'Ons Vrij CLB is stevig verankerd in de lokale gemeenschap'],
        [2, 'We bieden maatwerk in samenspraak'],
        [3, 'We zijn deskundige, betrokken en enthousiaste medewerkers'],
        [4, 'Ons Vrij CLB maakt zijn effectiviteit meetbaar en zichtbaar'],
      ],
    );
    assert.deepEqual(
      plan.speerpunten.map((s) => [s.requires.length, s.engagements.length]),
      [
        [5, 8],
        [10, 9],
        [8, 10],
        [8, 4],
      ],
    );
    const [sp1, sp2, sp3, sp4] = plan.speerpunten;
    assert.match(sp1!.why, /^Om\n- gedragenheid en pleitbezorgers te hebben binnen de maatschappij\n/);
    assert.match(sp1!.why, /\nmoet het Vrij CLB stevig verankerd zijn in de lokale gemeenschap\.$/);
    assert.ok(sp1!.engagements.includes('betrekt ons centrum belanghebbenden structureel bij de manier waarop we onze visie en opdracht realiseren'));
    assert.equal(sp1!.engagements[0], 'bouwt elk CLB zijn bestuursorganen uit conform de ontwerpeisen van waardevol besturen');
    assert.ok(sp2!.requires.includes('dat we aanklampend werken waar nodig'));
    assert.ok(sp2!.requires.includes("dat onze medewerkers emancipatorisch werken en zich ver houden van 'bemoeizorg' en ongevraagde adviezen"));
    assert.ok(sp2!.engagements.includes('zetten we blended hulpverlening in'));
    assert.match(sp3!.why, /\nzijn we deskundige, betrokken en enthousiaste medewerkers\.$/);
    assert.equal(sp3!.requires[1], 'minimale planlast');
    assert.equal(sp4!.engagements[3], 'communiceert elk centrum intern en extern over de eigen resultaten, zowel proactief als reactief');
    assert.ok(sp4!.requires.includes('communicatie met stakeholders over onze effectiviteit'));
  });

  it('contains no OCR damage', () => {
    const texts = [
      ...plan.speerpunten.flatMap((s) => [s.title, s.why, ...s.requires, ...s.engagements]),
      ...plan.doelstellingen.map((d) => d.title),
      ...plan.acties.flatMap((a) => [a.title, a.description ?? '']),
    ];
    for (const t of texts) {
      assert.doesNotMatch(t, /ongevroegde|aanklappend|blinded|\]\(#\)|betreft ons|22-22|\s;|geévalueerd|geintegreerd|continuiim|cliént/, t);
    }
  });

  it(`has every action of seed 001 (≥ ${SEED_001_ACTION_COUNT}), each under a doelstelling and a speerpunt`, () => {
    assert.ok(plan.acties.length >= SEED_001_ACTION_COUNT, `only ${plan.acties.length} actions`);
    for (const a of plan.acties) {
      const d = findDoelstelling(plan, a.doelstellingId);
      assert.ok(d, `${a.id} has no doelstelling`);
      assert.ok([1, 2, 3, 4].includes(d.speerpunt), `${a.id}`);
      assert.ok(a.schoolYears.length > 0, `${a.id} has no planning`);
      assert.ok(a.title.length <= 300);
    }
    for (const d of plan.doelstellingen) {
      assert.ok(plan.acties.some((a) => a.doelstellingId === d.id), `${d.id} has no actions`);
      assert.ok(d.chapter, `${d.id} has no chapter`);
    }
    for (const n of [1, 2, 3, 4]) {
      assert.ok(plan.doelstellingen.some((d) => d.speerpunt === n), `speerpunt ${n} has no doelstellingen`);
    }
  });

  it('spot-checks seed 001 sentences and their planning', () => {
    assert.deepEqual(
      byTitle(plan, 'Het directieteam ontwikkelt voor zichzelf een teamcharter met aandacht voor rollen, werkwijzen, communicatie, samenwerking en gedeelde doelstellingen.').schoolYears,
      ['2024-2025'],
    );
    assert.deepEqual(byTitle(plan, 'We bieden transparantie aan scholen vanuit onze data en gaan hierover in gesprek.').schoolYears, [
      '2025-2026',
      '2026-2027',
      '2027-2028',
      '2028-2029',
    ]);
    assert.deepEqual(
      byTitle(plan, 'We laten een security audit uitvoeren door een laatstejaarsstudent ‘Computer & cyber crime professional’.').schoolYears,
      ['2025-2026', '2026-2027'],
    );
    assert.deepEqual(byTitle(plan, 'We maken een kritische analyse van de eigen planlast.').schoolYears, [
      '2025-2026',
      '2026-2027',
      '2027-2028',
      '2028-2029',
    ]);
    assert.deepEqual(byTitle(plan, 'Werkingsprincipe Subsidiariteit').schoolYears, ['2024-2025', '2025-2026', '2026-2027', '2027-2028']);
    assert.deepEqual(byTitle(plan, 'We gebruiken eenzelfde boekhoudkundig rekeningenstelsel.').schoolYears, ['2024-2025']);
    assert.match(
      byTitle(plan, 'Leerplichtopvolging: we schrijven een beleid inzake leerplichtopvolging uit.').description!,
      /spijbelcel politie, huisartsen, NAFT-aanbieders/,
    );
    // The action repeated in 2.4 and 2.6 is there once.
    byTitle(
      plan,
      'De documentenstructuur, medewerkerswebsite en kwaliteitszorg (incl. het gebruik van kwaliteitsplannen en roadmaps) enten op het Referentiekader CLB-kwaliteit.',
    );
  });

  it('places doelstellingen under a plausible speerpunt', () => {
    const speerpuntOf = (title: string) => findDoelstelling(plan, byTitle(plan, title).doelstellingId)!.speerpunt;
    assert.equal(speerpuntOf('We plannen in de komende jaren een quickscan (Toolbox Waardevol Besturen) die op zoek gaat naar verbeterpunten en koppelen daaraan een actieplan.'), 1);
    assert.equal(speerpuntOf('We zetten in op blended hulpverlening.'), 2);
    assert.equal(speerpuntOf('We maken een kritische analyse van de eigen planlast.'), 3);
    assert.equal(speerpuntOf('Al onze medewerkers registreren op een gelijkgerichte manier in LARS.'), 4);
  });

  it('has a realistic mix of statuses, owners and deadlines for 2026-11-23', () => {
    const statuses = new Set(plan.acties.map((a) => a.status));
    assert.deepEqual([...statuses].sort(), [...ACTION_STATUSES].sort());
    assert.ok(plan.acties.filter((a) => a.owner).length > plan.acties.length * 0.9);
    assert.ok(plan.acties.some((a) => !a.owner && a.status !== 'afgerond'));
    const overview = planOverview(plan, TODAY);
    assert.ok(overview.overdueCount >= 3);
    for (const s of overview.speerpunten) {
      assert.ok(s.overdueCount > 0 || s.nextDue, `speerpunt ${s.number} shows nothing overdue or due`);
    }
    assert.ok(plan.acties.some((a) => a.deadline && a.deadline >= '2026-09-01' && a.deadline <= '2027-08-31' && a.deadline >= TODAY));
  });

  it('status speerpunt 3 on 2026-11-23 (demo data)', () => {
    const s = speerpuntStatus(plan, 3, TODAY)!;
    assert.deepEqual(
      s.overdue.map((a) => [a.deadline, a.title]),
      [
        ['2026-06-30', 'We laten een security audit uitvoeren door een laatstejaarsstudent ‘Computer & cyber crime professional’.'],
        ['2026-11-13', 'We maken een kritische analyse van de eigen planlast.'],
      ],
    );
    assert.deepEqual(
      s.dueNext.map((a) => a.deadline),
      ['2027-01-15', '2027-06-30'],
    );
    assert.equal(s.total, plan.acties.filter((a) => findDoelstelling(plan, a.doelstellingId)!.speerpunt === 3).length);
    assert.ok(s.unowned.length >= 1);
  });

  it('round-trips through serializePlanFile', () => {
    const again = parsePlanFile(serializePlanFile(plan));
    assert.ok(again.ok);
    assert.deepEqual(again.plan, plan);
  });
});

describe('The demo plan\'s dates agree with its period', () => {
  it('has every deadline and note in a planned school year of its action, inside the plan\'s period', () => {
    const plan = demoPlan();
    const [from, to] = plan.period!.split('-').map(Number) as [number, number];
    for (const a of plan.acties) {
      for (const year of a.schoolYears) {
        const start = Number(year.slice(0, 4));
        assert.ok(start >= from - 1 && start <= to, `${a.id}: ${year} lies outside the period ${plan.period}`);
      }
      if (a.deadline) assert.ok(a.schoolYears.includes(schoolYearOfDate(a.deadline)), `${a.id}: deadline ${a.deadline} is in none of ${a.schoolYears.join(', ')}`);
      for (const note of a.notes) assert.ok(Number(note.date.slice(0, 4)) >= from, `${a.id}: note of ${note.date} before the plan`);
    }
  });
});
