import type { Bearer, WakeMode } from '@waken/contracts';
import type { PapQualityOfService } from './pap-document.model';
import type { PapMessageState } from './pap-message-state';

/** A timestamp to write: a Date, epoch ms, or text already in `YYYY-MM-DDThh:mm:ssZ`. */
export type PapTime = Date | number | string;

/** code + desc; desc defaults to the status name (pap.md §6). */
export interface PapResult {
  readonly code: number;
  readonly desc?: string;
}

/** The PPG's identity on responses (pap.md §4). */
export interface PapSender {
  readonly senderAddress?: string;
  readonly senderName?: string;
  readonly replyTime?: PapTime;
}

export interface PapProgressNote {
  readonly stage: string;
  readonly note?: string;
  readonly time?: PapTime;
}

export interface PapPushResponse extends PapSender {
  readonly pushId: string;
  readonly result: PapResult;
  /** Written only when the push asked for them (progress-notes-requested="true"). */
  readonly progressNotes?: readonly PapProgressNote[];
}

export interface PapCancelResult extends PapResult {
  /** address-values this result is for; none: all of them. */
  readonly addresses?: readonly string[];
}

export interface PapCancelResponse {
  readonly pushId: string;
  readonly results: readonly PapCancelResult[];
}

export interface PapStatusQueryResult extends PapResult {
  readonly messageState: PapMessageState;
  readonly eventTime?: PapTime;
  readonly addresses?: readonly string[];
  readonly qos?: PapQualityOfService;
}

export interface PapStatusQueryResponse {
  readonly pushId: string;
  readonly results: readonly PapStatusQueryResult[];
}

export interface PapCcqResponse {
  readonly queryId: string;
  readonly result: PapResult;
  readonly address?: string;
}

/**
 * Waken extension on resultnotification-message: how many devices this push woke and how
 * (seed §S4, §S7-§S10). Written as namespaced attributes (README "Wake report").
 */
export interface PapWakeReport {
  /** Clients sent a SIR that then connected. */
  readonly devicesWoken: number;
  /** Target clients that were already connected and got the push without a SIR (seed §S10). */
  readonly devicesConnected: number;
  readonly wakeMode: WakeMode;
  readonly bearers?: readonly Bearer[];
}

export interface PapResultNotificationMessage extends PapSender {
  readonly pushId: string;
  /** The address-value as the PI sent it. */
  readonly address: string;
  readonly messageState: PapMessageState;
  readonly result: PapResult;
  readonly receivedTime?: PapTime;
  readonly eventTime?: PapTime;
  readonly qos?: PapQualityOfService;
  readonly wake?: PapWakeReport;
}

export interface PapBadMessageResponse {
  readonly result: PapResult;
  readonly badMessageFragment?: string;
}
