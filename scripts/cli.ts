/**
 * What the command-line tools (`npm run plan`, `npm run export`, `npm run admin`) share: their I/O seam, opening the
 * storage and finding a centre (with Dutch messages on failure), and running as a process.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, loadConfig } from '../bot/config';
import type { Centre } from '../domain/centre/model';
import { CentreRepository } from '../storage/centres';
import { createTables, type Tables } from '../storage/tables';

export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  now?: () => Date;
}

/**
 * Opens the storage of the environment and finds the centre (in `tenantId`, or in any tenant when
 * the id is unique). Prints what is wrong and resolves undefined when it cannot.
 */
export async function openCentre(
  io: CliIo,
  centreId: string,
  tenantId: string | undefined,
  notFoundSuffix = '',
): Promise<{ tables: Tables; centres: CentreRepository; centre: Centre } | undefined> {
  const tables = await openStorage(io);
  if (!tables) return undefined;
  const centres = new CentreRepository(tables.client('Centres'), tables.client('People'));
  const found = tenantId
    ? [await centres.getCentre(tenantId, centreId)].filter((c): c is Centre & { etag: string } => Boolean(c))
    : (await centres.listCentres()).filter((c) => c.centreId === centreId);
  if (found.length > 1) {
    io.stderr(`Centrum ${centreId} bestaat in meer dan één tenant: geef --tenant <tenantId> mee.\n`);
    return undefined;
  }
  if (found.length === 0) {
    io.stderr(`Centrum ${centreId} bestaat niet${tenantId ? ` in tenant ${tenantId}` : ''}.${notFoundSuffix}\n`);
    return undefined;
  }
  return { tables, centres, centre: found[0]! };
}

/** Opens the storage of the environment; prints what is wrong and resolves undefined when it cannot. */
export async function openStorage(io: CliIo): Promise<Tables | undefined> {
  let tables: Tables;
  try {
    tables = createTables(loadConfig(io.env).storage);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(`De opslag is niet goed ingesteld:\n${error.problems.map((p) => `  - ${p}`).join('\n')}\n`);
      return undefined;
    }
    throw error;
  }
  await tables.ensure();
  return tables;
}

/** Runs a CLI entry point as the process: its resolved number is the exit code. */
export function runAsMain(run: (argv: string[], io: CliIo) => Promise<number>): void {
  run(process.argv.slice(2), {
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  })
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      process.stderr.write(`Er ging iets mis: ${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = 1;
    });
}

/** A mistake in how the command was typed: answered with the usage text and exit code 2. */
export class UsageError extends Error {}

/** Node's own argument parser, strict; what it refuses is a usage mistake, told in Dutch. */
export function parseOptions<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T & { strict: true }>> {
  try {
    return parseArgs({ ...config, strict: true });
  } catch (error) {
    throw new UsageError(dutchUsageProblem(config, (error as { code?: string }).code));
  }
}

/**
 * Says in Dutch what the strict parser refused: found again from the arguments' own tokens (a
 * lenient parse), by the parser's error code, never from its English message.
 */
function dutchUsageProblem(config: ParseArgsConfig, code: string | undefined): string {
  const known = config.options ?? {};
  const { tokens } = parseArgs({ ...config, strict: false, tokens: true });
  for (const token of tokens ?? []) {
    if (token.kind === 'option') {
      const option = known[token.name];
      if (!option) return `Onbekende optie ${token.rawName}.`;
      if (option.type === 'string' && token.value === undefined) return `De optie ${token.rawName} verwacht een waarde: ${token.rawName} <waarde>.`;
      if (option.type === 'boolean' && token.value !== undefined) return `De optie ${token.rawName} krijgt geen waarde.`;
    }
    if (token.kind === 'positional' && !config.allowPositionals) return `Onverwacht argument "${token.value}".`;
  }
  return code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' ? 'Onverwacht argument.' : 'De opdracht is niet goed getypt.';
}

/** Parses the arguments; on a usage mistake prints it with the usage text and yields undefined. */
export function parseArgsOrExplain<T>(parse: () => T, usage: string, io: CliIo): T | undefined {
  try {
    return parse();
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n\n${usage}\n`);
      return undefined;
    }
    throw error;
  }
}
