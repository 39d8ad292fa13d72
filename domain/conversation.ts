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
