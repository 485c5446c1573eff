// proxy-from-env 2 ships no types: the one function we use ('' when no proxy applies).
declare module 'proxy-from-env' {
  export function getProxyForUrl(url: string | URL): string;
}
