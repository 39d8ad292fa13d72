import assert from 'node:assert/strict';
import { PLAYGROUND_TENANT_ID, PLAYGROUND_USER } from '../../bot/demo';
import { DEMO_MEMBERS, previousSchoolYear } from '../../storage/demoInschaling';
import { cardText, firstCard, startTestBot, type TestBot, type TestUser } from '../support/bot';

/**
 * Issue 13.8, whole turns with DEMO_DATA on: the demo centre feels real from the first minute. The
 * previous school year (from the injected clock) has a closed, confirmed and published inschaling
 * of four fictional members, so `resultaat`, `prioriteiten`, growth and the digest show something,
 * and the demo director owns a few actions of the plan.
 */
describe('The demo centre from the first minute (DEMO_DATA)', function () {
  this.timeout(120_000);
  const now = new Date('2026-11-23T09:00:00Z');
  let bot: TestBot;
  let alex: TestUser;

  before(async () => {
    bot = await startTestBot({ now: () => now, env: { DEMO_DATA: 'true' } });
    alex = bot.user(PLAYGROUND_USER.name, { tenantId: PLAYGROUND_TENANT_ID, userId: PLAYGROUND_USER.userId });
  });
  after(() => bot.stop());

  it('computes the previous school year from the clock, not from a constant', () => {
    assert.equal(previousSchoolYear(new Date('2026-11-23T09:00:00Z')), '2025-2026');
    assert.equal(previousSchoolYear(new Date('2026-08-31T20:00:00Z')), '2024-2025', 'still school year 2025-2026 on 31 August');
    assert.equal(previousSchoolYear(new Date('2026-08-31T22:30:00Z')), '2025-2026', '1 September in Brussels');
  });

  it('shows last school year\'s published team result, anonymously, with its priorities', async () => {
    const card = firstCard(await alex.say('resultaat'));
    const text = cardText(card);
    assert.match(text, /Teamresultaat inschaling 2025-2026/);
    assert.match(text, /Alle 4 deelnemers verzonden hun inschaling definitief/);
    assert.match(text, /gepubliceerd/);
    for (const member of DEMO_MEMBERS) assert.ok(!text.includes(member.name), 'anonymous: no member names');
    const centre = (await bot.poolster.deps.centres.getPerson(PLAYGROUND_TENANT_ID, PLAYGROUND_USER.userId))!; // the demo director's own centre (the demo network has a second one)
    const stored = await bot.poolster.deps.inschalingen.get(PLAYGROUND_TENANT_ID, centre.centreId, '2025-2026');
    assert.equal(stored?.published, true);
    assert.deepEqual(stored?.priorities.slice(0, 2), ['6.4', '4.2']);

    const priorities = cardText(firstCard(await alex.say('prioriteiten')));
    assert.match(priorities, /6\.4 Onderzoekende houding/);
  });

  it('gives the demo director actions of their own, and a digest with priorities', async () => {
    const acties = cardText(firstCard(await alex.say('acties')));
    assert.match(acties, /Alex Wilber/);
    assert.match(acties, /open/);
    const channel = { id: 'team-id', kind: 'channel' as const, teamId: 'team-id', channelId: 'team-id' };
    await alex.say('digest hier', channel);
    const digestText = cardText(firstCard(await alex.say('digest nu', channel)));
    assert.match(digestText, /Teamprioriteiten\nPrioriteit 1: 6\.4 Onderzoekende houding/);
  });

  it('loads it once: a restart adds no second round', async () => {
    const centre = (await bot.poolster.deps.centres.getPerson(PLAYGROUND_TENANT_ID, PLAYGROUND_USER.userId))!; // the demo director's own centre (the demo network has a second one)
    const again = await startTestBot({ now: () => now, env: { DEMO_DATA: 'true' }, tablePrefix: bot.poolster.config.storage.tablePrefix, connector: bot.connector });
    await again.stop();
    const rounds = await bot.poolster.deps.survey.listByCentre(PLAYGROUND_TENANT_ID, centre.centreId);
    assert.equal(rounds.length, 1);
    assert.equal(rounds[0]!.status, 'closed');
  });
});
