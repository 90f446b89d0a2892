/** The Waken SIP push session, as fixed in docs/push-session.md (seed §C3, §C4). */
export const PUSH_SESSION = {
  event: 'waken-push',
  /** Requested subscription duration; the PPG accepts 1..3600, 0 ends or rejects. */
  defaultExpires: 600,
  maxExpires: 3600,
  headers: {
    client: 'X-Waken-Client',
    sir: 'X-Waken-Sir',
    auth: 'X-Waken-Auth',
  },
  clientInfoMediaType: 'application/vnd.waken.client-info+json',
  pushMediaType: 'application/vnd.waken.push+json',
} as const;
