import { e2eSuite } from '../support/playground';
describe('probe', function () {
  this.timeout(300_000);
  const { openUi } = e2eSuite({ demoData: true });
  it('probe', async function () {
    const page = await openUi('probe');
    await page.openChat('group');
    await page.send('start inschaling');
    const start = await page.waitForCard('Nieuwe inschalingsronde');
    await page.choose(start, 'Deelnemers', 'Alex Wilber');
    await page.clickCardButton('Start de ronde en nodig uit', { card: start });
    await page.waitForCard('gestart');
    await page.openChat('personal');
    const invitation = await page.waitForCard('Uitnodiging: inschaling');
    await page.clickCardButton('Bekijk de inschaling', { card: invitation });
    const intro = await page.waitForCard('jouw inschaling');
    await page.clickCardButton('Start de inschaling', { card: intro });
    const card = await page.waitForCard('Bouwsteen 1 van 11');
    for (const size of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      await page.page.setViewportSize(size);
      await new Promise((r) => setTimeout(r, 1500));
      const info = await page.page.evaluate(`(() => {
        const cards = Array.from(document.querySelectorAll('.ac-adaptiveCard'));
        const c = cards[cards.length-1];
        const r = c.getBoundingClientRect();
        let p = c.parentElement; const chain = [];
        while (p) { const s = getComputedStyle(p); if (/(auto|scroll)/.test(s.overflowY) && p.scrollHeight > p.clientHeight) { const pr = p.getBoundingClientRect(); chain.push({cls: p.className.slice(0,60), top: pr.top, bottom: pr.bottom, h: p.clientHeight, w: pr.width, st: p.scrollTop, sh: p.scrollHeight}); } p = p.parentElement; }
        return { card: { top: r.top, bottom: r.bottom, w: r.width, h: r.height }, chain, doc: { w: document.documentElement.scrollWidth, iw: innerWidth, ih: innerHeight } };
      })()`);
      console.log(JSON.stringify(size), JSON.stringify(info));
      await page.page.screenshot({ path: `test-output/probe-${size.width}.png` });
    }
  });
});
