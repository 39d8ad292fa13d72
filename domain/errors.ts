/**
 * Coded domain errors. Each carries the Dutch message the person sees; the turn-error handler
 * logs the code and context and answers with `userMessage`.
 */
export type ErrorCode =
  | 'not-in-centre'
  | 'not-director'
  | 'not-participant'
  | 'wrong-tenant'
  | 'round-not-found'
  | 'round-closed'
  | 'round-already-open'
  | 'survey-submitted'
  | 'stale-card'
  | 'invalid-input'
  | 'not-found'
  | 'conflict'
  | 'storage-unavailable';

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
export const NOT_IN_CENTRE_MESSAGE =
  'Je bent nog niet gekoppeld aan een centrum. Vraag je directeur om je toe te voegen aan het beleidsteam, of registreer je centrum met **setup [naam]**.';

export const STORAGE_UNAVAILABLE_MESSAGE =
  'De opslag is even niet bereikbaar. Probeer zo opnieuw: wat je al had ingevuld, is bewaard.';

export const GENERIC_FAILURE_MESSAGE =
  'Er ging iets mis aan mijn kant. Niets van wat je al had ingevuld, is verloren. Probeer het zo opnieuw, of typ **help**.';

/** True for errors that mean "storage did not answer" (network down, timeouts, 5xx after retries). */
export function isStorageUnavailable(error: unknown): boolean {
  if (error instanceof PoolsterError) return error.code === 'storage-unavailable';
  const e = error as { code?: string; statusCode?: number; name?: string; cause?: unknown } | undefined;
  if (!e) return false;
  if (e.name === 'RestError') {
    if (e.statusCode === undefined) return true;
    if (e.statusCode >= 500) return true;
  }
  const code = e.code ?? '';
  return ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'REQUEST_SEND_ERROR'].includes(code);
}
