export * from './demo-account';
export * from './run-demo';
