/**
 * The colours of every native chart (Chart.* in Teams), in one place. Stadia get four clearly
 * distinct, neutral hues, never red/green and not a light-to-dark ramp (either would read as a
 * grade); the same four everywhere a stadium is drawn. The charts' own legend collapses to
 * "+2 items" in a narrow card, so every chart also gets a text legend that names the colours.
 */
import { STADIA, type StadiumLevel } from '../domain/catalogue';
import { ACTION_STATUSES, ACTION_STATUS_LABELS, type ActionStatus } from '../domain/plan/model';

interface ChartColor {
  /** A well-known Adaptive Cards chart colour. */
  chart: string;
  /** Its name in Dutch, for the text legend. */
  name: string;
}

export const STADIUM_CHART_COLORS: Readonly<Record<StadiumLevel, ChartColor>> = {
  1: { chart: 'categoricalTeal', name: 'blauwgroen' },
  2: { chart: 'categoricalMarigold', name: 'goudgeel' },
  3: { chart: 'categoricalBlue', name: 'blauw' },
  4: { chart: 'categoricalPurple', name: 'paars' },
};

/** For counts that are not stadia (ambition "aanhouden", centres per priority). */
export const NEUTRAL_CHART_COLOR: ChartColor = { chart: 'categoricalLightBlue', name: 'lichtblauw' };

/** Action statuses: distinct and neutral as well (a status is not a judgement of its owner). */
export const ACTION_STATUS_CHART_COLORS: Readonly<Record<ActionStatus, ChartColor>> = {
  gepland: { chart: 'categoricalLightBlue', name: 'lichtblauw' },
  lopend: { chart: 'categoricalBlue', name: 'blauw' },
  afgerond: { chart: 'categoricalPurple', name: 'paars' },
  uitgesteld: { chart: 'categoricalMarigold', name: 'goudgeel' },
  geschrapt: { chart: 'categoricalLavender', name: 'lila' },
};

/** "Kleuren: Fragmentair blauwgroen · Planmatig goudgeel · …" */
export function stadiumLegendText(): string {
  return `Kleuren: ${STADIA.map((s) => `${s.name} ${STADIUM_CHART_COLORS[s.level].name}`).join(' · ')}`;
}

export function actionStatusLegendText(statuses: readonly ActionStatus[] = ACTION_STATUSES): string {
  return `Kleuren: ${statuses.map((s) => `${ACTION_STATUS_LABELS[s].toLowerCase()} ${ACTION_STATUS_CHART_COLORS[s].name}`).join(' · ')}`;
}
