import type { DeviceIdentity, QualityOfService } from '@waken/contracts';
import type { PushOrigin } from '@waken/intake-data-access';

/** One recipient as the intake keeps it: the address as sent and the public user identity it names. */
export interface SubmittedRecipient {
  readonly addressValue: string;
  readonly addressType: string;
  readonly publicUserIdentity: string;
}

/** A push as both front doors (PAP, JSON) hand it to the acceptor, already parsed and checked. */
export interface Submission {
  readonly origin: PushOrigin;
  readonly papVersion?: string;
  readonly pushId: string;
  readonly recipients: readonly SubmittedRecipient[];
  readonly content: { readonly mediaType: string; readonly applicationId?: string; readonly body: Buffer };
  readonly qos: QualityOfService;
  readonly deliverAfter?: Date;
  readonly deliverBefore?: Date;
  readonly sourceReference?: string;
  readonly notifyUrl?: string;
  readonly progressNotesRequested: boolean;
  readonly targetDevices: readonly DeviceIdentity[];
}
