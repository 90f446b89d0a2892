/** PAP `message-state` values (pap.md §7; Kannel parse_state plus BlackBerry rejected/unknown). */
export const PAP_MESSAGE_STATES = [
  'rejected',
  'pending',
  'delivered',
  'undeliverable',
  'expired',
  'aborted',
  'timeout',
  'cancelled',
  'unknown',
] as const;

export type PapMessageState = (typeof PAP_MESSAGE_STATES)[number];

/** States after which nothing changes any more (reliability.md: terminal states). */
export const PAP_FINAL_MESSAGE_STATES: readonly PapMessageState[] = [
  'rejected',
  'delivered',
  'undeliverable',
  'expired',
  'aborted',
  'timeout',
  'cancelled',
];

export function isPapMessageState(value: string): value is PapMessageState {
  return (PAP_MESSAGE_STATES as readonly string[]).includes(value);
}

export function isFinalPapMessageState(state: PapMessageState): boolean {
  return PAP_FINAL_MESSAGE_STATES.includes(state);
}
