/**
 * End to end, issue 17.1: the Agents Playground is stopped and started again between two rounds
 * (as after stopping and starting `npm run dev`): its conversations are new, the 1:1 chat the bot
 * stored for the director no longer exists. The second round's invitation must still reach the
 * director. Demo data (Alex Wilber is the demo centre's director), real Azurite, real playground,
 * headless Chromium. Screenshots: test-output/e2e/<test>/NN-<step>.png.
 */
import pino from 'pino';
import type { Browser } from 'playwright-core';
import { startPoolster, type Poolster } from '../../bot/main';
import { e2eBotConfig, launchBrowser, PlaygroundUi, requireChromium, screenshotDir, startPlayground, type PlaygroundHandle } from '../support/playground';

describe('e2e: the playground restarts between two rounds', function () {
  this.timeout(300_000);
  let poolster: Poolster | undefined;
  let playground: PlaygroundHandle | undefined;
  let browser: Browser | undefined;
  let ui: PlaygroundUi | undefined;

  before(async function () {
    this.timeout(120_000);
    requireChromium();
    const config = e2eBotConfig({ demoData: true, tablePrefix: 'e2r' });
    poolster = await startPoolster(config, { logger: pino({ level: config.log.level }) });
    playground = await startPlayground({ botEndpoint: `${poolster.url}/api/messages` });
    browser = await launchBrowser();
  });
  afterEach(async function () {
    if (ui && this.currentTest?.state === 'failed') await ui.screenshot('failure').catch(() => undefined);
    await ui?.close().catch(() => undefined);
  });
  after(async function () {
    this.timeout(60_000);
    await browser?.close().catch(() => undefined);
    await playground?.stop();
    await poolster?.close();
  });

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
    const dir = screenshotDir(this.test!.title);
    ui = await PlaygroundUi.open(browser!, playground!.url, dir);
    await round(ui, 'round 1');
    await ui.openChat('group');
    await ui.send('sluit inschaling');
    const ask = await ui.waitForCard('sluiten?');
    await ui.clickCardButton('Bevestig: sluit de ronde', { card: ask });
    await ui.waitForCard('is afgesloten');
    await ui.close();

    // Stop and start the playground on the same port: every conversation it knew is gone.
    const port = playground!.port;
    await playground!.stop();
    playground = await startPlayground({ botEndpoint: `${poolster!.url}/api/messages`, port });
    ui = await PlaygroundUi.open(browser!, playground.url, dir);
    // The stored 1:1 chat answers 404; the chat is opened again and the summary says so.
    await round(ui, 'round 2 after restart', 'Alex Wilber was niet meer bereikbaar in het bewaarde 1-op-1-gesprek; ik opende een nieuw gesprek en de uitnodiging kwam daar aan.');
  });
});
