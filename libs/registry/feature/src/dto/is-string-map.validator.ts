import { ValidationOptions, registerDecorator } from 'class-validator';

const MAX_KEYS = 64;
const MAX_KEY = 64;
const MAX_VALUE = 512;

/** A flat JSON object of strings, as ClientRespondedV1 carries capabilities (≤64 keys, 64/512 chars). */
export function IsStringMap(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isStringMap',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `$property must be an object of at most ${MAX_KEYS} string values (keys ≤${MAX_KEY}, values ≤${MAX_VALUE} characters)`, ...options },
      validator: { validate: isStringMap },
    });
}

export function isStringMap(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return (
    entries.length <= MAX_KEYS &&
    entries.every(([k, v]) => k.length >= 1 && k.length <= MAX_KEY && typeof v === 'string' && v.length <= MAX_VALUE)
  );
}
