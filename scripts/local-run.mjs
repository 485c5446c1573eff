// Running impt and impt-emulator from this checkout, for the demo and the
// benchmarks: a fresh emulator on a free loopback port, impt with its own HOME.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
export const IMPT = join(root, 'bin/impt.js');
export const EMULATOR = join(root, 'bin/impt-emulator.js');

export function startEmulator(extraArgs = ['--in-memory']) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [EMULATOR, 'start', '--host', '127.0.0.1', '--port', '0', ...extraArgs], {
      stdio: ['ignore', 'pipe', 'inherit'],
      // devices "boot" quickly so that logs of restarted code show up at once
      env: { IMPT_EMULATOR_BOOT_DELAY_MS: '200', ...process.env },
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve({ child, url: m[1], origin: new URL(m[1]).origin });
    });
    child.on('exit', (code) => reject(new Error(`emulator exited with code ${code}`)));
  });
}

/** A local HTTP listener that records webhook deliveries. */
export function startListener(onRequest = () => undefined) {
  const received = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (d) => (body += d));
    req.on('end', () => {
      received.push({ method: req.method, url: req.url, contentType: req.headers['content-type'], body });
      onRequest(received[received.length - 1]);
      res.writeHead(200).end('ok');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, received, url: `http://127.0.0.1:${server.address().port}/hooks` })),
  );
}

/** Runs impt; resolves to {code, out, data (parsed JSON when asked and valid)}. */
export function runImpt(args, { cwd, home, json = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [IMPT, ...args], { cwd, env: { ...process.env, HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out, data: json && code === 0 ? safeJson(out) : undefined }));
  });
}

export function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function callAdmin(origin, method, path, body) {
  const res = await fetch(`${origin}/_emulator/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, ok: res.ok, text, data: safeJson(text) };
}
