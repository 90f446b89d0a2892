export * from './encapsulator';
export * from './delivery';
