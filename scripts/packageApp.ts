/**
 * Builds the Teams app package build/poolster.zip from appPackage/.
 *
 *   npm run package            (tsx scripts/packageApp.ts)
 *
 * 1. Reads BOT_ID (or, failing that, MICROSOFT_APP_ID) from the environment, falling back to a
 *    `.env` file in the project root; the value must be a GUID.
 * 2. Substitutes the `${{BOT_ID}}` placeholders in appPackage/manifest.json.
 * 3. Validates the result offline against the official Teams manifest JSON schema bundled in
 *    @microsoft/app-manifest (no network), plus a few package checks (icon files and sizes).
 * 4. Writes manifest.json, color.png and outline.png at the root of build/poolster.zip.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import { createZip, type ZipEntry } from './zip';
import { declaredCommands } from '../bot/main';
import { commandMenus } from '../domain/commands';

/** The Teams manifest schema version the package targets: the newest stable one bundled in @microsoft/app-manifest. */
export const MANIFEST_SCHEMA_VERSION = '1.30';
export const MANIFEST_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_SCHEMA_VERSION}/MicrosoftTeams.schema.json`;

export const PROJECT_ROOT = resolve(__dirname, '..');
export const DEFAULT_APP_PACKAGE_DIR = join(PROJECT_ROOT, 'appPackage');
export const DEFAULT_OUTPUT_FILE = join(PROJECT_ROOT, 'build', 'poolster.zip');

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
import { readDotEnvFile } from './localTools';

export { parseDotEnv, readDotEnvFile } from './localTools';

const BOT_ID_VARIABLES = ['BOT_ID', 'MICROSOFT_APP_ID'] as const;
const EXPECTED_ICON_SIZES = { color: 192, outline: 32 } as const;

/** Thrown for problems the person running the script can fix (configuration, manifest content). */
export class AppPackageError extends Error {
  override name = 'AppPackageError';
}

/**
 * Picks the bot's Microsoft App ID: BOT_ID, else MICROSOFT_APP_ID; process environment values win
 * over `.env` values. Throws an AppPackageError naming the variable when it is missing or not a GUID.
 */
export function resolveBotId(
  env: Record<string, string | undefined> = process.env,
  dotEnv: Record<string, string | undefined> = {},
): string {
  for (const variable of BOT_ID_VARIABLES) {
    const fromEnv = env[variable]?.trim();
    const value = fromEnv ? fromEnv : dotEnv[variable]?.trim();
    if (!value) continue;
    if (!GUID.test(value)) {
      throw new AppPackageError(
        `${variable} is not a valid GUID (got "${value}"). Set ${variable} to the bot's Microsoft App ID, ` +
          'e.g. 00000000-0000-0000-0000-000000000000.',
      );
    }
    return value.toLowerCase();
  }
  throw new AppPackageError(
    'BOT_ID is not set. Set BOT_ID (or MICROSOFT_APP_ID) to the bot\'s Microsoft App ID (a GUID), ' +
      'in the environment or in a .env file in the project root.',
  );
}

/** Replaces every `${{NAME}}` placeholder in the manifest text; throws if one has no value. */
export function substitutePlaceholders(template: string, values: Record<string, string>): string {
  const missing = new Set<string>();
  const output = template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) {
      missing.add(name);
      return whole;
    }
    return value;
  });
  if (missing.size > 0) {
    throw new AppPackageError(`appPackage/manifest.json uses placeholder(s) with no value: ${[...missing].join(', ')}`);
  }
  return output;
}

/** Path of the Teams manifest JSON schema shipped inside @microsoft/app-manifest. */
export function bundledSchemaPath(version: string = MANIFEST_SCHEMA_VERSION): string {
  const packageDir = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return join(packageDir, 'build', 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json');
}

/** The schema type AppManifestUtils.validateAgainstSchema accepts (AJV's JSONSchemaType<AppManifest>). */
type ManifestSchema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

const schemaCache = new Map<string, ManifestSchema>();

/** Loads the bundled schema (never the network). Same escape clean-up as AppManifestUtils.fetchSchema. */
export function loadBundledSchema(version: string = MANIFEST_SCHEMA_VERSION): ManifestSchema {
  const cached = schemaCache.get(version);
  if (cached) return cached;
  const file = bundledSchemaPath(version);
  if (!existsSync(file)) {
    throw new Error(`@microsoft/app-manifest does not bundle the Teams manifest schema v${version} (${file})`);
  }
  const text = readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  const schema = JSON.parse(text) as ManifestSchema;
  schemaCache.set(version, schema);
  return schema;
}

/**
 * Validates a manifest object against the official Teams schema v{@link MANIFEST_SCHEMA_VERSION}
 * (AJV via AppManifestUtils.validateAgainstSchema, schema passed in so nothing is fetched).
 * Resolves to a list of error messages; empty means valid.
 */
export async function validateManifest(manifest: unknown): Promise<string[]> {
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    return ['manifest must be a JSON object'];
  }
  const errors = await AppManifestUtils.validateAgainstSchema(manifest as AppManifest, loadBundledSchema());
  const schemaUrl = (manifest as { $schema?: unknown }).$schema;
  if (schemaUrl !== undefined && schemaUrl !== MANIFEST_SCHEMA_URL) {
    errors.push(`/$schema must be ${MANIFEST_SCHEMA_URL} (the schema the package is validated against), got ${String(schemaUrl)}`);
  }
  return errors;
}

/** Width and height from a PNG's IHDR chunk; throws if the bytes are not a PNG. */
export function readPngSize(png: Buffer): { width: number; height: number } {
  const signature = '89504e470d0a1a0a';
  if (png.length < 24 || png.subarray(0, 8).toString('hex') !== signature || png.subarray(12, 16).toString('ascii') !== 'IHDR') {
    throw new Error('not a PNG file');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

interface ManifestIcons {
  color?: unknown;
  outline?: unknown;
}

function readIcon(appPackageDir: string, kind: keyof typeof EXPECTED_ICON_SIZES, fileName: unknown): { name: string; data: Buffer } {
  if (typeof fileName !== 'string' || fileName === '' || fileName.includes('/') || fileName.includes('\\')) {
    throw new AppPackageError(`icons.${kind} must name a file at the root of the app package, got ${JSON.stringify(fileName)}`);
  }
  const file = join(appPackageDir, fileName);
  if (!existsSync(file)) {
    throw new AppPackageError(`icons.${kind} refers to ${fileName}, which does not exist in ${appPackageDir} (run \`npm run icons\`)`);
  }
  const data = readFileSync(file);
  let size: { width: number; height: number };
  try {
    size = readPngSize(data);
  } catch {
    throw new AppPackageError(`${fileName} (icons.${kind}) is not a PNG file`);
  }
  const expected = EXPECTED_ICON_SIZES[kind];
  if (size.width !== expected || size.height !== expected) {
    throw new AppPackageError(`${fileName} (icons.${kind}) must be ${expected}×${expected} pixels, is ${size.width}×${size.height}`);
  }
  return { name: fileName, data };
}

export interface BuildAppPackageOptions {
  /** The bot's Microsoft App ID (GUID); used for both the app id and bots[0].botId. */
  botId: string;
  /** Folder holding manifest.json and the icons; defaults to ./appPackage. */
  appPackageDir?: string;
}

/** Reads appPackage/manifest.json, fills in the placeholders and returns the parsed manifest (not yet validated). */
export function renderManifest({ botId, appPackageDir = DEFAULT_APP_PACKAGE_DIR }: BuildAppPackageOptions): Record<string, unknown> {
  if (!GUID.test(botId)) throw new AppPackageError(`botId is not a valid GUID (got "${botId}")`);
  const template = readFileSync(join(appPackageDir, 'manifest.json'), 'utf8');
  const text = substitutePlaceholders(template, { BOT_ID: botId.toLowerCase() });
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new AppPackageError(`appPackage/manifest.json is not valid JSON: ${(error as Error).message}`);
  }
  // The command menus come from the features' command declarations, the ones help shows.
  const menus = commandMenus(declaredCommands());
  for (const bot of (manifest.bots ?? []) as Array<Record<string, unknown>>) {
    bot.commandLists = [
      { scopes: ['personal'], commands: menus.personal },
      { scopes: ['team', 'groupChat'], commands: menus.team },
    ];
  }
  return manifest;
}

/**
 * Builds the app package in memory: renders and validates the manifest, checks the icons and
 * returns the ZIP bytes (manifest.json + the two icons at the archive root).
 */
export async function buildAppPackage(options: BuildAppPackageOptions): Promise<Buffer> {
  const appPackageDir = options.appPackageDir ?? DEFAULT_APP_PACKAGE_DIR;
  const manifest = renderManifest({ ...options, appPackageDir });
  const errors = await validateManifest(manifest);
  if (errors.length > 0) {
    throw new AppPackageError(
      `manifest.json does not validate against the Teams manifest schema v${MANIFEST_SCHEMA_VERSION}:\n  - ${errors.join('\n  - ')}`,
    );
  }
  const icons = (manifest.icons ?? {}) as ManifestIcons;
  const entries: ZipEntry[] = [
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') },
    readIcon(appPackageDir, 'color', icons.color),
    readIcon(appPackageDir, 'outline', icons.outline),
  ];
  return createZip(entries);
}

/** CLI entry point: resolves the bot id, builds the package and writes it to `outputFile`. */
export async function main(outputFile: string = DEFAULT_OUTPUT_FILE): Promise<string> {
  const botId = resolveBotId(process.env, readDotEnvFile(PROJECT_ROOT));
  const zip = await buildAppPackage({ botId, appPackageDir: DEFAULT_APP_PACKAGE_DIR });
  mkdirSync(dirname(outputFile), { recursive: true });
  writeFileSync(outputFile, zip);
  return outputFile;
}

if (require.main === module) {
  main().then(
    (file) => console.log(`Teams app package written to ${file} (manifest v${MANIFEST_SCHEMA_VERSION}, validated offline).`),
    (error: unknown) => {
      const message = error instanceof AppPackageError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
      console.error(`Packaging failed: ${message}`);
      process.exitCode = 1;
    },
  );
}
