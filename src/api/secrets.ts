// What debug dumps never show (DIFFERENCES F2): passwords, keys and tokens
// in headers and bodies, and login key ids (the ids are the keys) anywhere.
// Free of other dependencies: the error boundary uses it too.

const SECRET_KEYS = /^(password|key|token|access_token|refresh_token|login_token|accessToken|refreshToken|loginKey)$/i;
const SECRET_HEADERS = /^(authorization|x-electricimp-password|x-electricimp-key|x-electricimp-otp-token)$/i;

/** A deep copy with every secret value replaced by `[hidden]` (DIFFERENCES F2). */
export function hideSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(hideSecrets);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = (SECRET_KEYS.test(k) || SECRET_HEADERS.test(k)) && v !== undefined ? '[hidden]' : hideSecrets(v);
    }
    return out;
  }
  return value;
}

/** A login key id in a path: `…/login_keys/«id»`. */
const LOGIN_KEY_PATH = /\/login_keys\/([^/?#"'\s]+)/g;

/** A login key id as debug output shows it: the key logs in, so only its last 4 characters. */
export function maskLoginKeyId(id: string): string {
  return `****${id.slice(-4)}`;
}

/** Adds the login key ids found in `value`: in paths, and as the id of `login_key` resources. */
function collectLoginKeyIds(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    for (const m of value.matchAll(LOGIN_KEY_PATH)) {
      into.add(m[1]!);
      try {
        into.add(decodeURIComponent(m[1]!));
      } catch {
        // not encoded
      }
    }
  } else if (Array.isArray(value)) {
    for (const v of value) collectLoginKeyIds(v, into);
  } else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (o.type === 'login_key' && typeof o.id === 'string') into.add(o.id);
    for (const v of Object.values(o)) collectLoginKeyIds(v, into);
  }
}

/**
 * `text` (a debug dump) with every login key id masked wherever it occurs:
 * the ids are those in `text`'s own paths and in `sources` (URLs, bodies),
 * so a key named in an error detail is masked as well (DIFFERENCES F2).
 */
export function hideLoginKeyIds(text: string, ...sources: unknown[]): string {
  const ids = new Set<string>();
  collectLoginKeyIds(text, ids);
  for (const s of sources) collectLoginKeyIds(s, ids);
  let out = text;
  // longest first, so that an id containing another is masked whole
  for (const id of [...ids].filter(Boolean).sort((a, b) => b.length - a.length)) out = out.split(id).join(maskLoginKeyId(id));
  return out;
}
