/**
 * Network level (domain.md, "Network level"): for centres that opt in, which bouwstenen are common
 * priorities, and which centres could inspire a centre on one of its priorities.
 *
 * Centres that did not opt in never appear in the output: not as seekers, not as offerers, and
 * they are not counted.
 */
import { BOUWSTEEN_IDS, type BouwsteenId } from '../catalogue/types';

export interface NetworkCentre {
  centreId: string;
  centreName: string;
  optIn: boolean;
  /** The team priorities of the centre's last inschaling, most important first. */
  priorities: BouwsteenId[];
  /** The bouwstenen the centre offers as inspirerende praktijk. */
  inspiring: BouwsteenId[];
}

export interface CommonPriority {
  bouwsteenId: BouwsteenId;
  /** Opted-in centres with this bouwsteen among their priorities. */
  centreCount: number;
}

export interface CentreRef {
  centreId: string;
  centreName: string;
}

export interface NetworkMatch {
  /** The centre that prioritises the bouwsteen. */
  centreId: string;
  centreName: string;
  bouwsteenId: BouwsteenId;
  /** 1-based position of the bouwsteen in the centre's priorities. */
  priorityRank: number;
  /** Other opted-in centres that offer it as inspirerende praktijk (input order); never empty. */
  offeredBy: CentreRef[];
}

export interface NetworkView {
  /** Bouwstenen prioritised by at least one opted-in centre; most centres first, then catalogue order. */
  commonPriorities: CommonPriority[];
  /** Per opted-in centre (input order) and per priority (rank order), only when someone offers it. */
  matches: NetworkMatch[];
}

const catalogueIndex = (id: BouwsteenId): number => BOUWSTEEN_IDS.indexOf(id);

function distinct(ids: readonly BouwsteenId[]): BouwsteenId[] {
  return [...new Set(ids)].filter((id) => BOUWSTEEN_IDS.includes(id));
}

export function networkView(centres: readonly NetworkCentre[]): NetworkView {
  const optedIn = centres.filter((c) => c.optIn === true);

  const counts = new Map<BouwsteenId, number>();
  for (const centre of optedIn) {
    for (const id of distinct(centre.priorities)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const commonPriorities = [...counts.entries()]
    .map(([bouwsteenId, centreCount]) => ({ bouwsteenId, centreCount }))
    .sort((a, b) => b.centreCount - a.centreCount || catalogueIndex(a.bouwsteenId) - catalogueIndex(b.bouwsteenId));

  const matches: NetworkMatch[] = [];
  for (const seeker of optedIn) {
    distinct(seeker.priorities).forEach((bouwsteenId, index) => {
      const offeredBy = optedIn
        .filter((other) => other.centreId !== seeker.centreId && other.inspiring.includes(bouwsteenId))
        .map(({ centreId, centreName }) => ({ centreId, centreName }));
      if (offeredBy.length > 0) {
        matches.push({
          centreId: seeker.centreId,
          centreName: seeker.centreName,
          bouwsteenId,
          priorityRank: index + 1,
          offeredBy,
        });
      }
    });
  }

  return { commonPriorities, matches };
}
