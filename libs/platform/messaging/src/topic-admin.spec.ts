import type { Admin } from 'kafkajs';
import { createTopicsWithLeaders } from './topic-admin';

type Meta = { topics: Array<{ name: string; partitions: Array<{ leader: number }> }> };

/** A fake admin whose metadata answers follow a script: the broker's behaviour right after CreateTopics. */
function scriptedAdmin(existing: string[], metadata: Array<Meta | { type: string }>, createError?: unknown) {
  const created: string[][] = [];
  let calls = 0;
  const admin = {
    listTopics: async () => existing,
    createTopics: async ({ topics }: { topics: Array<{ topic: string }> }) => {
      created.push(topics.map((t) => t.topic));
      if (createError) throw createError;
      return true;
    },
    fetchTopicMetadata: async () => {
      const answer = metadata[Math.min(calls++, metadata.length - 1)];
      if ('type' in answer) throw Object.assign(new Error(answer.type), { type: answer.type });
      return answer;
    },
  } as unknown as Admin;
  return { admin, created, metadataCalls: () => calls };
}

const ready = (...names: string[]): Meta => ({ topics: names.map((name) => ({ name, partitions: [{ leader: 1 }, { leader: 1 }] })) });
const layout = { partitions: 2, replicationFactor: 1 };

describe('createTopicsWithLeaders', () => {
  it('creates only the missing topics and polls through UNKNOWN_TOPIC_OR_PARTITION and leaderless partitions', async () => {
    const leaderless: Meta = { topics: [{ name: 'b', partitions: [{ leader: -1 }, { leader: 1 }] }] };
    const f = scriptedAdmin(['a'], [{ type: 'UNKNOWN_TOPIC_OR_PARTITION' }, { type: 'LEADER_NOT_AVAILABLE' }, leaderless, ready('b')]);
    await expect(createTopicsWithLeaders(f.admin, ['a', 'b', 'b'], layout)).resolves.toEqual(['b']);
    expect(f.created).toEqual([['b']]);
    expect(f.metadataCalls()).toBe(4);
  });

  it('treats a concurrent creation ("already exists") as success and still waits for leaders', async () => {
    const exists = Object.assign(new Error('exists'), { errors: [{ type: 'TOPIC_ALREADY_EXISTS' }] });
    const f = scriptedAdmin([], [ready('t')], exists);
    await expect(createTopicsWithLeaders(f.admin, ['t'], layout)).resolves.toEqual(['t']);
    expect(f.metadataCalls()).toBe(1);
  });

  it('rethrows other creation and metadata errors', async () => {
    const denied = Object.assign(new Error('denied'), { type: 'TOPIC_AUTHORIZATION_FAILED' });
    await expect(createTopicsWithLeaders(scriptedAdmin([], [ready('t')], denied).admin, ['t'], layout)).rejects.toThrow('denied');
    await expect(createTopicsWithLeaders(scriptedAdmin([], [{ type: 'CLUSTER_AUTHORIZATION_FAILED' }]).admin, ['t'], layout)).rejects.toThrow('CLUSTER_AUTHORIZATION_FAILED');
  });

  it('names the topics and the last answer when leaders never appear before the deadline', async () => {
    const f = scriptedAdmin([], [{ type: 'UNKNOWN_TOPIC_OR_PARTITION' }]);
    await expect(createTopicsWithLeaders(f.admin, ['x', 'y'], layout, 300)).rejects.toThrow(/topics x, y have no leaders after 300 ms \(UNKNOWN_TOPIC_OR_PARTITION\)/);
  });

  it('does nothing when every topic exists', async () => {
    const f = scriptedAdmin(['a', 'b'], []);
    await expect(createTopicsWithLeaders(f.admin, ['a', 'b'], layout)).resolves.toEqual([]);
    expect(f.created).toEqual([]);
  });
});
