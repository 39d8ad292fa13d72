/**
 * Demo wiring for `npm run dev` (DEMO_DATA=true): the Agents Playground's default user becomes the
 * director of the demo centre, so `help`, `status speerpunt 3` and the rest can be tried at once.
 *
 * The ids below are what Agents Playground 0.2.28 sends with its built-in configuration (seen in the
 * activities it posts, and in its default config file). They are not real GUIDs: the last group of
 * the tenant and user ids has 13 digits, so they would not pass ALLOWED_TENANTS validation; leave
 * ALLOWED_TENANTS empty when working with the playground.
 */
import type { Logger } from 'pino';
import type { CentreRepository } from '../storage/centres';
import { loadDemoData, type DemoResult } from '../storage/demo';
import { PlanRepository } from '../storage/plans';
import { SurveyRepository } from '../storage/survey';
import { InschalingRepository } from '../storage/inschalingen';
import { loadDemoInschaling } from '../storage/demoInschaling';
import type { Tables } from '../storage/tables';

/** `conversation.tenantId` and `channelData.tenant.id` of every playground activity. */
export const PLAYGROUND_TENANT_ID = '00000000-0000-0000-0000-0000000000001';

/** The playground's current user, "Alex Wilber". */
export const PLAYGROUND_USER = {
  /** `from.aadObjectId`: what Poolster uses as the person's userId. */
  userId: '00000000-0000-0000-0000-0000000000020',
  /** `from.id`: the channel account id used for proactive messages. */
  channelUserId: 'user-id-0',
  name: 'Alex Wilber',
} as const;

/** `recipient.id` of the bot in playground activities ("Test Bot"). */
export const PLAYGROUND_BOT_ID = '00000000-0000-0000-0000-00000000000011';

/** The playground's mocked team; its channels have these conversation ids. */
export const PLAYGROUND_TEAM = {
  teamId: 'team-id',
  name: 'My Team',
  aadGroupId: '00000000-0000-0000-0000-000000000031',
  generalChannelId: 'team-id',
  announcementsChannelId: 'channel-announcements-id',
} as const;

/** Loads the demo centre and plan for the playground user; idempotent (see storage/demo.ts). */
export async function loadPlaygroundDemo(input: {
  tables: Tables;
  centres: CentreRepository;
  now: () => Date;
  logger: Logger;
}): Promise<DemoResult> {
  const result = await loadDemoData(
    { centres: input.centres, plans: new PlanRepository(input.tables.client('Plans')), now: input.now },
    { tenantId: PLAYGROUND_TENANT_ID, directors: [{ ...PLAYGROUND_USER }] },
  );
  const inschalingYear = await loadDemoInschaling(
    { survey: new SurveyRepository(input.tables.client('Survey')), inschalingen: new InschalingRepository(input.tables.client('Inschalingen')), now: input.now },
    { tenantId: PLAYGROUND_TENANT_ID, centreId: result.centreId, director: { userId: PLAYGROUND_USER.userId, name: PLAYGROUND_USER.name } },
  );
  input.logger.info(
    { centreId: result.centreId, centreCreated: result.centreCreated, planLoaded: result.planLoaded, ...(inschalingYear ? { inschalingLoaded: inschalingYear } : {}) },
    'demo data ready: the playground user is director of the demo centre',
  );
  return result;
}
