import type { PapAddress } from './pap-address';
import type { PapVersion } from './pap-version';

/** One `<address>` of a request: the value as sent (echoed in answers) and its parsed form. */
export interface PapRecipient extends PapAddress {
  readonly addressValue: string;
}

export const PAP_PRIORITIES = ['high', 'medium', 'low'] as const;
export type PapPriority = (typeof PAP_PRIORITIES)[number];
export const PAP_DELIVERY_METHODS = ['confirmed', 'preferconfirmed', 'unconfirmed', 'notspecified'] as const;
export type PapDeliveryMethod = (typeof PAP_DELIVERY_METHODS)[number];
export const PAP_REPLACE_METHODS = ['pending-only', 'all'] as const;
export type PapReplaceMethod = (typeof PAP_REPLACE_METHODS)[number];

export interface PapQualityOfService {
  readonly priority: PapPriority;
  readonly deliveryMethod: PapDeliveryMethod;
  readonly network?: string;
  readonly networkRequired: boolean;
  readonly bearer?: string;
  readonly bearerRequired: boolean;
}

/** Defaults of pap.md §4: priority medium, delivery-method notspecified (Kannel). */
export const DEFAULT_PAP_QOS: PapQualityOfService = {
  priority: 'medium',
  deliveryMethod: 'notspecified',
  networkRequired: false,
  bearerRequired: false,
};

interface PapDocumentBase {
  readonly version: PapVersion;
  /** From `<?wap-pap-ver supported-versions="..."?>`, when present. */
  readonly supportedVersions?: readonly string[];
  readonly productName?: string;
}

/** seed §S1: the PI's push; its recipients are public user identities or phone numbers. */
export interface PapPushMessage extends PapDocumentBase {
  readonly kind: 'push-message';
  readonly pushId: string;
  readonly deliverBefore?: string;
  readonly deliverAfter?: string;
  readonly sourceReference?: string;
  readonly ppgNotifyRequestedTo?: string;
  readonly progressNotesRequested: boolean;
  readonly replacePushId?: string;
  readonly replaceMethod?: PapReplaceMethod;
  readonly addresses: readonly PapRecipient[];
  readonly qos: PapQualityOfService;
  /** Copied by the caller from the content part's X-Wap-Application-Id header (pap.md §1). */
  readonly applicationId?: string;
}

export interface PapCancelMessage extends PapDocumentBase {
  readonly kind: 'cancel-message';
  readonly pushId: string;
  /** Empty: every recipient of the push. */
  readonly addresses: readonly PapRecipient[];
}

export interface PapStatusQueryMessage extends PapDocumentBase {
  readonly kind: 'statusquery-message';
  readonly pushId: string;
  readonly addresses: readonly PapRecipient[];
}

export interface PapCcqMessage extends PapDocumentBase {
  readonly kind: 'ccq-message';
  readonly queryId: string;
  readonly appId?: string;
  readonly address: PapRecipient;
}

/** The PI's answer to our resultnotification-message (seed §S12). */
export interface PapResultNotificationResponse extends PapDocumentBase {
  readonly kind: 'resultnotification-response';
  readonly pushId: string;
  readonly address?: PapRecipient;
  readonly code: number;
  readonly desc?: string;
  readonly senderAddress?: string;
  readonly senderName?: string;
  readonly replyTime?: string;
}

export type PapDocument =
  | PapPushMessage
  | PapCancelMessage
  | PapStatusQueryMessage
  | PapCcqMessage
  | PapResultNotificationResponse;

export type PapDocumentKind = PapDocument['kind'];
