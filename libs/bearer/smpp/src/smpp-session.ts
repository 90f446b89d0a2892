import { Duplex } from 'node:stream';
import { SMPP_INTERFACE_VERSION, SmppStatus } from './smpp-constants';
import { SmppBindError } from './smpp-bind-error';
import { SmppCommandError } from './smpp-command-error';
import { ResolvedSmppClientOptions } from './smpp-client-options';
import { SmppConnection } from './smpp-connection';
import { SmppLinkError } from './smpp-link-error';
import { ShortMessageBody, ShortMessagePdu, SmppPdu } from './smpp-pdu';

export interface SmppSessionHandlers {
  /** Returns the deliver_sm_resp command_status. `receiving` is false before bind or on a transmitter. */
  onDeliverSm(pdu: ShortMessagePdu, receiving: boolean): number;
  onClosed(error: SmppLinkError): void;
}

/** One bound link: bind, enquire_link keep-alive, answers to the SMSC's requests, submit_sm. */
export class SmppSession {
  private readonly connection: SmppConnection;
  private bound = false;
  /** Closures before open() returned are reported by open()'s rejection, not by onClosed. */
  private opened = false;
  private enquireTimer: unknown;

  private constructor(
    socket: Duplex,
    private readonly o: ResolvedSmppClientOptions,
    private readonly handlers: SmppSessionHandlers,
  ) {
    this.connection = new SmppConnection(
      socket,
      { onRequest: (pdu) => this.onRequest(pdu), onClosed: (error) => this.onClosed(error) },
      o.timers,
      o.responseTimeoutMs,
      o.logger,
    );
  }

  /** Connects and binds; rejects with SmppLinkError or SmppBindError and leaves nothing open. */
  static async open(o: ResolvedSmppClientOptions, handlers: SmppSessionHandlers): Promise<SmppSession> {
    const socket = await o.socketFactory(o.host, o.port, o.connectTimeoutMs);
    const session = new SmppSession(socket, o, handlers);
    try {
      await session.bind();
    } catch (e) {
      session.connection.destroy('bind failed');
      throw e;
    }
    session.opened = true;
    session.scheduleEnquireLink();
    return session;
  }

  get isOpen(): boolean {
    return this.connection.isOpen;
  }

  /** Resolves with the SMSC's message_id; `onAccepted` runs before any later PDU is handled. */
  async submit(body: ShortMessageBody, onWritten: (at: number) => void, onAccepted: (id: string) => void): Promise<string> {
    const messageIdOf = (pdu: SmppPdu) => (pdu.command === 'submit_sm_resp' ? pdu.messageId : '');
    const resp = await this.connection.request(
      { command: 'submit_sm', commandStatus: 0, ...body },
      { onWritten, onResponse: (pdu) => onAccepted(messageIdOf(pdu)) },
    );
    return messageIdOf(resp);
  }

  /** SMPP 3.4 §4.2: unbind, wait for unbind_resp (or the response timeout), then close. */
  async unbind(): Promise<void> {
    this.stopEnquireLink();
    this.bound = false;
    try {
      await this.connection.request({ command: 'unbind', commandStatus: 0 });
    } catch {
      // The link is closing either way; nothing is waiting on this answer.
    } finally {
      this.connection.end('unbound by us');
    }
    await this.connection.whenReleased();
  }

  destroy(reason: string): void {
    this.connection.destroy(reason);
  }

  private async bind(): Promise<void> {
    const command = this.o.bindMode === 'transceiver' ? 'bind_transceiver' : 'bind_transmitter';
    const body = { systemId: this.o.systemId, password: this.o.password, systemType: this.o.systemType };
    const fields = { interfaceVersion: SMPP_INTERFACE_VERSION, addrTon: 0, addrNpi: 0, addressRange: '' };
    try {
      // Bound as soon as the resp is read, so a deliver_sm right behind it in the same chunk is accepted.
      const onResponse = () => (this.bound = true);
      await this.connection.request({ command, commandStatus: 0, ...body, ...fields }, { onResponse });
    } catch (e) {
      throw e instanceof SmppCommandError ? new SmppBindError(command, e.commandStatus) : e;
    }
  }

  private onRequest(pdu: SmppPdu): void {
    const reply = { commandStatus: SmppStatus.ESME_ROK, sequenceNumber: pdu.sequenceNumber };
    switch (pdu.command) {
      case 'enquire_link':
        return this.connection.respond({ command: 'enquire_link_resp', ...reply });
      case 'unbind':
        this.connection.respond({ command: 'unbind_resp', ...reply });
        return this.connection.end('unbound by the SMSC');
      case 'deliver_sm': {
        const status = this.handlers.onDeliverSm(pdu, this.bound && this.o.bindMode === 'transceiver');
        return this.connection.respond({ command: 'deliver_sm_resp', ...reply, commandStatus: status, messageId: '' });
      }
      default:
        // An ESME is never asked to bind or submit; SMPP 3.4 §4.3 generic_nack.
        return this.connection.respond({ command: 'generic_nack', ...reply, commandStatus: SmppStatus.ESME_RINVCMDID });
    }
  }

  private scheduleEnquireLink(): void {
    if (!this.connection.isOpen) return;
    this.enquireTimer = this.o.timers.setTimeout(() => {
      this.enquireTimer = undefined;
      // A missing enquire_link_resp times out inside the connection, which closes the link.
      this.connection.request({ command: 'enquire_link', commandStatus: 0 }).then(
        () => this.scheduleEnquireLink(),
        () => undefined,
      );
    }, this.o.enquireLinkIntervalMs);
  }

  private stopEnquireLink(): void {
    if (this.enquireTimer !== undefined) this.o.timers.clearTimeout(this.enquireTimer);
    this.enquireTimer = undefined;
  }

  private onClosed(error: SmppLinkError): void {
    this.bound = false;
    this.stopEnquireLink();
    if (this.opened) this.handlers.onClosed(error);
  }
}
