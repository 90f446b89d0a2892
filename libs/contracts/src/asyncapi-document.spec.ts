import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from '@asyncapi/parser';
import { EVENT_CATALOGUE } from './catalogue';
import { TOPIC_OWNERS, buildAsyncApiDocument } from './asyncapi-document';

const checkedIn = join(__dirname, '../../../docs/asyncapi.json');

describe('AsyncAPI document', () => {
  const doc = buildAsyncApiDocument((JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as { version: string }).version);

  it('is valid AsyncAPI 3 with no errors', async () => {
    const { diagnostics } = await new Parser().parse(JSON.stringify(doc));
    expect(diagnostics.filter((d) => d.severity === 0).map((d) => `${d.path.join('.')}: ${d.message}`)).toEqual([]);
  });

  it('is the one checked in (regenerate with node scripts/generate-docs.cjs)', () => {
    expect(JSON.parse(readFileSync(checkedIn, 'utf8'))).toEqual(doc);
  });

  it('names producers and consumers for every topic', () => {
    for (const def of EVENT_CATALOGUE) {
      expect(TOPIC_OWNERS[def.topic]?.producers.length).toBeGreaterThan(0);
      expect(TOPIC_OWNERS[def.topic]?.consumers.length).toBeGreaterThan(0);
    }
  });
});
