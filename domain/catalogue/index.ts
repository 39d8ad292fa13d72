/**
 * The whole catalogue: 3 clusters, 11 bouwstenen in seed order, and lookups.
 */
import { CLUSTER_1_2, CLUSTER_1_2_BOUWSTENEN } from './bouwstenenCluster12';
import { CLUSTER_3, CLUSTER_3_BOUWSTENEN, CLUSTER_3_QUALITY_CONTRIBUTIONS } from './bouwstenenCluster3';
import { BOUWSTEEN_IDS, type Bouwsteen, type BouwsteenId, type Cluster } from './types';

export * from './types';

export const CLUSTERS: readonly Cluster[] = [...CLUSTER_1_2, CLUSTER_3];

export const BOUWSTENEN: readonly Bouwsteen[] = [...CLUSTER_1_2_BOUWSTENEN, ...CLUSTER_3_BOUWSTENEN]
  .map((b) => (CLUSTER_3_QUALITY_CONTRIBUTIONS[b.id] ? { ...b, qualityContribution: CLUSTER_3_QUALITY_CONTRIBUTIONS[b.id] } : b))
  .sort((a, b) => BOUWSTEEN_IDS.indexOf(a.id) - BOUWSTEEN_IDS.indexOf(b.id));

const BY_ID = new Map<string, Bouwsteen>(BOUWSTENEN.map((b) => [b.id, b]));

export function isBouwsteenId(value: unknown): value is BouwsteenId {
  return typeof value === 'string' && BY_ID.has(value);
}

export function getBouwsteen(id: BouwsteenId): Bouwsteen {
  const bouwsteen = BY_ID.get(id);
  if (!bouwsteen) throw new Error(`Unknown bouwsteen ${id}`);
  return bouwsteen;
}

export function clusterOf(id: BouwsteenId): Cluster {
  return CLUSTERS.find((c) => c.bouwsteenIds.includes(id))!;
}

/** "4.2 Geïntegreerde benadering van de kernprocessen" */
export function bouwsteenLabel(id: BouwsteenId): string {
  return `${id} ${getBouwsteen(id).title}`;
}

/** Position 1..11 in the survey. */
export function bouwsteenNumber(id: BouwsteenId): number {
  return BOUWSTEEN_IDS.indexOf(id) + 1;
}
