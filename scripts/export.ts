/**
 * The team result of one centre and school year as a file:
 *
 *   npm run export -- --centre <centreId> --year 2026-2027 [--tenant <tenantId>] --format xlsx|csv --out <bestand>
 *
 * The round is the one the confirmed inschaling of that year came from, else the latest closed
 * round of that year. Storage comes from the environment (STORAGE_CONNECTION_STRING or
 * STORAGE_ACCOUNT_URL, TABLE_PREFIX), read by bot/config.ts. Toelichtingen respect the round's
 * visibility: names only in an open round.
 * Exit codes: 0 written, 1 problem (configuration, unknown centre, no round), 2 wrong usage.
 */
import { writeFile } from 'node:fs/promises';
import type { ExportFormat } from '../domain/result/export';
import { parseSchoolYear, type SchoolYear } from '../domain/schoolYear';
import { buildExportFile, loadResult, roundForSchoolYear } from '../dialogs/result/data';
import { InschalingRepository } from '../storage/inschalingen';
import { SurveyRepository } from '../storage/survey';
import { openCentre, parseArgsOrExplain, parseOptions, runAsMain, type CliIo, UsageError } from './cli';

export const EXPORT_USAGE = [
  'Gebruik:',
  '  npm run export -- --centre <centreId> --year 2026-2027 [--tenant <tenantId>] --format xlsx|csv --out <bestand>',
  '',
  'De opslag komt uit STORAGE_CONNECTION_STRING (of STORAGE_ACCOUNT_URL) en TABLE_PREFIX.',
].join('\n');

interface ExportArgs {
  centre: string;
  year: SchoolYear;
  tenant?: string;
  format: ExportFormat;
  out: string;
}

function parseCli(argv: string[]): ExportArgs {
  const parsed = parseOptions({
    args: argv,
    allowPositionals: false,
    options: {
      centre: { type: 'string' },
      year: { type: 'string' },
      tenant: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const { centre, year, tenant, format, out } = parsed.values;
  if (!centre?.trim()) throw new UsageError('Geef het centrum mee met --centre <centreId>.');
  const schoolYear = year ? parseSchoolYear(year) : undefined;
  if (!schoolYear) throw new UsageError('Geef het schooljaar mee met --year, bijvoorbeeld --year 2026-2027.');
  if (format !== 'xlsx' && format !== 'csv') throw new UsageError('Kies het formaat met --format xlsx of --format csv.');
  if (!out?.trim()) throw new UsageError('Geef het doelbestand mee met --out <bestand>.');
  return { centre: centre.trim(), year: schoolYear, tenant: tenant?.trim() || undefined, format, out: out.trim() };
}

/** Runs the CLI; resolves with the exit code. */
export async function runExportCli(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgsOrExplain(() => parseCli(argv), EXPORT_USAGE, io);
  if (!args) return 2;
  const opened = await openCentre(io, args.centre, args.tenant);
  if (!opened) return 1;
  const { tables, centre } = opened;
  const repos = { survey: new SurveyRepository(tables.client('Survey')), inschalingen: new InschalingRepository(tables.client('Inschalingen')) };
  const round = await roundForSchoolYear(repos, centre, args.year);
  if (!round) {
    io.stderr(`${centre.name} heeft geen afgesloten inschalingsronde voor ${args.year}.\n`);
    return 1;
  }
  const now = io.now?.() ?? new Date();
  const loaded = await loadResult(repos, centre, round);
  const file = await buildExportFile(loaded, args.format, now);
  await writeFile(args.out, file.content);
  const confirmed = loaded.yearRow?.roundId === round.roundId;
  io.stdout(
    `Teamresultaat ${args.year} van ${centre.name} geschreven naar ${args.out} (${args.format}, ${file.content.length} bytes; ` +
      `${loaded.result.submittedCount} van ${loaded.result.memberCount} deelnemers verzonden; ${confirmed ? 'bevestigd' : 'nog niet bevestigd'}).\n`,
  );
  return 0;
}

if (require.main === module) runAsMain(runExportCli);
