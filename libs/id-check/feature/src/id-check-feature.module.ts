import { DynamicModule, Module } from '@nestjs/common';
import { IdCheckHandler } from './id-check.handler';
import { ID_CHECK_OPTIONS, IdCheckOptions } from './id-check.options';

/** The id-check service (seed S4), the same in its own process and in the embedded mode. */
@Module({})
export class IdCheckFeatureModule {
  static forRoot(options: IdCheckOptions): DynamicModule {
    return {
      module: IdCheckFeatureModule,
      controllers: [IdCheckHandler],
      providers: [{ provide: ID_CHECK_OPTIONS, useValue: options }],
    };
  }
}
