import { SipParseError, formatSipUri, getHeader, nameAddrTag, parseCSeq, parseNameAddr, parseSipUri, type SipRequest } from '@waken/bearer-sip';
import { decodeClientInfo } from './client-info-codec';
import { ClientRef, parseClientHeader } from './client-ref';
import { SessionBodyError } from './session-body.error';
import {
  AUTH_HEADER, CLIENT_HEADER, CLIENT_INFO_CONTENT_TYPE, DEFAULT_SUBSCRIBE_EXPIRES_S, MAX_CONTACT, MAX_IDENTITY, MAX_SUBSCRIBE_EXPIRES_S,
  SESSION_EVENT_PACKAGE, SIR_HEADER,
} from './session-limits';
import { SubscribeRefusal } from './subscribe-refusal';
import { SubscribeRequest } from './subscribe-request';

const SIR_ID = /^[\x21-\x7e]{1,256}$/;

const malformed = (detail: string) => new SubscribeRefusal(400, 'Bad Request', detail);

/**
 * Reads a SUBSCRIBE of the push session, or throws SubscribeRefusal: 489 when the Event is not
 * `waken-push` (RFC 6665 §8.2.1), 400 for anything malformed. Auth is checked by the caller.
 */
export function readSubscribe(request: SipRequest): SubscribeRequest {
  const event = getHeader(request, 'Event')?.split(';')[0].trim();
  if (event !== SESSION_EVENT_PACKAGE) throw new SubscribeRefusal(489, 'Bad Event', `event ${JSON.stringify(event ?? null)}`);
  try {
    return readChecked(request);
  } catch (e) {
    if (e instanceof SipParseError) throw malformed(e.message);
    if (e instanceof SessionBodyError) throw malformed(`body: ${e.message}`);
    throw e;
  }
}

function readChecked(request: SipRequest): SubscribeRequest {
  const from = required(request, 'From');
  const to = required(request, 'To');
  const fromTag = nameAddrTag(from);
  if (fromTag === undefined) throw malformed('From without a tag');
  const toTag = nameAddrTag(to);
  const out: SubscribeRequest = {
    callId: required(request, 'Call-ID'),
    cseq: parseCSeq(required(request, 'CSeq')).seq,
    from,
    to,
    fromTag,
    expiresS: readExpires(getHeader(request, 'Expires')),
    publicUserIdentity: identityOf(from),
  };
  if (toTag !== undefined) out.toTag = toTag;
  const contact = getHeader(request, 'Contact');
  if (contact !== undefined) out.contact = contactUri(contact);
  const sirId = getHeader(request, SIR_HEADER);
  if (sirId !== undefined) out.sirId = checkedSirId(sirId);
  const auth = getHeader(request, AUTH_HEADER);
  if (auth !== undefined) out.auth = auth;
  const client = getHeader(request, CLIENT_HEADER);
  if (client !== undefined) out.client = checkedClient(client);
  if (request.body.length > 0) out.info = readInfo(request);
  if (toTag === undefined) requireInitialFields(out);
  return out;
}

function required(request: SipRequest, name: string): string {
  const value = getHeader(request, name);
  if (value === undefined || value.trim() === '') throw malformed(`missing ${name}`);
  return value;
}

function readExpires(value: string | undefined): number {
  if (value === undefined) return DEFAULT_SUBSCRIBE_EXPIRES_S;
  const text = value.trim();
  if (!/^\d{1,10}$/.test(text) || Number(text) > MAX_SUBSCRIBE_EXPIRES_S) throw malformed(`Expires ${JSON.stringify(text.slice(0, 20))}`);
  return Number(text);
}

/** The public user identity is the From URI without its parameters (a GRUU's `gr` too). */
function identityOf(from: string): string {
  const { uri } = parseNameAddr(from);
  const sip = parseSipUri(uri);
  const identity = formatSipUri({ scheme: sip.scheme, user: sip.user, host: sip.host, port: sip.port, params: [] });
  if (identity.length > MAX_IDENTITY) throw malformed('From URI too long');
  return identity;
}

function contactUri(value: string): string {
  const { uri } = parseNameAddr(value);
  if (uri === '*') throw malformed('Contact: * in a SUBSCRIBE');
  if (uri.length > MAX_CONTACT) throw malformed('Contact URI too long');
  parseSipUri(uri);
  return uri;
}

function checkedSirId(value: string): string {
  const id = value.trim();
  if (!SIR_ID.test(id)) throw malformed(`${SIR_HEADER} is not an id`);
  return id;
}

function checkedClient(value: string): ClientRef {
  const client = parseClientHeader(value);
  if (!client) throw malformed(`${CLIENT_HEADER} is not "<tenant> <client id>"`);
  return client;
}

function readInfo(request: SipRequest) {
  const type = getHeader(request, 'Content-Type')?.split(';')[0].trim().toLowerCase();
  if (type !== CLIENT_INFO_CONTENT_TYPE) throw malformed(`body of type ${JSON.stringify(type ?? null)}`);
  return decodeClientInfo(request.body);
}

function requireInitialFields(request: SubscribeRequest): void {
  if (request.client === undefined) throw malformed(`missing ${CLIENT_HEADER}`);
  if (request.contact === undefined) throw malformed('missing Contact');
}
