/** Counters an operator or a test reads from `SipEndpoint.stats`. */
export interface SipEndpointStats {
  requestsSent: number;
  retransmissions: number;
  timeouts: number;
  /** responses matching no client transaction: forged or stale (reliability.md #21) */
  responsesUnmatched: number;
  /** retransmitted final responses absorbed by a completed client transaction */
  responsesAbsorbed: number;
  requestsReceived: number;
  /** retransmitted requests absorbed by a server transaction (RFC 3261 §17.2.2) */
  requestsAbsorbed: number;
  malformedAnswered: number;
  malformedDropped: number;
  transportErrors: number;
}

export function newStats(): SipEndpointStats {
  return {
    requestsSent: 0,
    retransmissions: 0,
    timeouts: 0,
    responsesUnmatched: 0,
    responsesAbsorbed: 0,
    requestsReceived: 0,
    requestsAbsorbed: 0,
    malformedAnswered: 0,
    malformedDropped: 0,
    transportErrors: 0,
  };
}
