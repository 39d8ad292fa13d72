/**
 * End to end: a real Azurite, Poolster in development mode (no auth), the real Microsoft 365 Agents
 * Playground pointed at it, and headless Chromium clicking through the playground's web UI.
 * Screenshots: test-output/e2e/<test>/NN-<step>.png. Helpers: test/support/playground.ts.
 */
import assert from 'node:assert/strict';
import { e2eSuite } from '../support/playground';

describe('e2e: Poolster in the Agents Playground', function () {
  this.timeout(120_000);

  const { openUi } = e2eSuite({ demoData: false });

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
