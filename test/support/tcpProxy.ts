/**
 * A loopback TCP proxy to cut a dependency off and bring it back (connection refused while down),
 * without stopping the dependency itself.
 */
import net from 'node:net';

export class TcpProxy {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  /** HTTP requests that went through (counted from request lines), for the benchmark. */
  requests = 0;

  constructor(
    readonly port: number,
    private readonly targetPort: number,
  ) {}

  async up(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.targetPort, '127.0.0.1');
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.on('data', (chunk: Buffer) => {
        const text = chunk.toString('latin1');
        this.requests += (text.match(/(?:^|\r\n)(?:GET|POST|PUT|PATCH|DELETE|MERGE|HEAD) \/\S* HTTP\/1\.1\r\n/g) ?? []).length;
      });
      client.pipe(upstream);
      upstream.pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', () => resolve()));
  }

  async down(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }
}
