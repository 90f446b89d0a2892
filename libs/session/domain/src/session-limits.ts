// The fixed values of the push session protocol (docs/push-session.md). Both ends use them.

/** RFC 6665 §7.2: the event package of the Waken push session. */
export const SESSION_EVENT_PACKAGE = 'waken-push';
export const CLIENT_INFO_CONTENT_TYPE = 'application/vnd.waken.client-info+json';
export const PUSH_NOTIFY_CONTENT_TYPE = 'application/vnd.waken.push+json';

export const CLIENT_HEADER = 'X-Waken-Client';
export const SIR_HEADER = 'X-Waken-Sir';
export const AUTH_HEADER = 'X-Waken-Auth';

/** Expires of a SUBSCRIBE: 1..3600 seconds; 0 ends (or, out of dialog, rejects). */
export const MAX_SUBSCRIBE_EXPIRES_S = 3600;
/** Used when a SUBSCRIBE has no Expires header (RFC 6665 §4.1.2.1: the package defines it). */
export const DEFAULT_SUBSCRIBE_EXPIRES_S = 600;
/** The PPG accepts |now - ts| <= 300 s. */
export const AUTH_MAX_SKEW_MS = 300_000;

/** A client-info body: checked before decoding (reliability.md #6, #19). */
export const MAX_CLIENT_INFO_BYTES = 16 * 1024;
/** Entries per section (capabilities, preferences, security, subscription). */
export const MAX_INFO_ENTRIES = 32;
/** ClientRespondedV1: record keys up to 64, values and the rejection up to 512 characters. */
export const MAX_INFO_KEY = 64;
export const MAX_INFO_VALUE = 512;
export const MAX_REJECTION = 512;

/**
 * A push NOTIFY body: both ends parse SIP with DEFAULT_SIP_LIMITS (64 KiB per message), so the
 * body stays under 60 KiB and the headers fit in the rest.
 */
export const MAX_PUSH_NOTIFY_BYTES = 60 * 1024;

/** Ids in events (contracts: Id). */
export const MAX_ID = 256;
/** publicUserIdentity in events. */
export const MAX_IDENTITY = 512;
/** SessionOpenedV1.contact */
export const MAX_CONTACT = 1024;
