// Names for shell completion (DIFFERENCES A5): the Products, Device Groups or
// devices of the current directory's auth context, from the first page of
// one list request. Completion runs at every <Tab>: it must be quick and
// silent, so any failure (not logged in, credentials that need a password,
// no answer within the time limit) gives no names, and nothing is printed.
import { openSession } from '../../context/session.js';

export type NameKind = 'products' | 'dgs' | 'devices';

/** The longest a <Tab> waits for names, unless IMPT_COMPLETION_TIMEOUT_MS says otherwise (a slow link). */
export const NAMES_TIME_LIMIT_MS = 1500;

function timeLimit(env: NodeJS.ProcessEnv): number {
  const ms = Number(env.IMPT_COMPLETION_TIMEOUT_MS);
  return Number.isInteger(ms) && ms > 0 ? ms : NAMES_TIME_LIMIT_MS;
}

/** One page of a list request. */
const MAX_NAMES = 100;

async function listNames(kind: NameKind, cwd: string, env: NodeJS.ProcessEnv, limitMs: number): Promise<string[]> {
  // no askSecret: a context that needs a password fails instead of prompting; no rate-limit waits
  const { api } = openSession({ cwd, env, timeoutMs: limitMs, rateLimitBudgetMs: 0 });
  const collection = kind === 'products' ? api.products : kind === 'dgs' ? api.deviceGroups : api.devices;
  const names = new Set<string>();
  let seen = 0;
  for await (const r of collection.iterate()) {
    const name = r.attributes?.name;
    // a device without a name is known by its id
    names.add(typeof name === 'string' && name !== '' ? name : r.id);
    if (++seen >= MAX_NAMES) break;
  }
  return [...names];
}

/** The names, or none on any failure or after the time limit. */
export async function identifierNames(kind: NameKind, cwd: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  const limitMs = timeLimit(env);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string[]>((resolve) => {
    timer = setTimeout(() => resolve([]), limitMs);
    timer.unref();
  });
  try {
    return await Promise.race([listNames(kind, cwd, env, limitMs), late]);
  } catch {
    return [];
  } finally {
    clearTimeout(timer);
  }
}
