import { BadRequestException } from '@nestjs/common';
import { JsonBodyPipe } from './json-body.pipe';

const body = { type: 'body' as const };

describe('JsonBodyPipe', () => {
  const pipe = new JsonBodyPipe();
  const problem = (value: unknown): unknown => {
    try {
      pipe.transform(value, body);
    } catch (error) {
      return error instanceof BadRequestException ? error.getResponse() : error;
    }
    return undefined;
  };

  it('refuses prototype keys at any depth, naming where', () => {
    expect(problem(JSON.parse('{"__proto__":{"admin":true}}'))).toMatchObject({ message: ['property __proto__ is not allowed'] });
    expect(problem(JSON.parse('{"preferences":{"constructor":{"prototype":1}}}'))).toMatchObject({ message: ['property preferences.constructor is not allowed'] });
    expect(problem({ deviceIdentities: [{ kind: 'uuid', prototype: 'x' }] })).toMatchObject({ message: ['property deviceIdentities.0.prototype is not allowed'] });
  });

  it('refuses non-objects and deep nesting; lets ordinary bodies and other parameters through', () => {
    expect(problem([])).toMatchObject({ message: ['the body must be a JSON object'] });
    expect(problem('x')).toMatchObject({ message: ['the body must be a JSON object'] });
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 12; i++) deep = { a: deep };
    expect(problem(deep)).toMatchObject({ message: [expect.stringMatching(/nested too deeply/)] });
    expect(pipe.transform({ publicUserIdentity: 'sip:a@b' }, body)).toEqual({ publicUserIdentity: 'sip:a@b' });
    expect(pipe.transform('__proto__', { type: 'param' })).toBe('__proto__');
  });
});
