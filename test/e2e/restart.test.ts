/**
 * End to end, issue 17.1: the Agents Playground is stopped and started again between two rounds
 * (as after stopping and starting `npm run dev`): its conversations are new, the 1:1 chat the bot
 * stored for the director no longer exists. The second round's invitation must still reach the
 * director. Demo data (Alex Wilber is the demo centre's director), real Azurite, real playground,
 * headless Chromium. Screenshots: test-output/e2e/<test>/NN-<step>.png.
 */
import { e2eSuite, type PlaygroundUi } from '../support/playground';

describe('e2e: the playground restarts between two rounds', function () {
  this.timeout(300_000);
  const suite = e2eSuite({ demoData: true });

  const round = async (page: PlaygroundUi, label: string, summaryLine?: string) => {
    await page.openChat('group');
    await page.send('start inschaling');
    const start = await page.waitForCard('Nieuwe inschalingsronde');
    await page.choose(start, 'Deelnemers', 'Alex Wilber');
    await page.clickCardButton('Start de ronde en nodig uit', { card: start });
    await page.waitForText('De deelnemer kreeg een persoonlijke uitnodiging');
    if (summaryLine) await page.waitForText(summaryLine);
    await page.screenshot(`${label} invitations summary`);
    await page.openChat('personal');
    await page.waitForCard('Uitnodiging: inschaling');
    await page.screenshot(`${label} invitation in the personal chat`);
  };

  it('the second round\'s invitation reaches the director after the restart', async function () {
    let ui = await suite.openUi(this.test!.title);
    await round(ui, 'round 1');
    await ui.openChat('group');
    await ui.send('sluit inschaling');
    const ask = await ui.waitForCard('sluiten?');
    await ui.clickCardButton('Bevestig: sluit de ronde', { card: ask });
    await ui.waitForCard('is afgesloten');
    await ui.close();

    // Stop and start the playground on the same port: every conversation it knew is gone.
    await suite.restartPlayground();
    ui = await suite.openUi(this.test!.title, { keepScreenshots: true });
    // The stored 1:1 chat answers 404; the chat is opened again and the summary says so.
    await round(ui, 'round 2 after restart', 'Alex Wilber was niet meer bereikbaar in het bewaarde 1-op-1-gesprek; ik opende een nieuw gesprek en de uitnodiging kwam daar aan.');
  });
});
