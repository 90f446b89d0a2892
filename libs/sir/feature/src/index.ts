export * from './sir-composer.options';
export * from './sir-composer.handler';
export * from './sir-composer-feature.module';
