import { DataSource } from 'typeorm';
import { ClientRespondedV1 } from '@waken/contracts';
import { ClientPreferences } from '@waken/registry-domain';
import { EventEnvelope, claimBatch } from '@waken/platform-messaging';
import { affected } from './presence.repository';
import { ReportedInformation } from './reported-information';

// seed §C4/§S12: returned capabilities are merged into the client's (the client's word wins per
// key); preferences it reported in a form the selection understands are merged into its
// preferences; everything else is kept as reported.
const RESPONDED_SQL = `UPDATE registry_client SET
    capabilities = capabilities || $3::jsonb,
    preferences = preferences || $4::jsonb,
    reported = reported || $5::jsonb,
    updated_at = now()
  WHERE tenant_id = $1 AND client_id = $2`;

/** A client's response turned into the three jsonb patches of RESPONDED_SQL. */
export interface ClientResponsePatch {
  capabilities: Record<string, string>;
  preferences: Partial<ClientPreferences>;
  reported: ReportedInformation;
}

/** Stores what clients returned, once per event id (claimBatch in the same transaction). */
export class ClientResponseRepository {
  constructor(private readonly ds: DataSource) {}

  /** Returns how many clients were updated; a response of an unknown client changes nothing. */
  async store(consumer: string, batch: EventEnvelope<ClientRespondedV1>[], patchOf: (e: ClientRespondedV1) => ClientResponsePatch): Promise<number> {
    return this.ds.transaction(async (manager) => {
      let changed = 0;
      for (const e of await claimBatch(manager, consumer, batch)) {
        const patch = patchOf(e.payload);
        const params = [e.payload.tenantId, e.payload.clientId, patch.capabilities, patch.preferences, patch.reported].map((p) => (typeof p === 'object' ? JSON.stringify(p) : p));
        changed += affected(await manager.query(RESPONDED_SQL, params));
      }
      return changed;
    });
  }
}
