import { randomUUID } from 'node:crypto';
import { IncomingSipRequest, SipEndpoint, SipPeer, SipRegistration } from '@waken/bearer-sip-transport';

/** The Kamailio the integration specs use (127.0.0.1:15060 unless KAMAILIO_HOST/KAMAILIO_PORT say otherwise). */
export function kamailioPeer(transport: SipPeer['transport'] = 'udp'): SipPeer {
  return { transport, host: process.env.KAMAILIO_HOST ?? '127.0.0.1', port: Number(process.env.KAMAILIO_PORT ?? 15060) };
}

/** A terminal registered under an AOR with its own +sip.instance (RFC 5627), answering 200 to MESSAGE. */
export class SipDevice {
  readonly inbox: IncomingSipRequest[] = [];
  readonly instanceId = `urn:uuid:${randomUUID()}`;
  private registration?: SipRegistration;

  private constructor(readonly endpoint: SipEndpoint) {
    endpoint.onRequest((incoming) => {
      this.inbox.push(incoming);
      incoming.respond(200, 'OK');
    });
  }

  static async register(host: string, aor: string): Promise<SipDevice> {
    const device = new SipDevice(await SipEndpoint.open({ host, outboundProxy: kamailioPeer(), timers: { timeoutMs: 8000 } }));
    try {
      device.registration = await device.endpoint.register({ aor, instanceId: device.instanceId, expires: 300, regId: 1 });
      return device;
    } catch (e) {
      await device.endpoint.close();
      throw e;
    }
  }

  get pubGruu(): string {
    return this.registration?.pubGruu as string;
  }

  async close(): Promise<void> {
    if (this.registration) await this.endpoint.unregister({ aor: this.registration.aor, instanceId: this.instanceId }).catch(() => undefined);
    await this.endpoint.close();
  }
}
