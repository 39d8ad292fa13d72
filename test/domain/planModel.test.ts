import { strict as assert } from 'node:assert';
import {
  ACTION_STATUSES,
  ACTION_STATUS_LABELS,
  ActieSchema,
  PlanSchema,
  actiesOfSpeerpunt,
  speerpuntOfActie,
  type Plan,
} from '../../domain/plan/model';
import { isIsoDate, isIsoDateTime } from '../../domain/time';

function basePlan(): Plan {
  return {
    title: 'Plan',
    speerpunten: [1, 2, 3, 4].map((n) => ({ number: n as 1 | 2 | 3 | 4, title: `SP ${n}`, why: '', requires: [], engagements: [] })),
    doelstellingen: [
      { id: 'd1', speerpunt: 1, kind: 'strategisch', title: 'Doel 1' },
      { id: 'd2', speerpunt: 3, kind: 'operationeel', title: 'Doel 2', chapter: '3. Personeel' },
    ],
    acties: [
      { id: 'a1', doelstellingId: 'd1', title: 'Actie 1', schoolYears: ['2020-2021'], status: 'gepland', notes: [] },
      { id: 'a2', doelstellingId: 'd2', title: 'Actie 2', schoolYears: [], status: 'afgerond', notes: [], bouwsteenId: '5.1' },
    ],
  };
}

function issuePaths(plan: unknown): string[] {
  const r = PlanSchema.safeParse(plan);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
}

describe('plan model', () => {
  it('has five statuses with Dutch labels', () => {
    assert.deepEqual([...ACTION_STATUSES], ['gepland', 'lopend', 'afgerond', 'uitgesteld', 'geschrapt']);
    assert.deepEqual(Object.keys(ACTION_STATUS_LABELS), [...ACTION_STATUSES]);
    assert.equal(ACTION_STATUS_LABELS.uitgesteld, 'Uitgesteld');
  });

  it('accepts a consistent plan', () => {
    assert.deepEqual(issuePaths(basePlan()), []);
  });

  it('checks cross-references and unique ids', () => {
    const plan = basePlan();
    plan.acties.push({ id: 'a1', doelstellingId: 'nope', title: 'X', schoolYears: [], status: 'lopend', notes: [] });
    plan.doelstellingen.push({ id: 'd1', speerpunt: 2, kind: 'strategisch', title: 'Dubbel' });
    assert.deepEqual(issuePaths(plan).sort(), ['acties.2.doelstellingId', 'acties.2.id', 'doelstellingen.2.id']);
  });

  it('needs exactly four speerpunten numbered 1..4', () => {
    const three = basePlan();
    three.speerpunten.pop();
    assert.deepEqual(issuePaths(three), ['speerpunten']);
    const dup = basePlan();
    dup.speerpunten[3] = { ...dup.speerpunten[3]!, number: 1 };
    assert.ok(issuePaths(dup).includes('speerpunten.3.number'));
    const seven = basePlan() as unknown as { speerpunten: { number: number }[] };
    seven.speerpunten[3]!.number = 7;
    assert.ok(issuePaths(seven).includes('speerpunten.3.number'));
  });

  it('validates an actie: title length, school year, dates, bouwsteen', () => {
    const ok = { id: 'a', doelstellingId: 'd', title: 'T', schoolYears: ['2020-2021'], status: 'lopend', notes: [] };
    assert.equal(ActieSchema.safeParse(ok).success, true);
    assert.equal(ActieSchema.safeParse({ ...ok, title: 'x'.repeat(301) }).success, false);
    assert.equal(ActieSchema.safeParse({ ...ok, title: '   ' }).success, false);
    assert.equal(ActieSchema.safeParse({ ...ok, schoolYears: ['20-21'] }).success, false);
    assert.equal(ActieSchema.safeParse({ ...ok, schoolYears: ['2020-2022'] }).success, false);
    assert.equal(ActieSchema.safeParse({ ...ok, deadline: '2026-02-29' }).success, false);
    assert.equal(ActieSchema.safeParse({ ...ok, deadline: '2028-02-29' }).success, true);
    assert.equal(ActieSchema.safeParse({ ...ok, bouwsteenId: '6.6' }).success, false);
    assert.equal(ActieSchema.safeParse({ ...ok, status: 'klaar' }).success, false);
    const note = { date: '2026-11-23T10:00:00Z', author: 'Els', text: 'x'.repeat(2000) };
    assert.equal(ActieSchema.safeParse({ ...ok, notes: [note] }).success, true);
    assert.equal(ActieSchema.safeParse({ ...ok, notes: [{ ...note, text: 'x'.repeat(2001) }] }).success, false);
    assert.equal(ActieSchema.safeParse({ ...ok, notes: [{ ...note, date: '23/11/2026' }] }).success, false);
  });

  it('date helpers', () => {
    assert.equal(isIsoDate('2026-11-23'), true);
    assert.equal(isIsoDate('2026-11-31'), false);
    assert.equal(isIsoDate('2026-1-3'), false);
    assert.equal(isIsoDateTime('2026-11-23T08:00:00+01:00'), true);
    assert.equal(isIsoDateTime('2026-11-23T08:00:00.123Z'), true);
    assert.equal(isIsoDateTime('2026-11-23T08:00:00'), false);
    assert.equal(isIsoDateTime('2026-02-30T08:00Z'), false);
  });

  it('lookups by speerpunt', () => {
    const plan = basePlan();
    assert.deepEqual(actiesOfSpeerpunt(plan, 3).map((a) => a.id), ['a2']);
    assert.equal(speerpuntOfActie(plan, plan.acties[0]!), 1);
  });
});
