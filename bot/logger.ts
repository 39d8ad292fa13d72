/**
 * pino logger: JSON in production, readable in development. Message text, answers, names and
 * secrets are redacted wherever they appear in a logged object (AVG/GDPR: logs hold no content).
 */
import pino, { type Logger } from 'pino';

export type { Logger };

/** Paths censored in every log line. Checked by test/trust/privacyLogs.test.ts. */
export const REDACTED_PATHS = [
  'text',
  '*.text',
  'activity.text',
  'activity.value',
  'activity.from.name',
  'activity.recipient.name',
  'value',
  '*.value',
  'data',
  '*.data',
  'name',
  '*.name',
  'userName',
  '*.userName',
  'answers',
  '*.answers',
  'note',
  '*.note',
  'notes',
  '*.notes',
  // Survey forms and answers, plan texts and conversation references (they carry the user's name).
  'form',
  '*.form',
  'reason',
  '*.reason',
  'title',
  '*.title',
  'description',
  '*.description',
  'ownerName',
  '*.ownerName',
  'registeredByName',
  '*.registeredByName',
  'ref',
  '*.ref',
  'personalChat',
  '*.personalChat',
  'password',
  '*.password',
  'appPassword',
  '*.appPassword',
  'connectionString',
  '*.connectionString',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
];

/**
 * Colour codes only for a terminal: NO_COLOR turns them off, FORCE_COLOR on (npm run dev sets one
 * of them, because the bot's output reaches the terminal through a pipe).
 */
export function useColour(env: NodeJS.ProcessEnv = process.env, isTTY = Boolean(process.stdout.isTTY)): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return env.FORCE_COLOR !== '0';
  return isTTY;
}

export function createLogger(options: {
  level: string;
  format: 'json' | 'pretty';
  /** Where to write; defaults to stdout. Tests pass a stream to inspect lines. */
  destination?: NodeJS.WritableStream;
}): Logger {
  const base = {
    level: options.level,
    base: { app: 'poolster' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (options.format === 'pretty' && !options.destination) {
    return pino({
      ...base,
      transport: { target: 'pino-pretty', options: { colorize: useColour(), translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,app' } },
    });
  }
  return options.destination ? pino(base, options.destination as pino.DestinationStream) : pino(base);
}
