/** A client as the session protocol names it: `X-Waken-Client: <tenant> <clientId>`. */
export interface ClientRef {
  tenantId: string;
  clientId: string;
}

// Ids are visible ASCII in a SIP header; a space separates the two (contracts: Id, 1..256).
const CLIENT = /^([\x21-\x7e]{1,256}) ([\x21-\x7e]{1,256})$/;

export function parseClientHeader(value: string): ClientRef | undefined {
  const m = CLIENT.exec(value.trim());
  return m ? { tenantId: m[1], clientId: m[2] } : undefined;
}

export function formatClientHeader(client: ClientRef): string {
  return `${client.tenantId} ${client.clientId}`;
}

/** One string per client, for maps. */
export function clientKeyOf(client: ClientRef): string {
  return `${client.tenantId}\u0000${client.clientId}`;
}
