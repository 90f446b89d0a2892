/** What the intake store reads and writes, as plain domain types (STYLE.md: not entities). */

/** What a PI may push (reliability.md (d) "Device/user", "Subscriber→device map"). */
export interface PiRules {
  /** Glob patterns (`*` = any run of characters) over public user identities, e.g. `sip:*@a.example`. */
  readonly allowedUserPatterns: readonly string[];
  /** X-Wap-Application-Id values, or `*`. */
  readonly allowedApplications: readonly string[];
  /** Media types (`text/vnd.wap.si`), `type/*`, or `*`. */
  readonly allowedContentTypes: readonly string[];
  /** Trusted for SL execute-high and WBXML content (reliability.md #15). */
  readonly trusted: boolean;
  readonly quotaPerSecond: number;
}

export interface PushInitiator extends PiRules {
  readonly tenantId: string;
  readonly piId: string;
}

export type PushOrigin = 'pap' | 'json';

export interface RecipientRecord {
  readonly index: number;
  /** As the PI sent it (PAP address-value, or the JSON recipient). */
  readonly addressValue: string;
  readonly addressType: string;
  readonly publicUserIdentity: string;
  readonly state: string;
}

export interface PushRecord {
  /** Internal id: the pushId of every event about this push (unique across tenants and PIs). */
  readonly id: string;
  readonly tenantId: string;
  readonly piId: string;
  /** The PI's push-id, unique per (tenant, PI). */
  readonly pushId: string;
  readonly origin: PushOrigin;
  readonly papVersion?: string;
  readonly state: string;
  readonly deliverAfter?: Date;
  readonly deliverBefore?: Date;
  readonly qos: { priority: string; deliveryMethod: string; bearer?: string; network?: string };
  readonly sourceReference?: string;
  readonly notifyUrl?: string;
  readonly progressNotesRequested: boolean;
  readonly contentType: string;
  readonly applicationId?: string;
  readonly targetDevices: ReadonlyArray<{ kind: string; value: string }>;
  readonly receivedAt: Date;
  readonly finalAt?: Date;
  /** The outcome tracker's state, opaque here. */
  readonly progress: unknown;
  readonly recipients: readonly RecipientRecord[];
}

export interface NewPush extends Omit<PushRecord, 'state' | 'finalAt' | 'recipients'> {
  readonly content: Buffer;
  readonly recipients: ReadonlyArray<Omit<RecipientRecord, 'state'>>;
}

/** A record for the relay to publish (the transactional outbox). */
export interface OutboxMessage {
  readonly topic: string;
  readonly key: string;
  readonly eventId: string;
  readonly payload: unknown;
  /** Not published before this instant (deliver-after). */
  readonly availableAt: Date;
}

export interface ClaimedOutboxMessage extends OutboxMessage {
  readonly id: string;
}

export interface NewNotification {
  readonly push: string;
  readonly tenantId: string;
  readonly kind: 'pap' | 'webhook';
  readonly url: string;
  readonly contentType: string;
  readonly body: string;
}

export interface LeasedNotification extends NewNotification {
  /** Attempts including this one. */
  readonly attempts: number;
}

export interface ClientCapabilities {
  readonly clientId: string;
  readonly capabilities: Readonly<Record<string, string>>;
  readonly respondedAt: Date;
}
