/**
 * The one or two things that make sense now for this person in this place: what help, the welcome
 * and an unknown message offer first, as buttons. Pure: the situation is read by the caller.
 */

import { typed, type ConversationKind } from './conversation';

export type Place = ConversationKind;

export interface Situation {
  place: Place;
  /** Absent: the person is in no centre yet. */
  person?: { director: boolean; member: boolean };
  /** People of the centre with a role, the person included. */
  teamSize: number;
  /** The open round, and this person's part in it. */
  openRound?: { participant: boolean; submitted: boolean; started: boolean };
  /** The newest closed round's result: not confirmed yet, confirmed, or published. */
  lastResult?: 'to-confirm' | 'confirmed' | 'published';
  hasPlan: boolean;
  /** A weekly digest is registered for this conversation. */
  digestHere: boolean;
}

/** A button that runs a command; `why` says in one sentence why it is offered now. */
export interface FirstStep {
  /** Absent: a note without a button (something to do elsewhere). */
  command?: string;
  args?: string;
  /** The button's title. */
  title: string;
  why: string;
  /** A text input the button sends as the command's args (e.g. the centre's name for setup). */
  input?: { label: string; placeholder: string; maxLength: number };
}

/** The first steps, most urgent first; at most two. */
export function firstSteps(situation: Situation): FirstStep[] {
  return candidates(situation).slice(0, 2);
}

function candidates(s: Situation): FirstStep[] {
  const personal = s.place === 'personal';
  if (!s.person) {
    return [
      {
        command: 'setup',
        title: 'Registreer mijn centrum',
        why: 'Ben je directeur? Registreer je centrum: jij wordt er de directeur van. Hoor je bij een beleidsteam, vraag dan je directeur om je toe te voegen.',
        input: { label: 'Naam van je centrum', placeholder: 'bijvoorbeeld Vrij CLB Gent', maxLength: 120 },
      },
    ];
  }
  if (!s.person.member) return [];
  const steps: FirstStep[] = [];
  const round = s.openRound;
  const surveyOpenForMe = round?.participant && !round.submitted;

  if (s.person.director) {
    if (!personal && !s.digestHere) {
      steps.push({ command: 'digest', args: 'hier', title: 'Wekelijks overzicht hier', why: `Laat Poolster hier elke week het actieoverzicht van het beleidsplan posten (of typ **${typed('digest hier', s.place)}**).` });
    }
    if (s.teamSize <= 1) {
      steps.push({
        command: 'team',
        title: 'Beleidsteam bekijken',
        why: personal
          ? 'Je beleidsteam telt alleen jou. Voeg collega\'s toe in een groepschat of team waar ze in zitten: typ daar **@Poolster rol lid** en hun naam.'
          : 'Je beleidsteam telt alleen jou. Voeg collega\'s uit dit gesprek toe: typ **@Poolster rol lid** en hun naam.',
      });
    }
    if (surveyOpenForMe && personal) steps.push(surveyStep(round!.started));
    if (round) steps.push({ command: 'voortgang', title: 'Voortgang bekijken', why: 'Er loopt een inschalingsronde: bekijk wie al klaar is en herinner wie nog bezig is.' });
    else if (s.lastResult === 'to-confirm') steps.push({ command: 'resultaat', title: 'Teamresultaat bevestigen', why: 'De inschalingsronde is gesloten: bekijk het teamresultaat, bespreek het en bevestig het.' });
    else if (s.lastResult === 'confirmed') steps.push({ command: 'resultaat', title: 'Teamresultaat publiceren', why: 'Het teamresultaat is bevestigd: publiceer het, zodat je beleidsteam het kan bekijken.' });
    else if (s.lastResult === undefined && s.teamSize > 1) steps.push({ command: 'start-inschaling', title: 'Nieuwe inschalingsronde', why: 'Je beleidsteam staat klaar: open een inschalingsronde, iedereen krijgt een uitnodiging.' });
    if (s.hasPlan) steps.push(planStep());
    if (s.lastResult === undefined && s.teamSize <= 1 && !round) steps.push({ command: 'start-inschaling', title: 'Nieuwe inschalingsronde', why: 'Of begin al met een inschalingsronde, alleen of met wie je later toevoegt.' });
    return steps;
  }

  if (surveyOpenForMe) {
    steps.push(
      personal
        ? surveyStep(round!.started)
        : { title: 'Inschaling', why: 'Je inschaling is nog niet verzonden. Die vul je in je 1-op-1-chat met Poolster in: open die chat en typ daar **verder**.' },
    );
  }
  if (s.lastResult === 'published') steps.push({ command: 'resultaat', title: 'Teamresultaat bekijken', why: 'Het teamresultaat van de inschaling is gepubliceerd.' });
  if (s.hasPlan) steps.push(planStep(), { command: 'acties', title: 'Mijn acties', why: 'Bekijk en werk de acties bij die jij opvolgt.' });
  return steps;
}

function surveyStep(started: boolean): FirstStep {
  return started
    ? { command: 'verder', title: 'Verder met mijn inschaling', why: 'Je inschaling is nog niet verzonden: ga verder waar je gebleven was.' }
    : { command: 'inschaling', title: 'Start mijn inschaling', why: 'Er loopt een inschalingsronde en jij doet mee: schaal de bouwstenen in, in je eigen tempo.' };
}

function planStep(): FirstStep {
  return { command: 'status', title: 'Stand van het beleidsplan', why: 'Bekijk hoe ver het beleidsplan staat, per speerpunt.' };
}

/** How a command is typed here: lives with the conversation kinds, shared by every hint. */
export { typed };
