/**
 * The team result of an inschaling round (issue 4):
 *  - `resultaat`: a director gets the team result of the latest round (or `resultaat 2025-2026`):
 *    chart, proposal and agreement per bouwsteen, priorities, inspirerende praktijken; from there a
 *    detail card per bouwsteen, the bespreekpunten agenda, the confirmation, publication and export.
 *    A member gets the latest published result, or a clear answer that there is none yet.
 *  - confirmation only after the round is closed; a reason when a stadium differs from the proposal;
 *    the card's version and the row's ETag keep two directors from overwriting each other.
 *  - export as XLSX or CSV through the file consent flow in the director's personal chat.
 *  - `netwerk aan|uit` (director) and `netwerk`: the network view of opted-in centres.
 * Card data is never trusted: every action re-reads role and centre, and checks the round is of
 * the director's centre and tenant.
 */
import { isBouwsteenId, type BouwsteenId, type StadiumLevel } from '../../domain/catalogue';
import { isDirector, type Person } from '../../domain/centre/model';
import { PoolsterError, logTolerated } from '../../domain/errors';
import { buildInschaling, confirmationFields, validateConfirmation, type Inschaling } from '../../domain/result/inschaling';
import { parseSchoolYear } from '../../domain/schoolYear';
import { proposedStadia } from '../../domain/survey/consolidate';
import { networkView, type NetworkCentre } from '../../domain/network/view';
import type { Round } from '../../domain/survey/round';
import {
  renderNetwork,
  renderPublishedResult,
  renderResultAgenda,
  renderResultConfirm,
  renderResultDetail,
  renderResultOverview,
  type Notice,
} from '../../cards/result';
import { InschalingConflictError } from '../../storage/inschalingen';
import { isConflict } from '../../storage/tables';
import { requireDirector, requirePerson, type PersonContext } from '../context';
import type { FeatureDeps } from '../deps';
import { reopenedLine, sendToPerson } from '../personalDelivery';
import type { ActionResult, Router, SendFailure, Turn } from '../types';
import type { ConversationRef } from '../../domain/conversation';
import { sharedResultsFor } from '../share';
import { buildExportFile, cardContext, confirmationOf, loadResult, type LoadedResult } from './data';
import { RESULT_EXPORT_FILE, confirmSchema, detailSchema, exportSchema, publishSchema, roundSchema, type ExportKey } from './cardData';
import { RESULT_VERBS } from '../../cards/verbs';
import { renderConfirmStep } from '../../cards/confirmStep';
import { renderMessageCard } from '../../cards/survey';
import { formatDutchInstant } from '../../domain/time';
import { commandHint, quotedCommand, type ConversationKind } from '../../domain/conversation';

export function closeFirstMessage(kind: ConversationKind): string {
  return `Deze inschalingsronde loopt nog. Sluit ze eerst met ${commandHint('sluit inschaling', kind)}; daarna kan je de teamstadia bevestigen en het resultaat exporteren.`;
}
export function notPublishedMessage(kind: ConversationKind): string {
  return `Het teamresultaat is nog niet gepubliceerd. Je directeur bevestigt eerst de teamstadia en publiceert daarna het resultaat; dan kan je het hier bekijken met ${commandHint('resultaat', kind)}.`;
}
export const FOREIGN_ROUND_MESSAGE = 'Deze ronde hoort niet bij je centrum.';

type Loaded = LoadedResult & { context: PersonContext };

function isSendFailure(value: ConversationRef | SendFailure): value is SendFailure {
  return (value as SendFailure).ok === false;
}

export function registerResult(deps: FeatureDeps) {
  /** The round named in card data, only when it is of the director's tenant and centre. */
  const directorRound = async (turn: Turn, roundId: string): Promise<{ context: PersonContext; round: Round }> => {
    const context = await requireDirector(turn, deps);
    const round = await deps.survey.getRound(roundId);
    if (!round || round.tenantId !== turn.actor.tenantId || round.centreId !== context.centre.centreId) {
      throw new PoolsterError('round-not-found', FOREIGN_ROUND_MESSAGE);
    }
    return { context, round };
  };

  const load = async (turn: Turn, roundId: string): Promise<Loaded> => {
    const { context, round } = await directorRound(turn, roundId);
    return { ...(await loadResult(deps, context.centre, round)), context };
  };

  const overview = (turn: Turn, loaded: LoadedResult, notice?: Notice): ActionResult => ({
    card: renderResultOverview({ ...cardContext(loaded, turn.actor.conversation.kind), notice }),
  });

  /** The director's `resultaat`: the latest round, or the latest of a given school year. */
  const directorResult = async (turn: Turn, context: PersonContext, args: string): Promise<void> => {
    const rounds = await deps.survey.listByCentre(turn.actor.tenantId, context.centre.centreId);
    const wanted = args.trim() ? parseSchoolYear(args) : undefined;
    if (args.trim() && !wanted) {
      await turn.send({ text: `"${args.trim().slice(0, 40)}" is geen schooljaar. Typ ${commandHint('resultaat', turn.actor.conversation.kind)} of bijvoorbeeld ${commandHint('resultaat 2025-2026', turn.actor.conversation.kind)}.` });
      return;
    }
    // Newest first; the open round when there is one; same instant: the later school year first.
    const ordered = [...rounds].sort(
      (a, b) => Number(b.roundId === context.centre.openRoundId) - Number(a.roundId === context.centre.openRoundId) || b.createdAt.localeCompare(a.createdAt) || b.schoolYear.localeCompare(a.schoolYear),
    );
    const round = wanted ? ordered.find((r) => r.schoolYear === wanted) : ordered[0];
    if (!round) {
      await turn.send({
        text: wanted ? `Er is geen inschalingsronde voor ${wanted}.` : `Er is nog geen inschalingsronde. Start er een met ${commandHint('start inschaling', turn.actor.conversation.kind)}.`,
      });
      return;
    }
    const loaded = await loadResult(deps, context.centre, round);
    await turn.send({ card: renderResultOverview(cardContext(loaded, turn.actor.conversation.kind)) });
  };

  /** A member's `resultaat`: only a published result, as aggregates. */
  const memberResult = async (turn: Turn, context: PersonContext): Promise<void> => {
    const published = await deps.inschalingen.latestPublished(turn.actor.tenantId, context.centre.centreId);
    if (!published) {
      await turn.send({ text: notPublishedMessage(turn.actor.conversation.kind) });
      return;
    }
    const previous = await deps.inschalingen.latestConfirmed(turn.actor.tenantId, context.centre.centreId, { before: published.schoolYear });
    await turn.send({ card: renderPublishedResult({ centreName: context.centre.name, inschaling: published, ...(previous ? { previous } : {}) }) });
  };

  /** The confirmation card's values: the stored confirmation of this round, else the proposals. */
  const storedForm = (inschaling: Inschaling | undefined): Record<string, string> | undefined => {
    if (!inschaling) return undefined;
    const form: Record<string, string> = {};
    for (const [id, c] of Object.entries(inschaling.confirmations)) {
      const fields = confirmationFields(id as BouwsteenId);
      form[fields.stadium] = String(c.stadium);
      form[fields.reason] = c.reason ?? '';
    }
    return form;
  };

  const exportFile = async (turn: Turn, key: ExportKey) => {
    const loaded = await load(turn, key.roundId);
    if (loaded.round.status === 'open') throw new PoolsterError('invalid-input', closeFirstMessage(turn.actor.conversation.kind));
    return buildExportFile(loaded, key.format, turn.now);
  };

  /** Where the director gets files: this chat when personal, else their 1:1 chat with the bot. */
  const personalChatOf = async (turn: Turn, person: Person & { etag: string }): Promise<ConversationRef | undefined> => {
    if (turn.actor.conversation.kind === 'personal') return undefined;
    if (person.personalChat) return person.personalChat;
    const opened = await deps.messenger.openPersonalChat({ tenantId: turn.actor.tenantId, channelUserId: turn.actor.channelUserId, serviceUrlFrom: turn.conversationRef() });
    if (isSendFailure(opened)) throw new PoolsterError('conflict', 'Ik kon geen persoonlijke chat met je openen. Open Poolster in een 1-op-1-chat en klik daar opnieuw op Exporteer.');
    // Only a shortcut for the next file (the chat can be opened again): the file is still sent.
    await deps.centres.savePerson({ ...withoutEtag(person), personalChat: opened }, person.etag).catch(logTolerated(turn.log, 'could not store the personal chat reference'));
    return opened;
  };

  /**
   * After the reply: every participant of the round (still in the centre, not the director who
   * published) gets the published result in their 1:1 chat. Who could not be reached is told to
   * the director in the conversation where they published.
   */
  const announcePublication = (turn: Turn, loaded: Loaded, published: Inschaling): void => {
    const source = turn.conversationRef();
    const publisherId = turn.actor.userId;
    const card = renderPublishedResult({ centreName: loaded.centre.name, inschaling: published, ...(loaded.previous ? { previous: loaded.previous } : {}) });
    const text = `${published.publishedByName || 'Je directeur'} publiceerde het teamresultaat van de inschaling ${published.schoolYear}. Je vindt het later ook terug met **resultaat**.`;
    deps.background.run('result.publication', async () => {
      const unreachable: string[] = [];
      const reopened: string[] = [];
      for (const participant of await deps.survey.listParticipants(loaded.round.roundId)) {
        if (participant.userId === publisherId) continue;
        const person = await deps.centres.getPerson(loaded.round.tenantId, participant.userId);
        if (!person || person.centreId !== loaded.round.centreId) continue; // erased, or no longer in this centre
        const delivery = await sendToPerson(deps, person, { text, card }, source);
        if (!delivery.ok) unreachable.push(person.name);
        else if (delivery.via === 'reopened') reopened.push(person.name);
      }
      const reopenedText = reopenedLine(reopened, 'het teamresultaat');
      if (unreachable.length > 0 || reopenedText) {
        await deps.messenger.send(source, {
          text: [
            reopenedText,
            unreachable.length > 0
              ? `Niet iedereen kreeg het gepubliceerde teamresultaat in de persoonlijke chat: ${unreachable.join(', ')}. Zij zien het wel met **resultaat** in hun chat met Poolster.`
              : undefined,
          ]
            .filter(Boolean)
            .join(' '),
        });
      }
    });
  };

  /** What publishing means, before it happens: who is told, what they see, what can still change. */
  const publishQuestion = async (turn: Turn, loaded: Loaded) => {
    let told = 0;
    for (const participant of await deps.survey.listParticipants(loaded.round.roundId)) {
      if (participant.userId === turn.actor.userId) continue;
      const person = await deps.centres.getPerson(loaded.round.tenantId, participant.userId);
      if (person && person.centreId === loaded.round.centreId) told += 1;
    }
    const typedHere = quotedCommand('resultaat', turn.actor.conversation.kind);
    return renderConfirmStep({
      title: `Teamresultaat ${loaded.round.schoolYear} publiceren?`,
      facts: [
        {
          label: 'Wie het hoort',
          text:
            told === 0
              ? `Er is geen andere deelnemer om het te sturen. Het beleidsteam ziet het daarna wanneer ze ${typedHere} typen.`
              : `${told === 1 ? 'De andere deelnemer krijgt' : `De ${told} andere deelnemers krijgen`} het teamresultaat meteen in de persoonlijke chat met Poolster. Het hele beleidsteam ziet het daarna wanneer ze ${typedHere} typen.`,
        },
        { label: 'Wat ze zien', text: 'De bevestigde teamstadia, de verdelingen, de teamprioriteiten en de inspirerende praktijken. Nooit wie wat antwoordde.' },
        {
          label: 'Wat niet meer terug kan',
          text: 'Een publicatie trek je niet in: wie het bericht kreeg, houdt het. Pas je daarna de teamstadia nog aan, dan publiceer je opnieuw en krijgen de leden de nieuwe versie.',
        },
      ],
      confirm: { title: 'Bevestig: publiceer', verb: RESULT_VERBS.publish, data: { roundId: loaded.round.roundId, confirmed: 'ja' } },
      cancel: { verb: RESULT_VERBS.publishCancel, data: { roundId: loaded.round.roundId } },
    });
  };

  const networkCard = async (turn: Turn, context: PersonContext) => {
    const centres = (await deps.centres.listCentres(turn.actor.tenantId)).filter((c) => c.networkOptIn === true && c.network === context.centre.network);
    const members: NetworkCentre[] = [];
    for (const centre of centres) {
      const latest = await deps.inschalingen.latestConfirmed(turn.actor.tenantId, centre.centreId);
      if (!latest) continue;
      members.push({ centreId: centre.centreId, centreName: centre.name, optIn: centre.networkOptIn, priorities: latest.priorities, inspiring: latest.offeredInspiring });
    }
    const view = networkView(members);
    const own = members.find((m) => m.centreId === context.centre.centreId);
    return renderNetwork({
      centreName: context.centre.name,
      network: context.centre.network,
      participatingCount: members.length,
      common: view.commonPriorities,
      ownPriorities: (own?.priorities ?? []).map((bouwsteenId, index) => ({
        bouwsteenId,
        rank: index + 1,
        offeredBy: view.matches.find((m) => m.centreId === own!.centreId && m.bouwsteenId === bouwsteenId)?.offeredBy.map((o) => o.centreName) ?? [],
      })),
    });
  };

  return (router: Router): void => {
    router.command({
      name: 'resultaat',
      topic: 'resultaat',
      words: ['resultaat', 'resultaten', 'teamresultaat'],
      usage: 'resultaat',
      description: 'Toont het teamresultaat van de inschaling.',
      audience: 'lid',
      menu: [
        { scope: 'personal', title: 'resultaat', description: 'Bekijk het teamresultaat van de inschaling.', position: 5 },
        { scope: 'team', title: 'resultaat', description: 'Toon het teamresultaat van de inschaling.', position: 6 },
      ],
    }, async (turn, args) => {
      const known = await deps.centres.getPerson(turn.actor.tenantId, turn.actor.userId);
      if (!known) {
        // Outside every beleidsteam: only what a director shared with this person, read-only.
        const shown = await sharedResultsFor(turn, deps);
        if (shown !== undefined) {
          if (shown === 0) await turn.send({ text: 'Het teamresultaat dat met jou gedeeld was, is niet meer beschikbaar.' });
          return;
        }
      }
      const context = await requirePerson(turn, deps);
      if (isDirector(context.person)) await directorResult(turn, context, args);
      else await memberResult(turn, context);
    });

    router.action(RESULT_VERBS.overview, roundSchema, async (turn, data) => overview(turn, await load(turn, data.roundId)));

    router.action(RESULT_VERBS.detail, detailSchema, async (turn, data) => {
      const loaded = await load(turn, data.roundId);
      if (!isBouwsteenId(data.bouwsteenId)) return { text: 'Die bouwsteen bestaat niet. Kies een bouwsteen op de kaart met het teamresultaat.' };
      return { card: renderResultDetail({ ...cardContext(loaded, turn.actor.conversation.kind), bouwsteenId: data.bouwsteenId, page: data.page ?? 0 }) };
    });

    router.action(RESULT_VERBS.agenda, roundSchema, async (turn, data) => ({ card: renderResultAgenda(cardContext(await load(turn, data.roundId), turn.actor.conversation.kind)) }));

    router.action(RESULT_VERBS.review, roundSchema, async (turn, data) => {
      const loaded = await load(turn, data.roundId);
      if (loaded.round.status === 'open') return { text: closeFirstMessage(turn.actor.conversation.kind) };
      return {
        card: renderResultConfirm({
          roundId: loaded.round.roundId,
          schoolYear: loaded.round.schoolYear,
          version: loaded.yearRow?.version ?? 0,
          result: loaded.result,
          form: storedForm(confirmationOf(loaded)),
          ...(loaded.yearRow && !confirmationOf(loaded)
            ? { notice: { text: `Voor ${loaded.round.schoolYear} werd al een andere ronde bevestigd; bevestig je deze, dan vervangt ze die.`, tone: 'warning' as const } }
            : {}),
        }),
      };
    });

    router.action(RESULT_VERBS.confirm, confirmSchema, async (turn, data) => {
      const loaded = await load(turn, String(data.roundId));
      if (loaded.round.status === 'open') return { text: closeFirstMessage(turn.actor.conversation.kind) };
      const form: Record<string, string | undefined> = {};
      for (const [key, value] of Object.entries(data)) if (typeof value === 'string' && key !== 'roundId') form[key] = value;
      const confirmCard = (extra: { errors?: Partial<Record<BouwsteenId, string>>; notice: Notice; version: number }) =>
        renderResultConfirm({ roundId: loaded.round.roundId, schoolYear: loaded.round.schoolYear, result: loaded.result, form, ...extra });

      const storedVersion = loaded.yearRow?.version ?? 0;
      if (Number(data.version) !== storedVersion) {
        const by = loaded.yearRow ? ` door ${loaded.yearRow.confirmedByName} op ${formatDutchInstant(loaded.yearRow.confirmedAt)}` : '';
        return {
          card: confirmCard({
            version: storedVersion,
            notice: { text: `Intussen werd het teamresultaat al bevestigd${by}. Je keuzes staan er nog: kijk ze na en bevestig opnieuw als ze moeten gelden.`, tone: 'warning' },
          }),
        };
      }
      const proposals: Partial<Record<BouwsteenId, StadiumLevel>> = proposedStadia(loaded.result);
      const validation = validateConfirmation(form, proposals);
      if (!validation.ok) {
        const n = Object.keys(validation.errors).length;
        return {
          card: confirmCard({
            version: storedVersion,
            errors: validation.errors,
            notice: { text: `Nog niet bevestigd: bekijk de ${n === 1 ? 'opmerking' : `${n} opmerkingen`} hieronder. Er is niets bewaard.`, tone: 'warning' },
          }),
        };
      }
      const inschaling = buildInschaling({
        tenantId: loaded.round.tenantId,
        centreId: loaded.round.centreId,
        schoolYear: loaded.round.schoolYear as Inschaling['schoolYear'],
        roundId: loaded.round.roundId,
        visibility: loaded.round.visibility,
        result: loaded.result,
        choices: validation.choices,
        ...(loaded.yearRow ? { previous: loaded.yearRow } : {}),
        actor: { userId: turn.actor.userId, name: loaded.context.person.name || turn.actor.name },
        now: turn.now,
      });
      try {
        await deps.inschalingen.save(inschaling, loaded.yearRow?.etag);
      } catch (error) {
        if (!(error instanceof InschalingConflictError)) throw error;
        const fresh = await deps.inschalingen.get(loaded.round.tenantId, loaded.round.centreId, loaded.round.schoolYear);
        return {
          card: confirmCard({
            version: fresh?.version ?? 0,
            notice: { text: 'Een andere directeur bevestigde net tegelijk. Je keuzes staan er nog: kijk ze na en bevestig opnieuw als ze moeten gelden.', tone: 'warning' },
          }),
        };
      }
      turn.log.info({ roundId: loaded.round.roundId, version: inschaling.version }, 'team inschaling confirmed');
      const wasPublished = Boolean(loaded.yearRow?.published && loaded.yearRow.roundId === loaded.round.roundId);
      // A short card, not the tall result: the client shows a replaced card from its bottom, so
      // what happened and the next step must fit there.
      return {
        card: renderMessageCard({
          title: `Teamstadia ${loaded.round.schoolYear} bevestigd`,
          paragraphs: [
            `De teamstadia zijn bevestigd en bewaard als inschaling ${loaded.round.schoolYear}.`,
            wasPublished ? 'De leden zien de aangepaste versie pas als je ze opnieuw publiceert.' : 'Nog niet gepubliceerd: de leden zien het pas als je het publiceert.',
          ],
          buttons: [
            { title: 'Publiceer voor het team', verb: RESULT_VERBS.publish, data: { roundId: loaded.round.roundId } },
            { title: 'Bekijk het teamresultaat', verb: RESULT_VERBS.overview, data: { roundId: loaded.round.roundId } },
          ],
        }),
      };
    });

    router.action(RESULT_VERBS.publish, publishSchema, async (turn, data) => {
      const loaded = await load(turn, data.roundId);
      const inschaling = confirmationOf(loaded);
      if (loaded.round.status === 'open') return { text: closeFirstMessage(turn.actor.conversation.kind) };
      if (!inschaling || !loaded.yearRow) return { text: 'Bevestig eerst de teamstadia; daarna kan je het resultaat publiceren.' };
      if (inschaling.published) return overview(turn, loaded, { text: 'Het teamresultaat was al gepubliceerd.', tone: 'info' });
      // One click on Publiceer asks first; only the confirmation card's Bevestig publishes.
      if (data.confirmed !== 'ja') return { card: await publishQuestion(turn, loaded) };
      const { etag, ...row } = loaded.yearRow;
      const published = { ...row, published: true, publishedAt: turn.now.toISOString(), publishedBy: turn.actor.userId, publishedByName: loaded.context.person.name || turn.actor.name };
      try {
        await deps.inschalingen.save(published, etag);
      } catch (error) {
        if (!(error instanceof InschalingConflictError)) throw error;
        return overview(turn, await loadResult(deps, loaded.centre, loaded.round), {
          text: 'Het teamresultaat werd net gewijzigd door een andere directeur. Bekijk het opnieuw en publiceer dan.',
          tone: 'warning',
        });
      }
      turn.log.info({ roundId: loaded.round.roundId }, 'team inschaling published');
      announcePublication(turn, loaded, published);
      // Short, like the confirmation: seen from its bottom, it still says that it worked.
      return {
        card: renderMessageCard({
          title: `Teamresultaat ${loaded.round.schoolYear} gepubliceerd`,
          paragraphs: [
            `Het teamresultaat is gepubliceerd: ik stuur het de deelnemers in hun persoonlijke chat, en het beleidsteam ziet het met ${quotedCommand('resultaat', turn.actor.conversation.kind)} (zonder individuele antwoorden).`,
          ],
          buttons: [{ title: 'Bekijk het teamresultaat', verb: RESULT_VERBS.overview, data: { roundId: loaded.round.roundId } }],
        }),
      };
    });

    router.action(RESULT_VERBS.publishCancel, roundSchema, async (turn, data) =>
      overview(turn, await load(turn, data.roundId), { text: 'Niet gepubliceerd: de leden zien nog niets. Publiceer wanneer je klaar bent.', tone: 'info' }),
    );

    router.action(RESULT_VERBS.export, exportSchema, async (turn, data) => {
      const loaded = await load(turn, data.roundId);
      if (loaded.round.status === 'open') return { text: closeFirstMessage(turn.actor.conversation.kind) };
      const file = await buildExportFile(loaded, data.format, turn.now);
      const { tenantId, userId, channelUserId } = turn.actor;
      const message = { file: { ...file, source: { kind: RESULT_EXPORT_FILE, key: { roundId: data.roundId, format: data.format } }, recipient: { tenantId, userId, channelUserId } } };
      const ref = await personalChatOf(turn, loaded.context.person);
      if (ref) {
        const outcome = await deps.messenger.send(ref, message);
        if (!outcome.ok) return { text: 'Ik kon je het bestand niet in je persoonlijke chat sturen. Open Poolster in een 1-op-1-chat en probeer het daar opnieuw.' };
        return { text: `Ik stuur je ${file.name} in je persoonlijke chat met Poolster: zet het daar in je OneDrive met Toestaan, of download het met de knop Download.` };
      }
      await turn.send(message);
      return { text: `Hieronder staat ${file.name}: zet het in je OneDrive met Toestaan, of download het met de knop Download (de link werkt één keer, alleen voor jou).` };
    });

    router.fileSource(RESULT_EXPORT_FILE, exportSchema, exportFile);

    router.command({
      name: 'netwerk',
      topic: 'resultaat',
      words: ['netwerk'],
      usage: 'netwerk · netwerk aan · netwerk uit',
      description: 'Toont gedeelde prioriteiten en inspirerende praktijken van centra in je netwerk, of zet meedoen aan of uit (ook voor de Lerende community).',
      audience: 'directeur',
      menu: [
        { scope: 'personal', title: 'netwerk', description: 'Directeurs: prioriteiten van centra in je netwerk. Coördinatoren: netwerk overzicht.', position: 10 },
      ],
    }, async (turn, args) => {
      const context = await requireDirector(turn, deps);
      const word = args.trim().toLowerCase();
      const hint = (words: string) => commandHint(words, turn.actor.conversation.kind);
      if (word === 'aan' || word === 'uit') {
        const optIn = word === 'aan';
        const { etag, ...centre } = context.centre;
        if (centre.networkOptIn !== optIn) {
          try {
            await deps.centres.updateCentre({ ...centre, networkOptIn: optIn }, etag);
          } catch (error) {
            if (!isConflict(error)) throw error;
            await turn.send({ text: 'Er veranderde net iets aan je centrum. Probeer het opnieuw.' });
            return;
          }
        }
        await turn.send({
          text: optIn
            ? `${centre.name} doet mee aan de netwerkvergelijking van ${centre.network}. Andere centra die meedoen en de Lerende community van jullie netwerk zien jullie teamprioriteiten, de acties die eraan gekoppeld zijn (titel, status, maand) en jullie inspirerende praktijken; de netwerkcoördinator ziet jullie stadia alleen samengeteld met minstens twee andere centra. Nooit antwoorden, toelichtingen of namen. Bekijk het netwerk met ${hint('netwerk')}; stoppen kan met ${hint('netwerk uit')}.`
            : `${centre.name} doet niet meer mee aan de netwerkvergelijking: jullie centrum verschijnt nergens meer, ook niet in het volgende overzicht van de Lerende community. Opnieuw meedoen kan met ${hint('netwerk aan')}.`,
        });
        return;
      }
      if (word !== '') {
        // The coordinators' overview is only shown in the 1:1 chat, so it is typed there.
        await turn.send({ text: `Zo gebruik je het: ${hint('netwerk')} (bekijken), ${hint('netwerk aan')} (meedoen) of ${hint('netwerk uit')} (stoppen). Netwerkcoördinatoren typen ${commandHint('netwerk overzicht', 'personal')} in hun 1-op-1-chat met Poolster.` });
        return;
      }
      if (!context.centre.networkOptIn) {
        await turn.send({
          text: `${context.centre.name} doet nog niet mee aan de netwerkvergelijking. Alleen centra die meedoen, zien elkaars teamprioriteiten en inspirerende praktijken. Meedoen kan met ${hint('netwerk aan')}.`,
        });
        return;
      }
      await turn.send({ card: await networkCard(turn, context) });
    });
  };
}

function withoutEtag<T extends { etag: string }>(value: T): Omit<T, 'etag'> {
  const { etag: _etag, ...rest } = value;
  return rest;
}
