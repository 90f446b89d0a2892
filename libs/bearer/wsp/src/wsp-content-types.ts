import { codeTable } from './code-table';

/**
 * Well-known media types, WAP-230-WSP Table 40 / OMNA registry (wsp-wdp-sms.md §6). Names as
 * TShark prints them (checked code by code in wsp-tshark.int-spec.ts). Other tables name
 * 0x0A/0x16 after the WTA event types and spell 0x0E `byterantes`; those are accepted as aliases.
 * Encoded as a Short-integer: octet = 0x80 | code.
 */
export const WSP_CONTENT_TYPES = codeTable([
  '*/*', 'text/*', 'text/html', 'text/plain', 'text/x-hdml', 'text/x-ttml', 'text/x-vCalendar', 'text/x-vCard',
  'text/vnd.wap.wml', 'text/vnd.wap.wmlscript', 'text/vnd.wap.channel', 'multipart/*', 'multipart/mixed',
  'multipart/form-data', 'multipart/byteranges', 'multipart/alternative', 'application/*', 'application/java-vm',
  'application/x-www-form-urlencoded', 'application/x-hdmlc', 'application/vnd.wap.wmlc',
  'application/vnd.wap.wmlscriptc', 'application/vnd.wap.channelc', 'application/vnd.wap.uaprof',
  'application/vnd.wap.wtls-ca-certificate', 'application/vnd.wap.wtls-user-certificate',
  'application/x-x509-ca-cert', 'application/x-x509-user-cert', 'image/*', 'image/gif', 'image/jpeg', 'image/tiff',
  'image/png', 'image/vnd.wap.wbmp', 'application/vnd.wap.multipart.*', 'application/vnd.wap.multipart.mixed',
  'application/vnd.wap.multipart.form-data', 'application/vnd.wap.multipart.byteranges',
  'application/vnd.wap.multipart.alternative', 'application/xml', 'text/xml', 'application/vnd.wap.wbxml',
  'application/x-x968-cross-cert', 'application/x-x968-ca-cert', 'application/x-x968-user-cert',
  'text/vnd.wap.si', 'application/vnd.wap.sic', 'text/vnd.wap.sl', 'application/vnd.wap.slc', 'text/vnd.wap.co',
  'application/vnd.wap.coc', 'application/vnd.wap.multipart.related', 'application/vnd.wap.sia',
  'text/vnd.wap.connectivity-xml', 'application/vnd.wap.connectivity-wbxml', 'application/pkcs7-mime',
  'application/vnd.wap.hashed-certificate', 'application/vnd.wap.signed-certificate',
  'application/vnd.wap.cert-response', 'application/xhtml+xml', 'application/wml+xml', 'text/css',
  'application/vnd.wap.mms-message', 'application/vnd.wap.rollover-certificate', 'application/vnd.wap.locc+wbxml',
  'application/vnd.wap.loc+xml', 'application/vnd.syncml.dm+wbxml', 'application/vnd.syncml.dm+xml',
  'application/vnd.syncml.notification', 'application/vnd.wap.xhtml+xml', 'application/vnd.wv.csp.cir',
  'application/vnd.oma.dd+xml', 'application/vnd.oma.drm.message', 'application/vnd.oma.drm.content',
  'application/vnd.oma.drm.rights+xml', 'application/vnd.oma.drm.rights+wbxml',
], {
  'text/vnd.wap.wta-event': 0x0a,
  'multipart/byterantes': 0x0e,
  'application/vnd.wap.wta-eventc': 0x16,
});
