/**
 * The network part of the demo data (`npm run dev`): the playground user becomes a coordinator of
 * the demo centre's network, the demo centre opts in, and a second fictional centre of that
 * network ("Vrij CLB Leiestreek (demo)") is loaded, opted in, with a confirmed team inschaling of
 * this school year and planned actions linked to its priorities, so the Lerende community and
 * `netwerk overzicht` have something to show at once. Idempotent: what exists is left alone.
 */
import { readFile } from 'node:fs/promises';
import { BOUWSTEEN_IDS, type BouwsteenId, type StadiumLevel } from '../domain/catalogue/types';
import type { Centre } from '../domain/centre/model';
import type { Plan } from '../domain/plan/model';
import { parsePlanFile } from '../domain/plan/planFile';
import type { Inschaling } from '../domain/result/inschaling';
import { schoolYearOf } from '../domain/schoolYear';
import type { CentreRepository } from './centres';
import { DEMO_PLAN_FILE } from './demo';
import type { InschalingRepository } from './inschalingen';
import type { CoordinatorRepository } from './network';
import type { PlanRepository } from './plans';

export const SECOND_DEMO_CENTRE_NAME = 'Vrij CLB Leiestreek (demo)';
/** The second centre's fictional director (never a playground user). */
export const SECOND_DEMO_DIRECTOR = { userId: 'demo-leiestreek-directeur', channelUserId: 'demo-leiestreek-directeur', name: 'Sofie Claes' } as const;

export interface DemoNetworkDeps {
  centres: CentreRepository;
  plans: PlanRepository;
  inschalingen: InschalingRepository;
  coordinators: CoordinatorRepository;
  now: () => Date;
}

/** Stadia of the second demo centre: a spread over the continuum (no judgement in it). */
const SECOND_STADIA: Record<BouwsteenId, StadiumLevel> = {
  '4.1': 3, '4.2': 2, '4.3': 2, '5.1': 1, '5.2': 2, '5.3': 3, '6.1': 2, '6.2': 3, '6.3': 2, '6.4': 1, '6.5': 2,
};
const SECOND_PRIORITIES: BouwsteenId[] = ['5.1', '6.4', '4.3'];
const SECOND_INSPIRING: BouwsteenId[] = ['6.2', '5.3'];

/** The second centre's plan: the demo plan's structure with its first actions linked to the priorities. */
const SECOND_ACTIONS: Array<{ title: string; bouwsteenId: BouwsteenId; status: 'gepland' | 'lopend' | 'afgerond'; deadline: string }> = [
  { title: 'Intervisie per regioteam elke maand', bouwsteenId: '5.1', status: 'lopend', deadline: '2027-01-31' },
  { title: 'Gezamenlijke casusbespreking met de onthaalmedewerkers', bouwsteenId: '5.1', status: 'gepland', deadline: '2027-03-31' },
  { title: 'Vormingsdag onderzoekend werken voor alle teams', bouwsteenId: '6.4', status: 'gepland', deadline: '2027-02-28' },
  { title: 'Preventieaanbod rond welbevinden afstemmen met de scholen', bouwsteenId: '4.3', status: 'lopend', deadline: '2026-12-18' },
];

function secondInschaling(centre: Centre, now: Date): Inschaling {
  const at = now.toISOString();
  const by = SECOND_DEMO_DIRECTOR.name;
  return {
    tenantId: centre.tenantId,
    centreId: centre.centreId,
    schoolYear: schoolYearOf(now),
    roundId: `demo-${centre.centreId}`,
    visibility: 'anoniem',
    version: 1,
    confirmations: Object.fromEntries(
      BOUWSTEEN_IDS.map((id) => [id, { bouwsteenId: id, stadium: SECOND_STADIA[id], proposal: SECOND_STADIA[id], tie: false, confirmedBy: SECOND_DEMO_DIRECTOR.userId, confirmedByName: by, confirmedAt: at }]),
    ) as Inschaling['confirmations'],
    priorities: SECOND_PRIORITIES,
    offeredInspiring: SECOND_INSPIRING,
    snapshot: {
      memberCount: 5,
      submittedCount: 5,
      closingCount: 5,
      bouwstenen: BOUWSTEEN_IDS.map((id) => ({
        bouwsteenId: id,
        respondents: 5,
        distribution: { 1: 0, 2: 0, 3: 0, 4: 0, [SECOND_STADIA[id]]: 5 } as Record<StadiumLevel, number>,
        proposedStadium: SECOND_STADIA[id],
        tie: false,
        agreement: 'eensgezind',
        spread: 0,
        ambitions: { aanhouden: 2, 2: 0, 3: 3, 4: 0 },
      })),
      priorities: SECOND_PRIORITIES.map((id, i) => ({ bouwsteenId: id, points: 25 - i * 5, firstPlaces: i === 0 ? 5 : 0, mentions: 5, rank: i + 1 })),
      inspiring: { perBouwsteen: SECOND_INSPIRING.map((id) => ({ bouwsteenId: id, count: 4 })), notYetInspiringCount: 0 },
    },
    confirmedAt: at,
    confirmedBy: SECOND_DEMO_DIRECTOR.userId,
    confirmedByName: by,
    published: true,
    publishedAt: at,
    publishedBy: SECOND_DEMO_DIRECTOR.userId,
    publishedByName: by,
  };
}

async function secondPlan(): Promise<Plan> {
  const parsed = parsePlanFile(await readFile(DEMO_PLAN_FILE, 'utf8'));
  if (!parsed.ok) throw new Error(`The demo plan ${DEMO_PLAN_FILE} has problems (line ${parsed.problems[0]?.line})`);
  const plan = parsed.plan;
  return {
    ...plan,
    title: 'Beleidsplan Vrij CLB Leiestreek (demo)',
    acties: plan.acties.map((a, i) => {
      const link = SECOND_ACTIONS[i];
      const { bouwsteenId: _bouwsteenId, owner: _owner, ...rest } = a;
      return link ? { ...rest, title: link.title, bouwsteenId: link.bouwsteenId, status: link.status, deadline: link.deadline, notes: [] } : rest;
    }),
  };
}

async function optIn(deps: DemoNetworkDeps, tenantId: string, centreId: string): Promise<void> {
  const centre = await deps.centres.getCentre(tenantId, centreId);
  if (!centre || centre.networkOptIn) return;
  const { etag, ...plain } = centre;
  await deps.centres.updateCentre({ ...plain, networkOptIn: true }, etag);
}

export async function loadDemoNetwork(
  deps: DemoNetworkDeps,
  input: { tenantId: string; firstCentreId: string; coordinator: { userId: string; name: string } },
): Promise<{ secondCentreId: string; created: boolean }> {
  const now = deps.now();
  const first = await deps.centres.getCentre(input.tenantId, input.firstCentreId);
  if (!first) throw new Error('loadDemoNetwork needs the first demo centre');
  await optIn(deps, input.tenantId, first.centreId);
  if (!(await deps.coordinators.get(input.tenantId, first.network, input.coordinator.userId))) {
    await deps.coordinators.appoint({ tenantId: input.tenantId, network: first.network, userId: input.coordinator.userId, name: input.coordinator.name, appointedBy: 'npm run dev (demodata)', appointedAt: now.toISOString() });
  }
  const existing = (await deps.centres.listCentres(input.tenantId)).find((c) => c.name === SECOND_DEMO_CENTRE_NAME);
  if (existing) return { secondCentreId: existing.centreId, created: false };
  const { centre } = await deps.centres.createCentre({
    tenantId: input.tenantId,
    name: SECOND_DEMO_CENTRE_NAME,
    network: first.network,
    director: { tenantId: input.tenantId, ...SECOND_DEMO_DIRECTOR },
    now,
  });
  await deps.plans.replacePlan(centre.centreId, await secondPlan(), now);
  await deps.inschalingen.save(secondInschaling(centre, now));
  await optIn(deps, input.tenantId, centre.centreId);
  return { secondCentreId: centre.centreId, created: true };
}
