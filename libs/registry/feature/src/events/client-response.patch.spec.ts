import { ClientRespondedV1 } from '@waken/contracts';
import { clientResponsePatch } from './client-response.patch';

const response = (preferences: Record<string, string>): ClientRespondedV1 => ({ ...ClientRespondedV1.example, preferences });

describe('clientResponsePatch (seed §C4)', () => {
  it('takes over the preferences the selection understands', () => {
    const patch = clientResponsePatch(response({ 'content-types': 'text/plain, application/vnd.wap.sic', applications: 'x-wap-application:wml.ua', 'opt-out': 'TRUE', theme: 'dark' }));
    expect(patch.preferences).toEqual({ contentTypes: ['text/plain', 'application/vnd.wap.sic'], applications: ['x-wap-application:wml.ua'], optedOut: true });
    expect(patch.reported.preferences).toEqual({ 'content-types': 'text/plain, application/vnd.wap.sic', applications: 'x-wap-application:wml.ua', 'opt-out': 'TRUE', theme: 'dark' });
  });

  it('ignores malformed preference values but still reports them', () => {
    const tooMany = Array.from({ length: 65 }, (_, i) => `t/${i}`).join(',');
    const patch = clientResponsePatch(response({ 'content-types': tooMany, applications: 'a b', 'opt-out': 'maybe' }));
    expect(patch.preferences).toEqual({});
    expect(patch.reported.preferences?.['opt-out']).toBe('maybe');
  });

  it('keeps a rejection and the security and subscription information', () => {
    const patch = clientResponsePatch({ ...ClientRespondedV1.example, rejection: 'user declined', security: { tls: '1.3' }, subscription: { plan: 'gold' } });
    expect(patch.reported).toMatchObject({ rejection: 'user declined', security: { tls: '1.3' }, subscription: { plan: 'gold' } });
  });
});
