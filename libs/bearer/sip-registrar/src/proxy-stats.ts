/** Counters of the embedded proxy, for tests and the demo's status output. */
export interface ProxyStats {
  /** REGISTERs answered (any status) */
  registers: number;
  /** out-of-dialog requests forwarded to at least one contact */
  forwarded: number;
  /** branches sent (one per contact of a fork) */
  branches: number;
  /** branches that ended without a final response (Timer F: counted as 408) */
  branchTimeouts: number;
  /** requests the proxy answered itself (400, 403, 404, 480, ...) */
  rejected: number;
  /** requests refused with 503 because `maxInflightBranches` were in flight */
  overloaded: number;
}

export function newProxyStats(): ProxyStats {
  return { registers: 0, forwarded: 0, branches: 0, branchTimeouts: 0, rejected: 0, overloaded: 0 };
}
