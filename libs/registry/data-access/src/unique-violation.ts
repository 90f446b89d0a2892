import { QueryFailedError } from 'typeorm';
import { RegistryConflict } from './registry-conflict.error';

const UNIQUE_VIOLATION = '23505'; // PostgreSQL SQLSTATE unique_violation

/**
 * Runs a write and turns a unique violation into a RegistryConflict naming what is taken.
 * The database is the judge (STYLE.md: a unique key where the effect happens), not a
 * read-before-write that two concurrent requests would both pass.
 */
export async function withConflictsNamed<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw conflictOf(error) ?? error;
  }
}

function conflictOf(error: unknown): RegistryConflict | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driver = error.driverError as { code?: string; constraint?: string; detail?: string };
  if (driver.code !== UNIQUE_VIOLATION) return undefined;
  if (driver.constraint === 'registry_user_identity_unique') {
    return new RegistryConflict('user', 'a user with this public user identity already exists');
  }
  if (driver.constraint === 'device_identity_pkey') {
    // detail: Key (tenant_id, kind, value)=(t, uuid, urn:uuid:...) already exists.
    const taken = /=\([^,]*, ([^,]+), (.*)\) already exists/.exec(driver.detail ?? '');
    const what = taken ? `device identity ${taken[1]} ${taken[2]}` : 'a device identity';
    return new RegistryConflict('device-identity', `${what} is already registered to a client`);
  }
  if (driver.constraint === 'registry_client_pkey') {
    return new RegistryConflict('client', 'a client with this client id already exists');
  }
  return undefined;
}
