// RFC 3261 §7.3.3 compact forms, plus those registered later (RFC 3265, 3515, 3841, 3892, 4028).
const COMPACT: Readonly<Record<string, string>> = {
  a: 'Accept-Contact',
  b: 'Referred-By',
  c: 'Content-Type',
  d: 'Request-Disposition',
  e: 'Content-Encoding',
  f: 'From',
  i: 'Call-ID',
  j: 'Reject-Contact',
  k: 'Supported',
  l: 'Content-Length',
  m: 'Contact',
  o: 'Event',
  r: 'Refer-To',
  s: 'Subject',
  t: 'To',
  u: 'Allow-Events',
  v: 'Via',
  x: 'Session-Expires',
};

const KNOWN = [
  'Accept', 'Accept-Contact', 'Accept-Encoding', 'Accept-Language', 'Alert-Info', 'Allow', 'Allow-Events',
  'Authentication-Info', 'Authorization', 'Call-ID', 'Call-Info', 'Contact', 'Content-Disposition',
  'Content-Encoding', 'Content-Language', 'Content-Length', 'Content-Type', 'CSeq', 'Date', 'Error-Info',
  'Event', 'Expires', 'Flow-Timer', 'From', 'In-Reply-To', 'Max-Forwards', 'Min-Expires', 'MIME-Version',
  'Organization', 'Path', 'Priority', 'Proxy-Authenticate', 'Proxy-Authorization', 'Proxy-Require',
  'Record-Route', 'Refer-To', 'Referred-By', 'Reject-Contact', 'Reply-To', 'Request-Disposition', 'Require',
  'Retry-After', 'Route', 'Server', 'Service-Route', 'Session-Expires', 'Subject', 'Subscription-State',
  'Supported', 'Timestamp', 'To', 'Unsupported', 'User-Agent', 'Via', 'Warning', 'WWW-Authenticate',
];

const CANONICAL = new Map(KNOWN.map((name) => [name.toLowerCase(), name]));

// Headers whose grammar is a comma-separated list (RFC 3261 §7.3.1); others keep commas.
const LIST_HEADERS = new Set(
  [
    'Accept', 'Accept-Contact', 'Accept-Encoding', 'Accept-Language', 'Allow', 'Allow-Events', 'Contact',
    'Content-Encoding', 'Content-Language', 'In-Reply-To', 'Path', 'Proxy-Require', 'Record-Route',
    'Reject-Contact', 'Require', 'Route', 'Service-Route', 'Supported', 'Unsupported', 'Via',
  ].map((n) => n.toLowerCase()),
);

/** Expands a compact form and normalises the case of a known header name. */
export function canonicalHeaderName(name: string): string {
  const lower = name.toLowerCase();
  const long = COMPACT[lower] ?? name;
  return CANONICAL.get(long.toLowerCase()) ?? long;
}

export function isListHeader(name: string): boolean {
  return LIST_HEADERS.has(name.toLowerCase());
}

/** Case-insensitive header name comparison, compact forms included (RFC 3261 §7.3.1). */
export function sameHeaderName(a: string, b: string): boolean {
  return canonicalHeaderName(a).toLowerCase() === canonicalHeaderName(b).toLowerCase();
}
