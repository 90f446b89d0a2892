import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { PushInitiatorRepository } from '@waken/intake-data-access';
import { DataSource } from 'typeorm';
import { INTAKE_DATA_SOURCE, INTAKE_OPTIONS, IntakeOptions } from '../intake.options';

/** Allow-all rules of env-seeded PIs (the embedded mode and tests; docs/push-intake.md "Keys"). */
export const SEEDED_PI_RULES = {
  allowedUserPatterns: ['*'],
  allowedApplications: ['*'],
  allowedContentTypes: ['*'],
  trusted: false,
  quotaPerSecond: 1000,
};

/** Stores INTAKE_PI_KEYS at start (hashed), replacing an earlier key of the same PI. */
@Injectable()
export class KeySeeder implements OnModuleInit {
  constructor(
    @Inject(INTAKE_DATA_SOURCE) private readonly ds: DataSource,
    @Inject(INTAKE_OPTIONS) private readonly options: IntakeOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    const initiators = new PushInitiatorRepository();
    for (const k of this.options.seededKeys) {
      await initiators.save(this.ds.manager, { tenantId: k.tenantId, piId: k.piId, ...SEEDED_PI_RULES }, k.apiKey);
    }
  }
}
