import { PendingPush, PendingPushKey } from '@waken/session-domain';

export type PendingPushState = 'pending' | 'delivered' | 'cancelled' | 'expired' | 'undeliverable';

/** A push to store: `state` is pending, or already terminal when it can never be sent (expired, too large). */
export interface PendingPushInput extends Omit<PendingPush, 'seq'> {
  state: 'pending' | 'expired' | 'undeliverable';
}

/** A row the store inserted (a key seen before is not returned). */
export interface StoredPendingPush {
  push: PendingPush;
  state: PendingPushInput['state'];
}

/** What one store call reports back for rows that changed state. */
export type ChangedPendingPush = PendingPushKey;
