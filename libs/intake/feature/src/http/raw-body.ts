import type { IncomingMessage, ServerResponse } from 'node:http';

export interface RawBodyLimits {
  readonly maxBytes: number;
  readonly timeoutMs: number;
}

/** Why a body could not be read: 413 too large, 408 too slow, 400 aborted. */
export class BodyReadError extends Error {
  constructor(
    readonly status: 408 | 413 | 400,
    message: string,
  ) {
    super(message);
    this.name = 'BodyReadError';
  }
}

/** Where the middleware leaves the bytes for the controllers. */
export const RAW_BODY = Symbol('waken.rawBody');
export type WithRawBody = IncomingMessage & { [RAW_BODY]?: Buffer };

/**
 * Reads a request body with the cap enforced while streaming (a declared Content-Length over it
 * is refused before reading) and a deadline for the whole body (slowloris). reliability.md #6.
 */
export function readBody(req: IncomingMessage, limits: RawBodyLimits): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limits.maxBytes) return Promise.reject(new BodyReadError(413, `declared ${declared} > ${limits.maxBytes} bytes`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (error?: BodyReadError) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onError).off('aborted', onAborted);
      if (error) {
        req.pause();
        reject(error);
      } else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBytes) finish(new BodyReadError(413, `body over ${limits.maxBytes} bytes`));
      else chunks.push(chunk);
    };
    const onEnd = () => finish();
    const onError = () => finish(new BodyReadError(400, 'request stream failed'));
    const onAborted = () => finish(new BodyReadError(400, 'request aborted'));
    const timer = setTimeout(() => finish(new BodyReadError(408, `body not received within ${limits.timeoutMs} ms`)), limits.timeoutMs);
    req.on('data', onData).on('end', onEnd).on('error', onError).on('aborted', onAborted);
  });
}

/**
 * Express-style middleware: reads the body of POST/PUT/PATCH/DELETE requests into req[RAW_BODY]
 * before any body parser runs (body-parser skips a request whose body is already consumed).
 * On a refused body it answers at once and closes the connection: the rest is never read.
 */
export function rawBodyMiddleware(limits: RawBodyLimits, refuse: (req: IncomingMessage, error: BodyReadError) => { contentType: string; body: string }) {
  return (req: WithRawBody, res: ServerResponse, next: (e?: unknown) => void): void => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    readBody(req, limits).then(
      (body) => {
        req[RAW_BODY] = body;
        next();
      },
      (error: BodyReadError) => {
        const answer = refuse(req, error);
        res.writeHead(error.status, { 'content-type': answer.contentType, connection: 'close' });
        res.end(answer.body, () => req.socket.destroy());
      },
    );
  };
}
