import { createHash, randomBytes, randomUUID } from 'node:crypto';

export const newUuid = (): string => randomUUID();
export const hex = (bytes: number): string => randomBytes(bytes).toString('hex');
export const newAccessToken = (): string => randomBytes(48).toString('base64');
export const newRefreshToken = (): string => hex(32);
export const newLoginKeyId = (): string => hex(8);
export const newDeviceId = (): string => hex(8);

const AGENT_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** Deterministic 12-char agent id derived from a device id and plan id. */
export function agentIdFor(deviceId: string, planId = ''): string {
  const h = createHash('sha256').update(`agent:${deviceId}:${planId}`).digest();
  let s = '';
  for (let i = 0; i < 12; i++) s += AGENT_ALPHABET[h[i]! & 63];
  return s;
}

/** Deterministic UUID-layout id (no version rules, like impCentral's). */
export function stableUuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export function macFor(deviceId: string): string {
  const tail = deviceId.slice(-12).padStart(12, '0');
  return tail.match(/../g)!.join(':');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The agent attributes of a device: with an agent (assigned devices) its id,
 * URL, running since `now`; without one (unassigned devices) all empty.
 */
export function agentFields(
  agentId: string | null,
  now: string,
): { agent_id: string | null; agent_url: string | null; agent_running: boolean; agent_state_changed_at: string | null } {
  return {
    agent_id: agentId,
    agent_url: agentId ? `https://agent.electricimp.com/${agentId}` : null,
    agent_running: agentId !== null,
    agent_state_changed_at: agentId ? now : null,
  };
}
