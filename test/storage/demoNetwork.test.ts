import assert from 'node:assert/strict';
import { CentreRepository } from '../../storage/centres';
import { DEMO_CENTRE_NAME, loadDemoData } from '../../storage/demo';
import { loadDemoNetwork, SECOND_DEMO_CENTRE_NAME } from '../../storage/demoNetwork';
import { InschalingRepository } from '../../storage/inschalingen';
import { CoordinatorRepository } from '../../storage/network';
import { PlanRepository } from '../../storage/plans';
import { freshTables } from '../support/azurite';

const TENANT = '00000000-0000-0000-0000-000000000001';

describe('demo network data (storage/demoNetwork.ts, real Azurite)', () => {
  it('makes the playground user coordinator of the demo network and loads a second opted-in centre with a confirmed inschaling and linked actions; idempotent', async () => {
    const tables = await freshTables();
    const centres = new CentreRepository(tables.client('Centres'), tables.client('People'));
    const plans = new PlanRepository(tables.client('Plans'));
    const inschalingen = new InschalingRepository(tables.client('Inschalingen'));
    const coordinators = new CoordinatorRepository(tables.client('Network'));
    const now = () => new Date('2026-11-23T09:00:00Z');
    const first = await loadDemoData({ centres, plans, now }, { tenantId: TENANT, directors: [{ userId: 'u-alex', channelUserId: '29:alex', name: 'Alex Wilber' }] });
    const deps = { centres, plans, inschalingen, coordinators, now };
    const input = { tenantId: TENANT, firstCentreId: first.centreId, coordinator: { userId: 'u-alex', name: 'Alex Wilber' } };
    const result = await loadDemoNetwork(deps, input);
    assert.equal(result.created, true);
    const all = await centres.listCentres(TENANT);
    assert.deepEqual(all.map((c) => [c.name, c.network, c.networkOptIn]).sort(), [
      [SECOND_DEMO_CENTRE_NAME, 'Vrij CLB Netwerk', true],
      [DEMO_CENTRE_NAME, 'Vrij CLB Netwerk', true],
    ]);
    assert.match(SECOND_DEMO_CENTRE_NAME, /CLB/);
    const [appointment] = await coordinators.networksOf(TENANT, 'u-alex');
    assert.deepEqual([appointment?.network, appointment?.appointedBy], ['Vrij CLB Netwerk', 'npm run dev (demodata)']);
    const confirmed = await inschalingen.latestConfirmed(TENANT, result.secondCentreId);
    assert.equal(confirmed?.schoolYear, '2026-2027');
    assert.deepEqual(confirmed?.priorities, ['5.1', '6.4', '4.3']);
    const plan = await plans.getPlan(result.secondCentreId);
    for (const id of confirmed!.priorities) assert.ok(plan!.acties.some((a) => a.bouwsteenId === id), `an action linked to ${id}`);
    assert.ok(plan!.acties.every((a) => a.owner === undefined), 'no owner names in the fictional centre');
    const again = await loadDemoNetwork(deps, input);
    assert.deepEqual(again, { secondCentreId: result.secondCentreId, created: false });
    assert.equal((await centres.listCentres(TENANT)).length, 2);
    assert.equal((await coordinators.list(TENANT)).length, 1);
  });
});
