/**
 * Wires the digest's narrow sources (dialogs/digest/sources.ts) to the storage: the plan
 * (PlanRepository), the team priorities of the last confirmed inschaling (InschalingRepository) and
 * the open round (Centres.openRoundId + SurveyRepository, counts and user ids only).
 */
import type { DigestSources } from '../dialogs/digest/sources';
import type { BouwsteenId } from '../domain/catalogue/types';
import type { Plan } from '../domain/plan/model';
import type { Round, Participant } from '../domain/survey/round';
import { CentreRepository } from '../storage/centres';
import { InschalingRepository } from '../storage/inschalingen';
import { PlanRepository } from '../storage/plans';
import { SurveyRepository } from '../storage/survey';
import type { Tables } from '../storage/tables';

export interface DigestSourceStores {
  centres: Pick<CentreRepository, 'getCentre'>;
  survey: Pick<SurveyRepository, 'getRound' | 'listParticipants'>;
  plans?: { getPlan(centreId: string): Promise<Plan | undefined> };
  inschalingen?: { confirmedPriorities(tenantId: string, centreId: string): Promise<BouwsteenId[] | undefined> };
}

export function createDigestSources(stores: DigestSourceStores): DigestSources {
  const openRound = async (tenantId: string, centreId: string): Promise<{ round: Round; participants: Participant[] } | undefined> => {
    const centre = await stores.centres.getCentre(tenantId, centreId);
    if (!centre?.openRoundId) return undefined;
    const round = await stores.survey.getRound(centre.openRoundId);
    if (!round || round.status !== 'open' || round.tenantId !== tenantId || round.centreId !== centreId) return undefined;
    return { round, participants: await stores.survey.listParticipants(round.roundId) };
  };
  return {
    async plan(_tenantId, centreId) {
      return stores.plans ? stores.plans.getPlan(centreId) : undefined;
    },
    async priorities(tenantId, centreId) {
      return stores.inschalingen ? stores.inschalingen.confirmedPriorities(tenantId, centreId) : undefined;
    },
    async openRound(tenantId, centreId) {
      const open = await openRound(tenantId, centreId);
      if (!open) return undefined;
      return {
        deadline: open.round.deadline,
        participants: open.participants.length,
        finished: open.participants.filter((p) => Boolean(p.submittedAt)).length,
      };
    },
    async roundStragglers(tenantId, centreId) {
      const open = await openRound(tenantId, centreId);
      if (!open) return undefined;
      return {
        roundId: open.round.roundId,
        deadline: open.round.deadline,
        unfinished: open.participants.filter((p) => !p.submittedAt).map((p) => p.userId),
      };
    },
  };
}

/** The sources over the bot's tables (stateless repositories, so their own instances are fine). */
export function digestSourcesFrom(tables: Tables): DigestSources {
  return createDigestSources({
    centres: new CentreRepository(tables.client('Centres'), tables.client('People')),
    survey: new SurveyRepository(tables.client('Survey')),
    plans: new PlanRepository(tables.client('Plans')),
    inschalingen: new InschalingRepository(tables.client('Inschalingen')),
  });
}
