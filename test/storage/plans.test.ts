import assert from 'node:assert/strict';
import type { TableClient } from '@azure/data-tables';
import sinon from 'sinon';
import { PoolsterError } from '../../domain/errors';
import type { Actie, Plan } from '../../domain/plan/model';
import { MAX_BATCH_ENTITIES, PlanRepository, UPDATE_ATTEMPTS } from '../../storage/plans';
import { keyPart } from '../../storage/tables';
import { freshTables } from '../support/azurite';
import { demoPlan } from '../support/planFixture';

function smallPlan(): Plan {
  const plan = demoPlan();
  const keepDoel = new Set(plan.doelstellingen.filter((d) => d.speerpunt === 1).slice(0, 2).map((d) => d.id));
  return {
    ...plan,
    doelstellingen: plan.doelstellingen.filter((d) => keepDoel.has(d.id)),
    acties: plan.acties.filter((a) => keepDoel.has(a.doelstellingId)),
  };
}

async function rowKeys(table: TableClient, centreId: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const row of table.listEntities({ queryOptions: { filter: `PartitionKey eq '${keyPart(centreId)}'` } })) keys.push(String(row.rowKey));
  return keys.sort();
}

describe('PlanRepository on Azure Tables (real Azurite)', () => {
  let table: TableClient;
  let plans: PlanRepository;

  beforeEach(async () => {
    const tables = await freshTables();
    table = tables.client('Plans');
    plans = new PlanRepository(table);
  });

  it('has no plan for a centre that never loaded one', async () => {
    assert.equal(await plans.getPlan('centre-without-plan'), undefined);
    assert.equal(await plans.hasPlan('centre-without-plan'), false);
  });

  it('stores the whole demo plan in one partition, one row per record, and reads it back identical and in order', async () => {
    const plan = demoPlan();
    const result = await plans.replacePlan('c1', plan);
    const rows = 1 + plan.speerpunten.length + plan.doelstellingen.length + plan.acties.length;
    assert.equal(result.written, rows);
    assert.ok(rows > MAX_BATCH_ENTITIES, 'the demo plan needs more than one batch');
    assert.ok(result.batches >= 2);
    const keys = await rowKeys(table, 'c1');
    assert.equal(keys.length, rows);
    assert.ok(keys.includes('plan') && keys.includes('sp~1') && keys.includes('sp~4'));
    assert.ok(keys.includes(`doel~${plan.doelstellingen[0]!.id}`));
    assert.ok(keys.includes(`actie~${plan.acties[0]!.id}`));
    assert.deepEqual(await plans.getPlan('c1'), plan);
  });

  it('keeps centres apart: another centre sees nothing of this plan', async () => {
    await plans.replacePlan('c1', demoPlan());
    assert.equal(await plans.getPlan('c2'), undefined);
    assert.equal(await plans.getActie('c2', demoPlan().acties[0]!.id), undefined);
  });

  it('replacing a plan removes the rows that are no longer in it', async () => {
    await plans.replacePlan('c1', demoPlan());
    const small = smallPlan();
    const result = await plans.replacePlan('c1', small);
    assert.ok(result.removed > 100);
    assert.deepEqual(await plans.getPlan('c1'), small);
    assert.equal((await rowKeys(table, 'c1')).length, 1 + 4 + small.doelstellingen.length + small.acties.length);
  });

  it('keeps long texts and many notes whole (beyond one property\'s 32K characters)', async () => {
    const plan = smallPlan();
    const notes = Array.from({ length: 40 }, (_, i) => ({ date: '2026-10-01', author: 'Élise', text: `Notitie ${i} – ${'ë'.repeat(1900)}` }));
    plan.acties[0] = { ...plan.acties[0]!, notes };
    await plans.replacePlan('c1', plan);
    assert.deepEqual((await plans.getActie('c1', plan.acties[0]!.id))?.notes, notes);
    assert.deepEqual(await plans.getPlan('c1'), plan);
  });

  it('rejects a corrupted row instead of returning half a plan', async () => {
    const plan = smallPlan();
    await plans.replacePlan('c1', plan);
    await table.updateEntity({ partitionKey: 'c1', rowKey: `actie~${plan.acties[0]!.id}`, status: 'misschien' }, 'Merge');
    await assert.rejects(plans.getPlan('c1'), /not valid/);
  });

  it('updates one actie and refuses an invalid change', async () => {
    const plan = smallPlan();
    await plans.replacePlan('c1', plan);
    const id = plan.acties[1]!.id;
    const updated = await plans.updateActie('c1', id, (a) => ({ ...a, status: 'afgerond' }));
    assert.equal(updated?.status, 'afgerond');
    assert.equal((await plans.getActie('c1', id))?.status, 'afgerond');
    await assert.rejects(plans.updateActie('c1', id, (a) => ({ ...a, deadline: '2026-02-30' })));
    assert.equal(await plans.updateActie('c1', 'does-not-exist', (a) => a), undefined);
    assert.equal(await plans.updateActie('c2', id, (a) => ({ ...a, status: 'geschrapt' })), undefined, 'another centre cannot reach it');
  });

  it('never loses a change when two people update the same actie at the same time', async () => {
    const plan = smallPlan();
    await plans.replacePlan('c1', plan);
    const id = plan.acties[0]!.id;
    const before = plan.acties[0]!.notes.length;
    const addNote = (author: string) => (a: Actie): Actie => ({ ...a, notes: [...a.notes, { date: '2026-11-23', author, text: `Notitie van ${author}` }] });
    await Promise.all([plans.updateActie('c1', id, addNote('Els')), plans.updateActie('c1', id, addNote('Karim'))]);
    const stored = await plans.getActie('c1', id);
    assert.equal(stored!.notes.length, before + 2);
    assert.deepEqual(stored!.notes.slice(before).map((n) => n.author).sort(), ['Els', 'Karim']);
  });

  it('re-applies the change to the fresh row after a conflict (many writers at once)', async () => {
    const plan = smallPlan();
    await plans.replacePlan('c1', plan);
    const id = plan.acties[0]!.id;
    const authors = ['A', 'B', 'C', 'D', 'E', 'F'];
    let calls = 0;
    await Promise.all(
      authors.map((author) =>
        plans.updateActie('c1', id, (a) => {
          calls += 1;
          return { ...a, notes: [...a.notes, { date: '2026-11-23', author, text: 'x' }] };
        }),
      ),
    );
    const stored = await plans.getActie('c1', id);
    assert.deepEqual(stored!.notes.map((n) => n.author).filter((n) => authors.includes(n)).sort(), authors);
    assert.ok(calls > authors.length, 'conflicts were retried on the fresh row');
  });

  it('gives up with a Dutch conflict message when the row keeps changing under it', async () => {
    const plan = smallPlan();
    await plans.replacePlan('c1', plan);
    const id = plan.acties[0]!.id;
    const stub = sinon.stub(table, 'updateEntity').rejects(Object.assign(new Error('Precondition Failed'), { statusCode: 412 }));
    try {
      let calls = 0;
      await assert.rejects(
        plans.updateActie('c1', id, (a) => {
          calls += 1;
          return { ...a, status: 'lopend' };
        }),
        (error: unknown) => error instanceof PoolsterError && error.code === 'conflict' && /opnieuw/.test(error.userMessage),
      );
      assert.equal(calls, UPDATE_ATTEMPTS, 'a bounded number of attempts, each on a fresh read');
    } finally {
      stub.restore();
    }
  });

  it('adds a new actie with a fresh id after the others, only under an existing doelstelling', async () => {
    const plan = smallPlan();
    await plans.replacePlan('c1', plan);
    const doelstellingId = plan.doelstellingen[0]!.id;
    const actie = await plans.addActie('c1', { doelstellingId, title: 'Nieuwe actie', schoolYears: ['2026-2027'], status: 'gepland', notes: [] }, plan.acties.length);
    assert.match(actie.id, /^n-[a-z0-9]{6}$/);
    const stored = await plans.getPlan('c1');
    assert.deepEqual(stored!.acties.at(-1), actie);
    await assert.rejects(
      plans.addActie('c1', { doelstellingId: 'nope', title: 'x', schoolYears: [], status: 'gepland', notes: [] }, 0),
      (error: unknown) => error instanceof PoolsterError && error.code === 'not-found',
    );
  });
});
