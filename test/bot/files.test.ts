import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { DOWNLOAD_GONE_TEXT, DOWNLOAD_LINK_MINUTES, tokenHash } from '../../bot/files';
import { cardText, startTestBot, type ConversationSpec, type TestBot, type TestUser } from '../support/bot';
import { captureLogs, tableRows } from '../trust/support';

const FILE_CONSENT = 'application/vnd.microsoft.teams.card.file.consent';
const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

/** The download card's link among a reply's activities. */
function downloadLink(activities: Array<Record<string, any>>): { url: string; card: any } {
  for (const activity of activities) {
    for (const attachment of activity.attachments ?? []) {
      if (attachment.contentType !== ADAPTIVE) continue;
      const action = (attachment.content.actions ?? []).find((a: any) => a.type === 'Action.OpenUrl' && a.title === 'Download');
      if (action) return { url: action.url, card: attachment.content };
    }
  }
  throw new Error('no Download button in the reply');
}

/**
 * Issue 13.5: a file reaches the person even where Teams' file consent is missing (the Agents
 * Playground) or declined: next to the consent card comes a card with a one-time download link,
 * served by the bot, for that person only, expiring within minutes, unguessable, never logged, and
 * working on any instance (the pending download's source key is in Azure Tables, the bytes are
 * rebuilt by the registered file source on download, which re-checks who may have them).
 */
describe('Files by one-time download link', function () {
  this.timeout(120_000);
  let clock = new Date('2026-11-16T09:00:00Z');
  const logs = captureLogs('trace');
  const tablePrefix = `f${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  let bot: TestBot;
  let second: TestBot;
  let dina: TestUser;
  let eva: TestUser;
  const chat: ConversationSpec = { id: '19:files-team@thread.v2', kind: 'groupChat' };

  before(async () => {
    bot = await startTestBot({ now: () => clock, logger: logs.logger, tablePrefix });
    second = await startTestBot({ now: () => clock, tablePrefix, connector: bot.connector });
    dina = bot.user('Dina Bestand');
    eva = bot.user('Eva Tweede');
    bot.connector.members.set(chat.id, [dina, eva].map((u) => ({ id: u.channelUserId, name: u.name, aadObjectId: u.userId })));
    await dina.say('setup GO! CLB Bestanden');
    await dina.say(`rol directeur ${eva.name}`, chat);
  });
  after(async () => {
    await second.stop();
    await bot.stop();
  });

  it('sends the consent card and, last, a Download card whose link works once, for that person, on any instance', async () => {
    const replies = await dina.say('mijn gegevens');
    assert.match(String(replies[0]?.text), /Toestaan[^]*Download[^]*één keer/);
    assert.ok(replies.some((r) => r.attachments?.[0]?.contentType === FILE_CONSENT), 'Teams file consent is still offered');
    assert.equal(replies.at(-1)?.attachments?.[0]?.contentType, ADAPTIVE, 'the download card comes last (the chat shows its bottom)');
    const { url, card } = downloadLink(replies);
    assert.match(url, new RegExp(`^${bot.poolster.url}/download/[A-Za-z0-9_-]{43}$`), '256 random bits, base64url, at the bot\'s own address');
    assert.match(cardText(card), /alleen voor jou: hij werkt één keer en vervalt om 10:10/);
    assert.doesNotMatch(JSON.stringify(card), /\*\*/, 'no Markdown in the card');

    // GET only shows a page (link scanners may prefetch it): it consumes nothing.
    for (let i = 0; i < 2; i += 1) {
      const page = await fetch(url);
      assert.equal(page.status, 200);
      assert.equal(page.headers.get('cache-control'), 'no-store');
      assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
      assert.match(await page.text(), /<form method="post"><button type="submit">Download poolster-mijn-gegevens-2026-11-16\.json/);
    }
    // The other instance serves it: the bytes are rebuilt there from the stored source key.
    const onOther = url.replace(bot.poolster.url, second.poolster.url);
    const download = await fetch(onOther, { method: 'POST' });
    assert.equal(download.status, 200);
    assert.match(String(download.headers.get('content-disposition')), /^attachment; filename="poolster-mijn-gegevens-2026-11-16\.json"/);
    const data = JSON.parse(await download.text());
    assert.equal(JSON.stringify(data).includes(dina.userId), true, 'Dina\'s own data');
    assert.equal(JSON.stringify(data).includes(eva.userId), false, 'nobody else\'s');
    // Single use, whichever instance is asked next.
    for (const again of [url, onOther]) {
      const gone = await fetch(again, { method: 'POST' });
      assert.equal(gone.status, 410);
      assert.match(await gone.text(), /werkt niet \(meer\)[^]*Vraag het bestand opnieuw aan/);
    }
  });

  it('expires within minutes, and refuses a guessed or malformed token', async () => {
    const { url } = downloadLink(await dina.say('mijn gegevens'));
    clock = new Date(clock.getTime() + (DOWNLOAD_LINK_MINUTES * 60 + 1) * 1000);
    assert.equal((await fetch(url)).status, 410);
    assert.equal((await fetch(url, { method: 'POST' })).status, 410);
    for (const guess of ['x', 'A'.repeat(43), '..%2F..%2Fhealthz', `${'A'.repeat(42)}%2F`]) {
      assert.equal((await fetch(`${bot.poolster.url}/download/${guess}`, { method: 'POST' })).status, 410, guess);
    }
  });

  it('re-checks on download who may have the file: the file source decides again, from the stored person', async () => {
    // A pending export for someone who is no director (e.g. demoted after asking): the source refuses.
    const token = 'B'.repeat(43);
    const outsider = bot.user('Olaf Buiten');
    await bot.poolster.deps.downloads.create(tokenHash(token), {
      tenantId: outsider.tenantId, userId: outsider.userId, channelUserId: outsider.channelUserId,
      kind: 'result.export', key: { roundId: 'r-elders', format: 'csv' }, fileName: 'result.csv',
      createdAt: clock.toISOString(), expiresAt: new Date(clock.getTime() + 60_000).toISOString(),
    });
    const refused = await fetch(`${bot.poolster.url}/download/${token}`, { method: 'POST' });
    assert.equal(refused.status, 403);
    assert.match(await refused.text(), /nog niet gekoppeld aan een centrum/);
  });

  it('erasing your data also voids your pending links', async () => {
    const { url } = downloadLink(await dina.say('mijn gegevens'));
    // Dina erases everything the bot holds about her (Eva is a second director): her pending link goes too.
    await dina.execute('privacy.erase', { confirm: 'ja' });
    const answer = await fetch(url, { method: 'POST' });
    assert.equal(answer.status, 410);
  });

  it('never offers a link in a group chat, and never writes a token into a log line', async () => {
    const inGroup = await eva.say('mijn gegevens', chat);
    assert.ok(inGroup.every((r) => !JSON.stringify(r).includes('/download/')), 'no link where others read along');
    const { url } = downloadLink(await eva.say('mijn gegevens'));
    const token = url.split('/').at(-1)!;
    await fetch(url);
    await fetch(url, { method: 'POST' });
    await fetch(`${bot.poolster.url}/download/${token}/extra`);
    assert.ok(logs.lines.length > 0);
    assert.ok(logs.lines.every((line) => !line.includes(token)), 'the token is in no log line');
    assert.ok(logs.lines.some((line) => line.includes('/download/[redacted]')), 'a rejected download path is logged redacted');
  });

  it('the nightly retention job (as the bot composes it) deletes the rows of links that expired unused, keeps a live one, and a used or expired link still answers in Dutch', async () => {
    // A second instance with the scheduler on: its retention job is the one bot/main.ts starts. Eva asks (Dina erased her data above).
    const nightly = await startTestBot({ now: () => clock, tablePrefix, connector: bot.connector, env: { SCHEDULER: 'true' } });
    try {
      const rowsOf = async (url: string) => tableRows(bot, 'Downloads', `PartitionKey eq '${tokenHash(url.split('/').at(-1)!)}'`);
      const expiredRows = async () => (await tableRows(bot, 'Downloads')).filter((r) => Date.parse(String(r.expiresAt)) <= clock.getTime());
      const expired = downloadLink(await eva.say('mijn gegevens')).url;
      const used = downloadLink(await eva.say('mijn gegevens')).url;
      assert.equal((await fetch(used, { method: 'POST' })).status, 200);
      clock = new Date(clock.getTime() + (DOWNLOAD_LINK_MINUTES * 60 + 1) * 1000);
      const live = downloadLink(await eva.say('mijn gegevens')).url;
      assert.equal((await rowsOf(expired)).length, 1, 'nobody tried the expired link: its row is still there');
      assert.equal((await rowsOf(used)).length, 0, 'a used link has no row');
      const toPrune = (await expiredRows()).length;
      assert.ok(toPrune >= 1);

      assert.ok(nightly.poolster.retention, 'the bot runs the retention job when the scheduler is on');
      const report = await nightly.poolster.retention.run();
      assert.equal(report?.downloadRows, toPrune, 'every expired row, and only those');
      assert.deepEqual(await expiredRows(), [], 'no expired download row is left');
      assert.equal((await rowsOf(expired)).length, 0, 'the expired link\'s row is gone');
      assert.equal((await rowsOf(live)).length, 1, 'the live link\'s row is kept');

      for (const gone of [expired, used]) {
        for (const method of ['GET', 'POST']) {
          const answer = await fetch(gone, { method });
          assert.equal(answer.status, 410, `${method} ${gone === used ? 'used' : 'expired'} link`);
          const page = await answer.text();
          assert.match(page, /<title>Poolster: Link verlopen<\/title>/);
          assert.ok(page.includes(DOWNLOAD_GONE_TEXT), 'the Dutch expiry message, saying what to do');
        }
      }
      assert.match(DOWNLOAD_GONE_TEXT, /werkt niet \(meer\).*Vraag het bestand opnieuw aan in je chat met Poolster/);
      const download = await fetch(live, { method: 'POST' });
      assert.equal(download.status, 200, 'the kept link still works, once');
      assert.equal((await fetch(live, { method: 'POST' })).status, 410);
    } finally {
      await nightly.stop();
    }
  });
});
