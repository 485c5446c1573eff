// The proxy of a connection of its own (a log stream): HTTPS_PROXY /
// HTTP_PROXY (either case) and NO_PROXY from the environment, read the way
// axios reads them for the API calls, and never for a loopback endpoint.
import type { Agent } from 'node:http';
import { HttpProxyAgent } from 'http-proxy-agent';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { getProxyForUrl } from 'proxy-from-env';
import { isLoopback } from './loopback.js';

/**
 * A CONNECT tunnel for an https target, absolute-form requests for an http
 * one, or false — a direct connection outside any pool — when no proxy applies.
 */
export function connectionAgent(url: string): Agent | false {
  if (isLoopback(url)) return false;
  const proxy = getProxyForUrl(url);
  if (!proxy) return false;
  return url.startsWith('https:') ? new HttpsProxyAgent(proxy) : new HttpProxyAgent(proxy);
}
