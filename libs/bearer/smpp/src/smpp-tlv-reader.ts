import { DecodeError, utf8 } from '@waken/wire';
import { SmppStatus } from './smpp-constants';
import { SmppDecodeError } from './smpp-decode-error';
import { SmppTlv } from './smpp-pdu';

/** Typed reads of optional parameters; a malformed value is a SmppDecodeError (ESME_RINVPARLEN). */
export class SmppTlvReader {
  static find(tlvs: readonly SmppTlv[], tag: number): Uint8Array | undefined {
    return tlvs.find((t) => t.tag === tag)?.value;
  }

  /** C-Octet String TLV; tolerates a missing NUL, which some SMSCs omit. */
  static cString(tlvs: readonly SmppTlv[], tag: number, maxOctets: number): string | undefined {
    const value = SmppTlvReader.find(tlvs, tag);
    if (value === undefined) return undefined;
    const end = value.indexOf(0);
    const text = end < 0 ? value : value.subarray(0, end);
    if (text.length + 1 > maxOctets) throw bad(tag, `longer than ${maxOctets} octets`);
    try {
      return utf8(text);
    } catch (e) {
      if (e instanceof DecodeError) throw bad(tag, 'not text');
      throw e;
    }
  }

  static u8(tlvs: readonly SmppTlv[], tag: number): number | undefined {
    const value = SmppTlvReader.find(tlvs, tag);
    if (value === undefined) return undefined;
    if (value.length !== 1) throw bad(tag, `length ${value.length}, expected 1`);
    return value[0];
  }

  /** SMPP 3.4 §5.3.2.31 network_error_code: network type (1 octet) + error code (2 octets). */
  static networkErrorCode(tlvs: readonly SmppTlv[], tag: number): string | undefined {
    const value = SmppTlvReader.find(tlvs, tag);
    if (value === undefined) return undefined;
    if (value.length !== 3) throw bad(tag, `length ${value.length}, expected 3`);
    return `${value[0]}:${(value[1] << 8) | value[2]}`;
  }
}

function bad(tag: number, why: string): SmppDecodeError {
  return new SmppDecodeError(`TLV 0x${tag.toString(16).padStart(4, '0')} ${why}`, 0, SmppStatus.ESME_RINVPARLEN);
}
