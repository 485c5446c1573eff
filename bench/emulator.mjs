// Emulator benchmark: start time with a 10,000-device data dir, GETs per
// second and acknowledged (durably journaled) writes per second from
// concurrent clients on loopback. Prints figures; no assertions.
// Usage: node bench/emulator.mjs [devices=10000] [requests=20000] [concurrency=16]
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startEmulator } from './emulator-process.mjs';

const DEVICES = Number(process.argv[2] ?? 10_000);
const REQUESTS = Number(process.argv[3] ?? 20_000);
const CONCURRENCY = Number(process.argv[4] ?? 16);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'impt-emu-bench-'));
const dataDir = path.join(tmp, 'data');
const seedFile = path.join(tmp, 'seed.json');
fs.writeFileSync(
  seedFile,
  JSON.stringify({ accounts: [{ username: 'bench', email: 'bench@example.com', password: 'bench' }], generated_devices: DEVICES }),
);

const start = (extra = []) => startEmulator(['--data-dir', dataDir, '--rate-limit', '1000000000', ...extra]);

const stop = (child) => new Promise((r) => { child.once('exit', r); child.kill('SIGTERM'); });
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

/** One request; resolves with the status once the whole answer has arrived. */
function send(method, url, token, body) {
  const data = body === undefined ? undefined : JSON.stringify(body);
  const headers = { authorization: `Bearer ${token}` };
  if (data !== undefined) headers['content-type'] = 'application/vnd.api+json';
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    req.end(data);
  });
}

/** REQUESTS requests from CONCURRENCY clients; `request(client, n)` sends one and resolves with its status. */
async function rate(request) {
  let next = 0;
  let failures = 0;
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, client) => {
      while (next < REQUESTS) {
        const n = next++;
        if ((await request(client, n)) !== 200) failures++;
      }
    }),
  );
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  return { perSecond: Math.round(REQUESTS / s), failures };
}

const first = await start(['--seed', seedFile]);
console.log(`first start (seeding ${DEVICES} devices): ${first.ms.toFixed(0)} ms`);
await stop(first.child);
const emu = await start();
console.log(`start with a ${DEVICES}-device data dir: ${emu.ms.toFixed(0)} ms (process spawn to listening line)`);
const login = await fetch(`${emu.url}/auth`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ id: 'bench', password: 'bench' }),
}).then((r) => r.json());
const token = login.access_token;
for (const p of ['/products', '/devices?page[size]=100']) {
  const r = await rate(() => send('GET', emu.url + p, token));
  console.log(`GET ${p}: ${r.perSecond} req/s (${REQUESTS} requests, ${CONCURRENCY} concurrent clients, ${r.failures} non-200)`);
}
const one = await fetch(`${emu.url}/devices?page[size]=1`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json());
const r = await rate(() => send('GET', `${emu.url}/devices/${one.data[0].id}`, token));
console.log(`GET /devices/{id}: ${r.perSecond} req/s`);
// every client changes its own product: each 200 is an acknowledged, journaled write
const products = [];
for (let i = 0; i < CONCURRENCY; i++) {
  const res = await fetch(`${emu.url}/products`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/vnd.api+json' },
    body: JSON.stringify({ data: { type: 'product', attributes: { name: `bench-${i}` } } }),
  }).then((res) => res.json());
  products.push(res.data.id);
}
const w = await rate((client, n) =>
  send('PATCH', `${emu.url}/products/${products[client]}`, token, {
    data: { type: 'product', id: products[client], attributes: { description: `write ${n}` } },
  }),
);
console.log(`PATCH /products/{id}: ${w.perSecond} acknowledged writes/s (${REQUESTS} writes, ${CONCURRENCY} concurrent clients, ${w.failures} non-200)`);
await stop(emu.child);
agent.destroy();
fs.rmSync(tmp, { recursive: true, force: true });
