import { DEFAULT_INTAKE_OPTIONS, IntakeOptions } from '../intake.options';
import { IntakeRefusal } from './intake-refusal';
import { PiAuthenticator } from './pi-authenticator';

const KEY = 'k'.repeat(32);
const ROW = { tenant_id: 't', pi_id: 'pi', trusted: false, allowed_user_patterns: ['*'], allowed_applications: ['*'], allowed_content_types: ['*'], quota_per_second: 1000 };

function authenticator(ttlMs: number) {
  const state = { queries: 0, rows: [ROW] as unknown[] };
  const ds = {
    manager: {
      query: async () => {
        state.queries++;
        return state.rows;
      },
    },
  };
  const options = { ...DEFAULT_INTAKE_OPTIONS, piCacheTtlMs: ttlMs } as IntakeOptions;
  return { auth: new PiAuthenticator(ds as never, options), state };
}

describe('PiAuthenticator credential cache', () => {
  afterEach(() => jest.useRealTimers());

  it('asks the database once per key and TTL, then again after it', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const { auth, state } = authenticator(5000);
    for (let i = 0; i < 10; i++) expect((await auth.authenticate({ authorization: `Bearer ${KEY}` })).tenantId).toBe('t');
    expect(state.queries).toBe(1);
    jest.setSystemTime(1_000_000 + 5001);
    state.rows = []; // the key was revoked meanwhile
    await expect(auth.authenticate({ authorization: `Bearer ${KEY}` })).rejects.toMatchObject({ status: 401 });
    expect(state.queries).toBe(2);
  });

  it('never caches an unknown key, and TTL 0 asks every time', async () => {
    const unknown = authenticator(5000);
    unknown.state.rows = [];
    await expect(unknown.auth.authenticate({ authorization: `Bearer ${KEY}` })).rejects.toBeInstanceOf(IntakeRefusal);
    unknown.state.rows = [ROW];
    await expect(unknown.auth.authenticate({ authorization: `Bearer ${KEY}` })).resolves.toMatchObject({ piId: 'pi' });
    expect(unknown.state.queries).toBe(2);
    const uncached = authenticator(0);
    await uncached.auth.authenticate({ authorization: `Bearer ${KEY}` });
    await uncached.auth.authenticate({ authorization: `Bearer ${KEY}` });
    expect(uncached.state.queries).toBe(2);
  });
});
