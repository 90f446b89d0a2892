import type { PendingQueue, PushSession } from '@waken/session-domain';
import type { SipDialog } from '@waken/session-data-access';

/** A session the PPG holds in memory: its state, its dialog and the pushes still to send. */
export interface LiveSession {
  readonly session: PushSession;
  readonly dialog: SipDialog;
  /** handed to the session that replaces this one, so nothing in flight is sent twice */
  readonly queue: PendingQueue;
  /** the last load from the store was full: load again (after `loadedUpTo`) when the queue runs dry */
  moreInStore: boolean;
  /** the highest seq loaded from the store */
  loadedUpTo: number;
  loading: boolean;
}
