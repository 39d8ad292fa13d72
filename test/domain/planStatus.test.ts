import { strict as assert } from 'node:assert';
import type { Actie, ActionStatus, Plan } from '../../domain/plan/model';
import { actionsOfOwner, planOverview, speerpuntStatus } from '../../domain/plan/status';

const TODAY = '2026-11-23';

function actie(id: string, doelstellingId: string, status: ActionStatus, deadline?: string, owner?: string | { name: string; userId: string }): Actie {
  return {
    id,
    doelstellingId,
    title: `Actie ${id}`,
    schoolYears: ['2026-2027'],
    status,
    notes: [],
    ...(deadline ? { deadline } : {}),
    ...(owner ? { owner: typeof owner === 'string' ? { name: owner } : owner } : {}),
  };
}

/**
 * Speerpunt 1 has two doelstellingen with 13 actions; speerpunt 2 has one action; 3 and 4 none.
 */
function examplePlan(): Plan {
  return {
    title: 'Voorbeeld',
    speerpunten: [1, 2, 3, 4].map((n) => ({ number: n as 1 | 2 | 3 | 4, title: `Speerpunt ${n}`, why: '', requires: [], engagements: [] })),
    doelstellingen: [
      { id: 'd1', speerpunt: 1, kind: 'strategisch', title: 'D1' },
      { id: 'x', speerpunt: 2, kind: 'strategisch', title: 'X' },
      { id: 'd2', speerpunt: 1, kind: 'operationeel', title: 'D2' },
    ],
    acties: [
      actie('a1', 'd1', 'lopend', '2026-11-20', 'Els'), // overdue
      actie('a2', 'd1', 'gepland', '2026-11-23', ' els '), // due today: due next, same owner as a1
      actie('a3', 'd1', 'afgerond', '2026-10-01', 'Els'), // done: neither overdue nor open
      actie('a4', 'd1', 'uitgesteld', '2026-09-01'), // overdue, oldest, no owner
      actie('x1', 'x', 'lopend', '2026-01-01', { name: 'Els', userId: 'u-els' }), // other speerpunt
      actie('a5', 'd2', 'geschrapt', '2026-11-01', 'Pieter'), // dropped: ignored
      actie('a6', 'd2', 'lopend', undefined, 'Pieter'), // open, no deadline
      actie('a7', 'd2', 'gepland', '2026-12-01', 'An'),
      actie('a8', 'd2', 'gepland', '2026-11-30', 'An'),
      actie('a9', 'd2', 'gepland', '2027-01-15', 'An'),
      actie('a10', 'd2', 'gepland', '2026-12-01', 'An'), // same deadline as a7: after it (plan order)
      actie('a11', 'd2', 'gepland', '2027-02-01', 'An'), // 6th due: cut off
      actie('a12', 'd2', 'afgerond', undefined, 'Zoë'),
      actie('a13', 'd2', 'lopend', undefined, 'ähm'),
    ],
  };
}

const ids = (acties: readonly Actie[]) => acties.map((a) => a.id);

describe('speerpuntStatus', () => {
  it('worked example: speerpunt 1 on 2026-11-23', () => {
    const s = speerpuntStatus(examplePlan(), 1, TODAY)!;
    assert.equal(s.speerpunt.title, 'Speerpunt 1');
    assert.deepEqual(s.countsByStatus, { gepland: 6, lopend: 3, afgerond: 2, uitgesteld: 1, geschrapt: 1 });
    assert.equal(s.total, 13);
    assert.equal(s.progress, 2 / 12);
    assert.deepEqual(ids(s.overdue), ['a4', 'a1']);
    assert.deepEqual(ids(s.dueNext), ['a2', 'a8', 'a7', 'a10', 'a9']);
    assert.deepEqual(
      s.byOwner.map((g) => [g.name, ids(g.acties)]),
      [
        ['ähm', ['a13']],
        ['An', ['a7', 'a8', 'a9', 'a10', 'a11']],
        ['Els', ['a1', 'a2']],
        ['Pieter', ['a6']],
      ],
    );
    assert.deepEqual(ids(s.unowned), ['a4']);
  });

  it('speerpunt 2 only sees its own action; the user id is kept on the owner group', () => {
    const s = speerpuntStatus(examplePlan(), 2, TODAY)!;
    assert.equal(s.total, 1);
    assert.deepEqual(ids(s.overdue), ['x1']);
    assert.deepEqual(s.dueNext, []);
    assert.deepEqual(s.byOwner, [{ name: 'Els', userId: 'u-els', acties: [s.overdue[0]] }]);
    assert.equal(s.progress, 0);
  });

  it('a speerpunt without actions', () => {
    const s = speerpuntStatus(examplePlan(), 3, TODAY)!;
    assert.deepEqual(s.countsByStatus, { gepland: 0, lopend: 0, afgerond: 0, uitgesteld: 0, geschrapt: 0 });
    assert.equal(s.total, 0);
    assert.equal(s.progress, 0);
    assert.deepEqual([s.overdue, s.dueNext, s.byOwner, s.unowned], [[], [], [], []]);
  });

  it('a deadline of today is due, the day after it is overdue', () => {
    assert.deepEqual(ids(speerpuntStatus(examplePlan(), 1, '2026-11-24')!.overdue), ['a4', 'a1', 'a2']);
  });

  it('everything geschrapt gives progress 0, everything afgerond gives 1', () => {
    const plan = examplePlan();
    plan.acties = plan.acties.map((a) => ({ ...a, status: 'geschrapt' as const }));
    assert.equal(speerpuntStatus(plan, 1, TODAY)!.progress, 0);
    plan.acties = plan.acties.map((a) => ({ ...a, status: 'afgerond' as const }));
    assert.equal(speerpuntStatus(plan, 1, TODAY)!.progress, 1);
  });

  it('unknown speerpunt → undefined; bad today → throws', () => {
    assert.equal(speerpuntStatus(examplePlan(), 9, TODAY), undefined);
    assert.throws(() => speerpuntStatus(examplePlan(), 1, '23/11/2026'), RangeError);
  });
});

describe('planOverview', () => {
  it('summarizes every speerpunt and the whole plan', () => {
    const o = planOverview(examplePlan(), TODAY);
    assert.equal(o.today, TODAY);
    assert.deepEqual(
      o.speerpunten.map((s) => [s.number, s.total, s.openCount, s.overdueCount, s.nextDue?.id]),
      [
        [1, 13, 10, 2, 'a2'],
        [2, 1, 1, 1, undefined],
        [3, 0, 0, 0, undefined],
        [4, 0, 0, 0, undefined],
      ],
    );
    assert.deepEqual(o.countsByStatus, { gepland: 6, lopend: 4, afgerond: 2, uitgesteld: 1, geschrapt: 1 });
    assert.equal(o.total, 14);
    assert.equal(o.progress, 2 / 13);
    assert.equal(o.overdueCount, 3);
  });
});

describe('actionsOfOwner', () => {
  it('matches names case- and space-insensitively, and user ids exactly, in plan order, all statuses', () => {
    const plan = examplePlan();
    assert.deepEqual(ids(actionsOfOwner(plan, 'ELS')), ['a1', 'a2', 'a3', 'x1']);
    assert.deepEqual(ids(actionsOfOwner(plan, 'u-els')), ['x1']);
    assert.deepEqual(ids(actionsOfOwner(plan, '  pieter ')), ['a5', 'a6']);
    assert.deepEqual(actionsOfOwner(plan, 'niemand'), []);
    assert.deepEqual(actionsOfOwner(plan, '  '), []);
  });
});
