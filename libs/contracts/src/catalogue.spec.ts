import { EVENT_CATALOGUE, definitionForTopic } from './catalogue';
import { ContractViolation, deadLetterTopic } from './common/event-definition';
import { PushAcceptedV1 } from './intake/push-accepted.v1';

describe('event catalogue', () => {
  it.each(EVENT_CATALOGUE.map((d) => [d.name, d] as const))('%s example validates against its schema', (_name, def) => {
    expect(def.problems(def.example)).toEqual([]);
  });

  it('names each topic once, with the version in the name', () => {
    const topics = EVENT_CATALOGUE.map((d) => d.topic);
    expect(new Set(topics).size).toBe(topics.length);
    for (const d of EVENT_CATALOGUE) expect(d.topic).toMatch(new RegExp(`^waken\\.[a-z.]+\\.v${d.version}$`));
  });

  it('finds a definition by topic, and derives the dead-letter topic', () => {
    expect(definitionForTopic('waken.push.accepted.v1')).toBe(PushAcceptedV1);
    expect(definitionForTopic('nope')).toBeUndefined();
    expect(deadLetterTopic('waken.push.accepted.v1')).toBe('waken.push.accepted.v1.dlq');
  });

  it('refuses unknown fields, bad timestamps and oversize values with readable problems', () => {
    const bad = { ...PushAcceptedV1.example, trusted: true, acceptedAt: 'yesterday', tenantId: 'x'.repeat(300) };
    const problems = PushAcceptedV1.problems(bad);
    expect(problems.join('\n')).toMatch(/trusted|additional/i);
    expect(problems.join('\n')).toMatch(/acceptedAt/);
    expect(problems.join('\n')).toMatch(/tenantId/);
    expect(() => PushAcceptedV1.parse(bad)).toThrow(ContractViolation);
  });

  it('refuses prototype-pollution payloads', () => {
    const polluted = JSON.parse(`{"__proto__":{"admin":true},${JSON.stringify(PushAcceptedV1.example).slice(1)}`);
    expect(PushAcceptedV1.problems(polluted)).not.toEqual([]);
  });
});
