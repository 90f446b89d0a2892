import type { XmlDoctype } from '@waken/xml';

/** PAP 1.0 = WAP-164, 2.0 = WAP-247, 2.1-2.3 = OMA-TS-PAP-V2_x (pap.md §2). */
export const PAP_VERSIONS = ['1.0', '2.0', '2.1', '2.2', '2.3'] as const;
export type PapVersion = (typeof PAP_VERSIONS)[number];

/** What we answer in when the PI's version is unknown (the most widely deployed 2.x). */
export const DEFAULT_PAP_VERSION: PapVersion = '2.0';

// 1.0/2.0 verified (Kannel, BlackBerry); 2.1 seen in PI clients; 2.2/2.3 follow the pattern (unverified).
const SYSTEM_IDS: Record<PapVersion, string> = {
  '1.0': 'http://www.wapforum.org/DTD/pap_1.0.dtd',
  '2.0': 'http://www.wapforum.org/DTD/pap_2.0.dtd',
  '2.1': 'http://www.openmobilealliance.org/tech/DTD/pap_2.1.dtd',
  '2.2': 'http://www.openmobilealliance.org/tech/DTD/pap_2.2.dtd',
  '2.3': 'http://www.openmobilealliance.org/tech/DTD/pap_2.3.dtd',
};

// The owner may read OMA for the OMA releases; accepted as well as WAPFORUM (unverified).
const PUBLIC_ID = /^-\/\/(WAPFORUM|OMA)\/\/DTD PAP (\d{1,3}\.\d{1,3})\/\/EN$/;

export function isPapVersion(value: string): value is PapVersion {
  return (PAP_VERSIONS as readonly string[]).includes(value);
}

/** The DOCTYPE we write for a version. */
export function papDoctype(version: PapVersion, internalSubset?: string): XmlDoctype {
  const doctype: XmlDoctype = { name: 'pap', publicId: `-//WAPFORUM//DTD PAP ${version}//EN`, systemId: SYSTEM_IDS[version] };
  if (internalSubset !== undefined) doctype.internalSubset = internalSubset;
  return doctype;
}

/**
 * The version named by a PAP public identifier: a PapVersion, `'unsupported'` for a
 * well-formed PAP identifier of another version (answer 3002), `undefined` when it is not one.
 */
export function versionOfPublicId(publicId: string): PapVersion | 'unsupported' | undefined {
  const m = PUBLIC_ID.exec(publicId);
  if (!m) return undefined;
  return isPapVersion(m[2]) ? m[2] : 'unsupported';
}

/**
 * Picks the highest version we speak that a `supported-versions` list accepts
 * (`"2.0,1.*"`, pap.md §2); `undefined` when none matches.
 */
export function negotiatePapVersion(supported: readonly string[]): PapVersion | undefined {
  for (const version of [...PAP_VERSIONS].reverse()) {
    const major = version.split('.')[0];
    if (supported.some((s) => s === version || s === `${major}.*` || s === '*')) return version;
  }
  return undefined;
}

// <?wap-pap-ver supported-versions="2.0,1.*"?> and nothing else (pap.md §2)
const VERSION_PI = /^\s*<\?wap-pap-ver\s+supported-versions\s*=\s*(?:"([0-9.*, ]{0,64})"|'([0-9.*, ]{0,64})')\s*\?>\s*$/;

/** The only DOCTYPE internal subset a PAP document may carry. */
export function isPapVersionSubset(subset: string): boolean {
  return VERSION_PI.test(subset);
}

/** The versions listed in an accepted internal subset. */
export function supportedVersionsOf(subset: string): string[] {
  const m = VERSION_PI.exec(subset);
  const list = m ? (m[1] ?? m[2]) : '';
  return list
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

export function papVersionSubset(versions: readonly string[]): string {
  return `<?wap-pap-ver supported-versions="${versions.join(',')}"?>`;
}
