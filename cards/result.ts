/**
 * The team result cards (Adaptive Card 1.5): the director's result with a native chart and a
 * fallback, the detail per bouwsteen, the bespreekpunten agenda, the confirmation card, the
 * published result for members, and the network view. Pure render functions.
 *
 * Stadia are shown in four distinct neutral colours (cards/chartColors.ts): never a grade,
 * never red/green, never "x/4". Chart titles are TextBlocks (Teams does not draw a chart's own
 * title) and every chart has a text legend and a fallback with the same numbers. In an anonymous
 * round no card carries a member's name: the TeamResult holds none, and the cards add none. The
 * facts and sentences come from the result's view model (domain/result/view.ts).
 */
import { BOUWSTEEN_IDS, STADIA, STADIUM_LEVELS, clusterOf, getBouwsteen, stadiumName, type BouwsteenId } from '../domain/catalogue';
import { NOTE_QUESTION_ORDER, type BouwsteenResult, type TeamNote, type TeamResult } from '../domain/survey/consolidate';
import { REASON_MAX_LENGTH, confirmationFields, teamPriorities, toConfirmedInschaling, type Inschaling } from '../domain/result/inschaling';
import { NOTE_QUESTION_LABELS, bouwsteenTitle, distributionText } from '../domain/result/labels';
import { type ConversationKind } from '../domain/conversation';
import {
  agreementText,
  bespreekpuntFacts,
  bouwsteenCounts,
  confirmedFact,
  currentStadia,
  growthFacts,
  inspiringFacts,
  noteText,
  priorityFacts,
  proposalText,
  respondentsText,
  statusText,
  type Fact,
} from '../domain/result/view';
import { RESULT_VERBS } from './verbs';
import type { CardJson } from './cardJson';
import { NEUTRAL_CHART_COLOR, STADIUM_CHART_COLORS, stackedBars, stadiumLegendText } from './chartColors';
import { expandCard, prepareCard } from './render';
import overviewJson from './templates/result/overview.json';
import detailJson from './templates/result/detail.json';
import agendaJson from './templates/result/agenda.json';
import confirmJson from './templates/result/confirm.json';
import networkJson from './templates/result/network.json';
import { formatDutchInstant } from '../domain/time';

const overviewTemplate = prepareCard(overviewJson);
const detailTemplate = prepareCard(detailJson);
const agendaTemplate = prepareCard(agendaJson);
const confirmTemplate = prepareCard(confirmJson);
const networkTemplate = prepareCard(networkJson);

/** Toelichtingen per detail card page: keeps every card well under 80 KB (UTF-8 JSON). */
export const NOTES_PAGE_BYTES = 45_000;

export type Tone = 'info' | 'warning' | 'good';
export interface Notice {
  text: string;
  tone: Tone;
}
const noticeColor = (notice?: Notice) => (notice?.tone === 'warning' ? 'Attention' : notice?.tone === 'good' ? 'Good' : 'Default');

interface Button {
  title: string;
  verb: string;
  data: Record<string, unknown>;
  fallbackData: Record<string, unknown>;
}

function button(title: string, verb: string, data: Record<string, unknown>): Button {
  return { title, verb, data, fallbackData: { ...data, verb } };
}


/** What every director card of a round needs. */
export interface RoundResultContext {
  roundId: string;
  /** Where the card is shown; absent: the 1:1 chat. Its command hints carry the @mention elsewhere. */
  place?: ConversationKind;
  centreName: string;
  schoolYear: string;
  visibility: 'anoniem' | 'open';
  roundOpen: boolean;
  result: TeamResult;
  /** The confirmation made from this round, when there is one. */
  inschaling?: Inschaling;
  /** This school year was confirmed from another round of the centre. */
  confirmedFromOtherRound?: boolean;
  /** The confirmed inschaling of an earlier school year (growth). */
  previous?: Inschaling;
}

/** The result of one bouwsteen in the shape both the live result and the snapshot have. */
type BouwsteenAggregate = Pick<BouwsteenResult, 'bouwsteenId' | 'respondents' | 'distribution' | 'proposedStadium' | 'tie' | 'agreement' | 'spread'>;

function chartOf(bouwstenen: readonly BouwsteenAggregate[]) {
  return {
    chart: stackedBars(
      bouwstenen.map((b) => ({
        title: bouwsteenTitle(b.bouwsteenId),
        segments: STADIUM_LEVELS.map((s) => ({ legend: stadiumName(s), value: b.distribution[s], color: STADIUM_CHART_COLORS[s].chart })),
        fallback: b.respondents === 0 ? 'nog geen antwoorden' : distributionText(b.distribution),
      })),
    ),
    chartLegend: stadiumLegendText(),
  };
}

const PRIORITIES_INTRO =
  'Zo ontstaan de teamprioriteiten: op de lijst van elk lid krijgt de 1e plaats 5 punten, de 2e 4 punten, … de 5e 1 punt. Bij gelijke punten gaat voor wat vaker op de eerste plaats staat, daarna wat vaker genoemd werd. De vijf met de meeste punten zijn de teamprioriteiten.';
const LEGEND_TEXT =
  'Voorstel = het stadium dat de meeste leden kozen. Kozen evenveel leden twee of meer stadia, dan is het voorstel het middelste antwoord als je alle antwoorden van laag naar hoog legt (bij een even aantal het lagere van de twee middelste). Overeenstemming: eensgezind (iedereen hetzelfde), dicht bij elkaar (spreiding 1), bespreekpunt (spreiding 2 of meer, of geen stadium dat het vaakst gekozen werd).';

/** The director's team result of a round. */
export function renderResultOverview(context: RoundResultContext & { notice?: Notice }): CardJson {
  const { result, inschaling, previous, roundId } = context;
  const growthById = growthFacts(currentStadia(result, inschaling), previous, inschaling ? 'bevestigd nu' : 'voorstel');
  const rows = result.bouwstenen.map((b) => {
    const growth = growthById.get(b.bouwsteenId);
    const facts: Fact[] = [
      { title: 'Voorstel', value: proposalText(b) },
      { title: 'Overeenstemming', value: agreementText(b) },
      { title: 'Antwoorden', value: `${b.respondents} van ${result.memberCount}` },
      ...(growth ? [growth] : []),
      ...confirmedFact(inschaling, b.bouwsteenId),
    ];
    return {
      title: bouwsteenTitle(b.bouwsteenId),
      facts,
      hasButton: true,
      button: button(`Details ${b.bouwsteenId}`, RESULT_VERBS.detail, { roundId, bouwsteenId: b.bouwsteenId, page: 0 }),
    };
  });
  const team = inschaling?.priorities ?? teamPriorities(result.priorities);
  const buttons: Button[] = [button(`Bespreekpunten (${result.bespreekpunten.length})`, RESULT_VERBS.agenda, { roundId })];
  if (!context.roundOpen) {
    buttons.push(button(inschaling ? 'Bevestiging aanpassen' : 'Bevestig de teamstadia', RESULT_VERBS.review, { roundId }));
    if (inschaling && !inschaling.published) buttons.push(button('Publiceer voor het team', RESULT_VERBS.publish, { roundId }));
    buttons.push(button('Exporteer (Excel)', RESULT_VERBS.export, { roundId, format: 'xlsx' }));
    buttons.push(button('Exporteer (CSV)', RESULT_VERBS.export, { roundId, format: 'csv' }));
  }
  return expandCard(overviewTemplate, {
    title: `Teamresultaat inschaling ${context.schoolYear}`,
    subtitle: `${context.centreName} · ${context.visibility === 'open' ? 'open ronde: toelichtingen met naam' : 'anonieme ronde: geen namen'} · ${context.roundOpen ? 'ronde loopt nog' : 'ronde afgesloten'}`,
    notice: context.notice?.text ?? '',
    noticeColor: noticeColor(context.notice),
    respondentsText: respondentsText(result),
    statusText: statusText(context),
    ...chartOf(result.bouwstenen),
    legendText: LEGEND_TEXT,
    rows,
    prioritiesIntro: result.priorities.length > 0 ? PRIORITIES_INTRO : 'Nog niemand beantwoordde de overkoepelende vragen.',
    ...priorityFacts(result.priorities, team),
    inspiringIntro: 'Hoeveel leden elke bouwsteen noemden als inspirerende praktijk voor andere centra.',
    inspiring: inspiringFacts(result.inspiring, result.closingCount),
    buttons,
  });
}

/** The published result, as members see it: aggregates and the confirmed stadia, never a name of a member. */
export function renderPublishedResult(data: { centreName: string; inschaling: Inschaling; previous?: Inschaling }): CardJson {
  const { inschaling, previous } = data;
  const snapshot = inschaling.snapshot;
  const growthById = growthFacts(toConfirmedInschaling(inschaling).stadia, previous, 'nu');
  const rows = snapshot.bouwstenen.map((b) => {
    const c = inschaling.confirmations[b.bouwsteenId];
    const growth = growthById.get(b.bouwsteenId);
    const facts: Fact[] = [
      { title: 'Teamstadium', value: stadiumName(c.stadium) },
      ...(c.proposal !== undefined && c.proposal !== c.stadium ? [{ title: 'Voorstel uit de antwoorden', value: stadiumName(c.proposal) }] : []),
      ...(c.reason ? [{ title: c.proposal !== undefined && c.proposal !== c.stadium ? 'Reden' : 'Toelichting directeur', value: c.reason }] : []),
      { title: 'Overeenstemming', value: agreementText(b) },
      ...(growth ? [growth] : []),
    ];
    return { title: bouwsteenTitle(b.bouwsteenId), facts, hasButton: false, button: button('', '', {}) };
  });
  return expandCard(overviewTemplate, {
    title: `Teamresultaat inschaling ${inschaling.schoolYear}`,
    subtitle: `${data.centreName} · bevestigd door ${inschaling.confirmedByName} · gepubliceerd op ${formatDutchInstant(inschaling.publishedAt ?? inschaling.confirmedAt)}`,
    notice: '',
    noticeColor: 'Default',
    respondentsText: respondentsText(snapshot),
    statusText: 'Dit is het teamresultaat zoals de directeur het bevestigde. Individuele antwoorden worden niet getoond.',
    ...chartOf(snapshot.bouwstenen),
    legendText: LEGEND_TEXT,
    rows,
    prioritiesIntro: snapshot.priorities.length > 0 ? PRIORITIES_INTRO : 'Er waren geen prioriteiten.',
    ...priorityFacts(snapshot.priorities, inschaling.priorities),
    inspiringIntro: 'Hoeveel leden elke bouwsteen noemden als inspirerende praktijk voor andere centra.',
    inspiring: inspiringFacts(snapshot.inspiring, snapshot.closingCount),
    buttons: [],
  });
}

/** Splits notes over pages of at most `budget` bytes (a note is never split). */
export function paginateNotes(notes: readonly TeamNote[], budget = NOTES_PAGE_BYTES): TeamNote[][] {
  const pages: TeamNote[][] = [];
  let current: TeamNote[] = [];
  let used = 0;
  for (const note of notes) {
    const cost = Buffer.byteLength(JSON.stringify(noteText(note)), 'utf8') + 80;
    if (current.length > 0 && used + cost > budget) {
      pages.push(current);
      current = [];
      used = 0;
    }
    current.push(note);
    used += cost;
  }
  if (current.length > 0 || pages.length === 0) pages.push(current);
  return pages;
}

/** One bouwsteen in detail; `page` selects the page of toelichtingen (clamped). */
export function renderResultDetail(context: RoundResultContext & { bouwsteenId: BouwsteenId; page: number }): CardJson {
  const { result, roundId, bouwsteenId } = context;
  const b = result.bouwstenen.find((r) => r.bouwsteenId === bouwsteenId)!;
  const bouwsteen = getBouwsteen(bouwsteenId);
  const counts = bouwsteenCounts(b);
  const growth = growthFacts(currentStadia(result, context.inschaling), context.previous, context.inschaling ? 'bevestigd nu' : 'voorstel').get(bouwsteenId);
  const pages = paginateNotes(b.notes);
  const page = Math.min(Math.max(0, context.page), pages.length - 1);
  const notes = pages[page]!;
  const noteGroups = NOTE_QUESTION_ORDER.map((question) => ({
    title: NOTE_QUESTION_LABELS[question],
    notes: notes.filter((n) => n.question === question).map((n) => ({ text: noteText(n) })),
  })).filter((g) => g.notes.length > 0);

  const index = BOUWSTEEN_IDS.indexOf(bouwsteenId);
  const buttons: Button[] = [];
  if (page > 0) buttons.push(button(`Vorige toelichtingen (${page}/${pages.length})`, RESULT_VERBS.detail, { roundId, bouwsteenId, page: page - 1 }));
  if (page < pages.length - 1) buttons.push(button(`Meer toelichtingen (${page + 2}/${pages.length})`, RESULT_VERBS.detail, { roundId, bouwsteenId, page: page + 1 }));
  const next = BOUWSTEEN_IDS[index + 1];
  if (next) buttons.push(button(`Volgende bouwsteen (${next})`, RESULT_VERBS.detail, { roundId, bouwsteenId: next, page: 0 }));
  buttons.push(button('Bespreekpunten', RESULT_VERBS.agenda, { roundId }));
  buttons.push(button('Terug naar het teamresultaat', RESULT_VERBS.overview, { roundId }));

  return expandCard(detailTemplate, {
    context: `Teamresultaat ${context.schoolYear} · ${clusterOf(bouwsteenId).title}`,
    title: `${bouwsteenId} ${bouwsteen.title}`,
    notice: '',
    summary: [
      { title: 'Antwoorden', value: `${b.respondents} van ${result.memberCount}` },
      { title: 'Voorstel', value: proposalText(b) },
      { title: 'Overeenstemming', value: agreementText(b) },
      ...(growth ? [growth] : []),
      ...confirmedFact(context.inschaling, bouwsteenId),
    ],
    stadia: counts.stadia.entries.map((e) => ({ title: e.label, value: e.count, text: String(e.count), color: STADIUM_CHART_COLORS[e.key].chart })),
    // An ambition to evolve takes the colour of the stadium it aims at; "aanhouden" a neutral one.
    ambitions: counts.ambitions.entries.map((e) => ({
      title: e.label,
      value: e.count,
      text: String(e.count),
      color: e.key === 'aanhouden' ? NEUTRAL_CHART_COLOR.chart : STADIUM_CHART_COLORS[e.key].chart,
    })),
    sections: counts.context.map((g) => ({ title: g.title, facts: g.entries.map((e) => ({ title: e.label, value: String(e.count) })) })),
    notesTitle: b.notes.length === 0 ? 'Toelichtingen' : `Toelichtingen (${b.notes.length})${pages.length > 1 ? ` · deel ${page + 1} van ${pages.length}` : ''}`,
    notesIntro:
      b.notes.length === 0
        ? 'Er zijn geen toelichtingen bij deze bouwsteen.'
        : result.open
          ? 'Open ronde: elke toelichting staat met de naam van wie ze schreef.'
          : 'Anonieme ronde: toelichtingen staan zonder naam, gesorteerd per vraag en tekst.',
    noteGroups,
    buttons,
  });
}

/** The bespreekpunten, largest spread first: the agenda of the team's quality dialogue. */
export function renderResultAgenda(context: RoundResultContext): CardJson {
  const { result, roundId } = context;
  const points = result.bespreekpunten.map((p, index) => {
    const b = result.bouwstenen.find((r) => r.bouwsteenId === p.bouwsteenId)!;
    return {
      title: `${index + 1}. ${bouwsteenTitle(p.bouwsteenId)}`,
      facts: bespreekpuntFacts(p, b),
      question: getBouwsteen(p.bouwsteenId).reflections[0] ?? '',
      button: button(`Details ${p.bouwsteenId}`, RESULT_VERBS.detail, { roundId, bouwsteenId: p.bouwsteenId, page: 0 }),
    };
  });
  return expandCard(agendaTemplate, {
    title: `Bespreekpunten · inschaling ${context.schoolYear}`,
    intro:
      'De agenda voor de kwaliteitsdialoog: de bouwstenen waar de antwoorden het verst uit elkaar liggen of waar geen stadium het vaakst gekozen werd, grootste spreiding eerst. Kies samen het stadium dat het best aansluit of waar het merendeel van het team zich in bevindt.',
    emptyText: 'Er zijn geen bespreekpunten: de antwoorden liggen bij elke bouwsteen dicht bij elkaar.',
    points,
    buttons: [button('Terug naar het teamresultaat', RESULT_VERBS.overview, { roundId })],
  });
}

/** The confirmation card: all 11 bouwstenen, preset to the proposal unless values are given. */
export function renderResultConfirm(data: {
  roundId: string;
  schoolYear: string;
  version: number;
  result: TeamResult;
  /** Values to show (a previous submit or the stored confirmation); proposals otherwise. */
  form?: Record<string, string | undefined>;
  errors?: Partial<Record<BouwsteenId, string>>;
  notice?: Notice;
}): CardJson {
  const rows = data.result.bouwstenen.map((b) => {
    const fields = confirmationFields(b.bouwsteenId);
    const stadium = data.form?.[fields.stadium] ?? (b.proposedStadium !== undefined ? String(b.proposedStadium) : '');
    return {
      title: bouwsteenTitle(b.bouwsteenId),
      proposalText:
        b.proposedStadium === undefined
          ? 'Niemand beantwoordde deze bouwsteen: er is geen voorstel.'
          : `Voorstel: ${proposalText(b)} · ${agreementText(b)} · ${distributionText(b.distribution)}`,
      stadiumId: fields.stadium,
      reasonId: fields.reason,
      stadium,
      reason: data.form?.[fields.reason] ?? '',
      reasonLabel: b.proposedStadium === undefined ? 'Toelichting (verplicht: er is geen voorstel)' : 'Reden (verplicht als je een ander stadium kiest dan het voorstel)',
      error: data.errors?.[b.bouwsteenId] ?? '',
    };
  });
  return expandCard(confirmTemplate, {
    title: `Bevestig de teamstadia · ${data.schoolYear}`,
    notice: data.notice?.text ?? '',
    noticeColor: noticeColor(data.notice),
    intro: `Kies per bouwsteen het teamstadium. Het voorstel staat al ingevuld. Kies je een ander stadium, geef dan kort de reden (maximaal ${REASON_MAX_LENGTH} tekens). Je keuze wordt bewaard met je naam en het tijdstip.`,
    rows,
    stadiumChoices: STADIA.map((s) => ({ title: s.pdca ? `${s.name} (${s.pdca})` : s.name, value: String(s.level) })),
    roundId: data.roundId,
    version: data.version,
    confirmVerb: RESULT_VERBS.confirm,
    overviewVerb: RESULT_VERBS.overview,
  });
}

export interface NetworkCardData {
  centreName: string;
  network: string;
  /** Opted-in centres with a confirmed inschaling (own centre included). */
  participatingCount: number;
  common: Array<{ bouwsteenId: BouwsteenId; centreCount: number }>;
  /** Own priorities, in rank order, with the centres that offer each as inspirerende praktijk. */
  ownPriorities: Array<{ bouwsteenId: BouwsteenId; rank: number; offeredBy: string[] }>;
}

export function renderNetwork(data: NetworkCardData): CardJson {
  const common = data.common.filter((c) => c.centreCount >= 2);
  return expandCard(networkTemplate, {
    title: `Netwerk · ${data.network}`,
    intro: `${data.participatingCount} ${data.participatingCount === 1 ? 'centrum doet' : 'centra doen'} mee en ${data.participatingCount === 1 ? 'heeft' : 'hebben'} een bevestigde inschaling. Alleen centra die zelf kozen voor **netwerk aan** staan hier; van hen tonen we enkel teamprioriteiten en inspirerende praktijken, nooit antwoorden.`,
    chartColor: NEUTRAL_CHART_COLOR.chart,
    commonEmpty: 'Er is nog geen bouwsteen die meer dan één centrum als prioriteit koos.',
    common: common.map((c) => ({ title: bouwsteenTitle(c.bouwsteenId), value: c.centreCount, text: `${c.centreCount} centra` })),
    matchesIntro:
      data.ownPriorities.length === 0
        ? `${data.centreName} heeft nog geen bevestigde teamprioriteiten.`
        : `Per teamprioriteit van ${data.centreName}: de centra die deze bouwsteen aanbieden als inspirerende praktijk (minstens de helft van hun beleidsteam noemde hem).`,
    matches: data.ownPriorities.map((p) => ({
      title: `${p.rank}. ${bouwsteenTitle(p.bouwsteenId)}`,
      value: p.offeredBy.length > 0 ? p.offeredBy.join(', ') : 'nog geen centrum in het netwerk',
    })),
  });
}
