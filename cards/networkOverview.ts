/**
 * The network overview card for a coordinator (`netwerk overzicht`): participation, a chart of how
 * many centres stand in each stadium per bouwsteen (the team result's stadium colours), the most
 * common priorities and inspirerende praktijken, growth, and export buttons. Pure.
 * Aggregates only; below MIN_CENTRES centres the stadium counts are withheld.
 */
import { STADIUM_LEVELS, stadiumName } from '../domain/catalogue/types';
import { MIN_CENTRES, type NetworkOverview } from '../domain/network/overview';
import type { CardJson } from './cardJson';
import { VERBS } from './verbs';
import { expandCard, prepareCard } from './render';
import { STADIUM_CHART_COLORS, stackedBars, stadiumLegendText } from './chartColors';
import overviewJson from './templates/networkOverview.json';

const overviewTemplate = prepareCard(overviewJson);

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function renderNetworkOverview(overview: NetworkOverview): CardJson {
  const current = overview.current ?? [];
  const withheld = `Nog niet getoond: er ${overview.currentCentres === 1 ? 'is' : 'zijn'} ${plural(overview.currentCentres, 'centrum', 'centra')} met een bevestigde inschaling, en dit overzicht telt pas vanaf ${MIN_CENTRES} centra, zodat geen enkel centrum herkenbaar is.`;
  return expandCard(overviewTemplate, {
    title: `Netwerkoverzicht ${overview.network}`,
    subtitle: `Schooljaar ${overview.schoolYear} · alleen centra die meedoen (netwerk aan) · nooit per centrum`,
    participation: [
      { title: 'Centra die meedoen', value: String(overview.optedIn) },
      { title: `Inschaling gestart in ${overview.schoolYear}`, value: `${overview.ranThisYear} van ${overview.optedIn}` },
      { title: `Inschaling bevestigd in ${overview.schoolYear}`, value: `${overview.confirmedThisYear} van ${overview.optedIn}` },
    ],
    hasChart: current.length > 0,
    chartWithheld: withheld,
    chart: stackedBars(
      current.map((b) => ({
        title: b.label,
        segments: STADIUM_LEVELS.map((s) => ({ legend: stadiumName(s), value: b.counts[s], color: STADIUM_CHART_COLORS[s].chart })),
        fallback: STADIUM_LEVELS.map((s) => `${stadiumName(s)} ${b.counts[s]}`).join(' · '),
      })),
    ),
    chartLegend: stadiumLegendText(),
    chartNote: `Per bouwsteen het bevestigde teamstadium van ${plural(overview.currentCentres, 'centrum', 'centra')} (hun laatste inschaling). Stadia zijn posities op een continuüm, geen oordeel.`,
    listsWithheld: `Nog niet getoond: minder dan ${MIN_CENTRES} centra met een bevestigde inschaling.`,
    priorities: overview.commonPriorities.map((p) => ({ title: p.label, value: plural(p.centres, 'centrum', 'centra') })),
    inspiring: overview.commonInspiring.map((p) => ({ title: p.label, value: plural(p.centres, 'centrum', 'centra') })),
    growthIntro: overview.growth
      ? `${plural(overview.growth.centres, 'centrum heeft', 'centra hebben')} een eerdere inschaling. Per bouwsteen: verder op het continuüm · zelfde stadium · eerder.`
      : overview.years.length > 0
        ? `Groei per bouwsteen verschijnt zodra ${MIN_CENTRES} centra twee inschalingen hebben. Centra met een bevestigde inschaling per schooljaar:`
        : `Groei verschijnt zodra ${MIN_CENTRES} centra een inschaling in meer dan één schooljaar bevestigden.`,
    growth: (overview.growth?.perBouwsteen ?? []).map((g) => ({ title: g.label, value: `${g.higher} verder · ${g.same} zelfde · ${g.lower} eerder` })),
    years: overview.growth ? [] : overview.years.map((y) => ({ title: y.schoolYear, value: plural(y.centres, 'centrum', 'centra') })),
    footer: 'De export bevat dezelfde tellingen, per schooljaar. Een centrum stopt met **netwerk uit** en telt dan meteen niet meer mee.',
    exportVerb: VERBS.network.export,
    network: overview.network,
  });
}
