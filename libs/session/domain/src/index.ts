// Protocol values and limits (docs/push-session.md)
export * from './session-limits';
// Bodies: client info (seed §C4) in SUBSCRIBE, pushes in NOTIFY
export * from './session-body.error';
export * from './client-info';
export * from './client-info-codec';
export * from './push-notification';
export * from './push-notification-codec';
// Session auth (X-Waken-Auth)
export * from './session-auth';
export * from './session-auth-verifier';
// SUBSCRIBE reading
export * from './client-ref';
export * from './subscribe-request';
export * from './subscribe-refusal';
export * from './subscribe-reader';
// Session state (seed §C3) and the pending queue (seed §S10)
export * from './session-state.error';
export * from './push-session';
export * from './subscription-state';
export * from './pending-push';
export * from './pending-queue';
