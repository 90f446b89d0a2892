import { Admin } from 'kafkajs';

export interface TopicLayout {
  partitions: number;
  replicationFactor: number;
}

const LEADER_TIMEOUT_MS = 60_000;
const LEADER_POLL_MS = 200;
/** Metadata errors a broker answers while a just-created topic propagates: polled through. */
const PROPAGATING = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE']);

/**
 * Creates the topics that do not exist yet and waits until every partition of each has a leader.
 * Services boot concurrently and may create the same topic at once: "already exists" is success.
 * kafkajs' own `waitForLeaders` bails at the first UNKNOWN_TOPIC_OR_PARTITION, which a freshly
 * started KRaft broker answers for a moment after CreateTopics; this polls through it until a
 * deadline instead, and then names the topics that never got leaders.
 */
export async function createTopicsWithLeaders(admin: Admin, topics: string[], layout: TopicLayout, timeoutMs = LEADER_TIMEOUT_MS): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const missing = [...new Set(topics)].filter((t) => !existing.has(t));
  if (missing.length === 0) return [];
  try {
    await admin.createTopics({
      waitForLeaders: false,
      topics: missing.map((topic) => ({ topic, numPartitions: layout.partitions, replicationFactor: layout.replicationFactor })),
    });
  } catch (e) {
    if (!onlyAlreadyExists(e)) throw e;
  }
  await waitForLeaders(admin, missing, timeoutMs);
  return missing;
}

async function waitForLeaders(admin: Admin, topics: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no metadata yet';
  for (;;) {
    try {
      const { topics: meta } = await admin.fetchTopicMetadata({ topics });
      const ready = meta.length === topics.length && meta.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0));
      if (ready) return;
      last = 'some partitions have no leader';
    } catch (e) {
      const type = (e as { type?: string }).type ?? '';
      if (!PROPAGATING.has(type)) throw e;
      last = type;
    }
    if (Date.now() >= deadline) throw new Error(`topics ${topics.join(', ')} have no leaders after ${timeoutMs} ms (${last})`);
    await new Promise((r) => setTimeout(r, LEADER_POLL_MS));
  }
}

function onlyAlreadyExists(e: unknown): boolean {
  const errors = (e as { errors?: Array<{ type?: string }> }).errors;
  const all = Array.isArray(errors) && errors.length > 0 ? errors : [e as { type?: string }];
  return all.every((x) => x?.type === 'TOPIC_ALREADY_EXISTS');
}
