/**
 * The `team` card: the beleidsteam with each person's role and a button to change it, and, in a
 * group chat or team, the people of this conversation who are not in it yet, to add as members.
 * Pure: what may be done is decided (and re-checked) by dialogs/centre/team.ts.
 */
import type { CardJson } from './cardJson';
import { VERBS } from './verbs';
import { CARD_SCHEMA } from './render';

export const TEAM_VERBS = VERBS.team;

export interface TeamRow {
  userId: string;
  name: string;
  director: boolean;
  isYou: boolean;
}

function execute(title: string, verb: string, data: Record<string, string>) {
  return { type: 'Action.Execute', title, verb, data, fallback: { type: 'Action.Submit', title, data: { ...data, verb } } };
}

export function renderTeam(input: {
  centreName: string;
  people: TeamRow[];
  /** Members of this group chat or team who are not in the beleidsteam (empty in a personal chat). */
  addable: Array<{ userId: string; name: string }>;
  where: 'personal' | 'group';
  notice?: { text: string; tone: 'good' | 'warning' };
}): CardJson {
  const directors = input.people.filter((p) => p.director).length;
  const members = input.people.length - directors;
  const summary = `${input.people.length === 1 ? '1 persoon' : `${input.people.length} mensen`}: ${directors === 1 ? '1 directeur' : `${directors} directeurs`} en ${members === 0 ? 'nog geen leden' : members === 1 ? '1 lid' : `${members} leden`}. Leden vullen de inschaling in; directeurs starten rondes en houden het beleidsplan bij.`;
  const rows = input.people.map((p) => ({
    type: 'Container',
    separator: true,
    items: [
      {
        type: 'ColumnSet',
        columns: [
          { type: 'Column', width: 'stretch', items: [{ type: 'TextBlock', text: p.isYou ? `${p.name} (jij)` : p.name, wrap: true, weight: 'Bolder' }, { type: 'TextBlock', text: p.director ? 'directeur' : 'lid', wrap: true, spacing: 'None', isSubtle: true }] },
          {
            type: 'Column',
            width: 'auto',
            verticalContentAlignment: 'Center',
            items: p.isYou
              ? []
              : [{ type: 'ActionSet', actions: [execute(p.director ? 'Maak lid' : 'Maak directeur', TEAM_VERBS.setRole, { userId: p.userId, role: p.director ? 'lid' : 'directeur' })] }],
          },
        ],
      },
    ],
  }));
  const addHelp =
    input.where === 'personal'
      ? 'Collega\'s toevoegen: Teams toont mij hier alleen jou. Open een groepschat of het team van je beleidsteam, voeg Poolster toe en typ daar @Poolster team: dan kies je wie erbij komt. Of typ daar @Poolster rol lid en de naam.'
      : input.addable.length > 0
        ? 'Deze mensen uit dit gesprek horen nog niet bij het beleidsteam. Vink aan wie erbij komt als lid:'
        : 'Iedereen uit dit gesprek hoort al bij het beleidsteam.';
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.5',
    body: [
      { type: 'TextBlock', text: `Beleidsteam van ${input.centreName}`, weight: 'Bolder', size: 'Medium', wrap: true },
      ...(input.notice ? [{ type: 'TextBlock', text: input.notice.text, wrap: true, weight: 'Bolder', color: input.notice.tone === 'good' ? 'Good' : 'Attention' }] : []),
      { type: 'TextBlock', text: summary, wrap: true },
      ...rows,
      { type: 'TextBlock', text: 'Mensen toevoegen', weight: 'Bolder', wrap: true, spacing: 'Large', separator: true },
      { type: 'TextBlock', text: addHelp, wrap: true },
      ...(input.addable.length > 0
        ? [
            {
              type: 'Input.ChoiceSet',
              id: 'members',
              label: 'Wie komt erbij?',
              isMultiSelect: true,
              style: 'expanded',
              choices: input.addable.map((m) => ({ title: m.name, value: m.userId })),
            },
            { type: 'ActionSet', actions: [execute('Voeg toe als lid', TEAM_VERBS.addMembers, {})] },
          ]
        : []),
    ],
  };
}
