export * from './id-check.options';
export * from './id-check.handler';
export * from './id-check-feature.module';
