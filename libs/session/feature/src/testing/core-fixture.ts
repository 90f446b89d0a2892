import { PushPendingV1 } from '@waken/contracts';
import { RecordingPublisher } from '@waken/platform-messaging';
import { createLogger } from '@waken/platform-observability';
import { deriveClientKey } from '@waken/sir-domain';
import { signSessionAuth } from '@waken/session-domain';
import { SessionCore } from '../session-core';
import { DEFAULT_SESSION_TUNING, SessionTuning } from '../session.options';
import { FakeIncomingRequest, subscribeText } from './fake-incoming-request';
import { InMemoryPendingStore } from './in-memory-pending-store';
import { ScriptedNotifyChannel } from './scripted-notify-channel';

export const TEST_MASTER = Buffer.from('0123456789abcdef0123456789abcdef');

/** Lets promise chains that do not touch timers run to their end. */
export const flush = async (): Promise<void> => {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
};

/** A SessionCore on fakes with a manual clock, and helpers to feed it pushes and SUBSCRIBEs. */
export function coreFixture(tuning: Partial<SessionTuning> = {}, tenants: string[] = []) {
  const clock = { now: Date.now() };
  const publisher = new RecordingPublisher();
  const store = new InMemoryPendingStore();
  const channel = new ScriptedNotifyChannel();
  const core = new SessionCore({
    publisher, store, channel, logger: createLogger('t', 'silent'), master: TEST_MASTER, tenants, localContact: 'sip:ppg@127.0.0.1:5070',
    tuning: { ...DEFAULT_SESSION_TUNING, ...tuning }, clock: () => clock.now,
  });
  const pending = (clientId: string, n: number) =>
    core.intake.accept(Array.from({ length: n }, (_, i) => ({ ...PushPendingV1.example, clientId, pushId: `${clientId}-${i}@pi` })));
  const subscribe = async (clientId: string, over: Record<string, string | undefined> = {}, body?: string, tenant = 'mobilkom') => {
    const callId = `call-${clientId}-${Math.random()}`;
    const auth = signSessionAuth(deriveClientKey(TEST_MASTER, tenant, clientId), { tenantId: tenant, clientId, callId, timestampS: Math.floor(clock.now / 1000) });
    const incoming = new FakeIncomingRequest(subscribeText({ callId, headers: { 'X-Waken-Client': `${tenant} ${clientId}`, 'X-Waken-Auth': auth, ...over }, body }));
    await core.subscriptions.handle(incoming);
    await flush();
    return incoming;
  };
  return { clock, publisher, store, channel, core, pending, subscribe };
}
