export * from './wsp-push';
export * from './wsp-push.codec';
export * from './wsp-content-types';
export * from './wsp-application-ids';
export { WSP_HEADER_NAMES, CHARSETS } from './wsp-header-names';
export type { CodeTable } from './code-table';
export * from './sms-user-data';
export * from './segment-reassembler';
export * from './wap-push-over-sms';
