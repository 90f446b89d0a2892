export * from './common';
export * from './sip';
export * from './sms';
