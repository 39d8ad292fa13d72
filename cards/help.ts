/**
 * The welcome card and the help card.
 */
import type { CommandDeclaration, Audience } from '../domain/commands';
import type { CardJson } from './cardJson';
import type { ConversationKind } from '../domain/conversation';
import { expandCard, prepareCard } from './render';
import { NOT_IN_CENTRE_MESSAGE } from '../domain/errors';
import helpJson from './templates/help.json';
import welcomeJson from './templates/welcome.json';

const helpTemplate = prepareCard(helpJson);
const welcomeTemplate = prepareCard(welcomeJson);

const GROUP_TITLES: Record<Audience, string> = {
  iedereen: 'Voor iedereen',
  lid: 'Voor het beleidsteam',
  directeur: 'Voor de directeur',
};

export function renderHelpCard(data: { commands: readonly CommandDeclaration[]; centreName?: string; registered: boolean }): CardJson {
  const audiences: Audience[] = ['iedereen', 'lid', 'directeur'];
  const groups = audiences
    .map((audience) => ({
      title: GROUP_TITLES[audience],
      commands: data.commands.filter((c) => c.audience === audience).map((c) => ({ usage: c.usage, description: c.description })),
    }))
    .filter((g) => g.commands.length > 0);
  const intro = data.registered
    ? `Je werkt voor ${data.centreName ?? 'je centrum'}. Typ een van deze opdrachten.`
    : NOT_IN_CENTRE_MESSAGE;
  return expandCard(helpTemplate, { intro, groups });
}

export function renderWelcomeCard(data: { kind: ConversationKind }): CardJson {
  const intro =
    'Ik help het beleidsteam van jullie CLB met de inschaling van de poolster-bouwstenen, het teamresultaat, ' +
    'de opvolging van het beleidsplan en een wekelijks actieoverzicht.';
  const next =
    data.kind === 'personal'
      ? 'Hier, in ons gesprek, vul je je eigen inschaling in. Typ **help** om te zien wat je kan doen.'
      : 'In dit gesprek kan de directeur het wekelijkse actieoverzicht aanzetten met **digest hier**. Typ **help** voor meer.';
  return expandCard(welcomeTemplate, { intro, next });
}
