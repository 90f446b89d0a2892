// Issue 7 acceptance: `npx waken demo --json` runs the embedded gateway (one process, in-process
// transport, PGlite, built-in SIP proxy) and the demo: one user with three devices, a push for one.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

describe('waken demo --json (embedded mode)', () => {
  it('wakes exactly the targeted device: one SIR, one session, one push, PAP delivered', async () => {
    const root = join(__dirname, '../../..');
    const { stdout } = await run(process.execPath, [join(root, 'bin/waken.js'), 'demo', '--json', '--intake-port', '13911', '--registry-port', '13912', '--sip-port', '15961'], {
      cwd: root,
      timeout: 90000,
      env: { ...process.env, LOG_LEVEL: 'error' },
    });
    const account = JSON.parse(stdout) as {
      devices: Array<{ id: string; targeted: boolean; sirsReceived: number; sessionsOpened: number; pushesReceived: number }>;
      sirsSent: number;
      sessionsOpened: number;
      pushesDelivered: number;
      papResult: { messageState: string; code: string };
    };
    expect(account.devices.map((d) => [d.id, d.sirsReceived, d.sessionsOpened, d.pushesReceived])).toEqual([
      ['phone', 0, 0, 0],
      ['laptop', 1, 1, 1],
      ['tablet', 0, 0, 0],
    ]);
    expect(account.devices.find((d) => d.targeted)?.id).toBe('laptop');
    expect({ sirs: account.sirsSent, sessions: account.sessionsOpened, pushes: account.pushesDelivered }).toEqual({ sirs: 1, sessions: 1, pushes: 1 });
    expect(account.papResult).toMatchObject({ messageState: 'delivered', code: '1000' });
  });
});
