import type { IncomingSipRequest } from '@waken/bearer-sip-transport';
import { PushDeduper, type ClientProfile, type PushNotification } from '@waken/client';
import { SipPushSession } from '../session/sip-push-session';
import type { OpenSessionParams } from '../session/push-session-context';
import type { SipDeviceHub } from '../sip/sip-device-hub';
import type { DeviceStats } from './device-stats';

export interface DeviceSessionsDeps {
  readonly hub: SipDeviceHub;
  readonly contact: string;
  readonly profile: ClientProfile;
  readonly stats: DeviceStats;
  /** Hands a push to the application (seed §C3). */
  readonly deliver: (push: PushNotification) => Promise<void>;
  readonly sessionExpires?: number;
  /** End the sessions this long after the last push; undefined keeps them until closeAll(). */
  readonly sessionIdleMs?: number;
}

/** One device's push sessions: NOTIFY routing by Call-ID, one dedupe memory, the idle close. */
export class DeviceSessions {
  private readonly deduper = new PushDeduper();
  private readonly dialogs = new Map<string, SipPushSession>();
  private readonly live = new Set<SipPushSession>();
  private idleTimer?: NodeJS.Timeout;

  constructor(private readonly deps: DeviceSessionsDeps) {}

  /** Sessions open or opening. */
  get count(): number {
    return this.live.size;
  }

  async open(params: Omit<OpenSessionParams, 'expires'>): Promise<SipPushSession> {
    const { hub, contact, profile, stats } = this.deps;
    try {
      const session = await SipPushSession.open(
        {
          hub, contact, profile, deduper: this.deduper,
          deliver: (push) => this.deliver(push),
          track: (callId, s) => (this.dialogs.set(callId, s), this.live.add(s)),
          untrack: (callId, s) => this.dialogs.get(callId) === s && this.dialogs.delete(callId),
          onEnded: (s) => this.live.delete(s),
          onDuplicate: () => (stats.duplicatePushes += 1),
        },
        { ...params, ...(this.deps.sessionExpires !== undefined && { expires: this.deps.sessionExpires }) },
      );
      stats.sessionsOpened += 1;
      this.touch();
      return session;
    } catch (e) {
      stats.sessionFailed(failureName(e));
      throw e;
    }
  }

  handleNotify(incoming: IncomingSipRequest): void | Promise<void> {
    const callId = incoming.request.headers.find((h) => h.name === 'Call-ID')?.value ?? '';
    const session = this.dialogs.get(callId);
    if (!session) return void incoming.respond(481, 'Call/Transaction Does Not Exist');
    return session.handleNotify(incoming);
  }

  async closeAll(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    await Promise.allSettled([...this.live].map((s) => s.close()));
  }

  private async deliver(push: PushNotification): Promise<void> {
    await this.deps.deliver(push);
    this.deps.stats.pushesReceived += 1;
    this.touch();
  }

  private touch(): void {
    const idleMs = this.deps.sessionIdleMs;
    if (idleMs === undefined) return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.closeAll(), idleMs);
    this.idleTimer.unref();
  }
}

function failureName(e: unknown): string {
  if (e && typeof e === 'object' && 'status' in e && typeof e.status === 'number') return `status-${e.status}`;
  return e instanceof Error ? e.name : 'unknown';
}
