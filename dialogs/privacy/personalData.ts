/**
 * Everything Poolster holds about one person (AVG/GDPR articles 15 and 17): gathering it for
 * `mijn gegevens`, and erasing it for `verwijder mijn gegevens`. The person is always the actor of
 * the turn (identity from the validated activity), never an id from card data.
 *
 * Where a person's data lives:
 *  - People: their row (name, roles, centre, the reference of our 1:1 chat);
 *  - Survey: their participant row, drafts and answers in every round (storage/privacy.ts);
 *  - Digests: the reminder nudges they got per round, and the digest channels they registered
 *    (their id and name, and the conversation reference that carries their Teams account);
 *  - Plans: acties they own, notes they wrote (by name);
 *  - Inschalingen: confirmations and publications of a team result they made (id and name);
 *  - Centres / Survey round rows: `createdBy` of a centre or round they created.
 * BotState holds no per-person state (the turn state is never changed by a feature; a test checks
 * the table stays empty), so there is nothing to report or erase there.
 */
import { commandHint } from '../../domain/conversation';
import { BOUWSTEEN_IDS, bouwsteenLabel } from '../../domain/catalogue';
import { isDirector, type Person } from '../../domain/centre/model';
import { PoolsterError } from '../../domain/errors';
import type { Actie, Plan } from '../../domain/plan/model';
import type { Inschaling } from '../../domain/result/inschaling';
import type { Round } from '../../domain/survey/round';
import { ERASED_NAME, type RoundErasure } from '../../storage/privacy';
import type { FeatureDeps } from '../deps';
import type { Actor } from '../types';

export type PrivacyDeps = Pick<FeatureDeps, 'centres' | 'survey' | 'plans' | 'digests' | 'inschalingen' | 'privacy' | 'coordinators' | 'shares' | 'downloads'>;

/** The export, as JSON-ready data with Dutch keys (it is for the person). */
export interface PersonalData {
  empty: boolean;
  data: Record<string, unknown>;
}

const isOwner = (actie: Actie, person: Pick<Person, 'userId' | 'name'>): boolean =>
  Boolean(actie.owner && (actie.owner.userId ? actie.owner.userId === person.userId : person.name !== '' && actie.owner.name === person.name));

const wroteNote = (actie: Actie, person: Pick<Person, 'name'>): boolean => person.name !== '' && actie.notes.some((n) => n.author === person.name);

/** True when `ref` is the conversation reference of a message this person typed. */
function refNamesPerson(ref: Record<string, unknown>, actor: Pick<Actor, 'userId' | 'channelUserId'>): boolean {
  const user = ref.user as { id?: unknown; aadObjectId?: unknown } | undefined;
  return Boolean(user && ((user.aadObjectId && user.aadObjectId === actor.userId) || (user.id && user.id === actor.channelUserId)));
}

async function planOf(deps: PrivacyDeps, centreId: string | undefined): Promise<Plan | undefined> {
  return centreId ? deps.plans.getPlan(centreId) : undefined;
}

export async function collectPersonalData(deps: PrivacyDeps, actor: Actor, now: Date): Promise<PersonalData> {
  const person = await deps.centres.getPerson(actor.tenantId, actor.userId);
  const centre = person ? await deps.centres.getCentre(actor.tenantId, person.centreId) : undefined;
  const who = { userId: actor.userId, name: person?.name ?? actor.name };

  const rounds = await deps.privacy.roundsOf(actor.tenantId, actor.userId);
  const inschalingen = [];
  for (const round of rounds) {
    const draft = await deps.survey.getMemberDraft(round.roundId, actor.userId);
    if (!draft) continue;
    const nudges = await deps.digests.reminders.listNudges(round.tenantId, round.centreId, round.roundId);
    const p = draft.participant;
    inschalingen.push({
      rondeId: round.roundId,
      schooljaar: round.schoolYear,
      status: round.status === 'open' ? 'lopend' : 'afgesloten',
      zichtbaarheid: round.visibility,
      deadline: round.deadline,
      afgeslotenOp: round.closedAt ?? null,
      deelname: {
        naam: p.name,
        waarJeWas: p.position,
        uitgenodigdOp: p.invitedAt ?? null,
        uitnodigingNietBezorgd: p.inviteFailure ?? null,
        verzondenOp: p.submittedAt ?? null,
        heropendOp: p.reopenedAt ?? null,
        laatsteHerinneringOp: p.lastNudgedAt ?? null,
        herinneringen: p.nudges,
        automatischeHerinneringen: nudges.get(actor.userId)?.sent ?? [],
      },
      bouwstenen: Object.fromEntries(
        BOUWSTEEN_IDS.filter((id) => draft.bouwstenen[id]).map((id) => {
          const stored = draft.bouwstenen[id]!;
          return [id, { bouwsteen: bouwsteenLabel(id), volledig: stored.complete, versie: stored.version, antwoorden: stored.form }];
        }),
      ),
      slotvragen: draft.closing ? { volledig: draft.closing.complete, versie: draft.closing.version, antwoorden: draft.closing.form } : null,
    });
  }

  const plan = await planOf(deps, person?.centreId);
  const acties = (plan?.acties ?? [])
    .filter((a) => isOwner(a, who) || wroteNote(a, who))
    .map((a) => ({
      id: a.id,
      titel: a.title,
      status: a.status,
      deadline: a.deadline ?? null,
      schooljaren: a.schoolYears,
      jijBentEigenaar: isOwner(a, who),
      eigenaar: a.owner ?? null,
      notitiesVanJou: a.notes.filter((n) => n.author === who.name),
    }));

  const registrations = person ? await deps.digests.channels.listRegistrations(actor.tenantId, person.centreId) : [];
  const digestKanalen = registrations
    .filter((r) => r.registeredBy === actor.userId || refNamesPerson(r.ref, actor))
    .map((r) => ({ gesprek: r.conversationKind === 'channel' ? 'kanaal' : 'groepschat', ingesteldOp: r.registeredAt, ingesteldDoor: r.registeredByName, gespreksreferentie: r.ref }));

  const results = person ? await deps.inschalingen.list(actor.tenantId, person.centreId) : [];
  const bevestigingen = results
    .filter((i) => i.confirmedBy === actor.userId || i.publishedBy === actor.userId || Object.values(i.confirmations).some((c) => c?.confirmedBy === actor.userId))
    .map((i) => ({
      schooljaar: i.schoolYear,
      bevestigdDoorJou: i.confirmedBy === actor.userId ? i.confirmedAt : null,
      gepubliceerdDoorJou: i.publishedBy === actor.userId ? (i.publishedAt ?? null) : null,
      bouwstenenDieJijBevestigde: Object.values(i.confirmations)
        .filter((c) => c?.confirmedBy === actor.userId)
        .map((c) => ({ bouwsteen: c.bouwsteenId, stadium: c.stadium, reden: c.reason ?? null, op: c.confirmedAt })),
    }));

  const roundsStarted = person ? (await deps.survey.listByCentre(actor.tenantId, person.centreId)).filter((r) => r.createdBy === actor.userId) : [];

  const appointments = await deps.coordinators.networksOf(actor.tenantId, actor.userId);
  const netwerkcoordinator = appointments.map((c) => ({ netwerk: c.network, naam: c.name, aangesteldDoor: c.appointedBy, aangesteldOp: c.appointedAt }));
  const received = await deps.shares.listForRecipient(actor.tenantId, actor.userId);
  const gedeeldMetJou = [];
  for (const share of received) {
    const from = await deps.centres.getCentre(share.tenantId, share.centreId);
    gedeeldMetJou.push({ centrum: from?.name ?? share.centreId, schooljaar: share.schoolYear, gedeeldDoor: share.sharedByName, op: share.sharedAt, jouwNaam: share.recipientName });
  }
  const sharedByYou = person ? (await deps.shares.listByCentre(actor.tenantId, person.centreId)).filter((s) => s.sharedBy === actor.userId) : [];

  const data = {
    opgevraagdOp: now.toISOString(),
    uitleg:
      'Dit is alles wat Poolster over jou bewaart. Je antwoorden zijn alleen voor jou zichtbaar; in het teamresultaat tellen ze anoniem mee, tenzij de ronde open (met namen) was. Typ "verwijder mijn gegevens" om ze te laten wissen.',
    persoon: person
      ? {
          tenantId: person.tenantId,
          gebruikerId: person.userId,
          teamsAccountId: person.channelUserId,
          naam: person.name,
          rollen: person.roles,
          centrum: centre ? { id: centre.centreId, naam: centre.name, netwerk: centre.network } : { id: person.centreId },
          bijgewerktOp: person.updatedAt,
        }
      : null,
    persoonlijkGesprekMetPoolster: person?.personalChat ?? null,
    inschalingen,
    rondesDieJijStartte: roundsStarted.map((r) => ({ rondeId: r.roundId, schooljaar: r.schoolYear, gestartOp: r.createdAt })),
    centrumGeregistreerdDoorJou: centre && centre.createdBy === actor.userId ? { id: centre.centreId, op: centre.createdAt } : null,
    beleidsplanActies: acties,
    digestKanalen,
    teamresultaten: bevestigingen,
    netwerkcoordinator,
    teamresultatenGedeeldMetJou: gedeeldMetJou,
    teamresultatenDieJijDeelde: sharedByYou.map((s) => ({ schooljaar: s.schoolYear, met: s.recipientName, op: s.sharedAt })),
  };
  const empty =
    !person &&
    inschalingen.length === 0 &&
    acties.length === 0 &&
    digestKanalen.length === 0 &&
    bevestigingen.length === 0 &&
    roundsStarted.length === 0 &&
    netwerkcoordinator.length === 0 &&
    gedeeldMetJou.length === 0;
  return { empty, data };
}

export type EraseOutcome = { openRounds: number; closedRounds: number; acties: number; coordinatorships: number; sharesReceived: number; nothingStored: boolean };

export function onlyDirectorMessage(centreName: string): string {
  return `Je bent de enige directeur van ${centreName}. Geef eerst de directeursrol aan iemand anders (typ in een chat met die persoon ${commandHint('rol directeur [naam]', 'groupChat')}) en vraag daarna opnieuw om je gegevens te wissen.`;
}

/** A centre keeps a director: its only director cannot be erased (a coded PoolsterError says why). */
async function refuseOnlyDirector(deps: PrivacyDeps, actor: Actor, person: Person | undefined): Promise<void> {
  if (!person || !(await isOnlyDirector(deps, person))) return;
  const centre = await deps.centres.getCentre(actor.tenantId, person.centreId);
  throw new PoolsterError('last-director', onlyDirectorMessage(centre?.name ?? 'je centrum'));
}

/** What erasure will touch, for the confirmation card; refuses the only director of a centre. */
export async function erasePreview(deps: PrivacyDeps, actor: Actor) {
  const person = await deps.centres.getPerson(actor.tenantId, actor.userId);
  await refuseOnlyDirector(deps, actor, person);
  const centre = person ? await deps.centres.getCentre(actor.tenantId, person.centreId) : undefined;
  const rounds = await deps.privacy.roundsOf(actor.tenantId, actor.userId);
  const plan = await planOf(deps, person?.centreId);
  const who = { userId: actor.userId, name: person?.name ?? actor.name };
  return {
    person,
    centreName: centre?.name,
    openRounds: rounds.filter((r) => r.status === 'open').length,
    closedRounds: rounds.filter((r) => r.status === 'closed').length,
    ownedActions: (plan?.acties ?? []).filter((a) => isOwner(a, who) || wroteNote(a, who)).length,
    /** Coordinator appointments and results shared with the person. */
    networkRecords: (await deps.coordinators.networksOf(actor.tenantId, actor.userId)).length + (await deps.shares.listForRecipient(actor.tenantId, actor.userId)).length,
  };
}

async function isOnlyDirector(deps: PrivacyDeps, person: Person): Promise<boolean> {
  if (!isDirector(person)) return false;
  const people = await deps.centres.listPeople(person.tenantId, person.centreId);
  return !people.some((p) => p.userId !== person.userId && isDirector(p));
}

function scrubInschaling(inschaling: Inschaling, userId: string): Inschaling | undefined {
  let changed = false;
  const confirmations = Object.fromEntries(
    Object.entries(inschaling.confirmations).map(([id, c]) => {
      if (c?.confirmedBy !== userId) return [id, c];
      changed = true;
      return [id, { ...c, confirmedBy: ERASED_NAME, confirmedByName: ERASED_NAME }];
    }),
  ) as Inschaling['confirmations'];
  const next: Inschaling = { ...inschaling, confirmations };
  if (inschaling.confirmedBy === userId) {
    next.confirmedBy = ERASED_NAME;
    next.confirmedByName = ERASED_NAME;
    changed = true;
  }
  if (inschaling.publishedBy === userId) {
    next.publishedBy = ERASED_NAME;
    next.publishedByName = ERASED_NAME;
    changed = true;
  }
  return changed ? next : undefined;
}

/**
 * Erases everything about the actor. Order: survey rows, bookkeeping and references first, the
 * person row last, so an interrupted erasure can simply be asked for again.
 */
export async function erasePersonalData(deps: PrivacyDeps, actor: Actor): Promise<EraseOutcome> {
  const person = await deps.centres.getPerson(actor.tenantId, actor.userId);
  await refuseOnlyDirector(deps, actor, person);
  const who = { userId: actor.userId, name: person?.name ?? actor.name };

  // Download links not used yet name the person: they go first (a link then answers "verlopen").
  await deps.downloads.deleteFor(actor.tenantId, actor.userId);
  const rounds = await deps.privacy.roundsOf(actor.tenantId, actor.userId);
  const done: Record<RoundErasure, number> = { deleted: 0, anonymised: 0, none: 0 };
  for (const round of rounds) {
    done[await deps.privacy.eraseMember(round, actor.userId)] += 1;
    deps.survey.forgetCachedDraft(round.roundId, actor.userId);
    await deps.digests.reminders.deleteNudge(round.tenantId, round.centreId, round.roundId, actor.userId);
  }
  // A coordinator appointment and the results shared with the person are theirs; results they
  // shared as director stay shared (the centre's decision), without their name.
  const appointments = await deps.coordinators.networksOf(actor.tenantId, actor.userId);
  for (const c of appointments) await deps.coordinators.remove(c.tenantId, c.network, c.userId);
  const received = await deps.shares.listForRecipient(actor.tenantId, actor.userId);
  for (const share of received) await deps.shares.withdraw(share);
  if (person) {
    for (const share of (await deps.shares.listByCentre(actor.tenantId, person.centreId)).filter((s) => s.sharedBy === actor.userId)) {
      await deps.shares.share({ ...share, sharedBy: ERASED_NAME, sharedByName: '' });
    }
  }
  const centreRounds: Round[] = person ? await deps.survey.listByCentre(actor.tenantId, person.centreId) : [];
  for (const round of [...rounds, ...centreRounds]) await deps.privacy.forgetRoundCreator(round, actor.userId);

  let acties = 0;
  if (person) {
    const plan = await deps.plans.getPlan(person.centreId);
    for (const actie of plan?.acties ?? []) {
      if (!isOwner(actie, who) && !wroteNote(actie, who)) continue;
      await deps.plans.updateActie(person.centreId, actie.id, (current) => {
        if (!isOwner(current, who) && !wroteNote(current, who)) return current;
        const { owner: _owner, ...rest } = current;
        return {
          ...(isOwner(current, who) ? rest : current),
          notes: current.notes.map((n) => (n.author === who.name ? { ...n, author: ERASED_NAME } : n)),
        };
      });
      acties += 1;
    }

    for (const reg of await deps.digests.channels.listRegistrations(actor.tenantId, person.centreId)) {
      if (reg.registeredBy !== actor.userId && !refNamesPerson(reg.ref, actor)) continue;
      await deps.digests.channels.updateRegistration(reg, (current) => {
        const { user: _user, ...ref } = current.ref;
        return {
          ...current,
          ...(current.registeredBy === actor.userId ? { registeredBy: ERASED_NAME, registeredByName: '' } : {}),
          // The channel is addressed by conversation and bot; the person who typed "digest hier" is not needed.
          ref: refNamesPerson(current.ref, actor) ? ref : current.ref,
        };
      });
    }

    for (const inschaling of await deps.inschalingen.list(actor.tenantId, person.centreId)) {
      const scrubbed = scrubInschaling(inschaling, actor.userId);
      if (!scrubbed) continue;
      const stored = await deps.inschalingen.get(actor.tenantId, person.centreId, inschaling.schoolYear);
      if (stored) {
        const { etag, ...current } = stored;
        const again = scrubInschaling(current, actor.userId);
        if (again) await deps.inschalingen.save(again, etag);
      }
    }

    const centre = await deps.centres.getCentre(actor.tenantId, person.centreId);
    if (centre && centre.createdBy === actor.userId) {
      const { etag, ...plain } = centre;
      await deps.centres.updateCentre({ ...plain, createdBy: ERASED_NAME }, etag);
    }
    await deps.centres.deletePerson(actor.tenantId, actor.userId);
  }
  return {
    openRounds: done.deleted,
    closedRounds: done.anonymised,
    acties,
    coordinatorships: appointments.length,
    sharesReceived: received.length,
    nothingStored: !person && rounds.length === 0 && appointments.length === 0 && received.length === 0,
  };
}
