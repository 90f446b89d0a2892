export * from './delivery-http.options';
export * from './http-outcome';
export * from './private-address-guard';
export * from './http-push-exchange';
export * from './http-delivery.adapter';
export * from './delivery-http.handler';
export * from './delivery-http-feature.module';
