import { HttpSirReceiver, SipDeviceHub, type WakenDevice } from '@waken/client-runtime';

export interface NetworkSettings {
  readonly hostBase: string;
  readonly hostCount: number;
  readonly devicesPerSocket: number;
  readonly proxy: { readonly host: string; readonly port: number };
  readonly http: boolean;
}

/**
 * The fleet's sockets: one SIP hub per `devicesPerSocket` devices, spread over loopback hosts
 * (127.0.0.2, .3, ...), and one HTTP receiver per host when the HTTP bearer is on.
 */
export class FleetNetwork {
  private readonly hubs: SipDeviceHub[] = [];
  private readonly http = new Map<string, HttpSirReceiver>();
  private readonly byKey = new Map<string, WakenDevice>();

  constructor(private readonly settings: NetworkSettings) {}

  get socketCount(): number {
    return this.hubs.length * 4 + this.http.size; // each hub: UDP + TCP for the proxied and the direct endpoint
  }

  /** The hub for the n-th device, opened on first use. */
  async hubFor(deviceIndex: number): Promise<SipDeviceHub> {
    const index = Math.floor(deviceIndex / this.settings.devicesPerSocket);
    while (this.hubs.length <= index) {
      const host = this.hostFor(this.hubs.length);
      this.hubs.push(await SipDeviceHub.open({ host, proxy: { transport: 'udp', ...this.settings.proxy }, timers: { timeoutMs: 16_000 } }));
    }
    return this.hubs[index];
  }

  /** `http://host:port/push/<key>`, when the HTTP bearer is on. */
  async httpUrlFor(hub: SipDeviceHub, key: string, device: WakenDevice): Promise<string | undefined> {
    if (!this.settings.http) return undefined;
    const host = hub.proxied.host;
    let receiver = this.http.get(host);
    if (!receiver) {
      receiver = await HttpSirReceiver.open({ host, resolve: (k) => this.byKey.get(k) });
      this.http.set(host, receiver);
    }
    this.byKey.set(key, device);
    return `http://${host}:${receiver.port}/push/${encodeURIComponent(key)}`;
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.hubs.map((h) => h.close()), ...[...this.http.values()].map((r) => r.close())]);
  }

  private hostFor(hubIndex: number): string {
    const parts = this.settings.hostBase.split('.').map(Number);
    const last = parts[3] + (hubIndex % this.settings.hostCount);
    if (last > 254) throw new RangeError(`host ${this.settings.hostBase} + ${hubIndex % this.settings.hostCount} leaves the /24`);
    return [parts[0], parts[1], parts[2], last].join('.');
  }
}
