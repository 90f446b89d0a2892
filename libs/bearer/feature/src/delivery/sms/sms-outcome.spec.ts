import { SmppCommandError, SmppLinkError, SmppStatus } from '@waken/bearer-smpp';
import { smppErrorOutcome } from './sms-outcome';

describe('SMPP submit failures as delivery outcomes', () => {
  it('retries throttling, a full queue, a system error and a lost link', () => {
    for (const status of [SmppStatus.ESME_RTHROTTLED, SmppStatus.ESME_RMSGQFUL, SmppStatus.ESME_RSYSERR]) {
      expect(smppErrorOutcome(new SmppCommandError('submit_sm', status)).kind).toBe('transient');
    }
    expect(smppErrorOutcome(new SmppLinkError('not bound (reconnecting)')).kind).toBe('transient');
  });

  it('does not retry a permanent refusal or input the SMSC can never accept', () => {
    expect(smppErrorOutcome(new SmppCommandError('submit_sm', 0x0b))).toEqual({ kind: 'undeliverable', detail: 'submit_sm refused 0x0000000b' });
    expect(smppErrorOutcome(new RangeError('segment of 141 octets')).kind).toBe('undeliverable');
  });
});
