/**
 * `netwerk overzicht`: how the opted-in centres of a network work on the bouwstenen, for its
 * coordinator ("netbreed monitoren ... zonder oordeel of dwang"). Pure.
 *
 * Only aggregates: how many centres ran and confirmed an inschaling this school year; per
 * bouwsteen how many centres stand in each stadium; the most common priorities and inspirerende
 * praktijken; growth against earlier school years. Every aggregate over stadia needs at least
 * MIN_CENTRES centres, so no centre can be singled out; a centre's own team stadia are never
 * shown, and centres are never named next to a stadium. Centres that did not opt in are not
 * counted at all.
 */
import { bouwsteenLabel } from '../catalogue';
import { BOUWSTEEN_IDS, STADIUM_LEVELS, stadiumName, type BouwsteenId, type StadiumLevel } from '../catalogue/types';
import type { Network } from '../centre/model';
import type { ExportTable } from '../export/workbook';
import type { SchoolYear } from '../schoolYear';

/** Fewer centres than this: no stadium counts (a centre could be recognised). */
export const MIN_CENTRES = 3;

export interface OverviewCentreInput {
  centreId: string;
  optIn: boolean;
  /** School years in which the centre opened an inschaling round. */
  roundYears: string[];
  /** Confirmed inschalingen (any order). */
  inschalingen: Array<{ schoolYear: string; stadia: Partial<Record<BouwsteenId, StadiumLevel>>; priorities: BouwsteenId[]; offeredInspiring: BouwsteenId[] }>;
}

export type StadiumCounts = Record<StadiumLevel, number>;

export interface YearDistribution {
  schoolYear: string;
  /** Centres whose confirmed inschaling of that year is counted. */
  centres: number;
  perBouwsteen: Array<{ bouwsteenId: BouwsteenId; label: string; counts: StadiumCounts }>;
}

export interface NetworkOverview {
  network: Network;
  schoolYear: SchoolYear;
  optedIn: number;
  ranThisYear: number;
  confirmedThisYear: number;
  /** Centres counted in `current` (their latest confirmed inschaling). */
  currentCentres: number;
  /** Per bouwsteen, the latest confirmed stadium of each centre; undefined below MIN_CENTRES. */
  current?: YearDistribution['perBouwsteen'];
  /** Bouwstenen most centres prioritise / offer (at most 5 each); empty below MIN_CENTRES. */
  commonPriorities: Array<{ bouwsteenId: BouwsteenId; label: string; centres: number }>;
  commonInspiring: Array<{ bouwsteenId: BouwsteenId; label: string; centres: number }>;
  /** Per school year with at least MIN_CENTRES confirmed inschalingen, oldest first. */
  years: YearDistribution[];
  /** Compared with each centre's previous confirmed inschaling; undefined below MIN_CENTRES such centres. */
  growth?: { centres: number; perBouwsteen: Array<{ bouwsteenId: BouwsteenId; label: string; higher: number; same: number; lower: number }> };
}

const emptyCounts = (): StadiumCounts => ({ 1: 0, 2: 0, 3: 0, 4: 0 });

function distribution(stadia: ReadonlyArray<Partial<Record<BouwsteenId, StadiumLevel>>>): YearDistribution['perBouwsteen'] {
  return BOUWSTEEN_IDS.map((bouwsteenId) => {
    const counts = emptyCounts();
    for (const s of stadia) {
      const level = s[bouwsteenId];
      if (level !== undefined) counts[level] += 1;
    }
    return { bouwsteenId, label: bouwsteenLabel(bouwsteenId), counts };
  });
}

function topCounts(lists: ReadonlyArray<readonly BouwsteenId[]>, limit: number) {
  const counts = new Map<BouwsteenId, number>();
  for (const list of lists) for (const id of new Set(list)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || BOUWSTEEN_IDS.indexOf(a[0]) - BOUWSTEEN_IDS.indexOf(b[0]))
    .slice(0, limit)
    .map(([bouwsteenId, centres]) => ({ bouwsteenId, label: bouwsteenLabel(bouwsteenId), centres }));
}

export function networkOverview(input: { network: Network; schoolYear: SchoolYear; centres: readonly OverviewCentreInput[] }): NetworkOverview {
  const centres = input.centres.filter((c) => c.optIn === true);
  const sorted = centres.map((c) => ({ ...c, inschalingen: [...c.inschalingen].sort((a, b) => b.schoolYear.localeCompare(a.schoolYear)) }));
  const latest = sorted.map((c) => c.inschalingen[0]).filter((i): i is NonNullable<typeof i> => i !== undefined);
  const enough = latest.length >= MIN_CENTRES;

  const allYears = [...new Set(sorted.flatMap((c) => c.inschalingen.map((i) => i.schoolYear)))].sort();
  const years = allYears
    .map((schoolYear) => {
      const ofYear = sorted.map((c) => c.inschalingen.find((i) => i.schoolYear === schoolYear)).filter((i): i is NonNullable<typeof i> => i !== undefined);
      return { schoolYear, centres: ofYear.length, perBouwsteen: distribution(ofYear.map((i) => i.stadia)) };
    })
    .filter((y) => y.centres >= MIN_CENTRES);

  const pairs = sorted.filter((c) => c.inschalingen.length >= 2).map((c) => ({ now: c.inschalingen[0]!.stadia, before: c.inschalingen[1]!.stadia }));
  const growth =
    pairs.length >= MIN_CENTRES
      ? {
          centres: pairs.length,
          perBouwsteen: BOUWSTEEN_IDS.map((bouwsteenId) => {
            const row = { bouwsteenId, label: bouwsteenLabel(bouwsteenId), higher: 0, same: 0, lower: 0 };
            for (const p of pairs) {
              const now = p.now[bouwsteenId];
              const before = p.before[bouwsteenId];
              if (now === undefined || before === undefined) continue;
              if (now > before) row.higher += 1;
              else if (now === before) row.same += 1;
              else row.lower += 1;
            }
            return row;
          }),
        }
      : undefined;

  return {
    network: input.network,
    schoolYear: input.schoolYear,
    optedIn: centres.length,
    ranThisYear: centres.filter((c) => c.roundYears.includes(input.schoolYear)).length,
    confirmedThisYear: centres.filter((c) => c.inschalingen.some((i) => i.schoolYear === input.schoolYear)).length,
    currentCentres: latest.length,
    ...(enough ? { current: distribution(latest.map((i) => i.stadia)) } : {}),
    commonPriorities: enough ? topCounts(latest.map((i) => i.priorities), 5) : [],
    commonInspiring: enough ? topCounts(latest.map((i) => i.offeredInspiring), 5) : [],
    years,
    ...(growth ? { growth } : {}),
  };
}

/** The export's tables (the same aggregates as the card; nothing per centre). */
export function overviewTables(overview: NetworkOverview): ExportTable[] {
  const stadiumHeaders = STADIUM_LEVELS.map((s) => stadiumName(s));
  const tables: ExportTable[] = [
    {
      title: 'Deelname',
      headers: ['Wat', 'Aantal centra'],
      rows: [
        ['Centra die meedoen', overview.optedIn],
        [`Inschaling gestart in ${overview.schoolYear}`, overview.ranThisYear],
        [`Inschaling bevestigd in ${overview.schoolYear}`, overview.confirmedThisYear],
        ['Met een bevestigde inschaling (laatste)', overview.currentCentres],
      ],
    },
  ];
  if (overview.current) {
    tables.push({ title: 'Stadia nu', headers: ['Bouwsteen', ...stadiumHeaders], rows: overview.current.map((b) => [b.label, ...STADIUM_LEVELS.map((s) => b.counts[s])]) });
  }
  if (overview.commonPriorities.length > 0) tables.push({ title: 'Prioriteiten', headers: ['Bouwsteen', 'Aantal centra'], rows: overview.commonPriorities.map((p) => [p.label, p.centres]) });
  if (overview.commonInspiring.length > 0) tables.push({ title: 'Inspirerende praktijken', headers: ['Bouwsteen', 'Aantal centra'], rows: overview.commonInspiring.map((p) => [p.label, p.centres]) });
  for (const year of overview.years) {
    tables.push({ title: `Stadia ${year.schoolYear}`, headers: ['Bouwsteen', ...stadiumHeaders, 'Centra'], rows: year.perBouwsteen.map((b) => [b.label, ...STADIUM_LEVELS.map((s) => b.counts[s]), year.centres]) });
  }
  if (overview.growth) {
    tables.push({
      title: 'Groei',
      headers: ['Bouwsteen', 'Verder op het continuüm', 'Zelfde stadium', 'Eerder op het continuüm'],
      rows: overview.growth.perBouwsteen.map((g) => [g.label, g.higher, g.same, g.lower]),
    });
  }
  return tables;
}
