/**
 * The row layout of the `Survey` table, shared by the survey and privacy repositories.
 *
 * PartitionKey = roundId. RowKeys:
 *   `!round`          the round itself
 *   `<user>~p`        a participant: position, invitation, submission, AND the member's drafts, one
 *                     property per bouwsteen (`draft_4_1` … `draft_6_4`) and `draft_closing`, each
 *                     the JSON of `{ form, complete, version }`
 *   `<user>~b~<id>`, `<user>~c`
 *                     drafts in the earlier layout (one row per draft). Still read, never written:
 *                     a draft in the participant row with a higher version wins.
 * `<user>` is the encoded user id; all of a member's rows sort within [`<user>~`, `<user>~~`).
 *
 * Why the drafts live in the participant row: an answered card is then ONE single-entity write
 * (the answer and the member's new position together, ETag-checked), and every change to a member
 * (answer, position, submission, reopen, erasure, the round closing) changes that one row's ETag,
 * which is what keeps cached drafts and several instances safe. A draft property holds one form:
 * the same 32K-character limit as a draft row's `form` had; 12 of them stay far below an entity's 1 MB.
 */
import { BOUWSTEEN_IDS, type BouwsteenId } from '../domain/catalogue/types';
import { keyPart } from './tables';

export type SurveyRow = Record<string, unknown> & { partitionKey: string; rowKey: string; etag: string };

export const ROUND_ROW = '!round';
export const CLOSING_PROPERTY = 'draft_closing';

export function userKey(userId: string): string {
  return keyPart(userId).replace(/~/g, '%7E');
}

export const participantRowKey = (key: string) => `${key}~p`;

/** The participant-row property holding the draft of one bouwsteen (`4.1` → `draft_4_1`). */
export function draftProperty(bouwsteenId: BouwsteenId): string {
  return `draft_${bouwsteenId.replace('.', '_')}`;
}

/** A draft as stored, before its form is checked. */
export interface RawDraft {
  form: unknown;
  complete: boolean;
  version: number;
}

export interface RawMemberDrafts {
  bouwstenen: Partial<Record<BouwsteenId, RawDraft>>;
  closing?: RawDraft;
}

export function encodeDraft(draft: RawDraft): string {
  return JSON.stringify({ form: draft.form, complete: draft.complete, version: draft.version });
}

/** A form that is not JSON is kept as `undefined`: the caller's form check decides what that means. */
function parseJson(value: unknown): unknown {
  try {
    return JSON.parse(String(value));
  } catch {
    return undefined;
  }
}

function embedded(value: unknown): RawDraft | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const parsed = parseJson(value) as Partial<RawDraft> | undefined;
  if (!parsed || typeof parsed !== 'object') return { form: undefined, complete: false, version: 0 };
  return { form: parsed.form, complete: Boolean(parsed.complete), version: Number(parsed.version) || 0 };
}

function ofDraftRow(row: SurveyRow): RawDraft {
  return { form: parseJson(row.form), complete: Boolean(row.complete), version: Number(row.version) || 0 };
}

const newer = (a: RawDraft | undefined, b: RawDraft | undefined) => (!a ? b : !b ? a : b.version > a.version ? b : a);

/** The drafts of the member with user key `key`, from their rows (the participant row and any of the earlier layout). */
export function rawDraftsOf(key: string, rows: Iterable<SurveyRow>): RawMemberDrafts {
  const result: RawMemberDrafts = { bouwstenen: {} };
  const put = (id: BouwsteenId, draft: RawDraft | undefined) => {
    result.bouwstenen[id] = newer(result.bouwstenen[id], draft);
    if (!result.bouwstenen[id]) delete result.bouwstenen[id];
  };
  for (const row of rows) {
    if (row.rowKey === participantRowKey(key)) {
      for (const id of BOUWSTEEN_IDS) put(id, embedded(row[draftProperty(id)]));
      result.closing = newer(result.closing, embedded(row[CLOSING_PROPERTY]));
    } else if (row.rowKey === `${key}~c`) {
      result.closing = newer(result.closing, ofDraftRow(row));
    } else if (row.rowKey.startsWith(`${key}~b~`)) {
      const id = row.rowKey.slice(`${key}~b~`.length) as BouwsteenId;
      if (BOUWSTEEN_IDS.includes(id)) put(id, ofDraftRow(row));
    }
  }
  if (!result.closing) delete result.closing;
  return result;
}

/** The user key a row of a member belongs to, or undefined for the round row. */
export function userKeyOfRow(rowKey: string): string | undefined {
  const tilde = rowKey.indexOf('~');
  return tilde < 0 ? undefined : rowKey.slice(0, tilde);
}
