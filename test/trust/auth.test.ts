import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createSign, generateKeyPairSync } from 'node:crypto';
import net from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import sinon from 'sinon';
import { createAdapter } from '../../bot/app';
import { ConfigError, loadConfig } from '../../bot/config';
import { TABLE_NAMES } from '../../storage/tables';
import { startTestBot, TENANT, type TestBot } from '../support/bot';
import { captureLogs, tableRows } from './support';

/**
 * Issue 7, authentication: with an app registration every request needs a valid Bot Framework
 * token (botbuilder checks it; the OpenID metadata cannot be fetched here, so a token can never be
 * verified and must still be refused with 401, not 500); production refuses to start without the
 * registration; development (no credentials) listens on loopback only and says so.
 */

const APP_ID = '11111111-2222-3333-4444-555555555555';
const APP_TENANT = '66666666-7777-8888-9999-000000000000';
const STORAGE = () => process.env.POOLSTER_TEST_STORAGE!;

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWT signed with a key of our own: right shape, right claims, wrong signer. */
function forgedToken(claims: Record<string, unknown>): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const header = b64({ alg: 'RS256', typ: 'JWT', kid: 'forged-key', x5t: 'forged-key' });
  const body = b64(claims);
  const signer = createSign('RSA-SHA256');
  signer.update(`${header}.${body}`);
  return `${header}.${body}.${signer.sign(privateKey).toString('base64url')}`;
}

async function assertNothingStored(bot: TestBot): Promise<void> {
  for (const table of TABLE_NAMES) assert.deepEqual(await tableRows(bot, table), [], `${table} stays empty`);
  assert.equal(bot.connector.sent.length, 0, 'no reply was sent');
  assert.equal(bot.connector.requests, 0, 'the connector was not even called');
}

describe('Trust: authentication', function () {
  this.timeout(60_000);

  describe('with an app registration (production-like: NODE_ENV=production, app id, secret, tenant)', () => {
    let bot: TestBot;
    let quiet: sinon.SinonStub;
    const logs = captureLogs('info');
    before(async () => {
      bot = await startTestBot({
        logger: logs.logger,
        env: { NODE_ENV: 'production', HOST: '127.0.0.1', MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'not-a-real-secret', MICROSOFT_APP_TENANT_ID: APP_TENANT, ALLOWED_TENANTS: TENANT },
      });
    });
    beforeEach(() => {
      // botframework-connector prints token failures with console.error; keep the test output readable.
      quiet = sinon.stub(console, 'error');
    });
    afterEach(() => quiet.restore());
    after(async () => bot.stop());

    it('refuses a POST without a token with 401, runs no turn and stores nothing', async () => {
      const alex = bot.user('Alex Wilber');
      const answer = await alex.post({
        type: 'message',
        text: 'setup GO! CLB Ongeauthenticeerd',
        channelId: 'msteams',
        serviceUrl: bot.connector.url,
        from: { id: alex.channelUserId, name: alex.name, aadObjectId: alex.userId },
        recipient: { id: '28:poolster-bot' },
        conversation: { id: alex.personalConversationId, conversationType: 'personal', tenantId: TENANT },
        channelData: { tenant: { id: TENANT } },
      });
      assert.equal(answer.status, 401);
      await assertNothingStored(bot);
    });

    it('refuses forged tokens with 401, never 500, although the signing keys cannot be fetched', async () => {
      const alex = bot.user('Alex Wilber');
      const activity = {
        type: 'message',
        text: 'setup GO! CLB Vervalst',
        channelId: 'msteams',
        serviceUrl: bot.connector.url,
        from: { id: alex.channelUserId, name: alex.name, aadObjectId: alex.userId },
        recipient: { id: '28:poolster-bot' },
        conversation: { id: alex.personalConversationId, conversationType: 'personal', tenantId: TENANT },
        channelData: { tenant: { id: TENANT } },
      };
      const now = Math.floor(Date.now() / 1000);
      const tokens = {
        'self-signed Bot Framework token': forgedToken({ iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: bot.connector.url, nbf: now - 60, exp: now + 3600 }),
        'self-signed Entra token for our tenant': forgedToken({ iss: `https://login.microsoftonline.com/${APP_TENANT}/v2.0`, aud: APP_ID, tid: APP_TENANT, ver: '2.0', azp: APP_ID, nbf: now - 60, exp: now + 3600 }),
        'unsigned token (alg none)': `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ iss: 'https://api.botframework.com', aud: APP_ID, exp: now + 3600 })}.`,
        'not a JWT at all': 'abc.def',
      };
      for (const [label, token] of Object.entries(tokens)) {
        const response = await fetch(`${bot.poolster.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(activity),
        });
        assert.equal(response.status, 401, label);
        const body = await response.text();
        assert.doesNotMatch(body, /botframework|ENOTFOUND|openid/i, `${label}: no internals in the answer`);
      }
      const basic = await fetch(`${bot.poolster.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Basic YTpi' }, body: JSON.stringify(activity) });
      assert.equal(basic.status, 401);
      await assertNothingStored(bot);
      const refusals = logs.entries().filter((e) => e.msg === 'request refused: not authenticated');
      assert.ok(refusals.length >= 5, 'each refusal is logged');
      assert.ok(!logs.lines.some((line) => line.includes('Vervalst') || line.includes(tokens['self-signed Bot Framework token'].slice(-20))), 'neither content nor token in the logs');
    });

    it('checks the token first: without a valid one every request gets the same 401, whatever its body (malformed, not JSON, oversized, not an activity)', async () => {
      const url = `${bot.poolster.url}/api/messages`;
      const now = Math.floor(Date.now() / 1000);
      const forged = `Bearer ${forgedToken({ iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: bot.connector.url, nbf: now - 60, exp: now + 3600 })}`;
      const requests: Record<string, RequestInit> = {
        'malformed JSON, no token': { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type": "message", ' },
        'malformed JSON, forged token': { method: 'POST', headers: { 'content-type': 'application/json', authorization: forged }, body: '{"type": "message", ' },
        'JSON without a type, no token': { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"hello": "world"}' },
        'an envelope the bot would refuse (400), forged token': { method: 'POST', headers: { 'content-type': 'application/json', authorization: forged }, body: JSON.stringify({ type: 'message', conversation: null }) },
        'a form instead of JSON, no token': { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'type=message' },
        'a form instead of JSON, forged token': { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: forged }, body: 'type=message' },
        'an empty body, no token': { method: 'POST', headers: { 'content-type': 'application/json' } },
        'a body over the size limit, no token': { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"type":"message","text":"${'x'.repeat(2_000_000)}"}` },
      };
      const answers: Array<{ label: string; status: number; body: string }> = [];
      for (const [label, init] of Object.entries(requests)) {
        const response = await fetch(url, init);
        answers.push({ label, status: response.status, body: await response.text() });
      }
      for (const answer of answers) assert.equal(answer.status, 401, `${answer.label}: ${answer.status} ${answer.body}`);
      assert.equal(new Set(answers.map((a) => a.body)).size, 1, 'one and the same answer: nothing about the body is revealed');
      await assertNothingStored(bot);
    });

    it('still answers the health probes without a token', async () => {
      assert.equal((await fetch(`${bot.poolster.url}/healthz`)).status, 200);
      assert.equal((await fetch(`${bot.poolster.url}/readyz`)).status, 200);
    });
  });

  describe('with a user-assigned managed identity (MICROSOFT_APP_TYPE=UserAssignedMSI)', () => {
    const env = {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
      MICROSOFT_APP_TYPE: 'UserAssignedMSI',
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_TENANT_ID: APP_TENANT,
      ALLOWED_TENANTS: TENANT,
    };

    it('builds the adapter with managed identity credentials for the MSI client id (no secret)', async () => {
      const config = loadConfig(env);
      assert.equal(config.auth.appType, 'UserAssignedMSI');
      assert.equal(config.auth.appPassword, undefined);
      const adapter = createAdapter(config, captureLogs('silent').logger);
      const factory = adapter.credentialsFactory as unknown as { inner: { constructor: { name: string } } };
      assert.equal(factory.inner.constructor.name, 'ManagedIdentityServiceClientCredentialsFactory');
      assert.equal(await adapter.credentialsFactory.isValidAppId(APP_ID), true);
      assert.equal(await adapter.credentialsFactory.isValidAppId('99999999-2222-3333-4444-555555555555'), false);
      assert.equal(await adapter.credentialsFactory.isAuthenticationDisabled(), false);
    });

    it('refuses an unauthenticated POST with 401', async () => {
      const bot = await startTestBot({ env: { ...env, STORAGE_CONNECTION_STRING: STORAGE() } });
      const quiet = sinon.stub(console, 'error');
      try {
        const alex = bot.user('Alex Wilber');
        const answer = await alex.post({ type: 'message', text: 'help', channelId: 'msteams', serviceUrl: bot.connector.url, from: { id: alex.channelUserId }, recipient: { id: '28:poolster-bot' }, conversation: { id: alex.personalConversationId } });
        assert.equal(answer.status, 401);
        await assertNothingStored(bot);
      } finally {
        quiet.restore();
        await bot.stop();
      }
    });

    it('refuses a secret next to a managed identity, naming the variable', () => {
      assert.throws(() => loadConfig({ ...env, MICROSOFT_APP_PASSWORD: 'secret' }), (error: unknown) => error instanceof ConfigError && error.problems.some((p) => p.startsWith('MICROSOFT_APP_PASSWORD')));
    });
  });

  describe('with a certificate instead of a secret (MICROSOFT_APP_CERTIFICATE_*)', () => {
    const keyFile = path.join(mkdtempSync(path.join(tmpdir(), 'poolster-cert-')), 'bot.key.pem');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const env = {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_TENANT_ID: APP_TENANT,
      MICROSOFT_APP_CERTIFICATE_THUMBPRINT: 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678',
      MICROSOFT_APP_CERTIFICATE_KEY_FILE: keyFile,
      ALLOWED_TENANTS: TENANT,
    };

    it('starts without a secret and signs with the certificate', async () => {
      const config = loadConfig(env);
      assert.equal(config.auth.appPassword, undefined);
      assert.match(config.auth.certificate?.privateKey ?? '', /BEGIN PRIVATE KEY/);
      const adapter = createAdapter(config, captureLogs('silent').logger);
      const factory = adapter.credentialsFactory as unknown as { constructor: { name: string } };
      assert.equal(factory.constructor.name, 'CertificateServiceClientCredentialsFactory');
      assert.equal(await adapter.credentialsFactory.isValidAppId(APP_ID), true);
      assert.ok(!(await adapter.credentialsFactory.isAuthenticationDisabled()), 'tokens are validated');
    });

    it('refuses an unauthenticated POST with 401', async () => {
      const bot = await startTestBot({ env: { ...env, STORAGE_CONNECTION_STRING: STORAGE() } });
      const quiet = sinon.stub(console, 'error');
      try {
        const alex = bot.user('Alex Wilber');
        const answer = await alex.post({ type: 'message', text: 'help', channelId: 'msteams', serviceUrl: bot.connector.url, from: { id: alex.channelUserId }, recipient: { id: '28:poolster-bot' }, conversation: { id: alex.personalConversationId } });
        assert.equal(answer.status, 401);
        await assertNothingStored(bot);
      } finally {
        quiet.restore();
        await bot.stop();
      }
    });

    const refuses = (overrides: Record<string, string>, variable: string) =>
      assert.throws(() => loadConfig({ ...env, ...overrides }), (error: unknown) => error instanceof ConfigError && error.problems.some((p) => p.startsWith(variable)));

    it('names what is wrong: half a certificate, a bad thumbprint, an unreadable or non-PEM key, a secret as well', () => {
      refuses({ MICROSOFT_APP_CERTIFICATE_KEY_FILE: '' }, 'MICROSOFT_APP_CERTIFICATE_KEY_FILE');
      refuses({ MICROSOFT_APP_CERTIFICATE_THUMBPRINT: 'not-a-thumbprint' }, 'MICROSOFT_APP_CERTIFICATE_THUMBPRINT');
      refuses({ MICROSOFT_APP_CERTIFICATE_KEY_FILE: path.join(tmpdir(), 'no-such-key.pem') }, 'MICROSOFT_APP_CERTIFICATE_KEY_FILE');
      const notPem = path.join(path.dirname(keyFile), 'not.pem');
      writeFileSync(notPem, 'just text');
      refuses({ MICROSOFT_APP_CERTIFICATE_KEY_FILE: notPem }, 'MICROSOFT_APP_CERTIFICATE_KEY_FILE');
      refuses({ MICROSOFT_APP_PASSWORD: 'secret' }, 'MICROSOFT_APP_PASSWORD');
    });
  });

  describe('refusing to start without a complete registration', () => {
    it('production without credentials: ConfigError naming every missing variable', () => {
      assert.throws(
        () => loadConfig({ NODE_ENV: 'production', STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' }),
        (error: unknown) => {
          assert.ok(error instanceof ConfigError);
          for (const name of ['MICROSOFT_APP_ID', 'MICROSOFT_APP_TENANT_ID', 'MICROSOFT_APP_PASSWORD', 'ALLOWED_TENANTS']) {
            assert.ok(error.problems.some((p) => p.startsWith(`${name}:`)), `names ${name}`);
            assert.match(error.message, new RegExp(name));
          }
          return true;
        },
      );
    });

    it('production with credentials but no tenant allow-list: ConfigError naming ALLOWED_TENANTS', () => {
      assert.throws(
        () => loadConfig({ NODE_ENV: 'production', STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 's', MICROSOFT_APP_TENANT_ID: APP_TENANT }),
        (error: unknown) => error instanceof ConfigError && error.problems.length === 1 && error.problems[0]!.startsWith('ALLOWED_TENANTS'),
      );
    });

    it('an app id without its tenant (any mode): ConfigError instead of an assertion deep in botbuilder', () => {
      assert.throws(
        () => loadConfig({ NODE_ENV: 'development', STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 's' }),
        (error: unknown) => error instanceof ConfigError && error.problems.some((p) => p.startsWith('MICROSOFT_APP_TENANT_ID')),
      );
    });

    it('`npm start` in production without credentials exits with the variables named', function () {
      this.timeout(30_000);
      const root = path.resolve(__dirname, '../..');
      const result = spawnSync(process.execPath, ['--require', 'tsx/cjs', 'bot/main.ts'], {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' },
        encoding: 'utf8',
        timeout: 25_000,
      });
      assert.equal(result.status, 78, result.stderr);
      for (const name of ['MICROSOFT_APP_ID', 'MICROSOFT_APP_TENANT_ID', 'MICROSOFT_APP_PASSWORD', 'ALLOWED_TENANTS']) assert.match(result.stderr, new RegExp(name));
    });
  });

  describe('development mode (no credentials: the local playground)', () => {
    it('binds 127.0.0.1 whatever HOST says', () => {
      const config = loadConfig({ NODE_ENV: 'development', HOST: '0.0.0.0', STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' });
      assert.equal(config.host, '127.0.0.1');
      assert.equal(config.auth.appId, undefined);
    });

    it('listens on loopback only and warns at start-up that token validation is off', async () => {
      const logs = captureLogs('info');
      const bot = await startTestBot({ logger: logs.logger, env: { NODE_ENV: 'development', HOST: '0.0.0.0' } });
      try {
        assert.match(bot.poolster.url, /^http:\/\/127\.0\.0\.1:\d+$/);
        const warning = logs.entries().find((e) => e.level === 40 && /development mode/.test(String(e.msg)));
        assert.ok(warning, 'the start-up warning is logged');
        assert.match(String(warning!.msg), /token validation is off; listening on localhost only/);
        const port = Number(new URL(bot.poolster.url).port);
        const external = Object.values(networkInterfaces())
          .flat()
          .find((i) => i && !i.internal && i.family === 'IPv4');
        if (external) {
          const reachable = await new Promise<boolean>((resolve) => {
            const socket = net.connect({ host: external.address, port }, () => {
              socket.destroy();
              resolve(true);
            });
            socket.on('error', () => resolve(false));
          });
          assert.equal(reachable, false, `not reachable on ${external.address}`);
        }
      } finally {
        await bot.stop();
      }
    });
  });
});
