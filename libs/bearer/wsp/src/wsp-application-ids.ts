import { codeTableFrom } from './code-table';

const WAP = 'x-wap-application:';
const OMA = 'x-oma-application:';

/**
 * OMNA Push Application IDs (wsp-wdp-sms.md §6). push.sia is 0x01, not 0x04 (spec README
 * correction); 0x10-0x16 come from Kannel only.
 */
export const WSP_APPLICATION_IDS = codeTableFrom([
  [0x00, `${WAP}*`],
  [0x01, `${WAP}push.sia`],
  [0x02, `${WAP}wml.ua`],
  [0x03, `${WAP}wta.ua`],
  [0x04, `${WAP}mms.ua`],
  [0x05, `${WAP}push.syncml`],
  [0x06, `${WAP}loc.ua`],
  [0x07, `${WAP}syncml.dm`],
  [0x08, `${WAP}drm.ua`],
  [0x09, `${WAP}emn.ua`],
  [0x0a, `${WAP}wv.ua`],
  [0x10, `${OMA}ulp.ua`],
  [0x11, `${OMA}dlota.ua`],
  [0x12, `${OMA}java-ams`],
  [0x13, `${OMA}bcast.ua`],
  [0x14, `${OMA}dpe.ua`],
  [0x15, `${OMA}cpm:ua`],
  [0x16, `${OMA}evvm.ua`],
]);
