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

type Entry = { draft: MemberDraftWithEtags; storedAt: number };

export class MemberDraftCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly options: DraftCacheOptions) {}

  /** A copy of the cached draft (the caller may change it freely), marked `fromCache`. */
  get(roundId: string, userId: string): MemberDraftWithEtags | undefined {
    this.sweep();
    const key = cacheKey(roundId, userId);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, { ...entry, storedAt: this.options.now() });
    return { ...structuredClone(entry.draft), fromCache: true };
  }

  /** Keeps a copy of a draft as it now is in storage (just read, or just written with these ETags). */
  set(draft: MemberDraftWithEtags): void {
    this.sweep();
    const key = cacheKey(draft.round.roundId, draft.participant.userId);
    this.entries.delete(key);
    const { fromCache: _ignored, ...stored } = draft;
    this.entries.set(key, { draft: structuredClone(stored), storedAt: this.options.now() });
    while (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  /**
   * Applies a participant-row write that succeeded to the cached copy, if that copy is the state the
   * write started from (`fromEtag`); otherwise the copy is dropped.
   */
  updateParticipant(roundId: string, participant: MemberDraftWithEtags['participant'], fromEtag: string, newEtag: string | undefined): void {
    const key = cacheKey(roundId, participant.userId);
    const entry = this.entries.get(key);
    if (!entry) return;
    if (entry.draft.etags.participant !== fromEtag || !newEtag) {
      this.entries.delete(key);
      return;
    }
    entry.draft.participant = structuredClone(participant);
    entry.draft.etags.participant = newEtag;
  }

  delete(roundId: string, userId: string): void {
    this.entries.delete(cacheKey(roundId, userId));
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * Drops the entries untouched for longer than the time to live. Entries are kept in order of
   * last use, so this stops at the first live one. Runs on every use, and on a timer (`startSweeping`)
   * so that an idle instance lets go of members' answers too.
   */
  sweep(): void {
    const oldestAllowed = this.options.now() - this.options.ttlMs;
    for (const [key, entry] of this.entries) {
      if (entry.storedAt >= oldestAllowed) break;
      this.entries.delete(key);
    }
  }

  /** Sweeps every `intervalMs` until the returned function is called (the timer keeps no process alive). */
  startSweeping(intervalMs: number): () => void {
    const timer = setInterval(() => this.sweep(), intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}

function cacheKey(roundId: string, userId: string): string {
  return `${roundId}\n${userId}`;
}
