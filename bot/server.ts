/**
 * The HTTP edge: restify with POST /api/messages, GET /healthz and GET /readyz, a body-size limit,
 * and no content in the access logs.
 */
import restify from 'restify';
import type { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import type { Logger } from 'pino';
import type { Tables } from '../storage/tables';
import { errorSummary } from './router';

export function createServer(input: {
  adapter: TeamsAdapter;
  app: Application<TurnState>;
  tables: Tables;
  logger: Logger;
  maxBodyBytes: number;
}): restify.Server {
  const { adapter, app, tables, logger } = input;
  const server = restify.createServer({ name: 'poolster', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: input.maxBodyBytes, mapParams: false }));

  server.post('/api/messages', async (req, res) => {
    if (!req.body || typeof req.body !== 'object' || typeof (req.body as { type?: unknown }).type !== 'string') {
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
