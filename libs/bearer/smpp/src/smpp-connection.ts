import { Duplex } from 'node:stream';
import { RESPONSE_BIT, SmppCommandId, SmppStatus } from './smpp-constants';
import { SmppCommandError } from './smpp-command-error';
import { SmppDecodeError } from './smpp-decode-error';
import { SmppLinkError } from './smpp-link-error';
import { SmppLogger } from './smpp-logger';
import { SmppOutgoing, SmppPdu } from './smpp-pdu';
import { SmppPduCodec } from './smpp-pdu-codec';
import { SmppStreamFramer } from './smpp-stream-framer';
import { SmppTimers } from './smpp-timers';

export interface SmppConnectionHandlers {
  /** An inbound request (deliver_sm, enquire_link, unbind, ...); the session answers it. */
  onRequest(pdu: SmppPdu): void;
  /** Called once, when the link is gone for whatever reason. */
  onClosed(error: SmppLinkError): void;
}

export interface RequestHooks {
  /** When the PDU was handed to the kernel ("on the wire"). */
  onWritten?(at: number): void;
  /** Runs synchronously with the response, before any later PDU in the same TCP chunk. */
  onResponse?(pdu: SmppPdu): void;
}

interface Pending {
  command: string;
  timer: unknown;
  hooks: RequestHooks;
  resolve(pdu: SmppPdu): void;
  reject(error: Error): void;
}

const GRACEFUL_END_MS = 1000;

/** One TCP link: framing, sequence numbers, responses matched to requests, response timeouts. */
export class SmppConnection {
  private readonly framer = new SmppStreamFramer();
  private readonly pending = new Map<number, Pending>();
  private sequence = 0;
  private closed = false;
  private readonly socketClosed: Promise<void>;

  constructor(
    private readonly socket: Duplex,
    private readonly handlers: SmppConnectionHandlers,
    private readonly timers: SmppTimers,
    private readonly responseTimeoutMs: number,
    private readonly logger: SmppLogger,
  ) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (e: Error) => this.shutdown(new SmppLinkError(`socket error: ${e.message}`), 'destroy'));
    socket.on('close', () => this.shutdown(new SmppLinkError('connection closed by the peer'), 'destroy'));
    this.socketClosed = new Promise((resolve) => socket.once('close', () => resolve()));
  }

  /** Resolves once the socket is fully closed and released. */
  whenReleased(): Promise<void> {
    return this.socketClosed;
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /** Sends a request; resolves with its response, rejects on a refusal, timeout or lost link. */
  request(pdu: SmppOutgoing, hooks: RequestHooks = {}): Promise<SmppPdu> {
    if (this.closed) return Promise.reject(new SmppLinkError('link is closed'));
    const sequenceNumber = this.nextSequence();
    return new Promise<SmppPdu>((resolve, reject) => {
      const timer = this.timers.setTimeout(
        () => this.shutdown(new SmppLinkError(`no ${pdu.command}_resp within ${this.responseTimeoutMs} ms`), 'destroy'),
        this.responseTimeoutMs,
      );
      this.pending.set(sequenceNumber, { command: pdu.command, timer, hooks, resolve, reject });
      this.write({ ...pdu, sequenceNumber } as SmppPdu, hooks.onWritten);
    });
  }

  respond(pdu: SmppPdu): void {
    if (!this.closed) this.write(pdu);
  }

  /** Ends the link without waiting (e.g. after our unbind was answered). */
  end(reason: string): void {
    this.shutdown(new SmppLinkError(reason), 'end');
  }

  destroy(reason: string): void {
    this.shutdown(new SmppLinkError(reason), 'destroy');
  }

  private nextSequence(): number {
    // SMPP 3.4 §5.1.4: 0x00000001..0x7FFFFFFF, then wrap.
    this.sequence = this.sequence >= 0x7fffffff ? 1 : this.sequence + 1;
    return this.sequence;
  }

  private write(pdu: SmppPdu, onWritten?: (at: number) => void): void {
    this.socket.write(SmppPduCodec.encode(pdu), (error) => {
      if (!error) onWritten?.(this.timers.now());
    });
  }

  private onData(chunk: Buffer): void {
    try {
      for (const frame of this.framer.push(chunk)) {
        if (this.closed) return;
        this.dispatch(SmppPduCodec.decode(frame));
      }
    } catch (e) {
      if (e instanceof SmppDecodeError) this.refuse(e);
      else this.shutdown(new SmppLinkError(`failed handling a PDU: ${(e as Error).message}`), 'destroy');
    }
  }

  private dispatch(pdu: SmppPdu): void {
    const commandId = pdu.command === 'unknown' ? pdu.commandId : SmppCommandId[pdu.command];
    if ((commandId & RESPONSE_BIT) === 0) {
      if (pdu.command !== 'unknown') return this.handlers.onRequest(pdu);
      // SMPP 3.4 §4.3: an unknown request gets generic_nack with ESME_RINVCMDID; the link stays.
      return this.write({ command: 'generic_nack', commandStatus: SmppStatus.ESME_RINVCMDID, sequenceNumber: pdu.sequenceNumber });
    }
    const pending = this.pending.get(pdu.sequenceNumber);
    if (!pending) {
      this.logger.warn({ command: pdu.command, sequenceNumber: pdu.sequenceNumber }, 'response matches no request; ignored');
      return;
    }
    this.pending.delete(pdu.sequenceNumber);
    this.timers.clearTimeout(pending.timer);
    if (pdu.command === 'generic_nack' || pdu.commandStatus !== SmppStatus.ESME_ROK) {
      pending.reject(new SmppCommandError(pending.command, pdu.commandStatus || SmppStatus.ESME_RINVCMDID));
      return;
    }
    pending.hooks.onResponse?.(pdu);
    pending.resolve(pdu);
  }

  /** reliability.md #26: a PDU we cannot trust gets generic_nack, then unbind, then the link closes. */
  private refuse(e: SmppDecodeError): void {
    this.logger.warn({ err: e.message, commandStatus: e.commandStatus }, 'malformed PDU from the SMSC; nack and unbind');
    this.write({ command: 'generic_nack', commandStatus: e.commandStatus, sequenceNumber: e.sequenceNumber });
    this.write({ command: 'unbind', commandStatus: 0, sequenceNumber: this.nextSequence() });
    this.shutdown(new SmppLinkError(`malformed PDU from the SMSC: ${e.message}`), 'end');
  }

  private shutdown(error: SmppLinkError, how: 'end' | 'destroy'): void {
    if (this.closed) return;
    this.closed = true;
    for (const p of this.pending.values()) {
      this.timers.clearTimeout(p.timer);
      p.reject(error);
    }
    this.pending.clear();
    if (how === 'destroy') this.socket.destroy();
    else this.endGracefully();
    this.handlers.onClosed(error);
  }

  /** Flush what was written (the nack, the unbind), then close; destroy if the peer lingers. */
  private endGracefully(): void {
    const timer = this.timers.setTimeout(() => this.socket.destroy(), GRACEFUL_END_MS);
    this.socket.once('close', () => this.timers.clearTimeout(timer));
    this.socket.end();
  }
}
