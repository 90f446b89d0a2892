import { codeTable, codeTableFrom } from './code-table';

/** WSP well-known header field names, WAP-230 Table 39 (wsp-wdp-sms.md §6; Wireshark `FN_*`). */
export const WSP_HEADER_NAMES = codeTable([
  'Accept', 'Accept-Charset', 'Accept-Encoding', 'Accept-Language', 'Accept-Ranges', 'Age', 'Allow',
  'Authorization', 'Cache-Control', 'Connection', 'Content-Base', 'Content-Encoding', 'Content-Language',
  'Content-Length', 'Content-Location', 'Content-MD5', 'Content-Range', 'Content-Type', 'Date', 'Etag', 'Expires',
  'From', 'Host', 'If-Modified-Since', 'If-Match', 'If-None-Match', 'If-Range', 'If-Unmodified-Since', 'Location',
  'Last-Modified', 'Max-Forwards', 'Pragma', 'Proxy-Authenticate', 'Proxy-Authorization', 'Public', 'Range',
  'Referer', 'Retry-After', 'Server', 'Transfer-Encoding', 'Upgrade', 'User-Agent', 'Vary', 'Via', 'Warning',
  'WWW-Authenticate', 'Content-Disposition', 'X-Wap-Application-Id', 'X-Wap-Content-URI', 'X-Wap-Initiator-URI',
  'Accept-Application', 'Bearer-Indication', 'Push-Flag', 'Profile', 'Profile-Diff', 'Profile-Warning', 'Expect',
  'TE', 'Trailer', 'Accept-Charset', 'Accept-Encoding', 'Cache-Control', 'Content-Range', 'X-Wap-Tod',
  'Content-ID', 'Set-Cookie', 'Cookie', 'Encoding-Version', 'Profile-Warning', 'Content-Disposition',
  'X-Wap-Security', 'Cache-Control',
]);

/** Header codes this codec gives a typed value (the rest are carried as text, integer or raw bytes). */
export const HEADER = {
  contentType: 0x11,
  applicationId: 0x2f,
  contentUri: 0x30,
  initiatorUri: 0x31,
  acceptApplication: 0x32,
  bearerIndication: 0x33,
  pushFlag: 0x34,
  encodingVersion: 0x43,
} as const;

/** Well-known parameter tokens we type (WAP-230 Table 38); others travel as untyped parameters. */
export const PARAM = { charset: 0x01 } as const;

/** IANA MIBenum charsets used with the Charset parameter (`81 EA` = charset=utf-8, §5). */
export const CHARSETS = codeTableFrom([
  [0x03, 'us-ascii'],
  [0x04, 'iso-8859-1'],
  [0x05, 'iso-8859-2'],
  [0x06, 'iso-8859-3'],
  [0x07, 'iso-8859-4'],
  [0x08, 'iso-8859-5'],
  [0x09, 'iso-8859-6'],
  [0x0a, 'iso-8859-7'],
  [0x0b, 'iso-8859-8'],
  [0x0c, 'iso-8859-9'],
  [0x11, 'shift_jis'],
  [0x6a, 'utf-8'],
  [0x3e8, 'iso-10646-ucs-2'],
  [0x3f7, 'utf-16'],
  [0x7e9, 'gb2312'],
  [0x7ea, 'big5'],
]);
