import type { SirDocument } from '@waken/contracts';
import { keyIdFor, keyScopeOf } from '@waken/sir-domain';
import type { ClientProfile } from './client-profile';
import type { DeclineReason } from './sir-decision';

export type KeyChoice = { readonly key: Uint8Array } | { readonly reason: DeclineReason };

/**
 * Picks the key a SIR must verify under (docs/sir-wire-format.md §5). The mode fixes the scope:
 * a SIR that names a device is signed with that device's own key; only a broadcast without
 * identity may use the key every client of the user holds (seed §S9).
 */
export function chooseKey(profile: ClientProfile, sir: SirDocument): KeyChoice {
  const scope = keyScopeOf(sir.keyId);
  if (scope === undefined) return { reason: 'unknown-key' };
  if (sir.mode === 'connected') return { reason: 'unexpected-mode' }; // seed §S10: never gets a SIR
  const wanted = sir.mode === 'broadcast' ? 'user' : 'client';
  if (scope !== wanted) return { reason: 'wrong-key-scope' };
  if (scope === 'user') {
    if (!profile.userKey) return { reason: 'no-user-key' };
    return sir.keyId === profile.userKey.keyId ? { key: profile.userKey.key } : { reason: 'unknown-key' };
  }
  if (sir.keyId === profile.clientKey.keyId) return { key: profile.clientKey.key };
  // seed §S8: a broadcast with identity is signed for the one client it names; the others see its keyId.
  return sir.keyId.startsWith(tenantClientPrefix(profile.tenantId)) ? { reason: 'not-for-me' } : { reason: 'unknown-key' };
}

/** `client:<escaped tenant>/`: the keyIds of every client of our tenant start with it. */
function tenantClientPrefix(tenantId: string): string {
  const sample = keyIdFor('client', tenantId, 'x');
  return sample.slice(0, sample.indexOf('/') + 1);
}
