/**
 * The HTTP edge: restify with POST /api/messages (and a quiet HEAD for probes), GET /healthz and
 * GET /readyz, a body-size limit, JSON only, the activity envelope checked (bot/envelope.ts), the
 * token checked before any turn runs, and no content in the access logs.
 */
import restify from 'restify';
import type { Application, TeamsAdapter } from '@microsoft/teams-ai';
import type { PoolsterTurnState } from './app';
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import type { Logger } from 'pino';
import type { Tables } from '../storage/tables';
import { checkActivityEnvelope } from './envelope';
import { errorSummary } from '../domain/errors';

export function createServer(input: {
  adapter: TeamsAdapter;
  app: Application<PoolsterTurnState>;
  tables: Tables;
  logger: Logger;
  maxBodyBytes: number;
}): restify.Server {
  const { adapter, app, tables, logger } = input;
  const server = restify.createServer({ name: 'poolster', handleUncaughtExceptions: false });
  // JSON only: restify's full bodyParser would also accept forms and multipart uploads (temp files).
  server.use(restify.plugins.bodyReader({ maxBodySize: input.maxBodyBytes }));
  server.use(restify.plugins.jsonBodyParser({ bodyReader: true, mapParams: false }));
  // The same token validation the adapter runs, done first so that a token that cannot be verified
  // (forged, expired, or the OpenID metadata unreachable) is refused with 401 instead of a 500.
  const authentication = new ConfigurationBotFrameworkAuthentication(adapter.botFrameworkAuthConfig ?? {}, adapter.credentialsFactory);

  server.post('/api/messages', async (req, res) => {
    if (!/^application\/(.+\+)?json$/i.test(req.getContentType())) {
      res.send(415, { error: 'Send the activity as application/json.' });
      return;
    }
    if (!req.body || typeof req.body !== 'object' || typeof (req.body as { type?: unknown }).type !== 'string') {
      res.send(400, { error: 'Body must be a Bot Framework activity (JSON with a "type").' });
      return;
    }
    try {
      await authentication.authenticateRequest(req.body as Activity, String(req.headers.authorization ?? ''));
    } catch (error) {
      // botframework-connector's AuthenticationError carries statusCode 401; anything else (a network
      // error fetching the signing keys) means the token could not be checked: refused all the same.
      const reason = (error as { statusCode?: number })?.statusCode === 401 ? 'invalid or missing token' : 'token could not be verified';
      logger.warn({ reason, err: { type: (error as Error)?.name, code: (error as { code?: string })?.code } }, 'request refused: not authenticated');
      res.send(401, { error: 'Unauthorized.' });
      return;
    }
    const envelope = checkActivityEnvelope(req.body);
    if (!envelope.ok) {
      logger.info({ fields: envelope.problems }, 'request rejected: not a valid activity');
      res.send(400, { error: 'Body must be a Bot Framework activity (JSON with a "type").' });
      return;
    }
    try {
      await adapter.process(req, res, (context) => app.run(context).then(() => undefined));
    } catch (error) {
      logger.error({ err: errorSummary(error) }, 'request failed');
      if (!res.headersSent) res.send(500, { error: 'internal error' });
    }
  });

  // The Agents Playground probes the endpoint with HEAD on every page load: a quiet 200 (no body,
  // nothing processed), logged at debug rather than as a rejected request.
  server.head('/api/messages', async (req, res) => {
    logger.debug({ method: 'HEAD', path: req.path() }, 'endpoint probed');
    res.status(200);
    res.end();
  });

  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req, res) => {
    try {
      await tables.ping();
      res.send(200, { status: 'ready' });
    } catch (error) {
      logger.warn({ err: errorSummary(error) }, 'readiness check failed: storage unreachable');
      res.send(503, { status: 'storage unreachable' });
    }
  });

  server.on('restifyError', (req, res, err, callback) => {
    // Oversized or malformed bodies: answer plainly, never echo the content.
    logger.info({ status: (err as { statusCode?: number }).statusCode, path: req.path() }, 'request rejected');
    return callback();
  });
  return server;
}
