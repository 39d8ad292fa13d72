/**
 * What the digest and the reminders read from other features, as narrow injected sources. The
 * composition root (bot/main.ts) wires them to the plan and survey storage; tests wire fakes.
 */
import type { BouwsteenId } from '../../domain/catalogue/types';
import type { DigestRoundState } from '../../domain/digest/compose';
import type { Plan } from '../../domain/plan/model';

export interface RoundStragglers {
  roundId: string;
  /** Last day of the round, YYYY-MM-DD. */
  deadline: string;
  /** User ids of participants who have not sent their inschaling yet. */
  unfinished: string[];
}

export interface DigestSources {
  /** The centre's beleidsplan, if one was loaded. */
  plan(tenantId: string, centreId: string): Promise<Plan | undefined>;
  /** The team's short-term priorities from the last confirmed inschaling, most important first. */
  priorities(tenantId: string, centreId: string): Promise<BouwsteenId[] | undefined>;
  /** The open inschaling round, as counts only. */
  openRound(tenantId: string, centreId: string): Promise<DigestRoundState | undefined>;
  /** Who has not finished the open round (for private nudges only; never shown in a channel). */
  roundStragglers(tenantId: string, centreId: string): Promise<RoundStragglers | undefined>;
}

/** Sources with nothing behind them (until the plan and survey storage are wired). */
export const NO_DIGEST_SOURCES: DigestSources = {
  plan: async () => undefined,
  priorities: async () => undefined,
  openRound: async () => undefined,
  roundStragglers: async () => undefined,
};
