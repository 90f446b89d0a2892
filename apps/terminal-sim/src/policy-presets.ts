import type { BroadcastPolicy } from '@waken/client';

/**
 * seed §S9, per device of a user (index 0 is the "primary" device):
 * - accept: every device connects (the prior art's behaviour, the client's default);
 * - decline: the chosen preference turns broadcast wake-ups off;
 * - primary: only device 0 connects, the others' security refuses unidentified wake-ups;
 * - user-yes / user-no: the (simulated) user is asked and says yes / no;
 * - mixed: devices cycle through accept, decline, user-yes.
 */
export const POLICY_PRESETS = ['accept', 'decline', 'primary', 'user-yes', 'user-no', 'mixed'] as const;
export type PolicyPreset = (typeof POLICY_PRESETS)[number];

export function isPolicyPreset(text: string): text is PolicyPreset {
  return (POLICY_PRESETS as readonly string[]).includes(text);
}

const ACCEPT: BroadcastPolicy = {};
const DECLINE: BroadcastPolicy = { preferences: { wakeOnBroadcast: false } };
const USER_YES: BroadcastPolicy = { askUser: async () => true };
const USER_NO: BroadcastPolicy = { askUser: async () => false };

export function policyFor(preset: PolicyPreset, deviceIndex: number): BroadcastPolicy {
  switch (preset) {
    case 'accept':
      return ACCEPT;
    case 'decline':
      return DECLINE;
    case 'primary':
      return deviceIndex === 0 ? ACCEPT : { security: { allowUnidentified: false } };
    case 'user-yes':
      return USER_YES;
    case 'user-no':
      return USER_NO;
    case 'mixed':
      return [ACCEPT, DECLINE, USER_YES][deviceIndex % 3];
  }
}
