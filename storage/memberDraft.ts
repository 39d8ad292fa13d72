/**
 * A member's draft as the survey repository reads it, with the ETags a write checks. Its own small
 * module because both the repository (storage/survey.ts) and its cache (storage/draftCache.ts) use it,
 * and neither should import the other for a type.
 */
import type { BouwsteenId } from '../domain/catalogue/types';
import type { MemberDraft } from '../domain/survey/round';

export interface MemberDraftWithEtags extends MemberDraft {
  etags: { participant: string; bouwstenen: Partial<Record<BouwsteenId, string>>; closing?: string };
  /** Read from this instance's cache, not from storage: may be stale, which a write will find out. */
  fromCache?: boolean;
}
