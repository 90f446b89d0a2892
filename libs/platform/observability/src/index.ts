export * from './log-context';
export * from './logger';
export * from './nest-logger';
export * from './metrics';
export * from './readiness';
export * from './health.controller';
export * from './observability.module';
