/**
 * Sharing a published team result with people outside the beleidsteam: the director picks a
 * person from the members of this chat (the playground and Teams both list them; no people picker
 * needed). Pure.
 */
import { commandHint, type ConversationKind } from '../domain/conversation';
import type { CardJson } from './cardJson';
import { VERBS } from './verbs';
import { expandCard, prepareCard } from './render';
import sharePickJson from './templates/sharePick.json';

const sharePickTemplate = prepareCard(sharePickJson);

/** Shown in the group chat or channel where the director shares (`place`); the recipient reads in their 1:1 chat. */
export function renderSharePick(data: { centreName: string; schoolYear: string; choices: Array<{ name: string; userId: string }>; place: ConversationKind }): CardJson {
  return expandCard(sharePickTemplate, {
    title: `Teamresultaat ${data.schoolYear} delen`,
    intro: `Kies met wie je het gepubliceerde teamresultaat van ${data.centreName} deelt, bijvoorbeeld de algemeen directeur van de scholengroep.`,
    choices: data.choices.map((c) => ({ title: c.name, value: c.userId })),
    note: `Die persoon krijgt het teamresultaat in een persoonlijke chat met Poolster en kan het later opnieuw openen met **resultaat**: alleen lezen, niets anders van jullie centrum. Intrekken kan met ${commandHint('deel status', data.place)}.`,
    verb: VERBS.share.add,
    schoolYear: data.schoolYear,
  });
}
