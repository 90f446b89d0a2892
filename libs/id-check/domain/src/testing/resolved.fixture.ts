import { ActivationMethod, ClientSnapshot, PushResolvedV1 } from '@waken/contracts';

/** The seed's example user (SUMMARY.md): one public identity, a phone, a laptop and a desktop. */
export const AOR = 'sip:+43-8323546@mobilkom.at';
export const NOW = new Date('2026-11-26T10:00:00.000Z');
export const uuidOf = (name: string): string => `urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6b${{ phone: '01', laptop: '02', desktop: '03' }[name] ?? '0f'}`;
export const gruuOf = (name: string): string => `${AOR};gr=${uuidOf(name)}`;
export const msisdnOf = (name: string): string => `+43664000000${name.length}`;

/** A client with a GRUU and a UUID identity, woken by its GRUU first, then by SMS. */
export function snapshot(name: string, overrides: Partial<ClientSnapshot> = {}): ClientSnapshot {
  return {
    clientId: `c-${name}`,
    deviceIdentities: [
      { kind: 'uuid', value: uuidOf(name) },
      { kind: 'gruu', value: gruuOf(name) },
    ],
    connected: false,
    activationMethods: [
      { bearer: 'sip', address: gruuOf(name) },
      { bearer: 'sms', address: msisdnOf(name) },
    ],
    acceptsContentTypes: [],
    optedOut: false,
    ...overrides,
  };
}

export const aorOnly: ActivationMethod[] = [{ bearer: 'sip', address: AOR }];

export function resolvedFor(clients: ClientSnapshot[], selected: string[], overrides: Partial<PushResolvedV1> = {}): PushResolvedV1 {
  return {
    tenantId: 'mobilkom',
    pushId: '42@pi.example.com',
    recipientIndex: 0,
    publicUserIdentity: AOR,
    content: { contentType: 'text/vnd.wap.si', applicationId: 'x-wap-application:wml.ua', bodyBase64: 'aGVsbG8=' },
    qos: { priority: 'medium', deliveryMethod: 'notspecified' },
    deliverBefore: '2030-01-01T00:00:00Z',
    policy: 'targeted',
    clients,
    selectedClientIds: selected,
    ...overrides,
  };
}
