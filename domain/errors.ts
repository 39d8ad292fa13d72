/**
 * Coded domain errors. Each carries the Dutch message the person sees; the turn's error boundary
 * (bot/boundary.ts) logs the code with the turn's context and answers with `userMessage`. Access
 * checks throw these (dialogs/context.ts), so the same case always gets the same answer.
 */
import { commandHint, type ConversationKind } from './conversation';

export type ErrorCode =
  | 'not-in-centre'
  | 'not-in-team'
  | 'not-director'
  | 'last-director'
  | 'not-owner'
  | 'not-participant'
  | 'wrong-tenant'
  | 'round-not-found'
  | 'round-closed'
  | 'round-already-open'
  | 'survey-submitted'
  | 'invalid-input'
  | 'not-found'
  | 'conflict';

export class PoolsterError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Dutch, shown to the person as is. */
    readonly userMessage: string,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${userMessage}`, options);
    this.name = 'PoolsterError';
  }
}

/** For someone who is not (yet) in any centre's beleidsteam. */
export function notInCentreMessage(kind: ConversationKind): string {
  return `Je bent nog niet gekoppeld aan een centrum. Vraag je directeur om je toe te voegen aan het beleidsteam, of registreer je centrum met ${commandHint('setup [naam]', kind)}.`;
}

export const STORAGE_UNAVAILABLE_MESSAGE =
  'De opslag is even niet bereikbaar. Probeer zo opnieuw: wat je al had ingevuld, is bewaard.';

export function genericFailureMessage(kind: ConversationKind): string {
  return `Er ging iets mis aan mijn kant. Niets van wat je al had ingevuld, is verloren. Probeer het zo opnieuw, of typ ${commandHint('help', kind)}.`;
}

/** True for errors that mean "storage did not answer" (network down, timeouts, 5xx after retries). */
export function isStorageUnavailable(error: unknown): boolean {
  // A coded error is a decided answer, never an outage.
  if (error instanceof PoolsterError) return false;
  const e = error as { code?: string; statusCode?: number; name?: string; cause?: unknown } | undefined;
  if (!e) return false;
  if (e.name === 'RestError') {
    if (e.statusCode === undefined) return true;
    if (e.statusCode >= 500) return true;
  }
  const code = e.code ?? '';
  return ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'REQUEST_SEND_ERROR'].includes(code);
}

/**
 * Error details for a log line, without payloads (request bodies can hold answers). Error messages
 * sometimes quote the data they choked on (JSON.parse, the connector's serializer, zod enums), so
 * quoted parts are cut from the message, zod errors are reduced to paths and codes, and the stack
 * keeps only frames. Used by bot/ and by features alike.
 */
export function errorSummary(error: unknown): Record<string, unknown> {
  const e = error as { name?: string; message?: string; code?: string; statusCode?: number; stack?: string; issues?: Array<{ path?: unknown[]; code?: string }> };
  const message =
    e?.name === 'ZodError' && Array.isArray(e.issues)
      ? e.issues.slice(0, 10).map((issue) => `${(issue.path ?? []).join('.')}: ${issue.code}`).join('; ')
      : scrubErrorText(e?.message);
  const frames = typeof e?.stack === 'string' ? e.stack.split('\n').filter((line) => /^\s+at /.test(line)).slice(0, 15).join('\n') : undefined;
  return { errorType: e?.name, message, code: typeof e?.code === 'string' ? e.code : undefined, statusCode: e?.statusCode, stack: frames };
}

/** Replaces quoted parts of an error text (where values appear) and bounds its length. */
export function scrubErrorText(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  return text.replace(/"[^"\n]*"|'[^'\n]*'|`[^`\n]*`|\u201c[^\u201d\n]*\u201d/g, '"…"').slice(0, 300);
}

/** Where a failure that is tolerated on purpose is reported (a pino logger fits). */
export interface FailureLog {
  warn(fields: Record<string, unknown>, message: string): void;
}

/**
 * A `.catch` handler for a failure tolerated on purpose (the work goes on without it): logs a
 * warning with the error's summary, never content, and resolves with undefined.
 */
export function logTolerated(log: FailureLog, message: string, fields: Record<string, unknown> = {}): (error: unknown) => undefined {
  return (error: unknown) => {
    log.warn({ ...fields, err: errorSummary(error) }, message);
    return undefined;
  };
}
