import fc from 'fast-check';
import { DEVICE_IDENTITY_KINDS, SIR_INSTRUCTIONS, type SirDocument, type SirRequestedV1 } from '@waken/contracts';
import { buildRequest } from '@waken/bearer-sip';
import { composeSir } from '@waken/sir-domain';
import { MASTER, PPG, USER } from '../testing/client-fixtures';
import { FUZZ_RUNS, mutationsOf, valueOrTypedError } from '../testing/fuzz-support';
import { bodyOf, httpInputOf, sipMessageOf, smsSegmentsOf, wspPushOf } from '../testing/sir-carriers';
import { decodeHttpSir } from './http-sir-decoder';
import { decodeSipSir } from './sip-sir-decoder';
import { decodeSmsSir, SmsSirAssembler } from './sms-sir-assembler';
import { decodeUdpSir } from './wsp-sir-decoder';

// reliability.md S3: structured → encode → decode → equal; mutations of valid samples; raw bytes.
const safeText = (min: number, max: number) => fc.stringMatching(new RegExp(`^[A-Za-z0-9:._@+-]{${min},${max}}$`));

const sirArb: fc.Arbitrary<SirDocument> = fc
  .record({
    mode: fc.constantFrom('single', 'targeted', 'broadcast-identity', 'broadcast') as fc.Arbitrary<SirRequestedV1['mode']>,
    kind: fc.constantFrom(...DEVICE_IDENTITY_KINDS),
    value: safeText(1, 60),
    placement: fc.uniqueArray(fc.constantFrom('header' as const, 'value' as const, 'body' as const), { minLength: 1, maxLength: 3 }),
    instructions: fc.uniqueArray(fc.constantFrom(...SIR_INSTRUCTIONS), { maxLength: 7 }),
    applicationId: fc.option(fc.constantFrom('x-wap-application:wml.ua', 'x-wap-application:push.sia', 'x-waken:dcd'), { nil: undefined }),
    nonce: safeText(8, 40),
    requestId: safeText(1, 40),
  })
  .map((r) => {
    const identity = r.mode === 'broadcast' ? undefined : { kind: r.kind, value: r.value };
    const request: SirRequestedV1 = {
      tenantId: 'mobilkom', pushId: 'p@pi', sirRequestId: r.requestId, mode: r.mode, publicUserIdentity: USER,
      targetClientIds: ['c-phone'], ...(identity && { deviceIdentity: identity }),
      activation: { bearer: 'sip', address: USER }, fallbacks: [], instructions: r.instructions,
      ...(r.applicationId !== undefined && { applicationId: r.applicationId }), expiresAt: '2030-01-01T00:00:00Z',
    };
    const now = new Date('2026-11-26T10:00:00.000Z');
    return composeSir(request, { ppgAddress: PPG, now, ttlMs: 300_000, nonce: () => r.nonce, master: MASTER, placement: r.placement });
  });

const sample = composeSir(
  { tenantId: 'mobilkom', pushId: 'p', sirRequestId: 'r', mode: 'targeted', publicUserIdentity: USER, targetClientIds: ['c-phone'],
    deviceIdentity: { kind: 'uuid', value: 'urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6' }, activation: { bearer: 'sip', address: USER },
    fallbacks: [], instructions: ['return-capabilities'], applicationId: 'x-wap-application:wml.ua', expiresAt: '2030-01-01T00:00:00Z' },
  { ppgAddress: PPG, now: new Date('2026-11-26T10:00:00.000Z'), ttlMs: 300_000, nonce: () => 'nonce-0000', master: MASTER },
);

const sipWithBody = (contentType: string, body: Uint8Array) =>
  buildRequest({
    method: 'MESSAGE', requestUri: 'sip:d@127.0.0.2', from: '<sip:ppg@example.com>;tag=1', to: '<sip:d@example.com>',
    callId: 'c', cseq: 1, via: 'SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK1', contentType, body,
  });

describe('SIR receive decoders under fuzzing (reliability.md S3)', () => {
  it('round-trips every SIR on every bearer', () => {
    fc.assert(
      fc.property(sirArb, (sir) => {
        expect(decodeSipSir(sipMessageOf(sir, 'json')).sir).toEqual(sir);
        expect(decodeSipSir(sipMessageOf(sir, 'sia')).sir).toEqual(sir);
        expect(decodeUdpSir(wspPushOf(sir)).sir).toEqual(sir);
        expect(decodeSmsSir(smsSegmentsOf(sir)).sir).toEqual(sir);
        expect(decodeHttpSir(httpInputOf(sir)).sir).toEqual(sir);
      }),
      { numRuns: 300 },
    );
  });

  it('SIP MESSAGE bodies: mutated JSON and SIA, and raw bytes, give a SIR or SirReceiveError', () => {
    const json = bodyOf(sample, 'json');
    const sia = bodyOf(sample, 'sia');
    const body = fc.oneof(mutationsOf([json]).map((b) => ['application/vnd.waken.sir+json', b] as const),
      mutationsOf([sia]).map((b) => ['application/vnd.wap.sia', b] as const),
      fc.tuple(fc.constantFrom('application/vnd.waken.sir+json', 'application/vnd.wap.sia'), fc.uint8Array({ maxLength: 400 })));
    fc.assert(fc.property(body, ([type, bytes]) => valueOrTypedError(() => decodeSipSir(sipWithBody(type, bytes)))), { numRuns: FUZZ_RUNS });
  });

  it('UDP datagrams: mutated WSP pushes and raw bytes', () => {
    const bytes = fc.oneof(mutationsOf([wspPushOf(sample)]), fc.uint8Array({ maxLength: 400 }));
    fc.assert(fc.property(bytes, (b) => valueOrTypedError(() => decodeUdpSir(b))), { numRuns: FUZZ_RUNS });
  });

  it('SMS segments one at a time: mutated parts and raw TP-User-Data', () => {
    const assembler = new SmsSirAssembler({ maxPending: 16 });
    const parts = fc.oneof(mutationsOf(smsSegmentsOf(sample)), fc.uint8Array({ maxLength: 160 }));
    fc.assert(fc.property(parts, (p) => valueOrTypedError(() => assembler.add(p, 'fuzz'))), { numRuns: FUZZ_RUNS });
    expect(assembler.pending).toBeLessThanOrEqual(16);
  });

  it('HTTP bodies with hostile identity fields', () => {
    const field = fc.record({ name: fc.constantFrom('X-Waken-Device-Id', 'X-Waken-Device-Value', 'Content-Type'), value: fc.string({ maxLength: 80 }) });
    const input = fc.record({ extra: fc.array(field, { maxLength: 3 }), body: fc.oneof(mutationsOf([bodyOf(sample, 'json')]), fc.uint8Array({ maxLength: 200 })) });
    fc.assert(
      fc.property(input, ({ extra, body }) =>
        valueOrTypedError(() => decodeHttpSir({ method: 'POST', headers: [...httpInputOf(sample).headers, ...extra], body }))),
      { numRuns: FUZZ_RUNS },
    );
  });
});
