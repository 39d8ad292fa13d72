/**
 * End to end with the demo data (DEMO_DATA=true, as `npm run dev`): Alex Wilber is also the
 * coordinator of the demo network (Vrij CLB Netwerk), whose two demo centres opted in. In the
 * playground's team channel Alex registers the Lerende community channel and posts the community
 * digest; in the personal chat Alex opens `netwerk overzicht`. Screenshots at 1280×800 and 390×844:
 * test-output/e2e/<test>/NN-<step>.png.
 */
import assert from 'node:assert/strict';
import { SECOND_DEMO_CENTRE_NAME } from '../../storage/demoNetwork';
import { e2eSuite } from '../support/playground';

describe('e2e: the Lerende community in the Agents Playground (DEMO_DATA=true)', function () {
  this.timeout(180_000);

  const { openUi } = e2eSuite({ demoData: true });

  it('a coordinator registers the community channel and posts the community digest', async function () {
    const page = await openUi(this.test!.title);
    await page.resize({ width: 1280, height: 800 });
    await page.openChat({ channel: 'General' });
    await page.waitForCard('digest hier');

    await page.send('community hier');
    await page.waitForText('is het kanaal van de Lerende community van Vrij CLB Netwerk');
    await page.screenshot('community hier');

    await page.send('community nu');
    const digest = await page.waitForCard('Lerende community Vrij CLB Netwerk');
    const text = await digest.innerText();
    assert.match(text, /Overzicht op vraag/);
    assert.match(text, /2 centra doen mee/);
    assert.ok(text.includes(SECOND_DEMO_CENTRE_NAME), 'the second demo centre with its priorities');
    assert.match(text, /5\.1 Sterk teamwerk/);
    assert.match(text, /Intervisie per regioteam elke maand · lopend · tegen januari 2027/);
    assert.doesNotMatch(text, /Sofie Claes/, 'no person of another centre');
    await page.screenshot('community digest card', { card: digest });
    await page.screenshot('community digest in the channel at 1280x800');
    await page.resize({ width: 390, height: 844 });
    await page.screenshot('community digest in the channel at 390x844');
    await page.screenshot('community digest card at 390x844', { card: digest });
  });

  it('the coordinator opens netwerk overzicht in the personal chat', async function () {
    const page = await openUi(this.test!.title);
    await page.resize({ width: 1280, height: 800 });
    await page.send('netwerk overzicht');
    const card = await page.waitForCard('Netwerkoverzicht Vrij CLB Netwerk');
    assert.match(await card.innerText(), /Centra die meedoen\s*2/);
    assert.match(await card.innerText(), /telt pas vanaf 3 centra/);
    await page.screenshot('network overview card', { card });
    await page.screenshot('network overview at 1280x800');
  });
});
