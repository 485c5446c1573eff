// Limits on what one request may add: its body (413 above MAX_BODY_BYTES,
// refused before it is read when Content-Length says so), and the state as a
// whole (507 for requests that would add to a state at its limit, so that no
// write is acknowledged that state.json and the answers could not hold).
//
// The body is read here, straight from the connection, and handed to the
// routes through hono's body cache (c.req.text() and c.req.json() use it).
import type { Context, MiddlewareHandler } from 'hono';
import type { IncomingMessage } from 'node:http';
import type { Emulator, Env } from './core/emulator.js';
import { nodeBindings } from './sim/faults.js';
import { hasBody, refuse } from './core/request-guard.js';

/** Largest request body: the reference gives no code size limit; 4 MiB holds any real device and agent code. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** Requests that never add to the persisted state (or make room): served when it is full. */
const ALWAYS_SERVED = /^\/(v5\/(auth|auth\/token|logstream(\/.*)?)|_emulator\/(reset|faults|clock))\/?$/;

export function requestLimits(emu: Emulator): MiddlewareHandler<Env> {
  return async (c, next) => {
    if (hasBody(c)) {
      const length = Number(c.req.header('content-length') ?? 0);
      const body = length > MAX_BODY_BYTES ? null : await readBody(c, MAX_BODY_BYTES);
      if (body === null) {
        return refuse(c, 413, 'VX413', 'Payload Too Large', `The request body is larger than ${MAX_BODY_BYTES} bytes (4 MiB), the emulator's limit.`);
      }
      (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(body);
    }
    const grows = c.req.method === 'POST' || c.req.method === 'PUT' || c.req.method === 'PATCH';
    if (grows && emu.store.isFull() && !ALWAYS_SERVED.test(c.req.path)) {
      const mb = Math.round(emu.store.maxStateBytes / 2 ** 20);
      return refuse(
        c,
        507,
        'XX507',
        'Insufficient Storage',
        `The emulator's state has reached its limit of ${mb} MiB (IMPT_EMULATOR_MAX_STATE_MB); delete deployments, device groups, products or devices to make room.`,
      );
    }
    return next();
  };
}

/** The body as text; null when it is larger than `limit` bytes. */
async function readBody(c: Context, limit: number): Promise<string | null> {
  const node = nodeBindings(c);
  const bytes = node ? await readIncoming(node.incoming, limit) : Buffer.from(await c.req.raw.arrayBuffer());
  if (bytes === null || bytes.length > limit) return null;
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // as Request.text() does
}

/** Reads a request body from the connection, stopping (and leaving the rest
 * for the server to drain) as soon as it exceeds `limit`. */
function readIncoming(incoming: IncomingMessage, limit: number): Promise<Buffer | null> {
  if (incoming.readableEnded) return Promise.resolve(Buffer.alloc(0));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
      incoming.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        done();
        incoming.pause();
        resolve(null);
      } else chunks.push(chunk);
    };
    const onEnd = () => {
      done();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (e: Error) => {
      done();
      reject(e);
    };
    const onClose = () => {
      done();
      reject(new Error('the client closed the connection before the end of the request body'));
    };
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onError);
    incoming.on('close', onClose);
  });
}
