// Which proxy a connection takes: HTTPS_PROXY / HTTP_PROXY / ALL_PROXY
// (either case) and NO_PROXY, read from the environment the caller gives
// (a program embedding the client may run several with different ones),
// never for a loopback endpoint. The rules are proxy-from-env's, which reads
// only the process's environment.
import type { Agent } from 'node:http';
import type { AxiosProxyConfig } from 'axios';
import { HttpProxyAgent } from 'http-proxy-agent';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { isLoopback } from './loopback.js';

/** The variables a proxy is chosen by; `process.env` when a caller gives none. */
export type ProxyEnv = Readonly<Record<string, string | undefined>>;

const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443 };

function variable(env: ProxyEnv, name: string): string {
  return env[name.toLowerCase()] || env[name.toUpperCase()] || '';
}

/** Whether NO_PROXY (host names, `.suffix` / `*.suffix`, optional `:port`, or `*`) leaves the host alone. */
function excluded(env: ProxyEnv, hostname: string, port: number): boolean {
  const noProxy = variable(env, 'no_proxy').toLowerCase();
  if (!noProxy) return false;
  if (noProxy === '*') return true;
  return noProxy.split(/[,\s]/).some((entry) => {
    if (!entry) return false;
    const m = /^(.+):(\d+)$/.exec(entry);
    const host = m ? m[1]! : entry;
    if (m && Number(m[2]) !== port) return false;
    if (!/^[.*]/.test(host)) return hostname === host;
    return hostname.endsWith(host.replace(/^\*/, ''));
  });
}

/** The proxy URL for a request to `url`, undefined for a direct connection. */
export function proxyFor(url: string, env: ProxyEnv = process.env): string | undefined {
  if (isLoopback(url)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const scheme = parsed.protocol.replace(/:$/, '');
  // the host with the brackets of an IPv6 address, without the port
  const hostname = parsed.host.replace(/:\d*$/, '');
  if (!hostname || excluded(env, hostname, Number(parsed.port) || DEFAULT_PORTS[scheme] || 0)) return undefined;
  const proxy = variable(env, `${scheme}_proxy`) || variable(env, 'all_proxy');
  if (!proxy) return undefined;
  return proxy.includes('://') ? proxy : `${scheme}://${proxy}`;
}

/** axios' proxy setting for an endpoint: false (direct) or the proxy to tunnel through. */
export function axiosProxy(endpoint: string, env?: ProxyEnv): AxiosProxyConfig | false {
  const proxy = proxyFor(endpoint, env);
  if (!proxy) return false;
  const u = new URL(proxy);
  return {
    protocol: u.protocol.replace(/:$/, ''),
    host: u.hostname,
    port: Number(u.port) || DEFAULT_PORTS[u.protocol.replace(/:$/, '')] || 80,
    auth: u.username ? { username: decodeURIComponent(u.username), password: decodeURIComponent(u.password) } : undefined,
  };
}

/**
 * A CONNECT tunnel for an https target, absolute-form requests for an http
 * one, or false — a direct connection outside any pool — when no proxy applies.
 */
export function connectionAgent(url: string, env?: ProxyEnv): Agent | false {
  const proxy = proxyFor(url, env);
  if (!proxy) return false;
  return url.startsWith('https:') ? new HttpsProxyAgent(proxy) : new HttpProxyAgent(proxy);
}
