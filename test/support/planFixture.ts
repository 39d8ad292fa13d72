/**
 * Test fixtures for the beleidsplan: the demo plan, and a centre with people and the demo plan
 * loaded through the real repositories of a running test bot.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Person, Role } from '../../domain/centre/model';
import type { Plan } from '../../domain/plan/model';
import { parsePlanFile } from '../../domain/plan/planFile';
import type { TestBot, TestUser } from './bot';

/** The demo plan is written for this day (data/demo-plan.yaml): acties over tijd and due soon. */
export const DEMO_TODAY = '2026-11-23';
/** 10:00 in Brussels on DEMO_TODAY. */
export const DEMO_NOW = new Date('2026-11-23T09:00:00Z');

let cached: Plan | undefined;

/** A fresh copy of the parsed demo plan. */
export function demoPlan(): Plan {
  if (!cached) {
    const result = parsePlanFile(readFileSync(path.resolve(__dirname, '..', '..', 'data', 'demo-plan.yaml'), 'utf8'));
    if (!result.ok) throw new Error(`demo plan has problems: ${JSON.stringify(result.problems)}`);
    cached = result.plan;
  }
  return structuredClone(cached);
}

export interface PlanCentre {
  centreId: string;
  tenantId: string;
  director: TestUser;
  /** Members by the name they were created with. */
  members: Record<string, TestUser>;
  plan: Plan;
}

/**
 * Creates a centre with a director and members (TestUsers whose ids are stored as People) and,
 * unless `plan: null`, loads a plan (the demo plan by default) with the PlanRepository.
 */
export async function createPlanCentre(
  bot: TestBot,
  options: { name?: string; directorName?: string; members?: string[]; plan?: Plan | null; tenantId?: string } = {},
): Promise<PlanCentre> {
  const deps = bot.poolster.deps;
  const tenantId = options.tenantId;
  const director = bot.user(options.directorName ?? 'Dirk Directeur', tenantId ? { tenantId } : {});
  // The bot's clock, so a spec that fixes it gets rows dated on that clock too.
  const now = deps.now();
  const { centre } = await deps.centres.createCentre({
    tenantId: director.tenantId,
    name: options.name ?? 'Vrij CLB Test',
    network: 'Vrij CLB Netwerk',
    director: { tenantId: director.tenantId, userId: director.userId, channelUserId: director.channelUserId, name: director.name },
    now,
  });
  const members: Record<string, TestUser> = {};
  for (const name of options.members ?? []) {
    const user = bot.user(name, { tenantId: director.tenantId });
    await addPerson(bot, user, centre.centreId, ['lid']);
    members[name] = user;
  }
  const plan = options.plan === null ? undefined : (options.plan ?? demoPlan());
  if (plan) await deps.plans.replacePlan(centre.centreId, plan, now);
  return { centreId: centre.centreId, tenantId: director.tenantId, director, members, plan: plan ?? demoPlan() };
}

export async function addPerson(bot: TestBot, user: TestUser, centreId: string, roles: Role[]): Promise<void> {
  const person: Person = {
    tenantId: user.tenantId,
    userId: user.userId,
    channelUserId: user.channelUserId,
    centreId,
    name: user.name,
    roles,
    updatedAt: bot.poolster.deps.now().toISOString(),
  };
  await bot.poolster.deps.centres.savePerson(person);
}
