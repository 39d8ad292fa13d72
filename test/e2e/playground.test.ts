/**
 * End to end: a real Azurite, Poolster in development mode (no auth), the real Microsoft 365 Agents
 * Playground pointed at it, and headless Chromium clicking through the playground's web UI.
 * Screenshots: test-output/e2e/<test>/NN-<step>.png. Helpers: test/support/playground.ts.
 */
import assert from 'node:assert/strict';
import pino from 'pino';
import type { Browser } from 'playwright-core';
import { loadConfig } from '../../bot/config';
import { startPoolster, type Poolster } from '../../bot/main';
import { startAzurite, type AzuriteHandle } from '../support/azurite';
import {
  launchBrowser,
  PlaygroundUi,
  requireChromium,
  screenshotDir,
  startPlayground,
  type PlaygroundHandle,
} from '../support/playground';

describe('e2e: Poolster in the Agents Playground', function () {
  this.timeout(120_000);

  let azurite: AzuriteHandle | undefined;
  let poolster: Poolster | undefined;
  let playground: PlaygroundHandle | undefined;
  let browser: Browser | undefined;
  let ui: PlaygroundUi | undefined;

  before(async function () {
    requireChromium();
    azurite = await startAzurite();
    const config = loadConfig({
      NODE_ENV: 'development',
      PORT: '0',
      STORAGE_CONNECTION_STRING: azurite.connectionString,
      TABLE_PREFIX: 'e2e',
      LOG_LEVEL: process.env.POOLSTER_TEST_LOG ?? 'silent',
      LOG_FORMAT: 'json',
      SCHEDULER: 'false',
      DEMO_DATA: 'false',
    });
    poolster = await startPoolster(config, { logger: pino({ level: config.log.level }) });
    playground = await startPlayground({ botEndpoint: `${poolster.url}/api/messages` });
    browser = await launchBrowser();
  });

  afterEach(async function () {
    if (ui && this.currentTest?.state === 'failed') {
      await ui.screenshot('failure').catch(() => undefined);
    }
    await ui?.close().catch(() => undefined);
    ui = undefined;
  });

  after(async function () {
    this.timeout(60_000);
    await browser?.close().catch(() => undefined);
    await playground?.stop();
    await poolster?.close();
    await azurite?.stop();
  });

  async function openUi(testTitle: string): Promise<PlaygroundUi> {
    assert.ok(browser && playground, 'the suite did not start');
    ui = await PlaygroundUi.open(browser, playground.url, screenshotDir(testTitle));
    return ui;
  }

  it('shows the help card when you type help in the personal chat', async function () {
    const page = await openUi(this.test!.title);
    await page.waitForText('Welkom bij Poolster');
    await page.screenshot('opened');

    await page.send('help');
    const card = await page.waitForCard('Wat kan je mij vragen?');
    assert.match(await card.innerText(), /Voor iedereen/);
    await page.screenshot('help card');
  });

  it('answers an @mention in a team channel, in the thread of the post', async function () {
    const page = await openUi(this.test!.title);
    await page.openChat({ channel: 'General' });
    await page.waitForCard('digest hier');
    await page.screenshot('channel welcome');

    await page.send('help');
    await page.waitForCard('Wat kan je mij vragen?');
    await page.screenshot('help in channel');
  });

  it('answers an @mention in the group chat', async function () {
    const page = await openUi(this.test!.title);
    await page.openChat('group');
    await page.send('help');
    await page.waitForCard('Wat kan je mij vragen?');
    await page.screenshot('help in group chat');
  });

  // Last: it makes the playground user a director, which changes the help card.
  it('lets a director start an inschaling round by clicking the card (Action.Execute)', async function () {
    const page = await openUi(this.test!.title);
    await page.send('setup E2E Centrum');
    await page.waitForCard('E2E Centrum is geregistreerd');
    await page.send('start inschaling');
    await page.waitForCard('Nieuwe inschalingsronde');
    await page.screenshot('round start card');

    await page.clickCardButton('Start de ronde en nodig uit');
    // Action.Execute: the card is replaced; the invitation reaches the user proactively.
    await page.waitForCard('gestart');
    await page.waitForCard('Uitnodiging: inschaling');
    await page.screenshot('round started');
  });
});
