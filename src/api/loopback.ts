// A loopback endpoint (a local emulator) is never reached through a proxy:
// a proxy set for the outside world must not break local runs.
export function isLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || /^127\./.test(host);
  } catch {
    return false;
  }
}
