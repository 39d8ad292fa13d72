/**
 * The team priorities come from the last confirmed team inschaling, which another feature owns.
 * The beleidsplan feature only needs this narrow view of it.
 */
import type { BouwsteenId } from '../../domain/catalogue/types';
import type { FeatureDeps } from '../deps';

/**
 * The short-term team priorities (bouwstenen, most important first) of the centre's last confirmed
 * inschaling; undefined when the centre has no confirmed team inschaling yet.
 */
export type TeamPrioritiesSource = (tenantId: string, centreId: string) => Promise<BouwsteenId[] | undefined>;

/**
 * What the beleidsplan feature needs: the shared deps, and optionally an explicit priorities source
 * (without one, the feature reads `deps.inschalingen.confirmedPriorities`).
 */
export type PlanFeatureDeps = FeatureDeps & { priorities?: TeamPrioritiesSource };
