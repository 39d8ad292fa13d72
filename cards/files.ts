/**
 * The card that offers a file as a one-time download link (next to Teams' file consent, or
 * instead of it where consent is not available or was declined). Pure: no I/O.
 */
import type { CardJson } from './cardJson';
import { CARD_SCHEMA } from './render';

/** "14:05" in Europe/Brussels. */
export function brusselsTime(instant: Date): string {
  return new Intl.DateTimeFormat('nl-BE', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Europe/Brussels' }).format(instant);
}

export function renderFileDownload(input: {
  fileName: string;
  description: string;
  url: string;
  expiresAt: Date;
  /** Why this card: offered next to the consent card, or because consent was declined / failed. */
  reason: 'alongside' | 'declined' | 'upload-failed';
}): CardJson {
  const intro =
    input.reason === 'alongside'
      ? 'Lukt opslaan in je OneDrive niet, of wil je het bestand meteen op je computer? Download het dan hier.'
      : input.reason === 'declined'
        ? 'Je bestand staat niet in je OneDrive. Wil je het toch? Download het dan hier, rechtstreeks in je browser.'
        : 'Het bestand kon niet in je OneDrive worden gezet. Download het hier, rechtstreeks in je browser.';
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.2',
    body: [
      { type: 'TextBlock', text: input.fileName, weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: input.description, wrap: true, spacing: 'Small', isSubtle: true },
      { type: 'TextBlock', text: intro, wrap: true },
      {
        type: 'TextBlock',
        text: `De link is alleen voor jou: hij werkt één keer en vervalt om ${brusselsTime(input.expiresAt)}. Deel hem niet. Te laat? Vraag het bestand gewoon opnieuw aan.`,
        wrap: true,
        size: 'Small',
        isSubtle: true,
      },
    ],
    actions: [{ type: 'Action.OpenUrl', title: 'Download', url: input.url }],
  };
}
