import { EnvReader } from '@waken/platform-config';
import { loadEncapsulatorConfig } from './encapsulator.config';

describe('loadEncapsulatorConfig', () => {
  it('defaults: JSON bodies, Accept-Contact push.sia, no session deadline, port 3015', () => {
    const config = loadEncapsulatorConfig(new EnvReader({}));
    expect(config.platform).toMatchObject({ serviceName: 'encapsulator', httpPort: 3015 });
    expect(config.feature).toMatchObject({
      encapsulation: { sip: { body: 'json', acceptContact: '*;+g.oma.pusheventapp="push.sia"' }, httpBody: 'json', udpDefaultPort: 2948, sms: { reference16: false } },
      sessionDeadlineMs: undefined,
      maxTrackedSirs: 50000,
    });
  });

  it('reads the options and refuses bad values together', () => {
    const config = loadEncapsulatorConfig(new EnvReader({ SIP_SIR_BODY: 'sia', SIP_ACCEPT_CONTACT: 'none', SESSION_DEADLINE_MS: '30000' }));
    expect(config.feature.encapsulation?.sip).toEqual({ body: 'sia', acceptContact: false });
    expect(config.feature.sessionDeadlineMs).toBe(30000);
    expect(() => loadEncapsulatorConfig(new EnvReader({ SIP_SIR_BODY: 'xml', UDP_DEFAULT_PORT: '0' }))).toThrow(/SIP_SIR_BODY[\s\S]*UDP_DEFAULT_PORT/);
  });
});
