/**
 * The team result as a file: XLSX (exceljs) and CSV. Pure builders: data in, bytes or text out,
 * no I/O. Both formats hold the same tables:
 *   Teamresultaat           per bouwsteen: distribution, proposal, agreement, previous confirmed
 *                           stadium, confirmed stadium and reason, ambitions, choice, differences,
 *                           levers and obstacles per category
 *   Teamprioriteiten        the Borda ranking with points
 *   Inspirerende praktijken how many members named each bouwsteen
 *   Toelichtingen           every toelichting; a name column only in an open round
 *
 * Anonymity comes from the TeamResult itself: in an anonymous round its notes carry no names.
 * CSV uses ';' (what Excel expects in nl-BE), CRLF and a UTF-8 byte order mark; a cell that
 * starts like a formula (= + - @) gets a leading apostrophe so spreadsheets never run it.
 */
import type ExcelJSModule from 'exceljs';
import { BOUWSTEEN_IDS, stadiumName, type BouwsteenId } from '../catalogue';
import type { TeamResult } from '../survey/consolidate';
import { fileSlug, workbookCsv, workbookXlsx, type Cell, type ExportFormat, type ExportTable, type Workbook } from '../export/workbook';
import { teamPriorities as rankedTeamPriorities, type Inschaling } from './inschaling';
import { bouwsteenCounts, groupColumns } from './view';
import {
  AGREEMENT_LABELS,
  NOTE_QUESTION_LABELS,
  bouwsteenTitle,
  movementText,
} from './labels';
import { formatDutchInstant } from '../time';

export { EXPORT_CONTENT_TYPES, csvCell, type Cell, type ExportFormat, type ExportTable } from '../export/workbook';

export interface ResultExportInput {
  centreName: string;
  schoolYear: string;
  visibility: 'anoniem' | 'open';
  roundStatus: 'open' | 'closed';
  result: TeamResult;
  /** The confirmation of this round, when there is one. */
  inschaling?: Inschaling;
  /** The confirmed inschaling of an earlier school year, for growth. */
  previous?: Inschaling;
  generatedAt: Date;
}


const find = (result: TeamResult, id: BouwsteenId) => result.bouwstenen.find((b) => b.bouwsteenId === id)!;

/** The tables of the export, in order. */
export function resultTables(input: ResultExportInput): ExportTable[] {
  const { result, inschaling, previous } = input;
  // The column names come from the same view model as the detail card's labels.
  const columns = bouwsteenCounts(result.bouwstenen[0]!);
  const perBouwsteen: ExportTable = {
    title: 'Teamresultaat',
    headers: [
      'Bouwsteen',
      'Antwoorden',
      ...groupColumns(columns.stadia),
      'Voorstel teamstadium',
      'Gelijke stand',
      'Overeenstemming',
      'Spreiding (stadia)',
      previous ? `Bevestigd ${previous.schoolYear}` : 'Vorige bevestigde inschaling',
      'Beweging sinds vorige inschaling',
      'Bevestigd teamstadium',
      'Reden (bij afwijking)',
      'Bevestigd door',
      'Bevestigd op',
      ...groupColumns(columns.ambitions),
      ...columns.context.flatMap(groupColumns),
    ],
    rows: BOUWSTEEN_IDS.map((id) => {
      const b = find(result, id);
      const confirmed = inschaling?.confirmations[id];
      const before = previous?.confirmations[id]?.stadium;
      const current = confirmed?.stadium ?? b.proposedStadium;
      const counts = bouwsteenCounts(b);
      return [
        bouwsteenTitle(id),
        b.respondents,
        ...counts.stadia.entries.map((e) => e.count),
        b.proposedStadium !== undefined ? stadiumName(b.proposedStadium) : '',
        b.tie ? 'ja' : 'nee',
        b.agreement ? AGREEMENT_LABELS[b.agreement] : '',
        b.spread ?? '',
        before !== undefined ? stadiumName(before) : '',
        before !== undefined && current !== undefined ? movementText(current - before) : '',
        confirmed ? stadiumName(confirmed.stadium) : '',
        confirmed?.reason ?? '',
        confirmed?.confirmedByName ?? '',
        confirmed ? formatDutchInstant(confirmed.confirmedAt) : '',
        ...counts.ambitions.entries.map((e) => e.count),
        ...counts.context.flatMap((g) => g.entries.map((e) => e.count)),
      ];
    }),
  };

  const teamPriorities = new Set(inschaling?.priorities ?? rankedTeamPriorities(result.priorities));
  const priorities: ExportTable = {
    title: 'Teamprioriteiten',
    headers: ['Rang', 'Bouwsteen', 'Punten (Borda)', 'Eerste plaatsen', 'Vermeldingen', 'Teamprioriteit'],
    rows: result.priorities.map((p) => [p.rank, bouwsteenTitle(p.bouwsteenId), p.points, p.firstPlaces, p.mentions, teamPriorities.has(p.bouwsteenId) ? 'ja' : 'nee']),
  };

  const inspiring: ExportTable = {
    title: 'Inspirerende praktijken',
    headers: ['Bouwsteen', 'Aantal leden dat deze bouwsteen noemde'],
    rows: [
      ...result.inspiring.perBouwsteen.map((i) => [bouwsteenTitle(i.bouwsteenId), i.count] as Cell[]),
      ['Nog niet op het punt om een inspirerende praktijk te bieden', result.inspiring.notYetInspiringCount],
    ],
  };

  const notes: ExportTable = {
    title: 'Toelichtingen',
    headers: ['Bouwsteen', 'Vraag', 'Toelichting', ...(result.open ? ['Naam'] : [])],
    rows: result.bouwstenen.flatMap((b) =>
      b.notes.map((n) => [bouwsteenTitle(b.bouwsteenId), NOTE_QUESTION_LABELS[n.question], n.text, ...(result.open ? [n.memberName ?? ''] : [])]),
    ),
  };

  return [perBouwsteen, priorities, inspiring, notes];
}

/** Lines about the export itself (centre, year, respondents, state). */
export function exportInfo(input: ResultExportInput): Array<[string, string]> {
  const { result, inschaling } = input;
  const state = inschaling
    ? `bevestigd door ${inschaling.confirmedByName} op ${formatDutchInstant(inschaling.confirmedAt)}${inschaling.published && inschaling.publishedAt ? `, gepubliceerd op ${formatDutchInstant(inschaling.publishedAt)}` : ', nog niet gepubliceerd'}`
    : input.roundStatus === 'open'
      ? 'tussentijds: de ronde loopt nog'
      : 'nog niet bevestigd';
  return [
    ['Centrum', input.centreName],
    ['Schooljaar', input.schoolYear],
    ['Zichtbaarheid', input.visibility === 'open' ? 'open (toelichtingen met naam)' : 'anoniem (toelichtingen zonder naam)'],
    ['Deelnemers', String(result.memberCount)],
    ['Definitief verzonden', `${result.submittedCount} van ${result.memberCount}`],
    ['Teamresultaat', state],
    ['Aangemaakt op', formatDutchInstant(input.generatedAt.toISOString())],
  ];
}

function workbookOf(input: ResultExportInput): Workbook {
  return { heading: [`Teamresultaat inschaling ${input.schoolYear}`, input.centreName], info: exportInfo(input), tables: resultTables(input), generatedAt: input.generatedAt };
}

export function buildResultCsv(input: ResultExportInput): string {
  return workbookCsv(workbookOf(input));
}

export function buildResultXlsx(input: ResultExportInput): Promise<Buffer> {
  return workbookXlsx(workbookOf(input));
}

/** "poolster-teamresultaat-go-clb-gent-2026-2027.xlsx" */
export function exportFileName(centreName: string, schoolYear: string, format: ExportFormat): string {
  return `poolster-teamresultaat-${fileSlug(centreName, 'centrum')}-${schoolYear}.${format}`;
}
