export * from './data-source.factory';
export * from './migration-runner';
export * from './database-readiness';
export * from './migrate-command';
