/**
 * The last state this instance read or wrote of members' survey drafts, so that an answered card
 * needs one storage request (the ETag-checked write) instead of a read and a write.
 *
 * Safe with several instances on one storage: a cached draft is only a starting point for a write.
 * Every change to a member's rows (an answer, a position, a submission, a reopen, an erasure) and
 * every change of the round (`SurveyRepository.saveRound`) also changes the member's participant
 * row, and each draft write is checked against that row's ETag: a stale copy cannot be written
 * over newer data; the write fails and the caller decides again on a fresh read.
 */
import { LRUCache } from 'lru-cache';
import type { MemberDraftWithEtags } from './memberDraft';

export interface DraftCacheOptions {
  /** Members kept at most (least recently used go first). */
  maxEntries: number;
  /** How long an untouched entry is kept. */
  ttlMs: number;
  /** Milliseconds now; a parameter so tests can move time. */
  now: () => number;
}

export const DEFAULT_DRAFT_CACHE: Omit<DraftCacheOptions, 'now'> = { maxEntries: 500, ttlMs: 20 * 60_000 };

type StoredDraft = Omit<MemberDraftWithEtags, 'fromCache'>;

export class MemberDraftCache {
  private readonly entries: LRUCache<string, StoredDraft>;

  constructor(options: DraftCacheOptions) {
    this.entries = new LRUCache<string, StoredDraft>({
      max: options.maxEntries,
      ttl: options.ttlMs,
      // A read counts as a use: the time to live runs from the last get or set.
      updateAgeOnGet: true,
      // Expired entries leave on a timer too, so an idle instance lets go of members' answers.
      ttlAutopurge: true,
      // Read the clock on every check (the default reuses a reading for 1 ms, which a moved test clock outruns).
      ttlResolution: 0,
      // lru-cache reads a start time of 0 as "no time to live"; `now` may well start at 0.
      perf: { now: () => options.now() + 1 },
    });
  }

  /** A copy of the cached draft (the caller may change it freely), marked `fromCache`. */
  get(roundId: string, userId: string): MemberDraftWithEtags | undefined {
    this.sweep();
    const draft = this.entries.get(cacheKey(roundId, userId));
    return draft ? { ...structuredClone(draft), fromCache: true } : undefined;
  }

  /** Keeps a copy of a draft as it now is in storage (just read, or just written with these ETags). */
  set(draft: MemberDraftWithEtags): void {
    this.sweep();
    const { fromCache: _ignored, ...stored } = draft;
    this.entries.set(cacheKey(draft.round.roundId, draft.participant.userId), structuredClone(stored));
  }

  /**
   * Applies a participant-row write that succeeded to the cached copy, if that copy is the state the
   * write started from (`fromEtag`); otherwise the copy is dropped.
   */
  updateParticipant(roundId: string, participant: MemberDraftWithEtags['participant'], fromEtag: string, newEtag: string | undefined): void {
    const key = cacheKey(roundId, participant.userId);
    const draft = this.entries.peek(key);
    if (!draft) return;
    if (draft.etags.participant !== fromEtag || !newEtag) {
      this.entries.delete(key);
      return;
    }
    draft.participant = structuredClone(participant);
    draft.etags.participant = newEtag;
  }

  delete(roundId: string, userId: string): void {
    this.entries.delete(cacheKey(roundId, userId));
  }

  /** Forgets every draft and stops the expiry timers (when the bot stops). */
  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  /** Drops the entries untouched for longer than the time to live (also done on a timer, and on every use). */
  sweep(): void {
    this.entries.purgeStale();
  }
}

function cacheKey(roundId: string, userId: string): string {
  return `${roundId}\n${userId}`;
}
