export * from './encapsulator.options';
export * from './encapsulator.handler';
export * from './encapsulator-feature.module';
export { requestEventId } from './delivery-request.publisher';
