import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A fixture document from src/fixtures (unit specs only; a local file, not the network). */
export function fixture(name: string): string {
  return readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8');
}

/** A minimal PAP document of the given version around one operation element. */
export function papDoc(operation: string, version = '2.0', subset = ''): string {
  return `<?xml version="1.0"?>\n<!DOCTYPE pap PUBLIC "-//WAPFORUM//DTD PAP ${version}//EN" "http://www.wapforum.org/DTD/pap_${version}.dtd"${subset}>\n<pap>${operation}</pap>`;
}

export const ADDRESS = '<address address-value="WAPPUSH=+15551234567/TYPE=PLMN"/>';
/** 2024-05-01T00:00:00Z, the clock the fixtures were written against. */
export const FIXTURE_NOW = new Date('2024-05-01T00:00:00Z');
