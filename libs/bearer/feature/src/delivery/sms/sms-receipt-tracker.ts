import { DeliverySmsRequestedV1 } from '@waken/contracts';
import { SmppReceipt } from '@waken/bearer-smpp';
import { AttemptResult } from '../common/delivery-attempt-loop';
import { DeliveryOrigin } from '../common/delivery-request';
import { receiptOutcome } from './sms-outcome';

/** A submitted push whose delivery receipts are awaited. */
export interface AwaitedPush {
  request: DeliverySmsRequestedV1;
  origin: DeliveryOrigin;
  attempt: number;
  onWireAt: Date;
}

export type ReceiptListener = (push: AwaitedPush, result: AttemptResult) => void;

interface Entry {
  push: AwaitedPush;
  ids: string[];
  pending: Set<string>;
  forgetAt: number;
}

const EARLY_CAPACITY = 1000;

/**
 * Matches delivery receipts to pushes by message id (seed §S12). A push is delivered when every
 * segment is DELIVRD, and undeliverable/expired at its first failed segment. A receipt can beat
 * the submit_sm_resp bookkeeping (both in one TCP read): it waits among the early ones.
 */
export class SmsReceiptTracker {
  private readonly byId = new Map<string, Entry>();
  private readonly entries = new Set<Entry>();
  private readonly early = new Map<string, SmppReceipt>();

  constructor(
    private readonly capacity: number,
    private readonly listener: ReceiptListener,
  ) {}

  get awaited(): number {
    return this.entries.size;
  }

  expect(messageIds: string[], push: AwaitedPush, forgetAt: number): void {
    const entry: Entry = { push, ids: [...messageIds], pending: new Set(messageIds), forgetAt };
    this.entries.add(entry);
    for (const id of messageIds) this.byId.set(id, entry);
    while (this.entries.size > this.capacity) this.drop(this.entries.values().next().value as Entry);
    for (const id of messageIds) {
      const receipt = this.early.get(id);
      if (receipt && this.early.delete(id)) this.receive(receipt);
    }
  }

  receive(receipt: SmppReceipt): void {
    const outcome = receiptOutcome(receipt.state);
    if (!outcome) return;
    const entry = this.byId.get(receipt.messageId);
    if (!entry) return this.keepEarly(receipt);
    if (outcome === 'delivered') {
      entry.pending.delete(receipt.messageId);
      if (entry.pending.size > 0) return;
    }
    this.drop(entry);
    const detail = outcome === 'delivered' ? `DELIVRD (${entry.ids.length} of ${entry.ids.length} segments)` : `${receipt.state}${receipt.error ? ` err:${receipt.error}` : ''}`;
    this.listener(entry.push, { outcome, attempt: entry.push.attempt, detail, onWireAt: entry.push.onWireAt });
  }

  /** Forgets pushes whose receipt never came (bounded memory); returns how many. */
  sweep(now: number): number {
    const stale = [...this.entries].filter((e) => e.forgetAt <= now);
    stale.forEach((e) => this.drop(e));
    return stale.length;
  }

  private keepEarly(receipt: SmppReceipt): void {
    this.early.set(receipt.messageId, receipt);
    if (this.early.size > EARLY_CAPACITY) this.early.delete(this.early.keys().next().value as string);
  }

  private drop(entry: Entry): void {
    this.entries.delete(entry);
    for (const id of entry.ids) if (this.byId.get(id) === entry) this.byId.delete(id);
  }
}
