/**
 * The HTTP edge: restify with POST /api/messages (and a quiet HEAD for probes), GET /healthz and
 * GET /readyz, a body-size limit, JSON only, the activity envelope checked (bot/envelope.ts), and no
 * content in the access logs.
 *
 * Authentication comes first. With an app registration, a POST without a bearer token is refused
 * with 401 before its body is even read; with one, the body is read (within the size limit) and
 * only the two fields token validation needs (channelId, serviceUrl) are taken from it, and the
 * token is checked. Only an authenticated request learns anything about its body: 415, 400 and the
 * envelope check come after. Without a registration (development) validation is off, as botbuilder
 * does it, and the order makes no difference.
 */
import restify from 'restify';
import type { Application } from '@microsoft/teams-ai';
import type { PoolsterAdapter, PoolsterTurnState } from './app';
import type { Activity } from 'botbuilder';
import type { AuthenticateRequestResult } from 'botframework-connector';
import type { Logger } from 'pino';
import type { Tables } from '../storage/tables';
import { checkActivityEnvelope } from './envelope';
import { errorSummary } from '../domain/errors';
import { userMessageFor } from './boundary';
import { redactPath, registerDownloadRoutes, type FileSource } from './files';
import type { DownloadRepository } from '../storage/downloads';

export function createServer(input: {
  adapter: PoolsterAdapter;
  app: Application<PoolsterTurnState>;
  tables: Tables;
  logger: Logger;
  maxBodyBytes: number;
  /** An app registration is configured: every POST needs a valid Bot Framework token. */
  requireToken: boolean;
  /** One-time download links (bot/files.ts): the pending downloads and the sources that rebuild them. */
  downloads?: { repository: DownloadRepository; sources: ReadonlyMap<string, FileSource>; now: () => Date };
}): restify.Server {
  const { adapter, app, tables, logger } = input;
  const server = restify.createServer({ name: 'poolster', handleUncaughtExceptions: false });
  const refuse = (res: restify.Response, reason: string, error?: unknown) => {
    logger.warn({ reason, ...(error ? { err: { type: (error as Error)?.name, code: (error as { code?: string })?.code } } : {}) }, 'request refused: not authenticated');
    res.send(401, { error: 'Unauthorized.' });
  };
  // Before the body is read: no bearer token, no further look at the request.
  server.use((req, res, next) => {
    if (input.requireToken && req.method === 'POST' && !/^Bearer \S+$/i.test(String(req.headers.authorization ?? ''))) {
      refuse(res, 'missing token');
      return next(false);
    }
    return next();
  });
  // The raw body only (JSON is parsed in the handler, after authentication); restify's bodyParser
  // would also accept forms and multipart uploads (temp files).
  server.use(restify.plugins.bodyReader({ maxBodySize: input.maxBodyBytes }));

  server.post('/api/messages', async (req, res) => {
    const raw = req.body as Buffer | string | undefined;
    let body: unknown;
    try {
      body = raw && raw.length > 0 ? JSON.parse(String(raw)) : undefined;
    } catch {
      body = undefined;
    }
    // What token validation reads from the activity, and nothing else.
    const fields = (body ?? {}) as { channelId?: unknown; serviceUrl?: unknown };
    const forAuthentication = {
      ...(typeof fields.channelId === 'string' ? { channelId: fields.channelId } : {}),
      ...(typeof fields.serviceUrl === 'string' ? { serviceUrl: fields.serviceUrl } : {}),
    } as Activity;
    // The adapter's own token validation, done first so that a token that cannot be verified
    // (forged, expired, or the OpenID metadata unreachable) is refused with 401 instead of a 500.
    // Its result (the identity and the connector factory) is what the turn runs with: once per request.
    let authenticated: AuthenticateRequestResult;
    try {
      authenticated = await adapter.authenticate(forAuthentication, String(req.headers.authorization ?? ''));
    } catch (error) {
      // botframework-connector's AuthenticationError carries statusCode 401; anything else (a network
      // error fetching the signing keys) means the token could not be checked: refused all the same.
      refuse(res, (error as { statusCode?: number })?.statusCode === 401 ? 'invalid or missing token' : 'token could not be verified', error);
      return;
    }
    if (!/^application\/(.+\+)?json$/i.test(req.getContentType())) {
      res.send(415, { error: 'Send the activity as application/json.' });
      return;
    }
    if (!body || typeof body !== 'object' || typeof (body as { type?: unknown }).type !== 'string') {
      res.send(400, { error: 'Body must be a Bot Framework activity (JSON with a "type").' });
      return;
    }
    req.body = body;
    const envelope = checkActivityEnvelope(req.body);
    if (!envelope.ok) {
      logger.info({ fields: envelope.problems }, 'request rejected: not a valid activity');
      res.send(400, { error: 'Body must be a Bot Framework activity (JSON with a "type").' });
      return;
    }
    try {
      const invokeResponse = await adapter.processAuthenticated(authenticated, body as Activity, (context) => app.run(context).then(() => undefined));
      // As botbuilder's process() answers: the invoke response, or 200 without a body.
      res.status(invokeResponse?.status ?? 200);
      if (invokeResponse?.body) res.send(invokeResponse.body);
      res.end();
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

  if (input.downloads) {
    registerDownloadRoutes(server, { downloads: input.downloads.repository, sources: input.downloads.sources, logger, now: input.downloads.now, userMessageFor });
  }

  server.on('restifyError', (req, res, err, callback) => {
    // Oversized or malformed bodies: answer plainly, never echo the content (nor a download token).
    logger.info({ status: (err as { statusCode?: number }).statusCode, path: redactPath(req.path()) }, 'request rejected');
    return callback();
  });
  return server;
}
