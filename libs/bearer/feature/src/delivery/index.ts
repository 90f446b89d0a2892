export * from './common';
export * from './sip';
export * from './sms';
export * from './udp';
export * from './http';
