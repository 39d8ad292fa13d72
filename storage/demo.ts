/**
 * Demo data for `npm run dev`: when a tenant has no centre yet, a demo centre with the given people
 * as directors and the demo plan (data/demo-plan.yaml, seeds 000 and 001). Idempotent: once the
 * tenant has a centre nothing is created again; a demo centre whose plan is missing (an earlier run
 * stopped half-way) gets its plan.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Person } from '../domain/centre/model';
import { parsePlanFile } from '../domain/plan/planFile';
import type { CentreRepository } from './centres';
import type { PlanRepository } from './plans';
import { withDemoDirectorActions } from './demoInschaling';

export const DEMO_CENTRE_NAME = 'Vrij CLB Westhoek en Houtland (demo)';
export const DEMO_PLAN_FILE = path.resolve(__dirname, '..', 'data', 'demo-plan.yaml');

export interface DemoDirector {
  userId: string;
  channelUserId: string;
  name: string;
}

export interface DemoDeps {
  centres: CentreRepository;
  plans: PlanRepository;
  now: () => Date;
}

export interface DemoResult {
  /** The demo centre, or the tenant's existing centre when it had one. */
  centreId: string;
  centreCreated: boolean;
  planLoaded: boolean;
}

export async function loadDemoData(deps: DemoDeps, input: { tenantId: string; directors: DemoDirector[] }): Promise<DemoResult> {
  const [first, ...others] = input.directors;
  if (!first) throw new Error('loadDemoData needs at least one director');

  const existing = await deps.centres.listCentres(input.tenantId);
  if (existing.length > 0) {
    const demo = existing.find((c) => c.name === DEMO_CENTRE_NAME);
    const centreId = (demo ?? existing[0]!).centreId;
    if (!demo || (await deps.plans.hasPlan(demo.centreId))) return { centreId, centreCreated: false, planLoaded: false };
    await importDemoPlan(deps, demo.centreId, first);
    return { centreId, centreCreated: false, planLoaded: true };
  }

  // Read and check the plan before creating anything.
  const plan = await readDemoPlan();
  const now = deps.now();
  const { centre } = await deps.centres.createCentre({
    tenantId: input.tenantId,
    name: DEMO_CENTRE_NAME,
    network: 'Vrij CLB Netwerk',
    director: { tenantId: input.tenantId, userId: first.userId, channelUserId: first.channelUserId, name: first.name },
    now,
  });
  for (const director of others) {
    const person: Person = {
      tenantId: input.tenantId,
      userId: director.userId,
      channelUserId: director.channelUserId,
      centreId: centre.centreId,
      name: director.name,
      roles: ['directeur', 'lid'],
      updatedAt: now.toISOString(),
    };
    await deps.centres.addPersonIfNew(person);
  }
  await deps.plans.replacePlan(centre.centreId, withDemoDirectorActions(plan, first), now);
  return { centreId: centre.centreId, centreCreated: true, planLoaded: true };
}

async function readDemoPlan() {
  const result = parsePlanFile(await readFile(DEMO_PLAN_FILE, 'utf8'));
  if (!result.ok) {
    const lines = result.problems.map((p) => `line ${p.line}: ${p.message}`).join('\n');
    throw new Error(`The demo plan ${DEMO_PLAN_FILE} has problems:\n${lines}`);
  }
  return result.plan;
}

async function importDemoPlan(deps: DemoDeps, centreId: string, director: DemoDirector): Promise<void> {
  await deps.plans.replacePlan(centreId, withDemoDirectorActions(await readDemoPlan(), director), deps.now());
}
