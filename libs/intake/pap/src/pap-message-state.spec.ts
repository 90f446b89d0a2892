import { isFinalPapMessageState, isPapMessageState, PAP_MESSAGE_STATES } from './pap-message-state';

describe('PAP message states (pap.md §7)', () => {
  it('lists the nine states', () => {
    expect(PAP_MESSAGE_STATES).toEqual([
      'rejected',
      'pending',
      'delivered',
      'undeliverable',
      'expired',
      'aborted',
      'timeout',
      'cancelled',
      'unknown',
    ]);
  });

  it('recognises states case-sensitively', () => {
    expect(isPapMessageState('delivered')).toBe(true);
    expect(isPapMessageState('Delivered')).toBe(false);
    expect(isPapMessageState('sent')).toBe(false);
  });

  it('treats only pending and unknown as non-final', () => {
    expect(PAP_MESSAGE_STATES.filter((s) => !isFinalPapMessageState(s))).toEqual(['pending', 'unknown']);
  });
});
