/**
 * Demo wiring of the network (`npm run dev`, DEMO_DATA=true): the playground user also coordinates
 * the demo centre's network, next to being its director (bot/demo.ts); see storage/demoNetwork.ts.
 */
import type { Logger } from 'pino';
import type { FeatureDeps } from '../dialogs/deps';
import { loadDemoNetwork } from '../storage/demoNetwork';
import { PLAYGROUND_TENANT_ID, PLAYGROUND_USER } from './demo';

export async function loadPlaygroundNetworkDemo(input: { deps: Pick<FeatureDeps, 'centres' | 'plans' | 'inschalingen' | 'coordinators'>; firstCentreId: string; now: () => Date; logger: Logger }): Promise<void> {
  const result = await loadDemoNetwork(
    { ...input.deps, now: input.now },
    { tenantId: PLAYGROUND_TENANT_ID, firstCentreId: input.firstCentreId, coordinator: { userId: PLAYGROUND_USER.userId, name: PLAYGROUND_USER.name } },
  );
  input.logger.info({ secondCentreId: result.secondCentreId, created: result.created }, 'demo network ready: the playground user coordinates the demo network');
}
