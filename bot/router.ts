/**
 * The Router that features register on, implemented over teams-ai's Application.
 * Commands are parsed from the message text; card verbs arrive as Action.Execute invokes (answered in
 * the HTTP response) or as the Action.Submit fallback (a message with `value`).
 */
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { z, type ZodType } from 'zod';
import { COMMAND_BUTTON_ARGS_MAX, MAX_MESSAGE_CHARS, buildCommandParser, cleanMessageText, unknownCommandReply, type CommandDeclaration, type CommandParser } from '../domain/commands';
import { errorSummary, scrubErrorText } from '../domain/errors';
import { commandHint, type ConversationKind } from '../domain/conversation';
import type { ActionHandler, CommandHandler, Router, Turn, UnknownMessage } from '../dialogs/types';
import { rememberTurnLog, sendInvokeMessage, sendInvokeResponse } from './boundary';
import { createTurn, toActivity } from './turn';
import { registerFileConsent, type FileSource } from './files';
import { fileOfferActivities, type FileLinks } from './files';
import { type FileOffer } from './turn';
import { cardWithoutMarkdown, withoutMarkdown } from '../cards/plainText';
import { VERBS } from '../cards/verbs';

/**
 * A card whose data the bot cannot read. In the 1:1 chat (where the survey is) `verder` picks the
 * survey up again; in a channel or group chat the way on is help, typed with the @mention.
 */
export function invalidCardMessage(kind: ConversationKind): string {
  return kind === 'personal'
    ? 'Deze kaart kon ik niet lezen. Je ingevulde antwoorden zijn niet verloren: typ **verder** om verder te gaan, of **help**.'
    : `Deze kaart kon ik niet lezen. Wat je al had ingevuld, is niet verloren: typ ${commandHint('help', kind)} om te zien wat je kan doen.`;
}

export { MAX_MESSAGE_CHARS };
export function tooLongMessage(kind: ConversationKind): string {
  return `Dat bericht is te lang voor mij (meer dan 5.000 tekens). Typ een korte opdracht, bijvoorbeeld ${commandHint('help', kind)}.`;
}


/** The log summary of an error lives in domain/errors.ts, shared with code outside bot/. */
export { errorSummary, scrubErrorText };

export interface TurnDeps {
  logger: Logger;
  now: () => Date;
  /** One-time download links next to file consent (bot/files.ts); without it only consent is offered. */
  fileLinks?: FileLinks;
  /** The file sources features register, shared with the download route (bot/server.ts). */
  fileSources?: Map<string, FileSource>;
}

/** Card data arrives with routing fields next to the inputs; features only see their own fields. */
function withoutRoutingFields(data: unknown): unknown {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return data;
  const { verb: _verb, msteams: _msteams, ...rest } = data as Record<string, unknown>;
  return rest;
}

export function createTeamsRouter<TState extends TurnState>(app: Application<TState>, deps: TurnDeps): Router & { finish(): void } {
  const commands = new Map<string, { declaration: CommandDeclaration; handler: CommandHandler }>();
  let parser: CommandParser | undefined;
  const installHandlers: Array<(turn: Turn) => Promise<void>> = [];
  const unknownHandlers: Array<(turn: Turn, unknown: UnknownMessage) => Promise<void>> = [];
  const fileSources = deps.fileSources ?? new Map<string, FileSource>();
  const offerFile: FileOffer = (file, actor, log) =>
    fileOfferActivities(file, { kind: actor.conversation.kind, recipient: { tenantId: actor.tenantId, userId: actor.userId, channelUserId: actor.channelUserId } }, deps.fileLinks, log);

  // Handlers do not catch to answer: whatever they throw reaches the turn's one error boundary
  // (bot/boundary.ts), which logs with the logger made here (verb, command or event included).
  const turnFor = (context: TurnContext, fields: Record<string, unknown>): Turn => {
    const log = deps.logger.child({
      conversationId: context.activity.conversation?.id,
      activityId: context.activity.id,
      ...fields,
    });
    rememberTurnLog(context, log);
    return createTurn(context, log, deps.now, offerFile);
  };

  return {
    command(declaration, handler) {
      if (parser) throw new Error(`Command "${declaration.name}" is registered after the router was finished`);
      if (commands.has(declaration.name)) throw new Error(`Command "${declaration.name}" is registered twice`);
      commands.set(declaration.name, { declaration, handler });
    },

    commands() {
      return [...commands.values()].map((c) => c.declaration);
    },

    action<T>(verb: string, schema: ZodType<T>, handler: ActionHandler<T>) {
      app.adaptiveCards.actionExecute(verb, async (context, _state, data) => {
        const turn = turnFor(context, { verb });
        const parsed = schema.safeParse(withoutRoutingFields(data));
        if (!parsed.success) {
          turn.log.info({ issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'card data rejected');
          return withoutMarkdown(invalidCardMessage(turn.actor.conversation.kind));
        }
        const result = await handler(turn, parsed.data);
        if (result.text && result.card) await context.sendActivity(toActivity({ text: result.text }));
        // The answer to Action.Execute is shown as is: no Markdown in the card or the short message.
        return result.card ? cardWithoutMarkdown(result.card) : withoutMarkdown(result.text ?? 'Verwerkt.');
      });
      app.adaptiveCards.actionSubmit(verb, async (context, _state, data) => {
        const turn = turnFor(context, { verb, fallback: 'submit' });
        const parsed = schema.safeParse(withoutRoutingFields(data));
        if (!parsed.success) {
          turn.log.info({ issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'card data rejected');
          await turn.send({ text: invalidCardMessage(turn.actor.conversation.kind) });
          return;
        }
        const result = await handler(turn, parsed.data);
        if (result.text) await turn.send({ text: result.text });
        if (result.card) await turn.send({ card: result.card });
      });
    },

    onInstall(handler) {
      installHandlers.push(handler);
    },

    onUnknown(handler) {
      unknownHandlers.push(handler);
    },

    fileSource(kind, schema, build) {
      if (fileSources.has(kind)) throw new Error(`File source "${kind}" is registered twice`);
      fileSources.set(kind, { schema, build: build as FileSource['build'] });
    },

    /** Adds the catch-all routes; call after every feature registered. */
    finish() {
      // One parser from every declaration; it throws here, at start-up, if two commands share words.
      const commandParser = buildCommandParser([...commands.values()].map((c) => c.declaration));
      parser = commandParser;
      registerFileConsent(app, fileSources, turnFor, deps.fileLinks);

      // A card button that runs a command as if the person typed it: an Action.Submit with plain
      // data { verb: 'command.run', command, args? } (imBack/messageBack buttons send nothing in
      // the Agents Playground). It arrives as a message with `value`, so the command's handler
      // sends new messages exactly as for typed text.
      const commandRunSchema = z.object({
        command: z.string().max(100).refine((name) => commands.has(name), { message: 'unknown command' }),
        args: z.string().max(COMMAND_BUTTON_ARGS_MAX).optional(),
      });
      app.adaptiveCards.actionSubmit(VERBS.command.run, async (context, _state, data) => {
        const parsed = commandRunSchema.safeParse(withoutRoutingFields(data));
        if (!parsed.success) {
          const turn = turnFor(context, { verb: VERBS.command.run, fallback: 'submit' });
          turn.log.info({ issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'card data rejected');
          await turn.send({ text: invalidCardMessage(turn.actor.conversation.kind) });
          return;
        }
        const name = parsed.data.command;
        const turn = turnFor(context, { verb: VERBS.command.run, fallback: 'submit', command: name });
        await commands.get(name)!.handler(turn, cleanMessageText(parsed.data.args ?? ''));
      });
      app.conversationUpdate('membersAdded', async (context) => {
        const botId = context.activity.recipient?.id;
        const botAdded = (context.activity.membersAdded ?? []).some((m) => m.id === botId);
        if (!botAdded) return;
        const turn = turnFor(context, { event: 'install' });
        for (const handler of installHandlers) await handler(turn);
      });

      app.activity('message', async (context) => {
        const command = commandParser.parse(context.activity.text ?? '');
        if (command.kind === 'too-long') {
          const turn = turnFor(context, { command: 'too-long' });
          await turn.send({ text: tooLongMessage(turn.actor.conversation.kind) });
          return;
        }
        const turn = turnFor(context, { command: command.kind === 'command' ? command.name : command.kind });
        if (command.kind === 'empty') {
          // A card submit without a known verb, or an empty message.
          await turn.send({ text: context.activity.value ? invalidCardMessage(turn.actor.conversation.kind) : unknownCommandReply('', turn.actor.conversation.kind) });
          return;
        }
        if (command.kind === 'unknown') {
          const unknown: UnknownMessage = command.suggestion ? { text: command.text, suggestion: command.suggestion } : { text: command.text };
          if (command.suggestion) turn.log.info({ suggested: command.suggestion.name }, 'near-miss command');
          for (const handler of unknownHandlers) await handler(turn, unknown);
          if (unknownHandlers.length === 0) await turn.send({ text: unknownCommandReply(command.text, turn.actor.conversation.kind) });
          return;
        }
        await commands.get(command.name)!.handler(turn, command.args);
      });

      // Invokes no feature answered (a card verb nobody registered, or an invoke kind this bot does
      // not offer): without an answer botbuilder replies 501 and Teams shows a generic error.
      app.activity('invoke', async (context) => {
        const turn = turnFor(context, { invoke: String(context.activity.name ?? '').slice(0, 100) });
        if (context.activity.name === 'adaptiveCard/action') {
          turn.log.info('card action without a known verb');
          await sendInvokeMessage(context, invalidCardMessage(turn.actor.conversation.kind));
          return;
        }
        turn.log.info('unsupported invoke');
        await sendInvokeResponse(context, 400, { error: 'unsupported invoke' });
      });
    },
  };
}
