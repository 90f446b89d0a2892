export * from './config-error';
export * from './env-reader';
export * from './platform-config';
