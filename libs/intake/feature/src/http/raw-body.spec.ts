import { PassThrough } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { BodyReadError, readBody } from './raw-body';

const request = (headers: Record<string, string> = {}) => Object.assign(new PassThrough(), { headers }) as unknown as IncomingMessage & PassThrough;

describe('readBody (reliability.md #6)', () => {
  it('reads a body under the cap', async () => {
    const req = request();
    const body = readBody(req, { maxBytes: 10, timeoutMs: 1000 });
    req.end(Buffer.from('hello'));
    expect((await body).toString()).toBe('hello');
  });

  it('refuses a declared Content-Length over the cap before reading, and a streamed body at the first byte over it', async () => {
    await expect(readBody(request({ 'content-length': '11' }), { maxBytes: 10, timeoutMs: 1000 })).rejects.toMatchObject({ status: 413 });
    const req = request();
    const body = readBody(req, { maxBytes: 10, timeoutMs: 1000 });
    req.write(Buffer.alloc(6));
    req.write(Buffer.alloc(6));
    await expect(body).rejects.toBeInstanceOf(BodyReadError);
    await expect(body).rejects.toMatchObject({ status: 413 });
  });

  it('gives up on a trickle at the deadline (408)', async () => {
    const req = request();
    const body = readBody(req, { maxBytes: 10, timeoutMs: 50 });
    req.write('a');
    await expect(body).rejects.toMatchObject({ status: 408 });
  });
});
