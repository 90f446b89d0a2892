export * from './run-service';
export * from './test-platform';
