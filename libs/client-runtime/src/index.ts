// The socket side of the client SDK (seed §C1, §C3): SIP hub, push session, device, receivers.
export * from './sip/sip-device-hub';
export * from './session/sip-push-session';
export * from './session/push-session-context';
export * from './session/session-refused.error';
export * from './session/rejection-sender';
export { readNotify, type NotifyReading } from './session/notify-reader';
export * from './device/device-stats';
export * from './device/device-sessions';
export * from './device/sip-registration-keeper';
export * from './device/waken-device-options';
export * from './device/waken-device';
export * from './receivers/udp-sir-receiver';
export * from './receivers/http-sir-receiver';
