import {
  compilePushContent,
  contentWspPush,
  csdWakeupFrame,
  psWakeupGpdu,
  sipMessageFor,
  sipWakeupFor,
  sirWspPush,
  smsSegmentsFor,
  transactionIdFor,
  ussdWakeupFor,
  type PushContent,
} from '@waken/bearer-encapsulation';
import { toHex } from '@waken/wire';
import { createHash } from 'node:crypto';
import { CliUsageError } from './cli-usage.error';
import type { SirInput } from './sir-input';

/** What `waken encode` prints: lines (or exact bytes, for a SIP message) for the terminal, or one JSON value with --json. */
export interface EncodeOutput {
  lines: string[];
  /** Printed as they are, instead of `lines`: a SIP message must end exactly where Content-Length says. */
  bytes?: Uint8Array;
  json: unknown;
}

export const SIR_BEARERS = ['sms', 'udp', 'sip', 'ussd', 'csd', 'gprs'] as const;
export type SirBearer = (typeof SIR_BEARERS)[number];

export interface SirEncodeOptions {
  to?: string;
  body?: 'json' | 'sia';
  terminalIp?: string;
  ppgIp?: string;
  teid?: number;
}

/** seed §S6: a SIR in the wire form of one bearer. */
export function encodeSir(bearer: SirBearer, input: SirInput, options: SirEncodeOptions): EncodeOutput {
  const { payload, composed } = input;
  const sirId = payload.sir.sirId;
  switch (bearer) {
    case 'sms':
      return segmentsOutput(smsSegmentsFor(sirWspPush(payload), sirId));
    case 'udp':
      return datagramOutput(sirWspPush(payload));
    case 'sip': {
      const to = options.to ?? (composed?.activation.bearer === 'sip' ? composed.activation.address : payload.sir.publicUserIdentity);
      const message = sipMessageFor(sipWakeupFor(payload, to, { body: options.body }), { ppgUri: payload.sir.ppgAddress, viaHostPort: hostPort(payload.sir.ppgAddress), messageId: sirId });
      return { lines: [], bytes: message, json: { bearer, message: Buffer.from(message).toString('base64') } };
    }
    case 'ussd': {
      const ussd = ussdWakeupFor(payload);
      return { lines: [ussd.text], json: { bearer, text: ussd.text, dataCodingScheme: ussd.dataCodingScheme, packed: toHex(ussd.packed) } };
    }
    case 'csd':
    case 'gprs': {
      const ip = { ppgAddress: options.ppgIp ?? '10.0.0.1', terminalAddress: requiredOption(options.terminalIp, 'terminal-ip') };
      const bytes = bearer === 'csd' ? csdWakeupFrame(payload, ip) : psWakeupGpdu(payload, { ...ip, teid: requiredOption(options.teid, 'teid') });
      return { lines: [toHex(bytes)], json: { bearer, hex: toHex(bytes) } };
    }
  }
}

/** Push content (SI/SL/CO, or any bytes with their type) in a WSP push for SMS or UDP. */
export function encodeContent(bearer: 'sms' | 'udp', content: PushContent, options: { tid?: number; applicationId?: string }): EncodeOutput {
  const messageId = createHash('sha256').update(content.contentType).update(content.body).digest('hex');
  const pdu = contentWspPush(content, { tid: options.tid ?? transactionIdFor(messageId), applicationId: options.applicationId });
  return bearer === 'sms' ? segmentsOutput(smsSegmentsFor(pdu, messageId)) : datagramOutput(pdu);
}

export function contentFrom(file: Buffer, contentType: string | undefined): PushContent {
  const xmlTypes = ['application/vnd.wap.sic', 'application/vnd.wap.slc', 'application/vnd.wap.coc', 'text/vnd.wap.si', 'text/vnd.wap.sl', 'text/vnd.wap.co'];
  if (contentType === undefined || xmlTypes.includes(contentType.toLowerCase())) return compilePushContent(file.toString('utf8'), contentType);
  return { contentType, body: Uint8Array.from(file) };
}

function segmentsOutput(segments: Uint8Array[]): EncodeOutput {
  const hex = segments.map(toHex);
  return { lines: hex, json: { bearer: 'sms', segments: hex } };
}

function datagramOutput(pdu: Uint8Array): EncodeOutput {
  return { lines: [toHex(pdu)], json: { bearer: 'udp', datagram: toHex(pdu) } };
}

function hostPort(sipUri: string): string {
  return /^sips?:(?:[^@;]*@)?([^;?]+)/.exec(sipUri)?.[1] ?? 'ppg.invalid';
}

function requiredOption<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new CliUsageError(`--${name} is required for this bearer`);
  return value;
}
