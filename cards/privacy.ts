/**
 * Cards of the privacy feature: the confirmation before erasure. (The personal data export is a
 * JSON file: see dialogs/privacy.) Pure: no I/O.
 */
import type { CardJson } from './cardJson';
import { PRIVACY_VERBS } from './verbs';
import { CARD_SCHEMA } from './render';

/** Asks for confirmation before erasing, saying exactly what happens. */
export function renderEraseConfirm(input: { centreName?: string; openRounds: number; closedRounds: number; ownedActions: number }): CardJson {
  const lines = [
    input.centreName ? `Je gegevens als lid van ${input.centreName} (je naam, je rollen, ons gesprek).` : 'Wat ik over jou bewaar (je naam en ons gesprek).',
    `Lopende inschalingsrondes (${input.openRounds}): je antwoorden en ontwerpen worden volledig gewist.`,
    `Afgesloten rondes (${input.closedRounds}): je naam en al je toelichtingen worden gewist; alleen je keuzes blijven anoniem meetellen in het teamresultaat.`,
    ...(input.ownedActions > 0 ? [`Acties in het beleidsplan (${input.ownedActions}): je staat er niet langer als eigenaar bij; je notities blijven zonder je naam.`] : []),
  ];
  const data = { confirm: 'ja' };
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.5',
    body: [
      { type: 'TextBlock', text: 'Je gegevens wissen?', weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: 'Dit wordt gewist:', wrap: true },
      ...lines.map((line) => ({ type: 'TextBlock', text: `- ${line}`, wrap: true, spacing: 'Small' })),
      { type: 'TextBlock', text: 'Dit kan niet ongedaan worden gemaakt. Wil je niets wissen? Negeer dan dit bericht.', wrap: true, weight: 'Bolder' },
    ],
    actions: [
      {
        type: 'Action.Execute',
        title: 'Ja, wis mijn gegevens',
        verb: PRIVACY_VERBS.erase,
        data,
        style: 'destructive',
        fallback: { type: 'Action.Submit', title: 'Ja, wis mijn gegevens', data: { ...data, verb: PRIVACY_VERBS.erase } },
      },
    ],
  };
}
