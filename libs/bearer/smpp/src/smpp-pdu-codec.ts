import { ByteReader, ByteWriter, DecodeError } from '@waken/wire';
import { SMPP_HEADER_LENGTH, SMPP_MAX_PDU_LENGTH, SmppCommandId, SmppKnownCommand, SmppStatus } from './smpp-constants';
import { SmppBodyCodec } from './smpp-body-codec';
import { SmppDecodeError } from './smpp-decode-error';
import { SmppPdu } from './smpp-pdu';

export interface SmppHeader {
  commandLength: number;
  commandId: number;
  commandStatus: number;
  sequenceNumber: number;
}

const COMMAND_BY_ID = new Map<number, SmppKnownCommand>(
  Object.entries(SmppCommandId).map(([name, id]) => [id, name as SmppKnownCommand]),
);

/** SMPP 3.4 PDU codec (§3.2 header, §4 bodies). Decoding throws only SmppDecodeError. */
export class SmppPduCodec {
  static encode(pdu: SmppPdu): Uint8Array {
    const body = new ByteWriter();
    writeBody(body, pdu);
    const length = SMPP_HEADER_LENGTH + body.length;
    if (length > SMPP_MAX_PDU_LENGTH) throw new RangeError(`PDU of ${length} octets exceeds ${SMPP_MAX_PDU_LENGTH}`);
    const w = new ByteWriter();
    for (const field of [length, commandIdOf(pdu), pdu.commandStatus, pdu.sequenceNumber]) u32(w, field);
    return w.bytes(body.toBytes()).toBytes();
  }

  /** reliability.md #26: command_length < 16, > 64 KiB or not matching the bytes is refused. */
  static decode(bytes: Uint8Array): SmppPdu {
    const header = SmppPduCodec.readHeader(bytes);
    if (header.commandLength !== bytes.length) {
      throw new SmppDecodeError(
        `command_length ${header.commandLength} but ${bytes.length} octets`,
        0,
        SmppStatus.ESME_RINVCMDLEN,
        header.sequenceNumber,
      );
    }
    try {
      return readBody(header, new ByteReader(bytes.subarray(SMPP_HEADER_LENGTH)));
    } catch (e) {
      throw rebase(e, header.sequenceNumber);
    }
  }

  static readHeader(bytes: Uint8Array): SmppHeader {
    if (bytes.length < SMPP_HEADER_LENGTH) throw new SmppDecodeError(`PDU of ${bytes.length} octets has no header`, 0);
    const r = new ByteReader(bytes);
    const header = { commandLength: u32r(r), commandId: u32r(r), commandStatus: u32r(r), sequenceNumber: u32r(r) };
    SmppPduCodec.checkLength(header.commandLength, header.sequenceNumber);
    return header;
  }

  static checkLength(commandLength: number, sequenceNumber = 0): void {
    if (commandLength < SMPP_HEADER_LENGTH || commandLength > SMPP_MAX_PDU_LENGTH) {
      throw new SmppDecodeError(`command_length ${commandLength} outside 16..${SMPP_MAX_PDU_LENGTH}`, 0, SmppStatus.ESME_RINVCMDLEN, sequenceNumber);
    }
  }
}

function commandIdOf(pdu: SmppPdu): number {
  if (pdu.command !== 'unknown') return SmppCommandId[pdu.command];
  if (COMMAND_BY_ID.has(pdu.commandId)) throw new RangeError(`command_id 0x${pdu.commandId.toString(16)} is a known command`);
  return pdu.commandId;
}

function writeBody(w: ByteWriter, pdu: SmppPdu): void {
  switch (pdu.command) {
    case 'bind_transmitter':
    case 'bind_receiver':
    case 'bind_transceiver':
      return SmppBodyCodec.writeBind(w, pdu);
    case 'bind_transmitter_resp':
    case 'bind_receiver_resp':
    case 'bind_transceiver_resp':
      return SmppBodyCodec.writeBindResp(w, pdu, pdu.commandStatus);
    case 'submit_sm':
    case 'deliver_sm':
      return SmppBodyCodec.writeShortMessage(w, pdu);
    case 'submit_sm_resp':
    case 'deliver_sm_resp':
      return SmppBodyCodec.writeMessageId(w, pdu, pdu.commandStatus);
    case 'unknown':
      w.bytes(pdu.body);
      return;
    default:
      return;
  }
}

function readBody(h: SmppHeader, r: ByteReader): SmppPdu {
  const head = { commandStatus: h.commandStatus, sequenceNumber: h.sequenceNumber };
  const command = COMMAND_BY_ID.get(h.commandId);
  if (command === undefined) return { command: 'unknown', commandId: h.commandId, body: r.rest().slice(), ...head };
  const pdu = readKnown(command, r, head);
  if (!r.done) throw new SmppDecodeError(`${r.remaining} octets after the ${command} body`, r.offset);
  return pdu;
}

function readKnown(command: SmppKnownCommand, r: ByteReader, head: { commandStatus: number; sequenceNumber: number }): SmppPdu {
  switch (command) {
    case 'bind_transmitter':
    case 'bind_receiver':
    case 'bind_transceiver':
      return { command, ...head, ...SmppBodyCodec.readBind(r) };
    case 'bind_transmitter_resp':
    case 'bind_receiver_resp':
    case 'bind_transceiver_resp':
      return { command, ...head, ...SmppBodyCodec.readBindResp(r) };
    case 'submit_sm':
    case 'deliver_sm':
      return { command, ...head, ...SmppBodyCodec.readShortMessage(r) };
    case 'submit_sm_resp':
    case 'deliver_sm_resp':
      return { command, ...head, ...SmppBodyCodec.readMessageId(r) };
    default:
      return { command, ...head };
  }
}

/** Body offsets are relative to the body; report them relative to the PDU, with its sequence. */
function rebase(e: unknown, sequenceNumber: number): unknown {
  if (!(e instanceof DecodeError)) return e;
  const status = e instanceof SmppDecodeError ? e.commandStatus : SmppStatus.ESME_RINVCMDLEN;
  const message = e.message.replace(/ at offset \d+$/, '');
  return new SmppDecodeError(message, e.offset + SMPP_HEADER_LENGTH, status, sequenceNumber);
}

function u32(w: ByteWriter, value: number): void {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) throw new RangeError(`not a 32-bit value: ${value}`);
  w.u16(Math.floor(value / 0x10000)).u16(value % 0x10000);
}

function u32r(r: ByteReader): number {
  return r.u16() * 0x10000 + r.u16();
}
