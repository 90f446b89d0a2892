import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** The Push Initiator's notification endpoint of the demo: keeps every POSTed body. */
export class PiNotificationSink {
  readonly received: string[] = [];
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(host: string): Promise<PiNotificationSink> {
    const bodies: string[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        bodies.push(Buffer.concat(chunks).toString('utf8'));
        res.writeHead(200, { 'Content-Type': 'application/xml' });
        res.end('<?xml version="1.0"?><pap><resultnotification-response push-id="demo"><response-result code="1000" desc="OK"/></resultnotification-response></pap>');
      });
    });
    await new Promise<void>((r) => server.listen(0, host, r));
    const sink = new PiNotificationSink(server, `http://${host}:${(server.address() as AddressInfo).port}/notify`);
    (sink as { received: string[] }).received = bodies;
    return sink;
  }

  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}
