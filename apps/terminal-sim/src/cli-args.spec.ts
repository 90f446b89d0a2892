import { parseCli } from './cli-args';

const MASTER = Buffer.alloc(32, 1).toString('base64');

describe('terminal-sim command line', () => {
  it('reads the documented options', () => {
    const cli = parseCli(['--users', '250', '--devices', '4', '--bearers', 'sip,sms', '--connected', '0.25', '--policy', 'primary', '--duration', '30', '--report', 'out.json', '--master', MASTER]);
    expect(cli).toMatchObject({ durationS: 30, reportPath: 'out.json', fleet: { users: 250, devicesPerUser: 4, bearers: ['sip', 'sms'], connectedRatio: 0.25, policy: 'primary' } });
    expect('master' in cli.fleet.keys && cli.fleet.keys.master.length).toBe(32);
  });

  it('takes the keys from a fleet file, or the master from SIR_MASTER_KEY', () => {
    expect(parseCli(['--users', '1', '--devices', '1', '--fleet', 'f.json']).fleet.keys).toEqual({ fleetFile: 'f.json' });
    expect('master' in parseCli(['--users', '1', '--devices', '1'], { SIR_MASTER_KEY: MASTER }).fleet.keys).toBe(true);
  });

  it.each([
    [['--users', '0', '--devices', '1', '--master', MASTER], /--users/],
    [['--users', '1', '--devices', '11', '--master', MASTER], /--devices/], // Kamailio max_contacts = 10
    [['--users', '1', '--devices', '1', '--master', MASTER, '--bearers', 'sip,pigeon'], /pigeon/],
    [['--users', '1', '--devices', '1', '--master', MASTER, '--connected', '1.5'], /--connected/],
    [['--users', '1', '--devices', '1', '--master', MASTER, '--policy', 'always'], /policy/],
    [['--users', '1', '--devices', '1', '--master', 'c2hvcnQ='], /--master/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCli(argv, {})).toThrow(message);
  });
});
