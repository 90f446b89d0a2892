import { DynamicModule, Module } from '@nestjs/common';
import { PapController } from './http/pap.controller';
import { PapPushService } from './http/pap-push.service';
import { PapQueryService } from './http/pap-query.service';
import { PapRequestService } from './http/pap-request.service';
import { PiAuthenticator } from './http/pi-authenticator';
import { RawBodyInstaller } from './http/raw-body.installer';
import { IntakeMetrics } from './intake-metrics';
import { INTAKE_DATA_SOURCE, INTAKE_OPTIONS, IntakeOptions } from './intake.options';
import { KeySeeder } from './intake/key-seeder';
import { PushAcceptor } from './intake/push-acceptor.service';
import { JsonPushService } from './json/json-push.service';
import { PushesController } from './json/pushes.controller';
import { CapabilityHandler } from './outcome/capability.handler';
import { OutcomeHandler } from './outcome/outcome.handler';
import { OutcomeTracker } from './outcome/outcome-tracker';
import { OutcomeWriter } from './outcome/outcome-writer';
import { ExpirySweeper } from './workers/expiry-sweeper';
import { Notifier } from './workers/notifier';
import { OutboxRelay } from './workers/outbox-relay';

/**
 * push-intake (seed §S1 intake, §S12 responses): PAP and JSON front doors, the push store with
 * its outbox relay and deliver-after scheduler, the outcome tracker, expiry and result
 * notifications. The same module in its own process and in the embedded mode.
 */
@Module({})
export class IntakeFeatureModule {
  static forRoot(options: IntakeOptions): DynamicModule {
    return {
      module: IntakeFeatureModule,
      controllers: [PapController, PushesController, OutcomeHandler, CapabilityHandler],
      providers: [
        { provide: INTAKE_OPTIONS, useValue: options },
        { provide: INTAKE_DATA_SOURCE, useValue: options.dataSource },
        IntakeMetrics,
        RawBodyInstaller,
        KeySeeder,
        PiAuthenticator,
        OutcomeWriter,
        OutboxRelay,
        ExpirySweeper,
        Notifier,
        OutcomeTracker,
        PushAcceptor,
        PapPushService,
        PapQueryService,
        PapRequestService,
        JsonPushService,
      ],
    };
  }
}
