import { Agent, request } from 'node:http';

export interface ClientSpec {
  clientId: string;
  instanceId: string;
  activation: { bearer: 'sip' | 'udp'; address: string };
}

export interface UserSpec {
  aor: string;
  clients: ClientSpec[];
}

export interface ProvisionResult {
  users: UserSpec[];
  requests: number;
  seconds: number;
  perSecond: number;
  /** Users not provisioned because the time budget ran out. */
  skipped: number;
}

/**
 * Creates users and their clients through the registry's REST API (docs/registry.md), `concurrency`
 * users at a time over keep-alive connections: POST /v1/users, then one POST per client. Stops
 * taking new users when the budget is spent, so a slow machine yields fewer users, not a stuck run.
 */
export async function provisionUsers(opts: {
  registryUrl: string;
  adminToken: string;
  users: UserSpec[];
  concurrency: number;
  budgetMs: number;
  onProgress?: (done: number) => void;
}): Promise<ProvisionResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const started = performance.now();
  const deadline = Date.now() + opts.budgetMs;
  const done: UserSpec[] = [];
  let next = 0;
  let requests = 0;
  const post = async (path: string, body: unknown) => {
    requests += 1;
    const status = await postJson(agent, `${opts.registryUrl}${path}`, opts.adminToken, body);
    if (status !== 201) throw new Error(`registry POST ${path}: ${status}`);
  };
  const worker = async () => {
    while (next < opts.users.length && Date.now() < deadline) {
      const user = opts.users[next++];
      await post('/v1/users', { publicUserIdentity: user.aor });
      for (const c of user.clients) {
        await post(`/v1/users/${encodeURIComponent(user.aor)}/clients`, { clientId: c.clientId, deviceIdentities: [{ kind: 'uuid', value: c.instanceId }], activationMethods: [c.activation] });
      }
      done.push(user);
      if (done.length % 250 === 0) opts.onProgress?.(done.length);
    }
  };
  try {
    await Promise.all(Array.from({ length: opts.concurrency }, worker));
  } finally {
    agent.destroy();
  }
  const seconds = (performance.now() - started) / 1000;
  return { users: done, requests, seconds: round(seconds), perSecond: Math.round(requests / seconds), skipped: opts.users.length - done.length };
}

function postJson(agent: Agent, url: string, token: string, body: unknown): Promise<number> {
  const bytes = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': bytes.length } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(bytes);
  });
}

const round = (n: number) => Math.round(n * 10) / 10;
