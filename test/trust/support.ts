/**
 * Helpers for the trust tests: table snapshots (what changed, what exists), a log capture with the
 * product's redaction, the registered commands and verbs, and a check that a text reads as Dutch.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { ZodType } from 'zod';
import { createLogger } from '../../bot/logger';
import { buildFeatures } from '../../bot/main';
import type { CommandDeclaration } from '../../domain/commands';
import type { Router } from '../../dialogs/types';
import { TABLE_NAMES, type TableName } from '../../storage/tables';
import type { TestBot } from '../support/bot';

export type Row = Record<string, unknown> & { partitionKey: string; rowKey: string; etag: string };

export async function tableRows(bot: TestBot, name: TableName, filter?: string): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const row of bot.poolster.tables.client(name).listEntities<Row>({ queryOptions: { filter } })) rows.push(row);
  return rows;
}

/** Every row of every table, by `table|partition|row`, with its ETag (changes when the row is written). */
export async function snapshot(bot: TestBot, names: readonly TableName[] = TABLE_NAMES): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  for (const name of names) {
    for (const row of await tableRows(bot, name)) result.set(`${name}|${row.partitionKey}|${row.rowKey}`, row.etag);
  }
  return result;
}

/** Keys added, removed or rewritten between two snapshots, optionally only those matching `scope`. */
export function changes(before: Map<string, string>, after: Map<string, string>, scope: (key: string) => boolean = () => true): string[] {
  const out: string[] = [];
  for (const [key, etag] of after) if (scope(key) && before.get(key) !== etag) out.push(before.has(key) ? `changed ${key}` : `added ${key}`);
  for (const key of before.keys()) if (scope(key) && !after.has(key)) out.push(`removed ${key}`);
  return out;
}

/** A logger as production builds it (with redaction), writing every line into `lines`. */
export function captureLogs(level = 'trace') {
  const lines: string[] = [];
  let pending = '';
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      pending += String(chunk);
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      lines.push(...parts.filter(Boolean));
      callback();
    },
  });
  const logger = createLogger({ level, format: 'json', destination: stream });
  return {
    logger,
    lines,
    entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown> & { level: number; msg?: string }),
  };
}

export interface RegisteredRoutes {
  commands: CommandDeclaration[];
  actions: Array<{ verb: string; schema: ZodType<unknown> }>;
  fileSources: Array<{ kind: string; schema: ZodType<unknown> }>;
}

/** What the features register, read with a recording router (whatever features exist today). */
export function registeredRoutes(bot: TestBot): RegisteredRoutes {
  const routes: RegisteredRoutes = { commands: [], actions: [], fileSources: [] };
  const router: Router = {
    command: (declaration) => void routes.commands.push(declaration),
    commands: () => routes.commands,
    action: (verb, schema) => void routes.actions.push({ verb, schema: schema as ZodType<unknown> }),
    onInstall: () => undefined,
    onUnknown: () => undefined,
    fileSource: (kind, schema) => void routes.fileSources.push({ kind, schema: schema as ZodType<unknown> }),
  };
  for (const feature of buildFeatures(bot.poolster.deps)) feature(router);
  return routes;
}

const DUTCH_WORDS = /(^|[^\p{L}])(je|jij|jouw|ik|de|het|een|niet|geen|typ|kan|deze|dit|van|is|met|om|wat|nog|alleen|hier|bij)(?=$|[^\p{L}])/iu;
const ENGLISH_FAILURE = /(^|[^\p{L}])(error|exception|undefined|null|NaN|TypeError|cannot read|stack|internal server)(?=$|[^\p{L}])/iu;

/** True when a text has Dutch words in it. */
export function hasDutch(text: string): boolean {
  return DUTCH_WORDS.test(text);
}

/** True for a text a person can read in Dutch; quoted echoes of their own input are ignored. */
export function readsDutch(text: string): boolean {
  const own = text.replace(/"[^"]*"/g, '""');
  return DUTCH_WORDS.test(own) && !ENGLISH_FAILURE.test(own);
}

/** The text a person reads on a card (TextBlocks, text runs, fact titles, button titles), not input values. */
export function visibleCardText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if ((n.type === 'TextBlock' || n.type === 'TextRun') && typeof n.text === 'string') out.push(n.text);
    if (typeof n.type === 'string' && n.type.startsWith('Action.') && typeof n.title === 'string') out.push(n.title);
    for (const [key, value] of Object.entries(n)) if (key !== 'fallback') walk(value);
  };
  walk(card);
  return out.join('\n');
}

/** Where Teams would let the bot upload an accepted file (a OneDrive upload URL), on loopback. */
export class UploadSink {
  readonly uploads: string[] = [];
  url = '';
  private server?: http.Server;

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        this.uploads.push(Buffer.concat(chunks).toString('utf8'));
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/upload`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
