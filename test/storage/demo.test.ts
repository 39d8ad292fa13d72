import assert from 'node:assert/strict';
import { CentreRepository } from '../../storage/centres';
import { DEMO_CENTRE_NAME, loadDemoData } from '../../storage/demo';
import { PlanRepository } from '../../storage/plans';
import { withDemoDirectorActions } from '../../storage/demoInschaling';
import { freshTables } from '../support/azurite';
import { demoPlan } from '../support/planFixture';

const TENANT = '00000000-0000-0000-0000-000000000001';
const directors = [
  { userId: 'u-alex', channelUserId: '29:alex', name: 'Alex Wilber' },
  { userId: 'u-megan', channelUserId: '29:megan', name: 'Megan Bowen' },
];

describe('demo data (storage/demo.ts, real Azurite)', () => {
  let centres: CentreRepository;
  let plans: PlanRepository;
  const now = () => new Date('2026-11-23T09:00:00Z');

  beforeEach(async () => {
    const tables = await freshTables();
    centres = new CentreRepository(tables.client('Centres'), tables.client('People'));
    plans = new PlanRepository(tables.client('Plans'));
  });

  it('creates the demo centre with the directors and the demo plan when the tenant has no centre', async () => {
    const result = await loadDemoData({ centres, plans, now }, { tenantId: TENANT, directors });
    assert.deepEqual({ created: result.centreCreated, loaded: result.planLoaded }, { created: true, loaded: true });
    const [centre, ...more] = await centres.listCentres(TENANT);
    assert.equal(more.length, 0);
    assert.equal(centre!.name, DEMO_CENTRE_NAME);
    assert.equal(centre!.network, 'Vrij CLB Netwerk');
    const people = await centres.listPeople(TENANT, centre!.centreId);
    assert.deepEqual(people.map((p) => [p.name, p.roles]), [
      ['Alex Wilber', ['directeur', 'lid']],
      ['Megan Bowen', ['directeur', 'lid']],
    ]);
    assert.deepEqual(await plans.getPlan(centre!.centreId), withDemoDirectorActions(demoPlan(), directors[0]!), 'the plan, with the "directeur" actions as Alex\'s own');
  });

  it('is idempotent: a second call changes nothing', async () => {
    const first = await loadDemoData({ centres, plans, now }, { tenantId: TENANT, directors });
    await plans.updateActie(first.centreId, demoPlan().acties[0]!.id, (a) => ({ ...a, status: 'lopend' }));
    const second = await loadDemoData({ centres, plans, now }, { tenantId: TENANT, directors });
    assert.deepEqual(second, { centreId: first.centreId, centreCreated: false, planLoaded: false });
    assert.equal((await centres.listCentres(TENANT)).length, 1);
    assert.equal((await plans.getActie(first.centreId, demoPlan().acties[0]!.id))?.status, 'lopend', 'a change made since is kept');
  });

  it('leaves a tenant that already has its own centre alone', async () => {
    const { centre } = await centres.createCentre({
      tenantId: TENANT,
      name: 'Eigen centrum',
      network: 'GO! CLB',
      director: { tenantId: TENANT, userId: 'u-other', channelUserId: '29:other', name: 'Olga' },
      now: now(),
    });
    const result = await loadDemoData({ centres, plans, now }, { tenantId: TENANT, directors });
    assert.deepEqual(result, { centreId: centre.centreId, centreCreated: false, planLoaded: false });
    assert.equal(await plans.getPlan(centre.centreId), undefined);
    assert.equal(await centres.getPerson(TENANT, 'u-alex'), undefined);
  });

  it('completes a demo centre whose plan is missing (an earlier start stopped half-way)', async () => {
    const { centre } = await centres.createCentre({
      tenantId: TENANT,
      name: DEMO_CENTRE_NAME,
      network: 'Vrij CLB Netwerk',
      director: { tenantId: TENANT, userId: 'u-alex', channelUserId: '29:alex', name: 'Alex Wilber' },
      now: now(),
    });
    const result = await loadDemoData({ centres, plans, now }, { tenantId: TENANT, directors });
    assert.deepEqual(result, { centreId: centre.centreId, centreCreated: false, planLoaded: true });
    assert.deepEqual(await plans.getPlan(centre.centreId), withDemoDirectorActions(demoPlan(), directors[0]!));
  });

  it('needs at least one director', async () => {
    await assert.rejects(loadDemoData({ centres, plans, now }, { tenantId: TENANT, directors: [] }), /at least one director/);
  });
});
