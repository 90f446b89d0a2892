// SIR → per-bearer wire forms (seed §S6, claims 3, 10)
export * from './encapsulation.error';
export * from './encapsulation.options';
export { transactionIdFor, concatReferenceFor } from './derived-ids';
export * from './sir-payload';
export * from './wsp-sir-push';
export * from './sms-segments';
export * from './udp-address';
export * from './sip-wakeup';
export { sipRequestUri } from './sip-request-uri';
export * from './http-wakeup';
export * from './delivery-request';
export * from './sip-wire-message';
// Push content itself (SI/SL/CO as WBXML in a WSP push to wml.ua)
export * from './push-content';
// Fallback between activation methods (seed §S2) and the session deadline
export * from './fallback-tracker';
// Adapters to network elements we cannot run here: USSD, CSD (PPP), GPRS/UMTS (GTP-U)
export * from './adapters/gsm7-ussd';
export * from './adapters/ussd-sir';
export * from './adapters/ipv4-udp-packet';
export * from './adapters/ppp-frame';
export * from './adapters/gtpu-gpdu';
export * from './adapters/network-wakeups';
// The terminal side, for the CLI and tests: wire forms back to what they carry
export * from './content-view';
export * from './wakeup-inspector';
