/**
 * Demo data for `npm run dev`, part two: the first demo centre gets a closed, confirmed and
 * published inschaling of the PREVIOUS school year (computed from the injected clock), answered
 * anonymously by four fictional members, so that `resultaat`, growth in a new round,
 * `prioriteiten` and the digest have something to show from the first minute. And the actions the
 * demo plan gives to "directeur" become the demo director's own, so `acties` shows something.
 *
 * Kept apart from storage/demo.ts (centre and plan) on purpose: other demo centres can reuse it.
 * Idempotent: a centre that already has an inschaling for that school year gets nothing new.
 * The fictional members are round participants only (never People of the centre): they cannot be
 * invited, reminded or told anything.
 */
import { BOUWSTEEN_IDS, type BouwsteenId, type StadiumLevel } from '../domain/catalogue/types';
import type { Plan } from '../domain/plan/model';
import { buildInschaling } from '../domain/result/inschaling';
import { schoolYearOf, type SchoolYear } from '../domain/schoolYear';
import { consolidateDrafts } from '../domain/survey/fromDrafts';
import type { BouwsteenForm, ClosingForm } from '../domain/survey/validate';
import type { InschalingRepository } from './inschalingen';
import type { SurveyRepository } from './survey';

/** The school year before the one `now` falls in (Europe/Brussels). */
export function previousSchoolYear(now: Date): SchoolYear {
  const start = Number(schoolYearOf(now).slice(0, 4));
  return `${start - 1}-${start}` as SchoolYear;
}

interface DemoMember {
  userId: string;
  name: string;
  /** Stadium per bouwsteen, in catalogue order 4.1 … 6.5. */
  stadia: StadiumLevel[];
  closing: ClosingForm;
  note?: string;
}

/** Fictional members (anonymous round: their names never reach a card). */
export const DEMO_MEMBERS: readonly DemoMember[] = [
  { userId: 'demo-lid-1', name: 'Demo-lid 1', stadia: [2, 2, 3, 2, 1, 2, 2, 2, 1, 2, 3], closing: { inspiring: '4.3', priority1: '6.4', priority2: '5.2', priority3: '4.2', priority4: '', priority5: '' }, note: 'Preventie staat in elk teamoverleg op de agenda.' },
  { userId: 'demo-lid-2', name: 'Demo-lid 2', stadia: [2, 3, 3, 2, 2, 2, 2, 3, 1, 1, 2], closing: { inspiring: '4.3,5.1', priority1: '6.4', priority2: '4.2', priority3: '6.3', priority4: '', priority5: '' } },
  { userId: 'demo-lid-3', name: 'Demo-lid 3', stadia: [3, 1, 3, 3, 1, 2, 2, 2, 2, 2, 2], closing: { inspiring: '5.1', priority1: '5.2', priority2: '6.4', priority3: '6.1', priority4: '4.2', priority5: '' }, note: 'De teams werken nog elk op hun eigen manier.' },
  { userId: 'demo-lid-4', name: 'Demo-lid 4', stadia: [2, 2, 4, 2, 2, 3, 2, 2, 2, 1, 2], closing: { inspiring: 'nog-niet', priority1: '4.2', priority2: '6.4', priority3: '5.2', priority4: '', priority5: '' } },
];

function formOf(stadium: StadiumLevel, index: number, note?: string): BouwsteenForm {
  return {
    stadium: String(stadium),
    ambition: stadium < 4 ? String(stadium + 1) : 'aanhouden',
    choice: index % 3 === 0 ? 'welbewust' : index % 3 === 1 ? 'combinatie' : 'context',
    choiceNote: index === 2 && note ? note : '',
    difference: index % 2 === 0 ? 'nee' : 'teams',
    differenceOther: '',
    differenceNote: index === 1 && note ? note : '',
    levers: 'mensen',
    leversNote: '',
    obstacles: index % 2 === 0 ? 'systemen' : 'geen',
    obstaclesNote: '',
  };
}

/**
 * Loads the previous school year's round with the demo members' answers, closes it, and stores the
 * team result as confirmed (the proposals) and published by `director`. Returns the school year, or
 * undefined when the centre already had an inschaling for it.
 */
export async function loadDemoInschaling(
  deps: { survey: SurveyRepository; inschalingen: InschalingRepository; now: () => Date },
  input: { tenantId: string; centreId: string; director: { userId: string; name: string } },
): Promise<SchoolYear | undefined> {
  const now = deps.now();
  const schoolYear = previousSchoolYear(now);
  if (await deps.inschalingen.get(input.tenantId, input.centreId, schoolYear)) return undefined;
  if ((await deps.survey.listByCentre(input.tenantId, input.centreId)).some((r) => r.schoolYear === schoolYear)) return undefined;
  const end = Number(schoolYear.slice(5, 9));
  // Dates inside that school year: started in March, closed and confirmed in April.
  const startedAt = new Date(`${end}-03-02T08:00:00Z`);
  const closedAt = new Date(`${end}-04-03T15:00:00Z`);
  const round = await deps.survey.createRound(
    { tenantId: input.tenantId, centreId: input.centreId, schoolYear, deadline: `${end}-03-27`, visibility: 'anoniem', createdBy: input.director.userId, createdAt: startedAt },
    DEMO_MEMBERS.map((m) => ({ userId: m.userId, channelUserId: '', name: m.name, position: 'intro', nudges: [], invitedAt: startedAt.toISOString() })),
  );
  for (const member of DEMO_MEMBERS) {
    let draft = (await deps.survey.getMemberDraft(round.roundId, member.userId))!;
    for (const [index, id] of (BOUWSTEEN_IDS as readonly BouwsteenId[]).entries()) {
      await deps.survey.saveBouwsteenDraft(draft, id, formOf(member.stadia[index]!, index, member.note), true, id);
      draft = (await deps.survey.getMemberDraft(round.roundId, member.userId))!;
    }
    await deps.survey.saveClosingDraft(draft, member.closing, true, 'confirm');
    const sent = (await deps.survey.getMemberDraft(round.roundId, member.userId))!;
    await deps.survey.saveParticipant(round.roundId, { ...sent.participant, submittedAt: new Date(`${end}-03-20T10:00:00Z`).toISOString(), position: 'confirm' }, sent.etags.participant);
  }
  const stored = (await deps.survey.getRound(round.roundId))!;
  const { etag, ...open } = stored;
  await deps.survey.saveRound({ ...open, status: 'closed', closedAt: closedAt.toISOString() }, etag);
  const result = consolidateDrafts(round, await deps.survey.listDrafts(round.roundId));
  const confirmed = buildInschaling({
    tenantId: input.tenantId,
    centreId: input.centreId,
    schoolYear,
    roundId: round.roundId,
    visibility: 'anoniem',
    result,
    choices: result.bouwstenen.map((b) => ({ bouwsteenId: b.bouwsteenId, stadium: (b.proposedStadium ?? 1) as StadiumLevel, ...(b.tie ? { reason: 'Na de teamdialoog gekozen: het voorstel was een gelijke stand.' } : {}) })),
    actor: input.director,
    now: closedAt,
  });
  await deps.inschalingen.save({ ...confirmed, published: true, publishedAt: closedAt.toISOString(), publishedBy: input.director.userId, publishedByName: input.director.name });
  return schoolYear;
}

/** The plan's actions of owner "directeur" (a role in the seed) become the demo director's own. */
export function withDemoDirectorActions(plan: Plan, director: { userId: string; name: string }): Plan {
  return { ...plan, acties: plan.acties.map((a) => (a.owner?.name === 'directeur' ? { ...a, owner: { name: director.name, userId: director.userId } } : a)) };
}
