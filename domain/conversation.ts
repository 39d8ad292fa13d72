/**
 * Conversation contracts shared by every layer. A leaf module (imports nothing of the app): storage/
 * stores references, dialogs/ hands them around, bot/ produces and reads them.
 */

export type ConversationKind = 'personal' | 'groupChat' | 'channel';

/**
 * A stored conversation reference: opaque JSON produced by bot/ and handed back to it for proactive
 * messages. Features and storage keep it; they never look inside.
 */
export type ConversationRef = Record<string, unknown>;

/**
 * How a command is typed in a conversation of this kind. In a group chat or channel Teams only
 * delivers messages that @mention Poolster, so there the command starts with the mention.
 */
export function typed(words: string, kind: ConversationKind): string {
  return kind === 'personal' ? words : `@Poolster ${words}`;
}

/**
 * A command as every hint shows it ("typ **digest uit**"): in bold, with the mention where the
 * command will be typed in a channel or group chat ("typ **@Poolster digest uit**"). `kind` is the
 * conversation the command is to be typed in: usually this one, a channel for `digest hier`.
 */
export function commandHint(words: string, kind: ConversationKind): string {
  return `**${typed(words, kind)}**`;
}

/**
 * A command inside a card, which shows no Markdown (the bot sends cards without it): quoted instead
 * of bold, so "Sluit de ronde met "sluit inschaling"" still reads as something to type.
 */
export function quotedCommand(words: string, kind: ConversationKind): string {
  return `"${typed(words, kind)}"`;
}
