import type { DeviceIdentity } from '@waken/contracts';
import type { IncomingSipRequest, SipRegistration } from '@waken/bearer-sip-transport';
import {
  ApplicationRegistry, decodeHttpSir, decodeSipSir, decodeUdpSir, SirDecider, SirReceiveError, SmsSirAssembler,
  type DecodedSir, type HttpSirInput, type SirDecision,
} from '@waken/client';
import type { SipPushSession } from '../session/sip-push-session';
import { DeviceResponder } from './device-responder';
import { DeviceSessions } from './device-sessions';
import { DeviceStats, type DeviceReport } from './device-stats';
import { SipRegistrationKeeper } from './sip-registration-keeper';
import type { SirOutcome, WakenDeviceOptions } from './waken-device-options';

const MAX_LEARNED = 8;
/** sip-push.md §5: the terminal advertises the push application it handles; the PPG's Accept-Contact names it. */
const PUSH_SIA_FEATURE_TAG = { name: '+g.oma.pusheventapp', value: '"push.sia"' };

/**
 * One client of seed §C1-C5: receives a SIR on any bearer, decides (§C2), connects its SIP push
 * session (§C3) with what the SIR asked for (§C4), activates the named application (§C5), and
 * counts everything for the report.
 */
export class WakenDevice {
  readonly stats: DeviceStats;
  readonly applications: ApplicationRegistry;
  private readonly decider: SirDecider;
  private readonly sms = new SmsSirAssembler();
  private readonly sessions?: DeviceSessions;
  private readonly responder: DeviceResponder;
  private readonly learned: DeviceIdentity[] = [];
  private keeper?: SipRegistrationKeeper;
  private detach?: () => void;
  private assumedConnected = false;

  constructor(private readonly options: WakenDeviceOptions) {
    const { profile } = options;
    this.stats = new DeviceStats(options.id ?? profile.clientId, profile.publicUserIdentity);
    this.applications = options.applications ?? new ApplicationRegistry();
    this.decider = new SirDecider({ profile, policy: options.policy, replayCache: options.replayCache, maxSkewMs: options.maxSkewMs, now: options.now });
    const sip = options.sip;
    if (sip) {
      this.sessions = new DeviceSessions({
        hub: sip.hub, contact: sip.hub.contactFor(sip.contactUser), profile, stats: this.stats,
        deliver: (push) => this.applications.deliver(push).then(() => undefined),
        sessionExpires: options.sessionExpires, sessionIdleMs: options.sessionIdleMs,
      });
    }
    this.responder = new DeviceResponder({
      profile, applications: this.applications, stats: this.stats, sessions: this.sessions, sip,
      registration: () => this.keeper, activation: options.activation ?? 'after-session',
    });
  }

  get registration(): SipRegistration | undefined {
    return this.keeper?.registration;
  }

  /** Open or opening sessions, or connected by other means (seed §S10). */
  get connected(): boolean {
    return this.assumedConnected || (this.sessions?.count ?? 0) > 0;
  }

  /** Simulation and apps holding a session by other means: SIRs then count as "wake-up not needed". */
  markConnected(connected: boolean): void {
    this.assumedConnected = connected;
  }

  async start(): Promise<void> {
    const sip = this.options.sip;
    if (!sip) return;
    this.detach = sip.hub.attach(sip.contactUser, (incoming) => this.handleSip(incoming));
    if (sip.register === false) return;
    const spec = {
      aor: this.options.profile.publicUserIdentity, instanceId: sip.instanceId, contact: sip.hub.contactFor(sip.contactUser),
      expires: sip.registerExpires ?? 3600, contactParams: [PUSH_SIA_FEATURE_TAG],
    };
    this.keeper = new SipRegistrationKeeper(sip.hub, spec, (r) => this.registered(r));
    await this.keeper.register();
  }

  async stop(): Promise<void> {
    await this.sessions?.closeAll();
    await this.keeper?.stop();
    this.detach?.();
  }

  report(): DeviceReport {
    return this.stats.report();
  }

  /** seed §C1-C5 for a SIR already decoded. */
  async receive(decoded: DecodedSir): Promise<SirOutcome> {
    this.stats.received(decoded.bearer);
    const decision = await this.decider.decide(decoded.sir, { connected: this.connected, identities: this.learned });
    if (decision.connect && this.connected) return this.declined(decoded, { ...decision, connect: false, reason: 'already-connected', authentic: true });
    if (!decision.connect) return this.declined(decoded, decision);
    this.stats.sirsAccepted += 1;
    return this.responder.wake(decoded, decision);
  }

  receiveSms(userData: Uint8Array, origin?: string): Promise<SirOutcome> {
    return this.decodeThen('sms', () => {
      const result = this.sms.add(userData, origin);
      return result.status === 'complete' ? result.decoded : undefined;
    });
  }

  receiveDatagram(datagram: Uint8Array): Promise<SirOutcome> {
    return this.decodeThen('udp', () => decodeUdpSir(datagram));
  }

  receiveHttp(input: HttpSirInput): Promise<SirOutcome> {
    return this.decodeThen('http', () => decodeHttpSir(input));
  }

  /** A push session without a SIR (a device that stays connected, seed §S10). */
  async connect(ppgAddress: string): Promise<SipPushSession> {
    if (!this.sessions) throw new RangeError('a push session needs the SIP side (options.sip)');
    return this.sessions.open({ ppgAddress });
  }

  /** Ends every push session (docs/push-session.md: in-dialog SUBSCRIBE `Expires: 0`). */
  disconnect(): Promise<void> {
    return this.sessions?.closeAll() ?? Promise.resolve();
  }

  handleSip(incoming: IncomingSipRequest): void | Promise<void> {
    const { method } = incoming.request;
    if (method === 'NOTIFY') return this.sessions?.handleNotify(incoming);
    if (method === 'MESSAGE') return void this.onMessage(incoming);
    if (method === 'OPTIONS') return void incoming.respond(200, 'OK');
    incoming.respond(405, 'Method Not Allowed', { Allow: 'MESSAGE, NOTIFY, OPTIONS' });
  }

  private async onMessage(incoming: IncomingSipRequest): Promise<void> {
    let decoded: DecodedSir;
    try {
      decoded = decodeSipSir(incoming.request);
    } catch (e) {
      if (!(e instanceof SirReceiveError)) throw e;
      incoming.respond(e.failure === 'not-a-sir' ? 415 : 400, e.failure === 'not-a-sir' ? 'Unsupported Media Type' : 'Bad Request');
      this.emit(this.undecodable('sip', e));
      return;
    }
    incoming.respond(200, 'OK'); // RFC 3428: accepted by the UA; acting on it is our own business
    this.emit(await this.receive(decoded));
  }

  private async decodeThen(bearer: 'sms' | 'udp' | 'http', decode: () => DecodedSir | undefined): Promise<SirOutcome> {
    let decoded: DecodedSir | undefined;
    try {
      decoded = decode();
    } catch (e) {
      if (!(e instanceof SirReceiveError)) throw e;
      return this.emit(this.undecodable(bearer, e));
    }
    return this.emit(decoded ? await this.receive(decoded) : { kind: 'pending' });
  }

  private undecodable(bearer: DecodedSir['bearer'], error: SirReceiveError): SirOutcome {
    this.stats.received(bearer);
    this.stats.rejectedFor(error.failure === 'not-a-sir' ? 'not-a-sir' : 'undecodable');
    return { kind: 'undecodable', error };
  }

  private async declined(decoded: DecodedSir, decision: SirDecision): Promise<SirOutcome> {
    if (decision.reason === 'already-connected') this.stats.wakeupsNotNeeded += 1;
    else this.stats.rejectedFor(decision.reason);
    await this.responder.rejectIfAsked(decision);
    return { kind: 'declined', decoded, decision };
  }

  private registered(registration: SipRegistration): void {
    this.stats.registrations += 1;
    for (const gruu of [registration.pubGruu, registration.tempGruu]) {
      if (gruu && !this.learned.some((l) => l.value === gruu)) this.learned.push({ kind: 'gruu', value: gruu });
    }
    this.learned.splice(0, Math.max(0, this.learned.length - MAX_LEARNED));
  }

  private emit(outcome: SirOutcome): SirOutcome {
    this.options.onOutcome?.(outcome);
    return outcome;
  }
}
