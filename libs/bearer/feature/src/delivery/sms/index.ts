export * from './delivery-sms.options';
export * from './sms-outcome';
export * from './sms-receipt-tracker';
export * from './sms-delivery.adapter';
export * from './delivery-sms.handler';
export * from './delivery-sms-feature.module';
