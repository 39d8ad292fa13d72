/**
 * The colours of every native chart (Chart.* in Teams), in one place. Stadia get four clearly
 * distinct, neutral hues, never red/green and not a light-to-dark ramp (either would read as a
 * grade); the same four everywhere a stadium is drawn. Stacked charts are drawn one bar per chart
 * element (`stackedBars`), which has no built-in legend: a text legend names the colours.
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
  // Light grey: not begun. (categoricalLightBlue is too close to categoricalBlue to tell apart.)
  gepland: { chart: 'neutral', name: 'grijs' },
  lopend: { chart: 'categoricalBlue', name: 'blauw' },
  afgerond: { chart: 'categoricalPurple', name: 'paars' },
  uitgesteld: { chart: 'categoricalMarigold', name: 'goudgeel' },
  geschrapt: { chart: 'categoricalLavender', name: 'donkerpaars' },
};

/** "Kleuren: Fragmentair blauwgroen · Planmatig goudgeel · …" */
export function stadiumLegendText(): string {
  return `Kleuren: ${STADIA.map((s) => `${s.name} ${STADIUM_CHART_COLORS[s.level].name}`).join(' · ')}`;
}

export function actionStatusLegendText(statuses: readonly ActionStatus[] = ACTION_STATUSES): string {
  return `Kleuren: ${statuses.map((s) => `${ACTION_STATUS_LABELS[s].toLowerCase()} ${ACTION_STATUS_CHART_COLORS[s].name}`).join(' · ')}`;
}

/** One bar of a stacked chart, as a card template draws it: its own chart element, one series. */
export interface StackedBarView {
  title: string;
  /** False: nothing to draw (no answers yet); the card shows `fallback` as text instead. */
  hasValues: boolean;
  /** Only the segments with a value: an empty segment would still take a gap and shift the bar. */
  segments: Array<{ legend: string; value: number; color: string }>;
  /** The same numbers in words, for clients without charts. */
  fallback: string;
}

/**
 * Stacked bars, one chart element each. A stacked chart with more than one bar draws its own
 * legend in one line that collapses to "+2 items" (in English) in a card's width; a chart of one
 * bar draws none, so the text legend (`stadiumLegendText`, `actionStatusLegendText`) names the
 * colours instead. One bar per element also stays within the four data sets a chart may hold.
 */
export function stackedBars(bars: ReadonlyArray<{ title: string; segments: ReadonlyArray<{ legend: string; value: number; color: string }>; fallback: string }>): StackedBarView[] {
  return bars.map((bar) => {
    const segments = bar.segments.filter((s) => s.value > 0).map((s) => ({ ...s }));
    return { title: bar.title, hasValues: segments.length > 0, segments, fallback: bar.fallback };
  });
}
