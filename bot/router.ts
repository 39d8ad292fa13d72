/**
 * The Router that features register on, implemented over teams-ai's Application.
 * Commands are parsed from the message text; card verbs arrive as Action.Execute invokes (answered in
 * the HTTP response) or as the Action.Submit fallback (a message with `value`).
 */
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { ZodType } from 'zod';
import { parseCommand, unknownCommandReply, type CommandName } from '../domain/commands';
import { GENERIC_FAILURE_MESSAGE, PoolsterError, STORAGE_UNAVAILABLE_MESSAGE, isStorageUnavailable } from '../domain/errors';
import type { ActionHandler, CommandHandler, Router, Turn } from '../dialogs/types';
import { createTurn, toActivity } from './turn';

export const INVALID_CARD_MESSAGE =
  'Deze kaart kon ik niet lezen. Je ingevulde antwoorden zijn niet verloren: typ **verder** om verder te gaan, of **help**.';


/** The Dutch message for an error a person ran into; logs it with the turn's context. */
export function userMessageFor(error: unknown, log: Logger): string {
  if (error instanceof PoolsterError) {
    log.info({ code: error.code }, 'domain error shown to the user');
    return error.userMessage;
  }
  if (isStorageUnavailable(error)) {
    log.warn({ err: errorSummary(error) }, 'storage unavailable');
    return STORAGE_UNAVAILABLE_MESSAGE;
  }
  log.error({ err: errorSummary(error) }, 'unexpected error in turn');
  return GENERIC_FAILURE_MESSAGE;
}

/** Error details without payloads (request bodies can hold answers). */
export function errorSummary(error: unknown): Record<string, unknown> {
  const e = error as { name?: string; message?: string; code?: string; statusCode?: number; stack?: string };
  return { type: e?.name, message: e?.message, code: e?.code, statusCode: e?.statusCode, stack: e?.stack };
}

export interface TurnDeps {
  logger: Logger;
  now: () => Date;
}

/** Card data arrives with routing fields next to the inputs; features only see their own fields. */
function withoutRoutingFields(data: unknown): unknown {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return data;
  const { verb: _verb, msteams: _msteams, ...rest } = data as Record<string, unknown>;
  return rest;
}

export function createTeamsRouter<TState extends TurnState>(app: Application<TState>, deps: TurnDeps): Router & { finish(): void } {
  const commands = new Map<CommandName, CommandHandler>();
  const installHandlers: Array<(turn: Turn) => Promise<void>> = [];
  const unknownHandlers: Array<(turn: Turn, text: string) => Promise<void>> = [];

  const turnFor = (context: TurnContext, fields: Record<string, unknown>): Turn => {
    const log = deps.logger.child({
      conversationId: context.activity.conversation?.id,
      activityId: context.activity.id,
      ...fields,
    });
    return createTurn(context, log, deps.now);
  };

  return {
    command(name, handler) {
      if (commands.has(name)) throw new Error(`Command "${name}" is registered twice`);
      commands.set(name, handler);
    },

    action<T>(verb: string, schema: ZodType<T>, handler: ActionHandler<T>) {
      app.adaptiveCards.actionExecute(verb, async (context, _state, data) => {
        const turn = turnFor(context, { verb });
        const parsed = schema.safeParse(withoutRoutingFields(data));
        if (!parsed.success) {
          turn.log.info({ issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'card data rejected');
          return INVALID_CARD_MESSAGE;
        }
        try {
          const result = await handler(turn, parsed.data);
          if (result.text && result.card) await context.sendActivity(toActivity({ text: result.text }));
          return result.card ?? result.text ?? 'Verwerkt.';
        } catch (error) {
          return userMessageFor(error, turn.log);
        }
      });
      app.adaptiveCards.actionSubmit(verb, async (context, _state, data) => {
        const turn = turnFor(context, { verb, fallback: 'submit' });
        const parsed = schema.safeParse(withoutRoutingFields(data));
        if (!parsed.success) {
          turn.log.info({ issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'card data rejected');
          await turn.send({ text: INVALID_CARD_MESSAGE });
          return;
        }
        try {
          const result = await handler(turn, parsed.data);
          if (result.text) await turn.send({ text: result.text });
          if (result.card) await turn.send({ card: result.card });
        } catch (error) {
          await turn.send({ text: userMessageFor(error, turn.log) });
        }
      });
    },

    onInstall(handler) {
      installHandlers.push(handler);
    },

    onUnknown(handler) {
      unknownHandlers.push(handler);
    },

    /** Adds the catch-all routes; call after every feature registered. */
    finish() {
      app.conversationUpdate('membersAdded', async (context) => {
        const botId = context.activity.recipient?.id;
        const botAdded = (context.activity.membersAdded ?? []).some((m) => m.id === botId);
        if (!botAdded) return;
        const turn = turnFor(context, { event: 'install' });
        for (const handler of installHandlers) await handler(turn);
      });

      app.activity('message', async (context) => {
        const command = parseCommand(context.activity.text ?? '');
        const turn = turnFor(context, { command: command.name });
        if (command.name === 'empty') {
          // A card submit without a known verb, or an empty message.
          await turn.send({ text: context.activity.value ? INVALID_CARD_MESSAGE : unknownCommandReply('') });
          return;
        }
        if (command.name === 'unknown') {
          for (const handler of unknownHandlers) await handler(turn, command.text);
          if (unknownHandlers.length === 0) await turn.send({ text: unknownCommandReply(command.text) });
          return;
        }
        const handler = commands.get(command.name);
        if (!handler) {
          await turn.send({ text: unknownCommandReply(command.name) });
          return;
        }
        await handler(turn, command.args);
      });
    },
  };
}
