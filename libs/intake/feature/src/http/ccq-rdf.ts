import { XmlWriter } from '@waken/xml';
import type { ClientCapabilities } from '@waken/intake-data-access';

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const WAKEN = 'urn:waken:capabilities:1';

/**
 * The RDF entity of a ccq-response (pap.md §1): one rdf:Description per client of the user, one
 * waken:capability per reported key. Generic elements, because the keys clients report are not
 * UAProf vocabulary and need not be XML names.
 */
export function capabilitiesRdf(clients: readonly ClientCapabilities[]): string {
  const w = new XmlWriter().declaration().start('rdf:RDF', { 'xmlns:rdf': RDF, 'xmlns:waken': WAKEN });
  for (const client of clients) {
    w.start('rdf:Description', { 'rdf:about': `urn:waken:client:${encodeURIComponent(client.clientId)}` });
    for (const [name, value] of Object.entries(client.capabilities)) w.leaf('waken:capability', { name }, value);
    w.end();
  }
  return w.end().toString();
}
