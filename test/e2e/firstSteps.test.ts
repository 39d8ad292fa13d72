/**
 * End to end, issue 13 point 3: the demo director types `help` and sees the first step as a button
 * before the (grouped) list of commands; a near-miss gets "Bedoel je ...?" with a button that runs
 * the command; in a channel, help says to @mention Poolster. Screenshots at 1280×800 and 390×844:
 * test-output/e2e/<test>/NN-<step>.png.
 */
import assert from 'node:assert/strict';
import { e2eSuite, type PlaygroundUi } from '../support/playground';

const SIZES = [
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** One screenshot per window size, ending at the laptop size. */
async function screenshots(page: PlaygroundUi, step: string): Promise<void> {
  for (const size of [...SIZES].reverse()) {
    await page.resize(size);
    await page.screenshot(`${step} ${size.name}`);
  }
}

describe('e2e: first steps, tolerant commands and near-miss buttons (DEMO_DATA=true)', function () {
  this.timeout(180_000);

  const { openUi } = e2eSuite({ demoData: true });

  it('help starts with the first step as a button; a near-miss offers the command and the button runs it', async function () {
    const page = await openUi(this.test!.title);
    await page.resize(SIZES[0]);
    await page.waitForText('Welkom bij Poolster');

    await page.send('Help!');
    const help = await page.waitForCard('Wat kan je mij vragen?');
    const helpText = await help.innerText();
    assert.match(helpText, /Begin hier/);
    assert.match(helpText, /Voor de directeur/);
    assert.ok(helpText.indexOf('Begin hier') < helpText.indexOf('Voor de directeur'), 'the first step comes before the list');
    assert.doesNotMatch(helpText, /setup/, 'no setup for a director whose centre exists');
    assert.ok((await help.getByRole('button').count()) >= 1, 'the first step is a button');
    await screenshots(page, 'help');

    await page.send('statsu speerpunt 3');
    const suggestion = await page.waitForCard('Bedoel je');
    assert.match(await suggestion.innerText(), /status speerpunt 3/);
    await screenshots(page, 'near miss');

    await page.clickCardButton('Ja, status speerpunt 3', { card: suggestion });
    const speerpunt = await page.waitForCard('Speerpunt 3');
    assert.ok(speerpunt);
    await screenshots(page, 'suggestion clicked');

    await page.send('hoe staat speerpunt 3 ervoor?');
    await page.waitForCard('Speerpunt 3');
  });

  it('in a channel, help says to @mention Poolster', async function () {
    const page = await openUi(this.test!.title);
    await page.resize(SIZES[0]);
    await page.openChat({ channel: 'General' });
    await page.waitForCard('Welkom bij Poolster');
    await screenshots(page, 'channel welcome');
    await page.send('help');
    const help = await page.waitForCard('Wat kan je mij vragen?');
    assert.match(await help.innerText(), /@Poolster/);
    await screenshots(page, 'help in channel');
  });
});
