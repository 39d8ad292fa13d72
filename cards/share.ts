/**
 * Sharing a published team result with people outside the beleidsteam: the director picks a
 * person from the members of this chat (the playground and Teams both list them; no people picker
 * needed). Pure.
 */
import type { CardJson } from './cardJson';
import { VERBS } from './verbs';
import { expandCard, prepareCard } from './render';
import sharePickJson from './templates/sharePick.json';

const sharePickTemplate = prepareCard(sharePickJson);

export function renderSharePick(data: { centreName: string; schoolYear: string; choices: Array<{ name: string; userId: string }> }): CardJson {
  return expandCard(sharePickTemplate, {
    title: `Teamresultaat ${data.schoolYear} delen`,
    intro: `Kies met wie je het gepubliceerde teamresultaat van ${data.centreName} deelt, bijvoorbeeld de algemeen directeur van de scholengroep.`,
    choices: data.choices.map((c) => ({ title: c.name, value: c.userId })),
    note: 'Die persoon krijgt het teamresultaat in een persoonlijke chat met Poolster en kan het later opnieuw openen met **resultaat**: alleen lezen, niets anders van jullie centrum. Intrekken kan met **deel status**.',
    verb: VERBS.share.add,
    schoolYear: data.schoolYear,
  });
}
