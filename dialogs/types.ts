/**
 * The contract between features (dialogs/) and the transport (bot/). Nothing here depends on
 * botbuilder or teams-ai: moving to another Teams SDK means re-implementing bot/ only.
 */
import type { Logger } from 'pino';
import type { ZodType } from 'zod';
import type { CardJson } from '../cards/cardJson';
import type { CommandDeclaration, CommandSuggestion } from '../domain/commands';
import type { ConversationKind, ConversationRef } from '../domain/conversation';

/** Who is acting, and where. Identity comes from the (validated) activity, never from card data. */
export interface Actor {
  tenantId: string;
  /** Stable user id: the Entra object id when Teams provides it, else the channel account id. */
  userId: string;
  /** The channel account id (29:...), needed to open a 1:1 chat. */
  channelUserId: string;
  name: string;
  conversation: {
    id: string;
    kind: ConversationKind;
    teamId?: string;
    channelId?: string;
  };
}

/**
 * A file for a person. In Teams it arrives as a file consent card in a personal chat; once the
 * person accepts, the bytes are rebuilt by the registered file source (`Router.fileSource`) from
 * the small `source` key, so no bytes are kept between turns and any instance can finish the upload.
 */
export interface OutgoingFile {
  name: string;
  contentType: string;
  content: Buffer;
  /** Shown on the consent card. */
  description: string;
  /** Which file source rebuilds the bytes on accept, and its key (small, JSON, re-checked on use). */
  source: { kind: string; key: Record<string, string> };
}

export type Outgoing = { text: string } | { card: CardJson; text?: string } | { file: OutgoingFile };

/** One turn's capabilities, as a feature sees them. */
export interface Turn {
  actor: Actor;
  log: Logger;
  now: Date;
  send(message: Outgoing): Promise<void>;
  /** The reference to this conversation, for storing and later proactive messages. */
  conversationRef(): ConversationRef;
  /** Members of the current team or group chat (empty in a personal chat). */
  conversationMembers(): Promise<Array<{ userId: string; channelUserId: string; name: string }>>;
}

/**
 * What a card action answers. In Teams (Action.Execute) `card` replaces the clicked card; with the
 * Action.Submit fallback it is sent as a new message. `text` is an extra message.
 */
export interface ActionResult {
  card?: CardJson;
  text?: string;
}

/** A message that is no command; `suggestion` is the command it is closest to, if any. */
export interface UnknownMessage {
  text: string;
  suggestion?: CommandSuggestion;
}

export type CommandHandler = (turn: Turn, args: string) => Promise<void>;
export type ActionHandler<T> = (turn: Turn, data: T) => Promise<ActionResult>;

/** Proactive sending, for invitations, reminders and the digest. */
export interface Messenger {
  /** Sends to a stored conversation; resolves with the outcome instead of throwing on 403/404. */
  send(ref: ConversationRef, message: Outgoing): Promise<SendOutcome>;
  /** Opens (or finds) the 1:1 chat with a user, so the bot can write first. */
  openPersonalChat(input: { tenantId: string; channelUserId: string; serviceUrlFrom: ConversationRef }): Promise<ConversationRef | SendFailure>;
}

export type SendFailure = { ok: false; reason: 'blocked' | 'not-found' | 'throttled' | 'failed'; status?: number; detail?: string };
export type SendOutcome = { ok: true; activityId?: string } | SendFailure;

/** How features attach to the bot: Bolt-style listeners registered on a router. */
export interface Router {
  /**
   * A text command: its words, usage and audience declared together with its handler. The router
   * builds one parser from every declaration; help and the Teams menu read the same declarations.
   */
  command(declaration: CommandDeclaration, handler: CommandHandler): void;
  /** Every command declared so far (all of them once the features registered, i.e. during turns). */
  commands(): readonly CommandDeclaration[];
  /** A card verb; `schema` parses the card data on arrival (the transport's typing is only a cast). */
  action<T>(verb: string, schema: ZodType<T>, handler: ActionHandler<T>): void;
  /** The bot was added to a personal chat, team or group chat. */
  onInstall(handler: (turn: Turn) => Promise<void>): void;
  /** A message that is no known command (after the built-in "unknown" answer is decided). */
  onUnknown(handler: (turn: Turn, unknown: UnknownMessage) => Promise<void>): void;
  /**
   * Rebuilds a file offered with `{ file }` when the person accepts it. `schema` parses the key
   * that came back from the client; `build` must re-check who may have the file.
   */
  fileSource<T>(kind: string, schema: ZodType<T>, build: (turn: Turn, key: T) => Promise<Omit<OutgoingFile, 'source'>>): void;
}
