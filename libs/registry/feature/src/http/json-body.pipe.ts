import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';

// Keys that would reach an object's prototype if a later step assigned them (reliability.md:
// prototype pollution); refused wherever they appear, before class-transformer sees the body.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 8;

/** Runs before validation: the body is a JSON object without prototype keys, and not too deep. */
@Injectable()
export class JsonBodyPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body') return value;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new BadRequestException(['the body must be a JSON object']);
    checkKeys(value, '', 0);
    return value;
  }
}

function checkKeys(value: unknown, path: string, depth: number): void {
  if (typeof value !== 'object' || value === null) return;
  if (depth > MAX_DEPTH) throw new BadRequestException([`${path || 'body'} is nested too deeply`]);
  for (const key of Object.keys(value)) {
    const at = path ? `${path}.${key}` : key;
    if (FORBIDDEN_KEYS.has(key)) throw new BadRequestException([`property ${at} is not allowed`]);
    checkKeys((value as Record<string, unknown>)[key], at, depth + 1);
  }
}
