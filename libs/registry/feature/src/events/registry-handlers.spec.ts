// Contract tests of the registry's consumers: each contract's example goes through its handler
// (consumer side); what PushResolutionHandler publishes validates against PushResolvedV1
// (producer side, RecordingPublisher validates like the real bus).
import { ClientRespondedV1, PushAcceptedV1, PushResolvedV1, SessionClosedV1, SessionOpenedV1 } from '@waken/contracts';
import { EventEnvelope, RecordingPublisher } from '@waken/platform-messaging';
import { ClientResponsePatch, ClientResponseRepository, PresenceRepository, UserProfileReader, UserRef, userKey } from '@waken/registry-data-access';
import { UserProfile } from '@waken/registry-domain';
import { RegistryOptions } from '../registry.options';
import { ClientResponseHandler } from './client-response.handler';
import { PresenceHandler } from './presence.handler';
import { PushResolutionHandler } from './push-resolution.handler';

const envelope = <T>(payload: T, eventId = 'ev-1'): EventEnvelope<T> => ({
  topic: 'x', partition: 0, offset: '0', key: 'sip:+43-8323546@mobilkom.at', payload,
  headers: { eventId, eventType: 'x', correlationId: 'push-42', occurredAt: new Date().toISOString() },
});

const example = PushAcceptedV1.example;
const user: UserProfile = {
  tenantId: example.tenantId,
  publicUserIdentity: example.publicUserIdentity,
  wakePolicy: 'auto',
  clients: [1, 2, 3].map((n) => ({
    clientId: `c${n}`,
    deviceIdentities: [{ kind: 'uuid' as const, value: `urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf${n + 5}` }],
    capabilities: {},
    preferences: { contentTypes: [], applications: [], optedOut: false },
    subscriptions: [{ piId: '*' }],
    presence: { connected: false },
    activationMethods: [{ bearer: 'sip' as const, address: `${example.publicUserIdentity};gr=urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf${n + 5}` }],
  })),
};

class FakeReader {
  readonly calls: UserRef[][] = [];
  async loadUsers(refs: UserRef[]): Promise<Map<string, UserProfile>> {
    this.calls.push(refs);
    return new Map([[userKey(user), user]]);
  }
}

describe('PushResolutionHandler (contract test)', () => {
  it('resolves the PushAcceptedV1 example to a valid PushResolvedV1 selecting the named device, with one lookup per batch', async () => {
    const publisher = new RecordingPublisher();
    const reader = new FakeReader();
    const handler = new PushResolutionHandler(publisher, reader as unknown as UserProfileReader);
    const unknown = { ...example, pushId: 'other', publicUserIdentity: 'sip:nobody@mobilkom.at' };
    const foreign = { ...example, pushId: 'foreign', tenantId: 'another-tenant' };
    await handler.onAccepted([envelope(example, 'ev-1'), envelope(unknown, 'ev-2'), envelope(foreign, 'ev-3')]);
    expect(reader.calls).toHaveLength(1);
    const out = publisher.of<PushResolvedV1>(PushResolvedV1);
    expect(out).toHaveLength(3);
    for (const e of out) expect(PushResolvedV1.problems(e.payload)).toEqual([]);
    // seed §S3: the PI named c1's identity (…6bf6), so only c1 is selected
    expect(out[0]).toMatchObject({ key: example.publicUserIdentity, payload: { selectedClientIds: ['c1'], policy: 'auto' } });
    expect(out[0].payload.clients).toHaveLength(3);
    expect(out[0].causation?.headers.eventId).toBe('ev-1');
    expect(out[1].payload).toMatchObject({ unresolvedReason: 'unknown-user', selectedClientIds: [], clients: [] });
    expect(out[2].payload).toMatchObject({ unresolvedReason: 'unknown-user', tenantId: 'another-tenant' });

    const again = new RecordingPublisher();
    await new PushResolutionHandler(again, reader as unknown as UserProfileReader).onAccepted([envelope(example, 'ev-1')]);
    expect(again.published[0].event.eventId).toBe(out[0].eventId);
    expect(new Set(out.map((e) => e.eventId)).size).toBe(3);
  });
});

describe('PresenceHandler and ClientResponseHandler (consumer side)', () => {
  const options = { consumerName: 'registry-test' } as RegistryOptions;

  it('hands the session examples to the presence store under the inbox name', async () => {
    const calls: string[] = [];
    const presence = {
      markConnected: async (consumer: string, batch: EventEnvelope<SessionOpenedV1>[]) => calls.push(`open ${consumer} ${batch[0].payload.sessionId}`),
      markDisconnected: async (consumer: string, batch: EventEnvelope<SessionClosedV1>[]) => calls.push(`close ${consumer} ${batch[0].payload.reason}`),
    };
    const handler = new PresenceHandler(presence as unknown as PresenceRepository, options);
    await handler.onOpened([envelope(SessionOpenedV1.example)]);
    await handler.onClosed([envelope(SessionClosedV1.example)]);
    expect(calls).toEqual(['open registry-test sess-1', 'close registry-test idle']);
  });

  it('stores the ClientRespondedV1 example: capabilities merged, the rest as reported', async () => {
    const patches: ClientResponsePatch[] = [];
    const responses = {
      store: async (_: string, batch: EventEnvelope<ClientRespondedV1>[], patchOf: (e: ClientRespondedV1) => ClientResponsePatch) =>
        patches.push(...batch.map((e) => patchOf(e.payload))),
    };
    await new ClientResponseHandler(responses as unknown as ClientResponseRepository, options).onResponded([envelope(ClientRespondedV1.example)]);
    expect(patches).toEqual([
      {
        capabilities: ClientRespondedV1.example.capabilities,
        preferences: {},
        reported: { sirId: 'sir-0b6a2f1c', respondedAt: '2026-11-26T10:00:00.150Z' },
      },
    ]);
  });
});
