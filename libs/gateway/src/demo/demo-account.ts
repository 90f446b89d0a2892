/** What the built-in demo reports (`waken demo --json`): who got a SIR, who connected, who received. */
export interface DemoDeviceAccount {
  id: string;
  /** The device identity the registry holds for it (its SIP instance id). */
  instanceId: string;
  targeted: boolean;
  sirsReceived: number;
  sessionsOpened: number;
  pushesReceived: number;
  wakeupsNotNeeded: number;
  rejectedSirs: Record<string, number>;
}

export interface DemoAccount {
  publicUserIdentity: string;
  devices: DemoDeviceAccount[];
  /** SIRs the delivery services put on the wire (delivery reports). */
  sirsSent: number;
  /** Push sessions the PPG accepted (session.opened events). */
  sessionsOpened: number;
  /** Pushes acknowledged by a client over its session (push.delivered events). */
  pushesDelivered: number;
  /** The PAP resultnotification-message the PI received. */
  papResult: { messageState: string; code: string; devicesWoken?: string; wakeMode?: string };
  elapsedMs: number;
}
