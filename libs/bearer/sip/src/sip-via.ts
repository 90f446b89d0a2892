import { SipParseError } from './sip-parse-error';
import { formatParams, paramValue, parseParams, type SipParam } from './sip-params';

/** One Via entry (RFC 3261 §20.42): `SIP/2.0/UDP host:port;branch=z9hG4bK...;rport`. */
export interface SipVia {
  readonly transport: string;
  readonly host: string;
  readonly port?: number;
  readonly params: readonly SipParam[];
}

/** RFC 3261 §8.1.1.7: branches starting with this cookie are unique per transaction. */
export const BRANCH_MAGIC_COOKIE = 'z9hG4bK';

const VIA =
  /^SIP[ \t]*\/[ \t]*2\.0[ \t]*\/[ \t]*([A-Za-z0-9\-.!%*_+`'~]+)[ \t]+(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9\-.]+)(?:[ \t]*:[ \t]*(\d{1,5}))?[ \t]*(?:;(.*))?$/i;

export function parseVia(value: string): SipVia {
  const m = VIA.exec(value.trim());
  if (!m || (m[3] !== undefined && Number(m[3]) > 65535)) throw new SipParseError('malformed Via', 400);
  const via = { transport: m[1].toUpperCase(), host: m[2], params: parseParams(m[4] ?? '') };
  return m[3] === undefined ? via : { ...via, port: Number(m[3]) };
}

export function formatVia(via: SipVia): string {
  const port = via.port === undefined ? '' : `:${via.port}`;
  return `SIP/2.0/${via.transport} ${via.host}${port}${formatParams(via.params)}`;
}

export function viaBranch(via: SipVia): string | undefined {
  return paramValue(via.params, 'branch') ?? undefined;
}
