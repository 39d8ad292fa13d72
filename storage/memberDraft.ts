/**
 * A member's draft as the survey repository reads it, with the ETags a write checks. Its own small
 * module because both the repository (storage/survey.ts) and its cache (storage/draftCache.ts) use it,
 * and neither should import the other for a type.
 */
import type { MemberDraft } from '../domain/survey/round';

export interface MemberDraftWithEtags extends MemberDraft {
  /** The ETag of the member's participant row, which holds their drafts (storage/surveyRows.ts): every write checks it. */
  etags: { participant: string };
  /** Read from this instance's cache, not from storage: may be stale, which a write will find out. */
  fromCache?: boolean;
}
