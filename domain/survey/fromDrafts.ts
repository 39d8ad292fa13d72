/**
 * From stored drafts (storage/survey.ts) to the typed surveys that consolidation works on. Pure.
 *
 * Only what a member finished counts: a bouwsteen draft counts when it is marked complete and its
 * form still validates; the closing questions count only when complete and valid. `submittedAt`
 * comes from the participant row (absent while the member has not sent definitively).
 */
import { BOUWSTEEN_IDS, type BouwsteenId } from '../catalogue/types';
import type { BouwsteenAnswer, MemberSurvey } from './answers';
import { consolidateRound, type TeamResult } from './consolidate';
import type { MemberDraft, Round } from './round';
import { answerFromForm, validateClosingForm } from './validate';

export function memberSurveyFromDraft(draft: Pick<MemberDraft, 'participant' | 'bouwstenen' | 'closing'>): MemberSurvey {
  const answers: Partial<Record<BouwsteenId, BouwsteenAnswer>> = {};
  for (const id of BOUWSTEEN_IDS) {
    const stored = draft.bouwstenen[id];
    if (!stored?.complete) continue;
    const answer = answerFromForm(id, stored.form);
    if (answer) answers[id] = answer;
  }
  const survey: MemberSurvey = {
    memberId: draft.participant.userId,
    memberName: draft.participant.name,
    answers,
  };
  if (draft.closing?.complete) {
    const closing = validateClosingForm(draft.closing.form);
    if (closing.ok) survey.closing = closing.value;
  }
  if (draft.participant.submittedAt) survey.submittedAt = draft.participant.submittedAt;
  return survey;
}

/** The team result of a round, open or closed, from every participant's drafts. */
export function consolidateDrafts(round: Pick<Round, 'visibility'>, drafts: ReadonlyArray<Pick<MemberDraft, 'participant' | 'bouwstenen' | 'closing'>>): TeamResult {
  return consolidateRound(drafts.map(memberSurveyFromDraft), { open: round.visibility === 'open' });
}
