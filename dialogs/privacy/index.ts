/**
 * `mijn gegevens`: everything Poolster holds about the person, as a JSON file in our 1:1 chat
 * (Teams file consent: the bytes are rebuilt for whoever accepts, from their own identity).
 * `verwijder mijn gegevens`: a confirmation card, then erasure (rules in storage/privacy.ts and
 * dialogs/privacy/personalData.ts). Both only in the personal chat: nobody else reads along.
 */
import { z } from 'zod';
import { PRIVACY_VERBS } from '../../cards/verbs';
import { renderEraseConfirm } from '../../cards/privacy';
import { renderMessageCard } from '../../cards/survey';
import type { FeatureDeps } from '../deps';
import type { OutgoingFile, Router } from '../types';
import { collectPersonalData, erasePersonalData, erasePreview } from './personalData';

export const PRIVACY_FILE_KIND = 'privacy-export';

export const PERSONAL_CHAT_ONLY =
  'Je gegevens bespreek ik alleen in ons persoonlijke gesprek, zodat niemand anders meeleest. Open de chat met Poolster en typ daar **mijn gegevens** of **verwijder mijn gegevens**.';
export const NOTHING_STORED = 'Ik bewaar op dit moment geen gegevens over jou.';


const eraseSchema = z.object({ confirm: z.literal('ja') });

function exportFile(data: Record<string, unknown>, now: Date): Omit<OutgoingFile, 'source'> {
  return {
    name: `poolster-mijn-gegevens-${now.toISOString().slice(0, 10)}.json`,
    contentType: 'application/json',
    content: Buffer.from(`${JSON.stringify(data, null, 2)}\n`, 'utf8'),
    description: 'Alles wat Poolster over jou bewaart (JSON).',
  };
}

export function registerPrivacy(deps: FeatureDeps) {
  return (router: Router): void => {
    router.command({
      name: 'mijn-gegevens',
      topic: 'gegevens',
      words: ['mijn gegevens'],
      usage: 'mijn gegevens',
      description: 'Geeft je alles wat ik over jou bewaar.',
      audience: 'iedereen',
      menu: [
        { scope: 'personal', title: 'mijn gegevens', description: 'Bekijk welke gegevens Poolster over jou bewaart.', position: 9 },
      ],
    }, async (turn) => {
      if (turn.actor.conversation.kind !== 'personal') {
        await turn.send({ text: PERSONAL_CHAT_ONLY });
        return;
      }
      const { empty, data } = await collectPersonalData(deps, turn.actor, turn.now);
      if (empty) {
        await turn.send({ text: `${NOTHING_STORED} Je hoort niet bij een beleidsteam en hebt nergens antwoorden of acties staan.` });
        return;
      }
      await turn.send({ text: 'Hier is alles wat ik over jou bewaar, als JSON-bestand. Klik op **Toestaan** om het in je OneDrive te zetten; alleen jij krijgt het.' });
      await turn.send({ file: { ...exportFile(data, turn.now), source: { kind: PRIVACY_FILE_KIND, key: {} } } });
    });

    // Rebuilt when the person accepts the file: always their own data, from their own identity.
    router.fileSource(PRIVACY_FILE_KIND, z.object({}).strict(), async (turn) => {
      const { data } = await collectPersonalData(deps, turn.actor, turn.now);
      turn.log.info('personal data export delivered');
      return exportFile(data, turn.now);
    });

    router.command({
      name: 'verwijder-mijn-gegevens',
      topic: 'gegevens',
      words: ['verwijder mijn gegevens', 'wis mijn gegevens'],
      usage: 'verwijder mijn gegevens',
      description: 'Wist wat ik over jou bewaar (na bevestiging).',
      audience: 'iedereen',
    }, async (turn) => {
      if (turn.actor.conversation.kind !== 'personal') {
        await turn.send({ text: PERSONAL_CHAT_ONLY });
        return;
      }
      const preview = await erasePreview(deps, turn.actor);
      if (!preview.person && preview.openRounds + preview.closedRounds + preview.ownedActions === 0) {
        await turn.send({ text: `${NOTHING_STORED} Er is niets te wissen.` });
        return;
      }
      await turn.send({
        card: renderEraseConfirm({
          centreName: preview.centreName,
          openRounds: preview.openRounds,
          closedRounds: preview.closedRounds,
          ownedActions: preview.ownedActions,
        }),
      });
    });

    router.action(PRIVACY_VERBS.erase, eraseSchema, async (turn) => {
      const outcome = await erasePersonalData(deps, turn.actor);
      if (outcome.nothingStored) return { text: `${NOTHING_STORED} Er was niets (meer) te wissen.` };
      turn.log.info({ openRounds: outcome.openRounds, closedRounds: outcome.closedRounds, acties: outcome.acties }, 'personal data erased on request');
      return {
        card: renderMessageCard({
          title: 'Je gegevens zijn gewist',
          paragraphs: [
            'Ik bewaar niets meer over jou: je naam, je rollen en ons gesprek zijn weg, net als je antwoorden in lopende inschalingsrondes.',
            outcome.closedRounds > 0
              ? `In ${outcome.closedRounds} afgesloten ${outcome.closedRounds === 1 ? 'ronde tellen' : 'rondes tellen'} je keuzes nog anoniem mee in het teamresultaat, zonder naam en zonder toelichtingen.`
              : 'Er waren geen afgesloten rondes met antwoorden van jou.',
            ...(outcome.acties > 0 ? [`In ${outcome.acties} ${outcome.acties === 1 ? 'actie' : 'acties'} van het beleidsplan sta je niet langer als eigenaar of auteur.`] : []),
            'Wil je Poolster later opnieuw gebruiken? Vraag je directeur dan om je weer toe te voegen.',
          ],
        }),
      };
    });
  };
}
