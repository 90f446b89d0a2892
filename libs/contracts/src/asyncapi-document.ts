import { EVENT_CATALOGUE } from './catalogue';
import { DLQ_HEADER, HEADER } from './envelope';
import { deadLetterTopic } from './common/event-definition';

/** Which service publishes and which consume each topic (the pipeline of the brief). */
export const TOPIC_OWNERS: Record<string, { producers: string[]; consumers: string[] }> = {
  'waken.push.accepted.v1': { producers: ['push-intake'], consumers: ['registry'] },
  'waken.push.cancelled.v1': { producers: ['push-intake'], consumers: ['session'] },
  'waken.push.resolved.v1': { producers: ['registry'], consumers: ['id-check'] },
  'waken.push.planned.v1': { producers: ['id-check'], consumers: ['push-intake'] },
  'waken.sir.requested.v1': { producers: ['id-check'], consumers: ['sir-composer'] },
  'waken.push.pending.v1': { producers: ['id-check'], consumers: ['session'] },
  'waken.sir.composed.v1': { producers: ['sir-composer'], consumers: ['encapsulator'] },
  'waken.delivery.sip.v1': { producers: ['encapsulator'], consumers: ['delivery-sip'] },
  'waken.delivery.sms.v1': { producers: ['encapsulator'], consumers: ['delivery-sms'] },
  'waken.delivery.udp.v1': { producers: ['encapsulator'], consumers: ['delivery-udp'] },
  'waken.delivery.http.v1': { producers: ['encapsulator'], consumers: ['delivery-http'] },
  'waken.delivery.reported.v1': { producers: ['delivery-sip', 'delivery-sms', 'delivery-udp', 'delivery-http', 'encapsulator'], consumers: ['encapsulator', 'push-intake'] },
  'waken.session.opened.v1': { producers: ['session'], consumers: ['registry', 'push-intake', 'encapsulator'] },
  'waken.session.closed.v1': { producers: ['session'], consumers: ['registry'] },
  'waken.push.delivered.v1': { producers: ['session'], consumers: ['push-intake'] },
  'waken.client.responded.v1': { producers: ['session'], consumers: ['registry'] },
};

const headersSchema = {
  type: 'object',
  required: [HEADER.eventId, HEADER.eventType, HEADER.correlationId, HEADER.occurredAt],
  properties: Object.fromEntries(Object.values(HEADER).map((h) => [h, { type: 'string' }])),
};

const channelId = (topic: string) => topic.replace(/\./g, '-');

/** The AsyncAPI 3.0 document of every topic, generated from the contracts (docs/asyncapi.json). */
export function buildAsyncApiDocument(version: string): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const def of EVENT_CATALOGUE) {
    const id = channelId(def.topic);
    const owners = TOPIC_OWNERS[def.topic] ?? { producers: [], consumers: [] };
    messages[def.name] = {
      name: def.name,
      title: def.name,
      summary: def.summary,
      contentType: 'application/json',
      headers: headersSchema,
      payload: JSON.parse(JSON.stringify(def.schema)),
      examples: [{ name: 'example', payload: def.example }],
      bindings: { kafka: { key: { type: 'string', description: 'the public user identity (or the tenant/client id for session events)' } } },
    };
    channels[id] = {
      address: def.topic,
      description: `${def.summary} Producers: ${owners.producers.join(', ')}. Consumers: ${owners.consumers.join(', ')}. Dead letters: ${deadLetterTopic(def.topic)}.`,
      messages: { [def.name]: { $ref: `#/components/messages/${def.name}` } },
    };
    channels[`${id}-dlq`] = {
      address: deadLetterTopic(def.topic),
      description: `Records of ${def.topic} a consumer could not process: original key, value bytes and headers, plus ${Object.values(DLQ_HEADER).join(', ')}.`,
      messages: { [def.name]: { $ref: `#/components/messages/${def.name}` } },
    };
    operations[`publish-${id}`] = { action: 'send', channel: { $ref: `#/channels/${id}` }, summary: `Published by ${owners.producers.join(', ')}` };
    operations[`consume-${id}`] = { action: 'receive', channel: { $ref: `#/channels/${id}` }, summary: `Consumed by ${owners.consumers.join(', ')}` };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Waken push pipeline',
      version,
      description: 'Kafka topics between the Waken services. Key = public user identity; headers carry event-id, event-type, correlation-id, causation-id, occurred-at, traceparent. Generated from libs/contracts by `node scripts/generate-docs.cjs`.',
    },
    defaultContentType: 'application/json',
    servers: { local: { host: '127.0.0.1:19092', protocol: 'kafka', description: 'the test broker of scripts/infra/kafka.sh' } },
    channels,
    operations,
    components: { messages },
  };
}
