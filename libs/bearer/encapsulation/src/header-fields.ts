import { EncapsulationError } from './encapsulation.error';

// The delivery contracts' header rules: token-ish names, one-line values (reliability.md (c) #25).
const NAME = /^[A-Za-z0-9-]{1,64}$/;
const MAX_VALUE = 1024;

/** Refuses a header a carrier could not copy verbatim: CR/LF or other controls, odd names, oversize. */
export function checkedHeaderFields(fields: Record<string, string>): Record<string, string> {
  for (const [name, value] of Object.entries(fields)) {
    if (!NAME.test(name)) throw new EncapsulationError('unsafe-text', `not a header name: ${JSON.stringify(name)}`);
    if (value.length > MAX_VALUE) throw new EncapsulationError('too-large', `${name} is longer than ${MAX_VALUE} characters`);
    if (hasControl(value)) throw new EncapsulationError('unsafe-text', `${name} contains a control character (CR/LF injection?)`);
  }
  return fields;
}

export function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}
