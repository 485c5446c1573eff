// Proxies from the environment (HTTP_PROXY/HTTPS_PROXY, with NO_PROXY read
// by axios) are honoured, except for loopback endpoints such as a local
// emulator. Both servers are local: nothing leaves the machine.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpProxyAgent } from 'http-proxy-agent';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { Http } from '../../src/api/http.js';
import { connectionAgent, proxyFor } from '../../src/api/proxy.js';

let proxy: Server;
let direct: Server;
const seenByProxy: string[] = [];
const seenDirect: string[] = [];
const list = JSON.stringify({ data: [], links: {} });

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

let proxyPort = 0;
let directPort = 0;
const saved = { ...process.env };

beforeAll(async () => {
  proxy = createServer((req, res) => {
    seenByProxy.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/vnd.api+json' }).end(list);
  });
  direct = createServer((req, res) => {
    seenDirect.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/vnd.api+json' }).end(list);
  });
  proxyPort = await listen(proxy);
  directPort = await listen(direct);
});

afterAll(async () => {
  process.env = saved;
  await Promise.all([new Promise((r) => proxy.close(r)), new Promise((r) => direct.close(r))]);
});

describe('proxies', () => {
  it('sends requests for a remote endpoint through HTTP_PROXY', async () => {
    process.env = { ...saved, HTTP_PROXY: `http://127.0.0.1:${proxyPort}`, NO_PROXY: '' };
    const http = new Http({ endpoint: 'http://impcentral.example.test/v5', userAgent: 'impt/2.6.1' });
    expect(await http.list('/products')).toEqual([]);
    expect(seenByProxy.at(-1)).toBe('http://impcentral.example.test/v5/products?page%5Bnumber%5D=1&page%5Bsize%5D=100');
  });

  it('never proxies a loopback endpoint', async () => {
    process.env = { ...saved, HTTP_PROXY: `http://127.0.0.1:${proxyPort}`, NO_PROXY: '' };
    const before = seenByProxy.length;
    const http = new Http({ endpoint: `http://127.0.0.1:${directPort}/v5`, userAgent: 'impt/2.6.1' });
    expect(await http.list('/products')).toEqual([]);
    expect(seenByProxy.length).toBe(before);
    expect(seenDirect.at(-1)).toBe('/v5/products?page%5Bnumber%5D=1&page%5Bsize%5D=100');
  });

  it('gives a log stream connection the proxy of its scheme, none for loopback or NO_PROXY hosts', () => {
    process.env = { ...saved, HTTP_PROXY: 'http://proxy.example.test:3128', HTTPS_PROXY: 'http://proxy.example.test:3129', NO_PROXY: 'direct.example.test' };
    const plain = connectionAgent('http://impcentral.example.test/v5/logstream/x');
    expect(plain).toBeInstanceOf(HttpProxyAgent);
    expect(String((plain as HttpProxyAgent<string>).proxy)).toBe('http://proxy.example.test:3128/');
    const secure = connectionAgent('https://impcentral.example.test/v5/logstream/x');
    expect(secure).toBeInstanceOf(HttpsProxyAgent);
    expect(String((secure as HttpsProxyAgent<string>).proxy)).toBe('http://proxy.example.test:3129/');
    expect(connectionAgent('https://direct.example.test/v5/logstream/x')).toBe(false);
    expect(connectionAgent('http://127.0.0.1:5000/v5/logstream/x')).toBe(false);
    expect(connectionAgent('http://localhost:5000/v5/logstream/x')).toBe(false);
  });

  it('takes the variables from the environment it is given, not the process\'s', async () => {
    process.env = { ...saved, HTTP_PROXY: '', http_proxy: '', NO_PROXY: '' };
    const env = { HTTP_PROXY: `http://127.0.0.1:${proxyPort}` };
    const http = new Http({ endpoint: 'http://given-env.example.test/v5', userAgent: 'impt/2.6.1', env });
    expect(await http.list('/products')).toEqual([]);
    expect(seenByProxy.at(-1)).toBe('http://given-env.example.test/v5/products?page%5Bnumber%5D=1&page%5Bsize%5D=100');
    process.env = { ...saved, HTTP_PROXY: `http://127.0.0.1:${proxyPort}`, NO_PROXY: '' };
    expect(connectionAgent('http://impcentral.example.test/v5/logstream/x', {})).toBe(false);
  });

  it('follows the NO_PROXY rules of proxy-from-env: names, suffixes, ports, *', () => {
    const env = { https_proxy: 'proxy.example.test:3128', NO_PROXY: 'exact.test, .suffix.test,*.star.test, ported.test:8443' };
    expect(proxyFor('https://api.example.test/v5', env)).toBe('https://proxy.example.test:3128');
    expect(proxyFor('https://exact.test/v5', env)).toBeUndefined();
    expect(proxyFor('https://sub.exact.test/v5', env)).toBe('https://proxy.example.test:3128');
    expect(proxyFor('https://a.suffix.test/v5', env)).toBeUndefined();
    expect(proxyFor('https://b.star.test/v5', env)).toBeUndefined();
    expect(proxyFor('https://ported.test:8443/v5', env)).toBeUndefined();
    expect(proxyFor('https://ported.test/v5', env)).toBe('https://proxy.example.test:3128');
    expect(proxyFor('https://api.example.test/v5', { ...env, NO_PROXY: '*' })).toBeUndefined();
    // the lower-case name wins over the upper-case one
    expect(proxyFor('https://exact.test/v5', { ...env, no_proxy: 'other.test' })).toBe('https://proxy.example.test:3128');
    expect(proxyFor('http://api.example.test/v5', { ALL_PROXY: 'http://all.test:1' })).toBe('http://all.test:1');
  });
});
