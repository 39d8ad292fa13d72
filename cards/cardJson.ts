/**
 * The card JSON contract: what cards/ renders and what dialogs/ and bot/ pass along. A leaf module
 * (imports nothing of the app), so every layer can name it without importing another layer.
 */

/** An Adaptive Card as JSON (rendered by cards/). */
export type CardJson = Record<string, unknown> & { type: 'AdaptiveCard' };
