import { DynamicModule, Module } from '@nestjs/common';
import { SirComposerHandler } from './sir-composer.handler';
import { SIR_COMPOSER_OPTIONS, SirComposerOptions } from './sir-composer.options';

/** The sir-composer service (seed S5), the same in its own process and in the embedded mode. */
@Module({})
export class SirComposerFeatureModule {
  static forRoot(options: SirComposerOptions): DynamicModule {
    return {
      module: SirComposerFeatureModule,
      controllers: [SirComposerHandler],
      providers: [{ provide: SIR_COMPOSER_OPTIONS, useValue: options }],
    };
  }
}
