/**
 * The help card, the welcome card and the answer to a message that is no command: first the one or
 * two steps that make sense now (as buttons), then the person's commands, grouped by topic.
 */
import type { Audience, CommandDeclaration, CommandTopic } from '../domain/commands';
import { typed, type FirstStep, type Place } from '../domain/firstSteps';
import type { CardJson } from './cardJson';
import { commandButtonData, expandCard, prepareCard } from './render';
import { notInCentreMessage } from '../domain/errors';
import helpJson from './templates/help.json';

const helpTemplate = prepareCard(helpJson);

const AUDIENCE_TITLES: Record<Audience, string> = {
  iedereen: 'Voor iedereen',
  lid: 'Voor het beleidsteam',
  directeur: 'Voor de directeur',
  netwerkcoordinator: 'Voor de netwerkcoördinator',
};

const AUDIENCE_ORDER: readonly Audience[] = ['iedereen', 'lid', 'directeur', 'netwerkcoordinator'];

const TOPIC_TITLES: Record<CommandTopic | 'meer', string> = {
  start: 'Beginnen',
  inschaling: 'Inschaling',
  resultaat: 'Resultaat',
  beleidsplan: 'Beleidsplan',
  team: 'Beleidsteam',
  digest: 'Weekoverzicht',
  gegevens: 'Jouw gegevens',
  hulp: 'Hulp',
  meer: 'Meer',
};
const TOPIC_ORDER: ReadonlyArray<CommandTopic | 'meer'> = ['start', 'inschaling', 'resultaat', 'beleidsplan', 'team', 'digest', 'meer', 'gegevens', 'hulp'];

export interface HelpCardData {
  place: Place;
  steps: readonly FirstStep[];
  /** The commands this person may use (already filtered by role). */
  commands: readonly CommandDeclaration[];
  centreName?: string;
  registered: boolean;
}

/**
 * The person's commands in a few rows, one per topic ("Inschaling: inschaling · verder · ..."),
 * under the heading of their highest role. `help` itself is left out: they just asked for it.
 */
function commandGroups(commands: readonly CommandDeclaration[], place: Place) {
  const audiences = new Set(commands.map((c) => c.audience));
  const heading = audiences.has('directeur') ? AUDIENCE_TITLES.directeur : audiences.has('lid') ? AUDIENCE_TITLES.lid : AUDIENCE_TITLES.iedereen;
  const listed = commands.filter((c) => c.name !== 'help');
  const topics = TOPIC_ORDER.map((topic) => ({
    title: TOPIC_TITLES[topic],
    commands: listed
      .filter((c) => (c.topic ?? 'meer') === topic)
      // What everyone does first (inschaling · verder), then what only a director does.
      .sort((a, b) => AUDIENCE_ORDER.indexOf(a.audience) - AUDIENCE_ORDER.indexOf(b.audience))
      .flatMap((c) => c.usage.split(' · '))
      .map((usage) => `**${typed(usage, place)}**`)
      .join(' · '),
  })).filter((t) => t.commands !== '');
  return topics.length > 0 ? [{ title: heading, topics }] : [];
}

function stepsView(steps: readonly FirstStep[]) {
  return steps.map((step) => ({
    why: step.why,
    title: step.title,
    hasButton: step.command !== undefined,
    data: step.command ? commandButtonData(step.command, step.args) : {},
    hasInput: step.input !== undefined,
    inputLabel: step.input?.label ?? '',
    inputPlaceholder: step.input?.placeholder ?? '',
    inputMaxLength: step.input?.maxLength ?? 0,
  }));
}

function mentionHint(place: Place): string {
  return place === 'personal' ? '' : `In ${place === 'channel' ? 'een kanaal' : 'een groepschat'} lees ik alleen berichten die me vermelden: begin met **@Poolster**, bijvoorbeeld **${typed('help', place)}**.`;
}

export function renderHelpCard(data: HelpCardData): CardJson {
  const intro = data.registered
    ? `Je werkt voor ${data.centreName ?? 'je centrum'}. Klik op een knop of typ een opdracht.`
    : data.steps.some((s) => s.command === 'setup')
      ? // The first step below says what to do; the intro need not say it twice.
        'Je bent nog niet gekoppeld aan een centrum.'
      : notInCentreMessage(data.place);
  return expandCard(helpTemplate, {
    title: 'Wat kan je mij vragen?',
    titleSize: 'Medium',
    intro,
    mentionHint: mentionHint(data.place),
    stepsTitle: 'Begin hier',
    steps: stepsView(data.steps),
    listTitle: '',
    groups: commandGroups(data.commands, data.place),
    footerButtons: [],
  });
}

export function renderWelcomeCard(data: { place: Place; steps: readonly FirstStep[] }): CardJson {
  const intro =
    'Ik help het beleidsteam van jullie CLB met de inschaling van de poolster-bouwstenen, het teamresultaat, ' +
    'de opvolging van het beleidsplan en een wekelijks actieoverzicht.';
  // In a chat with others the mention hint says how to ask; the digest sentence only when no button offers it.
  const offersDigest = data.steps.some((s) => s.command === 'digest');
  const where =
    data.place === 'personal'
      ? 'Hier, in ons gesprek, vul je je eigen inschaling in. Typ **help** om te zien wat je kan doen.'
      : offersDigest
        ? ''
        : `Hier kan de directeur het wekelijkse actieoverzicht aanzetten met **${typed('digest hier', data.place)}**.`;
  return expandCard(helpTemplate, {
    title: 'Welkom bij Poolster',
    titleSize: 'Large',
    intro: `${intro} ${where}`.trim(),
    mentionHint: mentionHint(data.place),
    stepsTitle: 'Begin hier',
    steps: stepsView(data.steps),
    listTitle: '',
    groups: [],
    footerButtons: [{ title: 'Wat kan je?', style: 'default', data: commandButtonData('help') }],
  });
}

/**
 * The answer to a message that is no command: the closest command as a button ("Bedoel je
 * **status speerpunt 3**?"), else the first steps and the way to all commands.
 */
export function renderUnknownCard(data: { place: Place; suggestion?: { name: string; args: string; words: string }; steps: readonly FirstStep[] }): CardJson {
  const suggestion = data.suggestion;
  return expandCard(helpTemplate, {
    // Without a suggestion the message above the card already says what was not understood.
    title: suggestion ? `Bedoel je **${typed(suggestion.words, data.place)}**?` : 'Waarmee kan ik je helpen?',
    titleSize: 'Default',
    intro: suggestion ? 'Klik op de knop, of typ het opnieuw.' : 'Klik op een van deze knoppen, of kijk bij alle opdrachten.',
    mentionHint: mentionHint(data.place),
    stepsTitle: '',
    steps: suggestion ? [] : stepsView(data.steps.filter((s) => s.command !== undefined)),
    listTitle: '',
    groups: [],
    footerButtons: [
      ...(suggestion ? [{ title: `Ja, ${suggestion.words}`, style: 'positive', data: commandButtonData(suggestion.name, suggestion.args) }] : []),
      { title: 'Alle opdrachten', style: 'default', data: commandButtonData('help') },
    ],
  });
}
