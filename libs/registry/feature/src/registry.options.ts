import { DataSource } from 'typeorm';
import { AdminToken } from './http/admin-tokens';

export const REGISTRY_OPTIONS = Symbol('REGISTRY_OPTIONS');

export interface RegistryOptions {
  /** Initialised by the app; migrations are run separately (`migrate`). */
  dataSource: DataSource;
  /** Master secret of the SIR keys (≥ 16 bytes); each client's key is derived from it. */
  sirMasterKey: Uint8Array;
  /** Administration tokens, one or more per tenant (REGISTRY_ADMIN_TOKENS). */
  adminTokens: AdminToken[];
  /** Inbox name of the idempotent consumers; defaults to 'registry'. */
  consumerName?: string;
}
