/**
 * Reads what the team result of a round needs from storage, and builds its export file. Shared by
 * the Teams feature (./index.ts) and the command line (scripts/export.ts). No botbuilder here.
 */
import type { ConversationKind } from '../../domain/conversation';
import type { Centre } from '../../domain/centre/model';
import { EXPORT_CONTENT_TYPES, buildResultCsv, buildResultXlsx, exportFileName, type ExportFormat, type ResultExportInput } from '../../domain/result/export';
import type { Inschaling } from '../../domain/result/inschaling';
import type { SchoolYear } from '../../domain/schoolYear';
import type { TeamResult } from '../../domain/survey/consolidate';
import { consolidateDrafts } from '../../domain/survey/fromDrafts';
import type { Round } from '../../domain/survey/round';
import type { RoundResultContext } from '../../cards/result';
import type { InschalingRepository } from '../../storage/inschalingen';
import type { SurveyRepository } from '../../storage/survey';
import type { OutgoingFile } from '../types';

export interface ResultRepositories {
  survey: SurveyRepository;
  inschalingen: InschalingRepository;
}

export interface LoadedResult {
  centre: Pick<Centre, 'tenantId' | 'centreId' | 'name'>;
  round: Round;
  result: TeamResult;
  /** The confirmed inschaling of the round's school year (possibly from another round), with its ETag. */
  yearRow?: Inschaling & { etag: string };
  /** The confirmed inschaling of an earlier school year, for growth. */
  previous?: Inschaling;
}

/** The confirmation of this very round, if the year's row came from it. */
export function confirmationOf(loaded: LoadedResult): Inschaling | undefined {
  return loaded.yearRow?.roundId === loaded.round.roundId ? loaded.yearRow : undefined;
}

export async function loadResult(repos: ResultRepositories, centre: LoadedResult['centre'], round: Round): Promise<LoadedResult> {
  const [drafts, yearRow, previous] = await Promise.all([
    repos.survey.listDrafts(round.roundId),
    repos.inschalingen.get(centre.tenantId, centre.centreId, round.schoolYear),
    repos.inschalingen.latestConfirmed(centre.tenantId, centre.centreId, { before: round.schoolYear }),
  ]);
  return { centre, round, result: consolidateDrafts(round, drafts), yearRow, previous };
}

/** `place`: where the cards are shown (their command hints carry the @mention outside the 1:1 chat). */
export function cardContext(loaded: LoadedResult, place: ConversationKind): RoundResultContext {
  const inschaling = confirmationOf(loaded);
  return {
    place,
    roundId: loaded.round.roundId,
    centreName: loaded.centre.name,
    schoolYear: loaded.round.schoolYear,
    visibility: loaded.round.visibility,
    roundOpen: loaded.round.status === 'open',
    result: loaded.result,
    ...(inschaling ? { inschaling } : {}),
    confirmedFromOtherRound: Boolean(loaded.yearRow && !inschaling),
    ...(loaded.previous ? { previous: loaded.previous } : {}),
  };
}

export function exportInput(loaded: LoadedResult, now: Date): ResultExportInput {
  const inschaling = confirmationOf(loaded);
  return {
    centreName: loaded.centre.name,
    schoolYear: loaded.round.schoolYear,
    visibility: loaded.round.visibility,
    roundStatus: loaded.round.status,
    result: loaded.result,
    ...(inschaling ? { inschaling } : {}),
    ...(loaded.previous ? { previous: loaded.previous } : {}),
    generatedAt: now,
  };
}

export async function buildExportFile(loaded: LoadedResult, format: ExportFormat, now: Date): Promise<Omit<OutgoingFile, 'source'>> {
  const input = exportInput(loaded, now);
  const content = format === 'xlsx' ? await buildResultXlsx(input) : Buffer.from(buildResultCsv(input), 'utf8');
  return {
    name: exportFileName(loaded.centre.name, loaded.round.schoolYear, format),
    contentType: EXPORT_CONTENT_TYPES[format],
    content,
    description: `Teamresultaat inschaling ${loaded.round.schoolYear} van ${loaded.centre.name} (${format === 'xlsx' ? 'Excel' : 'CSV'})`,
  };
}

/**
 * The round to export for a centre and school year: the one its confirmed inschaling came from,
 * else the latest closed round of that year.
 */
export async function roundForSchoolYear(repos: ResultRepositories, centre: LoadedResult['centre'], schoolYear: SchoolYear): Promise<Round | undefined> {
  const confirmed = await repos.inschalingen.get(centre.tenantId, centre.centreId, schoolYear);
  if (confirmed) {
    const round = await repos.survey.getRound(confirmed.roundId);
    if (round) return round;
  }
  const rounds = await repos.survey.listByCentre(centre.tenantId, centre.centreId);
  return rounds.find((r) => r.schoolYear === schoolYear && r.status === 'closed');
}
