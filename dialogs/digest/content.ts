/**
 * Loads what a centre's digest shows and composes it (shared by `digest nu` and the scheduler).
 */
import { composeDigest, type DigestContent } from '../../domain/digest/compose';
import type { CentreRepository } from '../../storage/centres';
import type { DigestSources } from './sources';
import { brusselsDate } from '../../domain/time';

export async function loadDigestContent(
  deps: { centres: Pick<CentreRepository, 'getCentre'>; sources: DigestSources },
  tenantId: string,
  centreId: string,
  now: Date,
): Promise<DigestContent> {
  const [centre, plan, priorities, openRound] = await Promise.all([
    deps.centres.getCentre(tenantId, centreId),
    deps.sources.plan(tenantId, centreId),
    deps.sources.priorities(tenantId, centreId),
    deps.sources.openRound(tenantId, centreId),
  ]);
  return composeDigest({ plan, priorities, openRound, today: brusselsDate(now), centreName: centre?.name ?? 'je centrum' });
}
