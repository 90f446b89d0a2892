import { KnownMessageIds } from './known-message-ids';
import { SmppStatus } from './smpp-constants';
import { SmppDecodeError } from './smpp-decode-error';
import { SmppLogger } from './smpp-logger';
import { ShortMessageBody } from './smpp-pdu';
import { SmppReceipt } from './smpp-receipt';
import { SmppReceiptReader } from './smpp-receipt-reader';

/**
 * Decides what a deliver_sm becomes: a receipt event for one of our message ids, or a log
 * line (reliability.md #30: receipts for unknown ids or on an unbound link are logged only;
 * threat model: DLRs accepted only for known ids on our binds). Returns the resp status.
 */
export class SmppReceiptRouter {
  constructor(
    private readonly known: KnownMessageIds,
    private readonly logger: SmppLogger,
    private readonly deliver: (receipt: SmppReceipt) => void,
  ) {}

  route(pdu: ShortMessageBody, receiving: boolean): number {
    const from = pdu.sourceAddr;
    if (!receiving) {
      this.logger.warn({ from }, 'deliver_sm while not bound to receive; logged only');
      return SmppStatus.ESME_RINVBNDSTS;
    }
    if (!SmppReceiptReader.isReceipt(pdu)) {
      this.logger.debug({ from }, 'mobile-originated deliver_sm ignored');
      return SmppStatus.ESME_ROK;
    }
    const receipt = this.read(pdu);
    if (typeof receipt === 'number') return receipt;
    const messageId = receipt && this.known.resolve(receipt.messageId);
    if (!receipt || !messageId) {
      this.logger.warn({ from, messageId: receipt?.messageId, state: receipt?.state }, 'receipt for an unknown message id; logged only');
      return SmppStatus.ESME_ROK;
    }
    this.emit({ ...receipt, messageId });
    return SmppStatus.ESME_ROK;
  }

  private read(pdu: ShortMessageBody): SmppReceipt | undefined | number {
    try {
      return SmppReceiptReader.read(pdu);
    } catch (e) {
      if (!(e instanceof SmppDecodeError)) throw e;
      this.logger.warn({ err: e.message }, 'malformed receipt TLV');
      return e.commandStatus;
    }
  }

  /** A throwing listener must not take the link down with it. */
  private emit(receipt: SmppReceipt): void {
    try {
      this.deliver(receipt);
    } catch (e) {
      this.logger.warn({ err: (e as Error).message, messageId: receipt.messageId }, 'receipt listener threw');
    }
  }
}
