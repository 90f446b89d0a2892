import type { SirDocument } from '@waken/contracts';
import { signSir } from '@waken/sir-domain';
import { NOW, PPG, profileFor, sirFor, type DeviceName } from '../testing/client-fixtures';
import type { BroadcastPolicy } from './broadcast-policy';
import type { ClientProfile } from './client-profile';
import { SirDecider } from './sir-decider';

const later = (ms: number) => () => new Date(NOW.getTime() + ms);

function decider(device: DeviceName, options: { profile?: Partial<ClientProfile>; policy?: BroadcastPolicy; at?: number } = {}) {
  return new SirDecider({ profile: profileFor(device, options.profile), policy: options.policy, now: later(options.at ?? 1_000) });
}

const idle = { connected: false };

describe('SirDecider (seed §C2, reliability.md S4)', () => {
  describe('a targeted SIR (seed §S7)', () => {
    it('connects the device it names', async () => {
      const decision = await decider('phone').decide(sirFor('targeted', 'phone'), idle);
      expect(decision).toMatchObject({ connect: true, reason: 'identity-match' });
    });

    it('refuses a forged SIR: changed after signing', async () => {
      const forged: SirDocument = { ...sirFor('targeted', 'phone'), ppgAddress: 'sip:evil@attacker.example' };
      const decision = await decider('phone', { profile: { trustedPpgAddresses: [PPG, 'sip:evil@attacker.example'] } }).decide(forged, idle);
      expect(decision).toMatchObject({ connect: false, reason: 'bad-signature', authentic: false });
    });

    it('refuses a SIR signed with another master secret', async () => {
      const forged = sirFor('targeted', 'phone', {}, { master: new Uint8Array(32).fill(1) });
      expect(await decider('phone').decide(forged, idle)).toMatchObject({ connect: false, reason: 'bad-signature' });
    });

    it('refuses an expired SIR and one not yet valid', async () => {
      const sir = sirFor('targeted', 'phone');
      expect(await decider('phone', { at: 301_000 + 30_000 }).decide(sir, idle)).toMatchObject({ connect: false, reason: 'expired' });
      expect(await decider('phone', { at: -31_000 }).decide(sir, idle)).toMatchObject({ connect: false, reason: 'not-yet-valid' });
    });

    it('refuses a replay, also across bearers sharing the cache', async () => {
      const d = decider('phone');
      const sir = sirFor('targeted', 'phone');
      expect(await d.decide(sir, idle)).toMatchObject({ connect: true });
      expect(await d.decide(sir, idle)).toMatchObject({ connect: false, reason: 'replayed' });
      const recomposed = { ...sir, nonce: 'another-nonce-1' };
      const resigned = { ...recomposed, signature: signSir(recomposed, profileFor('phone').clientKey.key) };
      expect(await d.decide(resigned, idle)).toMatchObject({ connect: false, reason: 'replayed' });
    });

    it('refuses a SIR that sends it to an untrusted PPG', async () => {
      const sir = sirFor('targeted', 'phone', {}, { ppgAddress: 'sip:ppg@elsewhere.example' });
      expect(await decider('phone').decide(sir, idle)).toMatchObject({ connect: false, reason: 'untrusted-ppg' });
    });

    it('refuses a trusted PPG its subscription does not name (seed §C2)', async () => {
      const other = 'sip:ppg2@example.com';
      const sir = sirFor('targeted', 'phone', {}, { ppgAddress: other });
      const d = decider('phone', { profile: { trustedPpgAddresses: [PPG, other], subscribedPpgAddresses: [PPG] } });
      expect(await d.decide(sir, idle)).toMatchObject({ connect: false, reason: 'unsubscribed-ppg', authentic: true });
    });

    it('ignores a SIR naming another device of the same user', async () => {
      expect(await decider('laptop').decide(sirFor('targeted', 'phone'), idle)).toMatchObject({ connect: false, reason: 'not-for-me' });
    });

    it('ignores a SIR for another public user identity', async () => {
      const sir = sirFor('targeted', 'phone', { publicUserIdentity: 'sip:someone-else@example.com' });
      expect(await decider('phone').decide(sir, idle)).toMatchObject({ connect: false, reason: 'other-user' });
    });

    it('refuses a targeted SIR signed with the shared user key (another device of the user could forge it)', async () => {
      const profile = profileFor('phone');
      const sir = sirFor('targeted', 'phone');
      const unsigned = { ...sir, keyId: profile.userKey?.keyId ?? '' };
      const bad = { ...unsigned, signature: signSir(unsigned, profile.userKey?.key ?? new Uint8Array()) };
      expect(await decider('phone').decide(bad, idle)).toMatchObject({ connect: false, reason: 'wrong-key-scope' });
    });

    it('does not connect again when already connected: the wake-up was not needed (seed §S10)', async () => {
      const decision = await decider('phone').decide(sirFor('targeted', 'phone'), { connected: true });
      expect(decision).toMatchObject({ connect: false, reason: 'already-connected', authentic: true });
    });
  });

  describe('a broadcast SIR with identity (seed §S8)', () => {
    it('wakes exactly the named device of three', async () => {
      const sir = sirFor('broadcast-identity', 'laptop');
      const decisions = await Promise.all((['phone', 'laptop', 'desktop'] as const).map((d) => decider(d).decide(sir, idle)));
      expect(decisions.map((d) => d.connect)).toEqual([false, true, false]);
      expect(decisions.map((d) => d.reason)).toEqual(['not-for-me', 'identity-match', 'not-for-me']);
    });

    it('matches the GRUU it learned at registration as well as its instance id', async () => {
      const sir = sirFor('broadcast-identity', 'laptop');
      const d = decider('laptop', { profile: { identities: [] } });
      const gruu = sir.deviceIdentity?.value ?? '';
      expect(await d.decide(sir, { connected: false, identities: [{ kind: 'gruu', value: gruu }] })).toMatchObject({ connect: true });
    });
  });

  describe('a broadcast SIR without identity (seed §S9)', () => {
    const broadcast = () => sirFor('broadcast', undefined);

    it('connects by default, verified with the user key', async () => {
      expect(await decider('desktop').decide(broadcast(), idle)).toMatchObject({ connect: true, reason: 'policy-accepted' });
    });

    it('is refused without a user key', async () => {
      expect(await decider('desktop', { profile: { userKey: undefined } }).decide(broadcast(), idle)).toMatchObject({ reason: 'no-user-key' });
    });

    it.each<[string, BroadcastPolicy, string]>([
      ['security forbids unidentified wake-ups', { security: { allowUnidentified: false } }, 'policy-security'],
      ['the device cannot run the application', { capabilities: { applications: ['x-wap-application:mms.ua'] } }, 'policy-capabilities'],
      ['the user turned broadcast wake-ups off', { preferences: { wakeOnBroadcast: false } }, 'policy-preferences'],
      ['the user wants other applications only', { preferences: { applications: ['x-wap-application:mms.ua'] } }, 'policy-preferences'],
    ])('declines when %s', async (_what, policy, reason) => {
      expect(await decider('phone', { policy }).decide(broadcast(), idle)).toMatchObject({ connect: false, reason, authentic: true });
    });

    it('connects when the device runs the application and the user wants it', async () => {
      const policy = { capabilities: { applications: ['X-WAP-Application:wml.ua'] }, preferences: { applications: ['x-wap-application:wml.ua'] } };
      expect(await decider('phone', { policy }).decide(broadcast(), idle)).toMatchObject({ connect: true, reason: 'policy-accepted' });
    });

    it('asks the user last, and follows the answer', async () => {
      const asked: string[] = [];
      const ask = (answer: boolean) => async (sir: SirDocument) => (asked.push(sir.sirId), answer);
      expect(await decider('phone', { policy: { askUser: ask(true) } }).decide(broadcast(), idle)).toMatchObject({ reason: 'user-accepted' });
      expect(await decider('phone', { policy: { askUser: ask(false) } }).decide(broadcast(), idle)).toMatchObject({ reason: 'user-declined' });
      const vetoed = { security: { allowUnidentified: false }, askUser: ask(true) };
      expect(await decider('phone', { policy: vetoed }).decide(broadcast(), idle)).toMatchObject({ reason: 'policy-security' });
      expect(asked).toHaveLength(2);
    });

    it('counts no answer in time, or a failing prompt, as no', async () => {
      const never = { askUser: () => new Promise<boolean>(() => undefined), userDecisionTimeoutMs: 20 };
      expect(await decider('phone', { policy: never }).decide(broadcast(), idle)).toMatchObject({ reason: 'user-declined' });
      const failing = { askUser: () => Promise.reject(new Error('no UI')) };
      expect(await decider('phone', { policy: failing }).decide(broadcast(), idle)).toMatchObject({ reason: 'user-declined' });
    });

    it('refuses a broadcast of another user whose key it does not hold', async () => {
      const other = sirFor('broadcast', undefined, { publicUserIdentity: 'sip:other@example.com' });
      expect(await decider('phone').decide(other, idle)).toMatchObject({ connect: false, reason: 'other-user' });
    });
  });

  it('refuses an unknown key id and a SIR of mode connected', async () => {
    const sir = sirFor('targeted', 'phone');
    const unknown = { ...sir, keyId: 'hsm:1' };
    expect(await decider('phone').decide(unknown, idle)).toMatchObject({ reason: 'unknown-key' });
    const connected = { ...sir, mode: 'connected' as const };
    expect(await decider('phone').decide(connected, idle)).toMatchObject({ reason: 'unexpected-mode' });
  });
});
