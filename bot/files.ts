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
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { FileConsentCardResponse, TurnContext } from 'botbuilder';
import type { ZodType } from 'zod';
import type { OutgoingFile, Turn } from '../dialogs/types';
import { fileInfoActivity, type FileConsentContext } from './turn';

export interface FileSource {
  schema: ZodType<unknown>;
  build: (turn: Turn, key: unknown) => Promise<Omit<OutgoingFile, 'source'>>;
}

export const FILE_DECLINED_MESSAGE = 'Oké, ik heb het bestand niet opgeslagen. Wil je het toch? Vraag het opnieuw aan met de knop Exporteer.';
export const FILE_UNKNOWN_MESSAGE = 'Dit bestand kan ik niet meer maken. Vraag het opnieuw aan met de knop Exporteer.';
export const FILE_UPLOAD_FAILED_MESSAGE = 'Het bestand kon niet in je OneDrive worden gezet. Probeer het zo opnieuw met de knop Exporteer.';

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
  return { kind: context.kind, key: context.key };
}

export function registerFileConsent<TState extends TurnState>(
  app: Application<TState>,
  sources: ReadonlyMap<string, FileSource>,
  turnFor: (context: TurnContext, fields: Record<string, unknown>) => Turn,
): void {
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
      turn.log.warn({ err: { message: (error as Error)?.message } }, 'file upload failed');
      await turn.send({ text: FILE_UPLOAD_FAILED_MESSAGE });
      return;
    }
    turn.log.info({ bytes: file.content.length }, 'file uploaded after consent');
    await context.sendActivity(fileInfoActivity(upload!, `Hier is je bestand **${upload!.name ?? file.name}**. Het staat ook in je OneDrive, in de map Microsoft Teams Chat Files.`));
  });

  app.fileConsentDecline(async (context) => {
    const turn = turnFor(context, { event: 'fileConsent', action: 'decline' });
    await turn.send({ text: FILE_DECLINED_MESSAGE });
  });
}
