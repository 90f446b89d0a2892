// The id-check service on the real broker: a resolved push in, SIR requests / pending contents /
// plan out, exactly as many as seed S4 calls for (E1 and the connected case of E4).
import { PushPendingV1, PushPlannedV1, PushResolvedV1, SirRequestedV1, ClientSnapshot } from '@waken/contracts';
import { createLogger } from '@waken/platform-observability';
import { DEFAULT_KAFKA_SETTINGS, MessageBus, TopicTap } from '@waken/platform-messaging';
import { RunningService, runService, testPlatformConfig } from '@waken/platform-runtime';
import { stayFalse, TEST_KAFKA_BROKERS, uniqueTopicPrefix, waitFor } from '@waken/testing';
import { IdCheckFeatureModule } from './id-check-feature.module';

const prefix = uniqueTopicPrefix('id-check');
const aor = 'sip:+43-8323546@example.com';
const client = (n: number, connected = false): ClientSnapshot => ({
  clientId: `c${n}`,
  deviceIdentities: [{ kind: 'uuid', value: `urn:uuid:00000000-0000-4000-8000-00000000000${n}` }],
  connected,
  sessionId: connected ? `s${n}` : undefined,
  activationMethods: [{ bearer: 'sip', address: `${aor};gr=urn:uuid:00000000-0000-4000-8000-00000000000${n}` }],
  acceptsContentTypes: [],
  optedOut: false,
});

describe('id-check service over real Kafka', () => {
  let service: RunningService;
  let bus: MessageBus;
  let tap: TopicTap;

  beforeAll(async () => {
    service = await runService({
      platform: testPlatformConfig('id-check', prefix),
      feature: IdCheckFeatureModule.forRoot({ sirTtlMs: 60000, instructions: ['return-capabilities'] }),
      http: true,
      transport: { kind: 'kafka' },
    });
    bus = new MessageBus({ ...DEFAULT_KAFKA_SETTINGS, brokers: TEST_KAFKA_BROKERS, clientId: 'pi', groupId: 'pi', topicPrefix: prefix }, createLogger('test', 'error'));
    await bus.connect();
    tap = await TopicTap.start(TEST_KAFKA_BROKERS, prefix, [SirRequestedV1, PushPendingV1, PushPlannedV1]);
  });

  afterAll(async () => {
    await tap?.stop();
    await bus?.disconnect();
    await service?.close();
  });

  it('E1: one of three clients targeted -> one SIR, for that client, carrying its GRUU; E4: a connected target gets no SIR', async () => {
    const base = { ...PushResolvedV1.example, publicUserIdentity: aor, policy: 'targeted' as const, deliverBefore: undefined };
    await bus.publish(PushResolvedV1, [
      { key: aor, payload: { ...base, pushId: 'e1', clients: [client(1), client(2), client(3)], selectedClientIds: ['c2'] } },
      { key: aor, payload: { ...base, pushId: 'e4', clients: [client(1), client(2), client(3, true)], selectedClientIds: ['c3'] } },
    ]);
    // the tap reads each topic on its own: plans may show before the SIR and pending records that
    // id-check published (and had acknowledged) first
    await waitFor(() => tap.of(PushPlannedV1).length >= 2, { what: 'two plans' });
    await waitFor(() => tap.of(SirRequestedV1).length >= 1 && tap.of(PushPendingV1).length >= 2, { what: 'the SIR of e1 and two pending pushes' });
    await stayFalse(() => tap.of(SirRequestedV1).length > 1, 500, 'a second SIR');
    const sirs = tap.of<SirRequestedV1>(SirRequestedV1);
    expect(sirs.filter((s) => s.payload.pushId === 'e1')).toHaveLength(1);
    const [sir] = sirs;
    expect(sir.payload).toMatchObject({ mode: 'targeted', targetClientIds: ['c2'], activation: { bearer: 'sip', address: `${aor};gr=urn:uuid:00000000-0000-4000-8000-000000000002` } });
    expect(sir.payload.deviceIdentity?.value).toContain('00000000-0000-4000-8000-000000000002');
    expect(sirs.filter((s) => s.payload.pushId === 'e4')).toHaveLength(0);
    const pending = tap.of<PushPendingV1>(PushPendingV1);
    expect(pending.find((p) => p.payload.pushId === 'e4')?.payload).toMatchObject({ clientId: 'c3', wake: 'connected' });
    expect(pending.find((p) => p.payload.pushId === 'e1')?.payload).toMatchObject({ clientId: 'c2', wake: 'sir' });
    expect(tap.of<PushPlannedV1>(PushPlannedV1).map((p) => [p.payload.pushId, p.payload.sirCount, p.payload.directCount])).toEqual(
      expect.arrayContaining([['e1', 1, 0], ['e4', 0, 1]]),
    );
    expect(sir.headers.correlationId).toBeTruthy();
  });
});
