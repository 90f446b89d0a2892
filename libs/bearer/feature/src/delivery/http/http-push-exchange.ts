import { ClientRequest, IncomingMessage } from 'node:http';
import { TransmissionOutcome } from '../common/delivery-request';
import { HttpSettings } from './delivery-http.options';
import { httpErrorOutcome, httpStatusOutcome } from './http-outcome';

/**
 * One POST and its response, with a connect timeout, a response timeout and the TTL as hard
 * limits. The outcome is decided on the status line; the body is drained so the keep-alive
 * socket can be reused.
 */
export class HttpPushExchange {
  private onWireAt?: Date;
  private timer?: NodeJS.Timeout;
  private settle: (outcome: TransmissionOutcome) => void = () => undefined;

  constructor(
    private readonly settings: Pick<HttpSettings, 'connectTimeoutMs' | 'responseTimeoutMs'>,
    private readonly deadline: Date,
  ) {}

  run(open: () => ClientRequest, body: Buffer): Promise<TransmissionOutcome> {
    return new Promise<TransmissionOutcome>((resolve) => {
      this.settle = (outcome) => {
        clearTimeout(this.timer);
        this.settle = () => undefined;
        resolve(outcome);
      };
      let req: ClientRequest;
      try {
        req = open();
      } catch (e) {
        return this.settle(httpErrorOutcome(e));
      }
      this.watch(req);
      req.end(body, () => (this.onWireAt = new Date()));
    });
  }

  private watch(req: ClientRequest): void {
    this.arm(req, this.settings.connectTimeoutMs, 'connect');
    req.on('socket', (socket) => {
      if (!socket.connecting) return this.arm(req, this.settings.responseTimeoutMs, 'response');
      socket.once('connect', () => this.arm(req, this.settings.responseTimeoutMs, 'response'));
    });
    req.on('response', (res: IncomingMessage) => {
      res.resume();
      res.on('error', () => undefined);
      this.settle(httpStatusOutcome(res.statusCode ?? 0, res.statusMessage ?? '', this.onWireAt));
    });
    req.on('error', (e) => this.settle(httpErrorOutcome(e, this.onWireAt)));
  }

  /** (Re)starts the one timer: the phase's timeout, or the TTL if that comes first. */
  private arm(req: ClientRequest, ms: number, phase: string): void {
    clearTimeout(this.timer);
    const toDeadline = this.deadline.getTime() - Date.now();
    const expired = toDeadline <= ms;
    this.timer = setTimeout(() => {
      this.settle(expired ? { kind: 'expired', detail: `no response before the TTL (${phase})`, onWireAt: this.onWireAt } : { kind: 'transient', detail: `${phase} timeout after ${ms} ms`, onWireAt: this.onWireAt });
      req.destroy();
    }, Math.max(0, Math.min(ms, toDeadline)));
  }
}
