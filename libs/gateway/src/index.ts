export * from './embedded-gateway.options';
export * from './embedded-services';
export * from './embedded-gateway';
export * from './demo';
