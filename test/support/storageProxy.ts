/**
 * An HTTP proxy in front of Azurite that behaves like Azure Tables under load: it delays requests
 * and answers a seeded share of them 503 ServerBusy or 500 OperationTimedOut (in Azure's error
 * format) without passing them on, so a refused request changed nothing. Counts what it saw.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StorageWeather {
  /** Share of requests answered 503 ServerBusy. */
  busy: number;
  /** Share of requests answered 500 OperationTimedOut. */
  timedOut: number;
  /** Each passed-on request waits up to this long first. */
  maxDelayMs: number;
}

export const CALM: StorageWeather = { busy: 0, timedOut: 0, maxDelayMs: 0 };

export class StorageProxy {
  private server?: http.Server;
  weather: StorageWeather = CALM;
  readonly counts = { requests: 0, busy: 0, timedOut: 0, passed: 0 };
  port = 0;

  constructor(
    private readonly targetPort: number,
    private readonly random: () => number,
  ) {}

  get connectionString(): string {
    return (
      'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;' +
      'AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;' +
      `TableEndpoint=http://127.0.0.1:${this.port}/devstoreaccount1;`
    );
  }

  /** Requests answered with a fault. */
  get faulted(): number {
    return this.counts.busy + this.counts.timedOut;
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 1_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    this.counts.requests += 1;
    const roll = this.random();
    const fault = roll < this.weather.busy ? 'busy' : roll < this.weather.busy + this.weather.timedOut ? 'timedOut' : undefined;
    if (fault) {
      this.counts[fault] += 1;
      const [status, code, text] = fault === 'busy' ? [503, 'ServerBusy', 'The server is busy.'] : [500, 'OperationTimedOut', 'Operation could not be completed within the specified time.'];
      res.writeHead(status, { 'content-type': 'application/json;odata=minimalmetadata', 'x-ms-error-code': code });
      res.end(JSON.stringify({ 'odata.error': { code, message: { lang: 'en-US', value: text } } }));
      return;
    }
    const delay = Math.floor(this.random() * this.weather.maxDelayMs);
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    this.counts.passed += 1;
    const upstream = http.request({ host: '127.0.0.1', port: this.targetPort, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    upstream.end(Buffer.concat(chunks));
  }
}
