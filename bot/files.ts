/**
 * Files through Teams' file consent flow (personal chats only):
 *  1. a feature sends `{ file }`: bot/turn.ts turns it into a FileConsentCard whose accept and
 *     decline contexts carry only the file source's kind and small key;
 *  2. the person clicks Allow: Teams sends `fileConsent/invoke` with an upload URL in their OneDrive;
 *     the file source rebuilds the bytes from storage (re-checking who may have them), they are PUT
 *     to the upload URL, and a FileInfoCard shows the file in the chat;
 *  3. the person declines: a Dutch line says nothing was saved.
 * The invoke is always answered 200 (teams-ai does that after the handler).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { Activity, FileConsentCardResponse, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { Request, Response, Server } from 'restify';
import type { ZodType } from 'zod';
import type { FileRecipient, OutgoingFile, Turn } from '../dialogs/types';
import type { ConversationKind } from '../domain/conversation';
import type { DownloadRepository, PendingDownload } from '../storage/downloads';
import { renderFileDownload } from '../cards/files';
import { errorSummary } from '../domain/errors';
import { fileInfoActivity, toActivity, type FileConsentContext } from './turn';

export interface FileSource {
  schema: ZodType<unknown>;
  build: (turn: Turn, key: unknown) => Promise<Omit<OutgoingFile, 'source'>>;
}

export const FILE_DECLINED_MESSAGE = 'Oké, ik heb het bestand niet in je OneDrive gezet.';
export const FILE_DECLINED_LINK_HINT = 'Wil je het toch? Gebruik de knop **Download** bij het bestand (de link werkt één keer, 10 minuten lang), of vraag het opnieuw aan zoals de eerste keer.';
export const FILE_UNKNOWN_MESSAGE = 'Dit bestand kan ik niet meer maken. Vraag het opnieuw aan, zoals de eerste keer.';
export const FILE_UPLOAD_FAILED_MESSAGE = 'Het bestand kon niet in je OneDrive worden gezet. Probeer het zo opnieuw, zoals de eerste keer.';

/** Upload URLs come from Teams (OneDrive, https); plain http is accepted on loopback only (tests, local). */
export function isAllowedUploadUrl(value: string | undefined): value is string {
  if (!value) return false;
  try {
    const url = new URL(value);
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

/** PUTs the whole file in one request (files here are small), with a time limit. */
export async function uploadFile(uploadUrl: string, content: Buffer, timeoutMs = 10_000): Promise<void> {
  const response = await fetch(uploadUrl, {
    method: 'PUT',
    headers: {
      'content-type': 'application/octet-stream',
      'content-length': String(content.length),
      'content-range': `bytes 0-${content.length - 1}/${content.length}`,
    },
    body: content,
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new Error(`upload answered ${response.status}`);
}

function contextOf(value: unknown): FileConsentContext | undefined {
  const context = value as Partial<FileConsentContext> | undefined;
  if (!context || typeof context.kind !== 'string' || !context.key || typeof context.key !== 'object') return undefined;
  return { kind: context.kind, key: context.key, ...(typeof context.name === 'string' ? { name: context.name.slice(0, 200) } : {}) };
}

export function registerFileConsent<TState extends TurnState>(
  app: Application<TState>,
  sources: ReadonlyMap<string, FileSource>,
  turnFor: (context: TurnContext, fields: Record<string, unknown>) => Turn,
  links?: FileLinks,
): void {
  /** After a decline or a failed upload: the same file once more, as a one-time download link. */
  const offerLink = async (turn: Turn, consent: FileConsentContext, name: string, description: string, reason: 'upload-failed'): Promise<boolean> => {
    if (!links || turn.actor.conversation.kind !== 'personal') return false;
    const { tenantId, userId, channelUserId } = turn.actor;
    const link = await links.issue({ tenantId, userId, channelUserId }, { name, source: consent }).catch((error: unknown) => {
      turn.log.warn({ err: errorSummary(error) }, 'download link could not be issued');
      return undefined;
    });
    if (!link) return false;
    await turn.send({ card: renderFileDownload({ fileName: name, description, url: link.url, expiresAt: link.expiresAt, reason }) });
    return true;
  };

  app.fileConsentAccept(async (context, _state, response: FileConsentCardResponse) => {
    const consent = contextOf(response.context);
    const turn = turnFor(context, { event: 'fileConsent', action: 'accept', kind: consent?.kind?.slice(0, 50) });
    const source = consent ? sources.get(consent.kind) : undefined;
    const key = source?.schema.safeParse(consent?.key);
    const upload = response.uploadInfo;
    if (!source || !key?.success || !isAllowedUploadUrl(upload?.uploadUrl)) {
      turn.log.info('file consent without a usable source, key or upload URL');
      await turn.send({ text: FILE_UNKNOWN_MESSAGE });
      return;
    }
    // A refusal or failure while rebuilding the file goes to the turn's error boundary (bot/boundary.ts).
    const file = await source.build(turn, key.data);
    try {
      await uploadFile(upload!.uploadUrl!, file.content);
    } catch (error) {
      turn.log.warn({ err: errorSummary(error) }, 'file upload failed');
      if (!(await offerLink(turn, { kind: consent!.kind, key: consent!.key }, file.name, file.description, 'upload-failed'))) await turn.send({ text: FILE_UPLOAD_FAILED_MESSAGE });
      return;
    }
    turn.log.info({ bytes: file.content.length }, 'file uploaded after consent');
    await context.sendActivity(fileInfoActivity(upload!, `Hier is je bestand **${upload!.name ?? file.name}**. Het staat ook in je OneDrive, in de map Microsoft Teams Chat Files.`));
  });

  // A decline stores nothing new (a forged decline must not create rows): the Download card sent
  // next to the consent card is the other way, and asking again gives a fresh one.
  app.fileConsentDecline(async (context) => {
    const turn = turnFor(context, { event: 'fileConsent', action: 'decline' });
    await turn.send({ text: `${FILE_DECLINED_MESSAGE} ${links ? FILE_DECLINED_LINK_HINT : 'Wil je het toch? Vraag het opnieuw aan, zoals de eerste keer.'}` });
  });
}

// ---------------------------------------------------------------------------------------------
// One-time download links: the other safe path to a file, wherever file consent is not available
// (the Agents Playground, a client without it), was declined, or the upload failed.
//   - the token is 256 random bits (base64url), sent only in the person's 1:1 chat; storage keeps
//     its SHA-256, the file source's kind and key (never the bytes), the recipient and the expiry;
//   - GET shows a small page with a Download button and consumes nothing (link scanners that
//     prefetch URLs do not use the link up); POST claims the row (delete with its ETag: one use,
//     whatever instance answers) and rebuilds the bytes with the registered file source, which
//     re-checks that this person may still have them;
//   - the token never reaches a log line: paths under /download/ are logged redacted.
// ---------------------------------------------------------------------------------------------

export const DOWNLOAD_PATH = '/download';
export const DOWNLOAD_LINK_MINUTES = 10;

export interface FileLinks {
  /** Issues a link for `recipient`; undefined when links are off (no public base URL). */
  issue(recipient: FileRecipient, file: Pick<OutgoingFile, 'name' | 'source'>): Promise<{ url: string; expiresAt: Date } | undefined>;
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Replaces a download token in a request path, for logs. */
export function redactPath(path: string): string {
  return path.replace(/\/download\/[^/?#]*/g, '/download/[redacted]');
}

export function createFileLinks(deps: { downloads: DownloadRepository; baseUrl: () => string | undefined; now: () => Date; ttlMinutes?: number }): FileLinks {
  const ttlMs = (deps.ttlMinutes ?? DOWNLOAD_LINK_MINUTES) * 60_000;
  return {
    async issue(recipient, file) {
      const base = deps.baseUrl();
      if (!base) return undefined;
      const token = randomBytes(32).toString('base64url');
      const created = deps.now();
      const expiresAt = new Date(created.getTime() + ttlMs);
      await deps.downloads.create(tokenHash(token), {
        tenantId: recipient.tenantId,
        userId: recipient.userId,
        channelUserId: recipient.channelUserId,
        kind: file.source.kind,
        key: file.source.key,
        fileName: file.name.slice(0, 300),
        createdAt: created.toISOString(),
        expiresAt: expiresAt.toISOString(),
      });
      return { url: `${base}${DOWNLOAD_PATH}/${token}`, expiresAt };
    },
  };
}

export const FILE_PERSONAL_ONLY_MESSAGE = 'Bestanden stuur ik alleen in ons persoonlijke gesprek, zodat niemand anders ze ziet. Open de chat met Poolster en vraag het daar.';

/**
 * The activities that offer a file: in a personal chat Teams' consent card plus a card with a
 * one-time download link (the link's card last, so it is what the chat shows first). Outside a
 * personal chat a file is never offered (others would see the link).
 */
export async function fileOfferActivities(
  file: OutgoingFile,
  where: { kind: ConversationKind | 'unknown'; recipient?: FileRecipient | undefined },
  links: FileLinks | undefined,
  log: Logger,
): Promise<Array<Partial<Activity>>> {
  if (where.kind !== 'personal' && where.kind !== 'unknown') {
    log.warn('file offered outside a personal chat: not sent');
    return [toActivity({ text: FILE_PERSONAL_ONLY_MESSAGE })];
  }
  const activities: Array<Partial<Activity>> = [toActivity({ file })];
  const recipient = file.recipient ?? where.recipient;
  const link = recipient && links ? await links.issue(recipient, file).catch((error: unknown) => {
    log.warn({ err: errorSummary(error) }, 'download link could not be issued');
    return undefined;
  }) : undefined;
  if (link) {
    activities.push(toActivity({ card: renderFileDownload({ fileName: file.name, description: file.description, url: link.url, expiresAt: link.expiresAt, reason: 'alongside' }) }));
  }
  return activities;
}

/** A turn for a file source outside any conversation: who is downloading comes from the stored row. */
function downloadTurn(pending: PendingDownload, log: Logger, now: Date): Turn {
  return {
    actor: {
      tenantId: pending.tenantId,
      userId: pending.userId,
      channelUserId: pending.channelUserId,
      name: '',
      conversation: { id: '', kind: 'personal' },
    },
    log,
    now,
    async send() {
      throw new Error('a download has no conversation to send to');
    },
    conversationRef: () => ({}),
    changedConversationRef: () => undefined,
    conversationMembers: async () => [],
  };
}

const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex, nofollow',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function downloadPage(title: string, body: string, form?: { fileName: string }): string {
  const button = form ? `<form method="post"><button type="submit">Download ${escapeHtml(form.fileName)}</button></form>` : '';
  return `<!doctype html><html lang="nl-BE"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Poolster: ${escapeHtml(title)}</title>
<style>body{font-family:"Segoe UI",system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#242424;line-height:1.5}h1{font-size:1.3rem}button{font:inherit;padding:.6rem 1.2rem;border-radius:4px;border:0;background:#5b5fc7;color:#fff;cursor:pointer}</style></head>
<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p>${button}</body></html>`;
}

export const DOWNLOAD_GONE_TEXT = 'Deze downloadlink werkt niet (meer): hij werkt één keer en maar enkele minuten. Vraag het bestand opnieuw aan in je chat met Poolster.';

/** Content-Disposition with a plain ASCII fallback and the UTF-8 name (RFC 6266). */
function attachmentHeader(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function registerDownloadRoutes(
  server: Server,
  deps: { downloads: DownloadRepository; sources: ReadonlyMap<string, FileSource>; logger: Logger; now: () => Date; userMessageFor: (error: unknown, log: Logger, kind: 'personal') => string },
): void {
  const log = deps.logger.child({ component: 'download' });
  const hashOf = (req: Request): string | undefined => {
    const token = String((req.params as { token?: unknown })?.token ?? '');
    return /^[A-Za-z0-9_-]{43}$/.test(token) ? tokenHash(token) : undefined;
  };
  const gone = (res: Response) => {
    res.writeHead(410, PAGE_HEADERS);
    res.end(downloadPage('Link verlopen', DOWNLOAD_GONE_TEXT));
  };

  server.get(`${DOWNLOAD_PATH}/:token`, async (req, res) => {
    const hash = hashOf(req);
    const pending = hash ? await deps.downloads.peek(hash, deps.now()) : undefined;
    if (!pending) {
      log.info('download page for an unknown or expired link');
      return gone(res);
    }
    res.writeHead(200, PAGE_HEADERS);
    res.end(downloadPage('Je bestand van Poolster', `Klik op de knop om ${pending.fileName} te downloaden. De link werkt één keer.`, { fileName: pending.fileName }));
  });

  server.post(`${DOWNLOAD_PATH}/:token`, async (req, res) => {
    const hash = hashOf(req);
    const now = deps.now();
    const pending = hash ? await deps.downloads.claim(hash, now) : undefined;
    if (!pending) {
      log.info('download refused: unknown, expired or already used link');
      return gone(res);
    }
    const turnLog = log.child({ kind: pending.kind.slice(0, 50) });
    const source = deps.sources.get(pending.kind);
    const key = source?.schema.safeParse(pending.key);
    if (!source || !key?.success) {
      turnLog.warn('download for a file source that is not registered or a key it refuses');
      return gone(res);
    }
    let file: Omit<OutgoingFile, 'source'>;
    try {
      file = await source.build(downloadTurn(pending, turnLog, now), key.data);
    } catch (error) {
      // A download link belongs to a 1:1 chat: its hints are typed there.
      const message = deps.userMessageFor(error, turnLog, 'personal');
      res.writeHead(403, PAGE_HEADERS);
      res.end(downloadPage('Geen bestand', message.replace(/\*\*/g, '')));
      return;
    }
    turnLog.info({ bytes: file.content.length }, 'file downloaded through a one-time link');
    res.writeHead(200, {
      'content-type': file.contentType,
      'content-length': String(file.content.length),
      'content-disposition': attachmentHeader(file.name),
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
    });
    res.end(file.content);
  });
}
