/**
 * The one error path of a turn. Whatever a turn runs (a command, a card action as Action.Execute or
 * as the Action.Submit fallback, a file consent, an install) and whatever fails in it lands in
 * `answerFailedTurn` (registered as the adapter's turn-error handler by bot/app.ts): it logs with the
 * turn's context and answers in Dutch the way the activity expects an answer. Features do not catch
 * to answer; they throw coded PoolsterErrors (domain/errors.ts) or let unexpected errors through.
 */
import { withoutMarkdown } from '../cards/plainText';
import { INVOKE_RESPONSE_KEY, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { genericFailureMessage, PoolsterError, STORAGE_UNAVAILABLE_MESSAGE, errorSummary, isStorageUnavailable } from '../domain/errors';
import type { ConversationKind } from '../domain/conversation';
import { actorOf, toActivity } from './turn';

/** Where the turn's child logger (with its verb or command) is kept, so the boundary logs with it. */
const TURN_LOG_KEY = Symbol('poolster.turnLog');

export function rememberTurnLog(context: TurnContext, log: Logger): void {
  context.turnState.set(TURN_LOG_KEY, log);
}

/** The turn's own logger when routing got that far, else one with the activity's ids. */
export function turnLogOf(context: TurnContext, logger: Logger): Logger {
  const remembered = context.turnState?.get(TURN_LOG_KEY) as Logger | undefined;
  return remembered ?? logger.child({ conversationId: context.activity?.conversation?.id, activityId: context.activity?.id });
}

/**
 * The Dutch message for an error a person ran into; logs it (code or summary, never content).
 * `kind` is where the person reads it: a hint to type a command there carries the @mention.
 */
export function userMessageFor(error: unknown, log: Logger, kind: ConversationKind): string {
  if (error instanceof PoolsterError) {
    // Another tenant knocking is worth a warning; the other codes are people using the bot.
    if (error.code === 'wrong-tenant') log.warn({ code: error.code }, 'domain error shown to the user');
    else log.info({ code: error.code }, 'domain error shown to the user');
    return error.userMessage;
  }
  if (isStorageUnavailable(error)) {
    log.warn({ err: errorSummary(error) }, 'storage unavailable');
    return STORAGE_UNAVAILABLE_MESSAGE;
  }
  log.error({ err: errorSummary(error) }, 'unexpected error in turn');
  return genericFailureMessage(kind);
}

function isCardAction(context: TurnContext): boolean {
  return context.activity?.type === 'invoke' && context.activity.name === 'adaptiveCard/action';
}

/**
 * Writes the HTTP answer of an invoke, once: a later write in the same turn is ignored (the first
 * answer is the one the client already acts on).
 */
export async function sendInvokeResponse(context: TurnContext, status: number, body?: unknown): Promise<void> {
  if (context.turnState.get(INVOKE_RESPONSE_KEY)) return;
  await context.sendActivity({ type: 'invokeResponse', value: { status, ...(body === undefined ? {} : { body }) } });
}

/**
 * A card action answered with a message (Teams shows it in place of the card's spinner). Shown as
 * plain text: Markdown shared with chat messages is dropped (`**verder**` → `verder`).
 */
export function sendInvokeMessage(context: TurnContext, text: string): Promise<void> {
  return sendInvokeResponse(context, 200, { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: withoutMarkdown(text) });
}

/**
 * Tells the person `text` the way this activity expects an answer: in the invoke response for a
 * card action, as a chat message for a message (typed or Action.Submit) or another invoke (which
 * then still gets its 200, or Teams shows a generic error). Events such as an install have nobody
 * waiting for an answer: nothing is sent.
 */
export async function answerTurn(context: TurnContext, text: string): Promise<void> {
  if (isCardAction(context)) return sendInvokeMessage(context, text);
  if (context.activity?.type === 'message') {
    await context.sendActivity(toActivity({ text }));
    return;
  }
  if (context.activity?.type === 'invoke') {
    await context.sendActivity(toActivity({ text }));
    await sendInvokeResponse(context, 200);
  }
}

/** The error boundary of every turn: log with the turn's context, answer in Dutch. Never throws. */
export async function answerFailedTurn(context: TurnContext, error: unknown, logger: Logger): Promise<void> {
  const log = turnLogOf(context, logger);
  const message = userMessageFor(error, log, context.activity ? actorOf(context.activity).conversation.kind : 'personal');
  try {
    await answerTurn(context, message);
  } catch (sendError) {
    log.warn({ err: errorSummary(sendError) }, 'could not send the error message');
  }
}
