export * from './delivery-udp.options';
export * from './udp-delivery.adapter';
export * from './delivery-udp.handler';
export * from './delivery-udp-feature.module';
