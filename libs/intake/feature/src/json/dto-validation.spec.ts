import { validateCreatePush } from './dto-validation';
import { JsonInputError } from './json-input-error';

const valid = { recipients: ['sip:a@x.example'], content: { contentType: 'text/plain', body: 'hi' } };
const refusal = async (input: unknown) => {
  try {
    await validateCreatePush(input);
    return undefined;
  } catch (e) {
    if (e instanceof JsonInputError) return e;
    throw e;
  }
};

describe('CreatePushDto validation (whitelist + forbidNonWhitelisted, reliability.md #16)', () => {
  it('accepts a minimal and a full push', async () => {
    expect(await refusal(valid)).toBeUndefined();
    const full = {
      ...valid,
      pushId: '42@pi',
      qos: { priority: 'high', deliveryMethod: 'confirmed' },
      deliverAfter: '2030-01-01T00:00:00Z',
      deliverBefore: '2030-01-02T00:00:00.000Z',
      sourceReference: 'pi',
      notifyUrl: 'https://pi.example/n',
      targetDevices: [{ kind: 'uuid', value: 'urn:uuid:x' }],
    };
    expect(await refusal(full)).toBeUndefined();
  });

  it('refuses unknown fields at the top and nested, wrong types, bad enums and non-objects', async () => {
    for (const bad of [
      { tenantId: 'B', trusted: true },
      { ...valid, tenantId: 'B' },
      { ...valid, content: { ...valid.content, x: 1 } },
      { ...valid, qos: { priority: 'urgent' } },
      { ...valid, targetDevices: [{ kind: 'uuid', value: 'x', extra: 1 }] },
      { ...valid, recipients: [] },
      { ...valid, recipients: 'sip:a@x.example' },
      { ...valid, deliverBefore: 'tomorrow' },
      { ...valid, content: { contentType: 'text/plain; charset=x', body: 'x' } },
      [valid],
      'x',
      null,
    ]) {
      expect((await refusal(bad))?.status).toBe(400);
    }
  });
});
