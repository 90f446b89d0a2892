export * from './delivery-sip.options';
export * from './sip-outcome';
export * from './sip-delivery.adapter';
export * from './delivery-sip.handler';
export * from './delivery-sip-feature.module';
