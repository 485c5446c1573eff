// Agents' outgoing HTTP requests: `sendasync()` makes them on the emulator's
// thread; `sendsync()` must return the answer to Squirrel code that cannot
// pause, so the emulator's thread waits (Atomics.wait) while a worker thread
// makes the request. One worker, started on first use, serves every
// sendsync() of the process; it runs the same `fetchOutgoing` as sendasync().
import { receiveMessageOnPort, MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { OutgoingRequest, OutgoingResponse } from './api.js';

/**
 * Makes the request; never throws. A refused or failed connection answers
 * `statuscode` 7 (6: host not found), an aborted one 28 (`signal`: the
 * timeout), with the reason in `body`; bodies are bytes as latin1 text.
 * Self-contained (it also runs as the source of the sendsync() worker).
 */
export async function fetchOutgoing(req: OutgoingRequest, signal: AbortSignal): Promise<OutgoingResponse> {
  try {
    const res = await fetch(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.from(req.body, 'latin1'),
      signal,
      redirect: 'manual',
    });
    const body = Buffer.from(await res.arrayBuffer()).toString('latin1');
    const headers: Record<string, string> = {};
    res.headers.forEach((value, name) => (headers[name] = value));
    return { statuscode: res.status, headers, body };
  } catch (e) {
    if (signal.aborted) return { statuscode: 28, headers: {}, body: 'timeout' };
    const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : String(e);
    return { statuscode: /ENOTFOUND|EAI_AGAIN/.test(cause) ? 6 : 7, headers: {}, body: cause };
  }
}

// The worker: answers each request on its port, then wakes the waiting thread.
const WORKER_SOURCE = `const { workerData } = require('node:worker_threads');
const { port, flag } = workerData;
const fetchOutgoing = ${fetchOutgoing.toString()};
port.on('message', async ({ id, req, timeoutMs }) => {
  const response = await fetchOutgoing(req, AbortSignal.timeout(timeoutMs));
  port.postMessage({ id, response });
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});`;

let worker: { port: MessagePort; flag: Int32Array } | undefined;
let lastId = 0;

function startWorker(): { port: MessagePort; flag: Int32Array } {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { port: port2, flag }, transferList: [port2] });
  // the emulator ends when its server does, whatever the worker waits for
  w.unref();
  port1.unref();
  return { port: port1, flag };
}

/** `fetchOutgoing` for a thread that waits for the answer (at most `timeoutS` seconds). */
export function fetchOutgoingBlocking(req: OutgoingRequest, timeoutS: number): OutgoingResponse {
  worker ??= startWorker();
  const { port, flag } = worker;
  const id = ++lastId;
  const timeoutMs = Math.max(1, Math.round(timeoutS * 1000));
  Atomics.store(flag, 0, 0);
  port.postMessage({ id, req, timeoutMs });
  // the worker aborts the request at timeoutMs; the margin covers its start
  const deadline = Date.now() + timeoutMs + 5000;
  for (;;) {
    for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
      const answer = m.message as { id: number; response: OutgoingResponse };
      // an answer to an earlier request that was given up on is dropped
      if (answer.id === id) return answer.response;
    }
    const left = deadline - Date.now();
    if (left <= 0) return { statuscode: 28, headers: {}, body: 'timeout' };
    Atomics.wait(flag, 0, 0, left);
    Atomics.store(flag, 0, 0);
  }
}
