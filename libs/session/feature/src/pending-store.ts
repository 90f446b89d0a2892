import type { PendingPushRepository } from '@waken/session-data-access';

/** What the session core needs of the pending store (PendingPushRepository; fakes in unit tests). */
export type PendingStore = Pick<PendingPushRepository, 'store' | 'pendingFor' | 'markDelivered' | 'cancel' | 'expireDue' | 'purgeSettled'>;
