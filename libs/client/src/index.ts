// C1 receive: a SIR from any bearer (seed §C1, §S6)
export * from './receive/sir-receive.error';
export * from './receive/decoded-sir';
export { decodeSirBody, mediaTypeOf, type SirBody } from './receive/sir-body-decoder';
export { DEVICE_VALUE_HEADER, restoreIdentity } from './receive/identity-fields';
export * from './receive/sip-sir-decoder';
export * from './receive/http-sir-decoder';
export * from './receive/wsp-sir-decoder';
export * from './receive/sms-sir-assembler';
// C2 decide (seed §C2, §S8-S10)
export * from './decide/client-profile';
export * from './decide/sir-decision';
export * from './decide/broadcast-policy';
export { chooseKey, type KeyChoice } from './decide/sir-key-ring';
export * from './decide/sir-decider';
// C3/C4 session protocol (docs/push-session.md)
export * from './session/push-session-protocol';
export * from './session/session-auth';
export * from './session/push-notification';
export * from './session/subscription-state';
export * from './session/push-deduper';
export * from './session/client-info';
// C5 activate
export * from './activate/application-handler';
export * from './activate/application-registry';
