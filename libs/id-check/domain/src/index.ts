export * from './wake-plan';
export * from './wake-planner';
export * from './wake-route';
export * from './activation-address';
export * from './device-identity-choice';
export * from './sir-request-id';
