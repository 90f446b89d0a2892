export * from './wait-for';
export * from './test-database';
export * from './test-kafka';
export * from './service-process';
export * from './fuzz-oracle';
