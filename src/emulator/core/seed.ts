// Seed format (JSON) and the default seed. See docs/emulator.md.
import { z } from 'zod';
import type { Clock } from './clock.js';
import { agentIdFor, macFor, stableUuid } from './ids.js';
import type { AccountRec, DeviceRec } from './model.js';
import type { Store } from './store.js';

const SeedLogEntry = z.object({ ts: z.string().optional(), type: z.string().default('server.log'), msg: z.string() });

const SeedAccount = z.object({
  id: z.string().optional(),
  username: z.string().min(1),
  email: z.string().min(1),
  password: z.string(),
  /** true = two-factor login with the code 123456; a string = that code. */
  otp: z.union([z.boolean(), z.string().regex(/^\d{6}$/)]).optional(),
  unbond_key: z.string().optional(),
  production: z.boolean().default(true),
  /** usernames, emails or ids of accounts this one collaborates on */
  collaborates_on: z.array(z.string()).default([]),
  login_keys: z
    .array(z.object({ id: z.string().regex(/^[0-9a-f]{16}$/), description: z.string().default('') }))
    .default([]),
});

const SeedDevice = z.object({
  id: z.string().regex(/^[0-9a-f]{16}$/).optional(),
  /** username, email or id of the owning account; defaults to the first account */
  owner: z.string().optional(),
  name: z.string().optional(),
  mac_address: z.string().optional(),
  agent_id: z.string().nullable().optional(),
  imp_type: z.string().default('imp004m'),
  device_online: z.boolean().default(true),
  agent_running: z.boolean().optional(),
  ip_address: z.string().nullable().optional(),
  swversion: z.string().optional(),
  plan_id: z.string().nullable().optional(),
  logs: z.array(SeedLogEntry).default([]),
});

export const SeedSchema = z.object({
  accounts: z.array(SeedAccount).min(1),
  devices: z.array(SeedDevice).default([]),
  /** number of extra generated online devices per account (bench / load) */
  generated_devices: z.number().int().min(0).max(1_000_000).default(0),
});
export type Seed = z.input<typeof SeedSchema>;

export const DEFAULT_OTP = '123456';
export const DEMO_LOGIN_KEY = '0123456789abcdef';

export const DEFAULT_SEED: Seed = {
  accounts: [
    {
      username: 'demo',
      email: 'demo@example.com',
      password: 'demo',
      unbond_key: 'demo-unbond-key',
      login_keys: [{ id: DEMO_LOGIN_KEY, description: 'demo login key' }],
    },
  ],
  devices: [
    { id: '30000c2a690c0001', name: 'demo-device-1' },
    { id: '30000c2a690c0002', name: 'demo-device-2' },
    { id: '30000c2a690c0003', name: 'demo-device-3' },
  ],
};

export function parseSeed(raw: unknown): z.output<typeof SeedSchema> {
  const r = SeedSchema.safeParse(raw);
  if (!r.success) {
    const first = r.error.issues[0]!;
    throw new Error(`invalid seed: ${first.path.join('.') || '(root)'}: ${first.message}`);
  }
  // account references must resolve (checked here, not only when the seed is
  // applied: a seed given for an existing data dir is applied on reset)
  const seed = r.data;
  const known = (ref: string) =>
    seed.accounts.some((a) => (a.id ?? stableUuid(`account:${a.username}`)) === ref || a.username === ref || a.email === ref);
  seed.accounts.forEach((a, i) =>
    a.collaborates_on.forEach((ref) => {
      if (!known(ref)) throw new Error(`invalid seed: accounts.${i}.collaborates_on: unknown account "${ref}"`);
    }),
  );
  seed.devices.forEach((d, i) => {
    if (d.owner !== undefined && !known(d.owner)) throw new Error(`invalid seed: devices.${i}.owner: unknown account "${d.owner}"`);
  });
  return seed;
}

export function makeDevice(
  clock: Clock,
  ownerId: string,
  id: string,
  extra: Partial<DeviceRec> = {},
): DeviceRec {
  const now = clock.iso();
  const agentId = extra.agent_id === undefined ? agentIdFor(id) : extra.agent_id;
  return {
    id,
    name: '',
    mac_address: macFor(id),
    agent_id: agentId,
    agent_url: agentId ? `https://agent.electricimp.com/${agentId}` : null,
    agent_running: agentId !== null,
    agent_state_changed_at: agentId ? now : null,
    device_online: true,
    device_state_changed_at: now,
    last_enrolled_at: now,
    imp_type: 'imp004m',
    ip_address: '203.0.113.7',
    free_memory: 84720,
    rssi: -51,
    swversion: 'e5a9d8c - release-43.16 - Tue Mar 10 10:00:00 2020 - production',
    plan_id: null,
    owner_id: ownerId,
    devicegroup_id: null,
    running_deployment_id: null,
    created_at: now,
    updated_at: now,
    ...extra,
    ...(extra.agent_id !== undefined && extra.agent_url === undefined
      ? { agent_url: agentId ? `https://agent.electricimp.com/${agentId}` : null }
      : {}),
  };
}

/** Fills an (empty) store from a seed. Does not flush or snapshot. */
export function applySeed(store: Store, clock: Clock, rawSeed: unknown): void {
  const seed = parseSeed(rawSeed);
  const now = clock.iso();
  const accounts: AccountRec[] = seed.accounts.map((a) => ({
    id: a.id ?? stableUuid(`account:${a.username}`),
    username: a.username,
    email: a.email,
    password: a.password,
    otp: a.otp === true ? DEFAULT_OTP : typeof a.otp === 'string' ? a.otp : null,
    unbond_key: a.unbond_key ?? `${a.username}-unbond-key`,
    production: a.production,
    collaborates_on: [],
    created_at: now,
    updated_at: now,
  }));
  const resolve = (ref: string, where: string): AccountRec => {
    const acc = accounts.find((x) => x.id === ref || x.username === ref || x.email === ref);
    if (!acc) throw new Error(`invalid seed: ${where}: unknown account "${ref}"`);
    return acc;
  };
  seed.accounts.forEach((a, i) => {
    accounts[i]!.collaborates_on = a.collaborates_on.map((ref) => resolve(ref, `accounts.${i}.collaborates_on`).id);
  });
  for (const acc of accounts) store.put('accounts', acc);
  seed.accounts.forEach((a, i) => {
    for (const lk of a.login_keys) {
      store.put('login_keys', {
        id: lk.id,
        account_id: accounts[i]!.id,
        description: lk.description,
        usages: 0,
        created_at: now,
        updated_at: now,
      });
    }
  });
  seed.devices.forEach((d, i) => {
    const owner = d.owner ? resolve(d.owner, `devices.${i}.owner`) : accounts[0]!;
    const id = d.id ?? stableUuid(`device:${i}`).replace(/-/g, '').slice(0, 16);
    const extra: Partial<DeviceRec> = { imp_type: d.imp_type, device_online: d.device_online, name: d.name ?? '' };
    if (d.mac_address !== undefined) extra.mac_address = d.mac_address.toLowerCase();
    if (d.agent_id !== undefined) extra.agent_id = d.agent_id;
    if (d.agent_running !== undefined) extra.agent_running = d.agent_running;
    if (d.ip_address !== undefined) extra.ip_address = d.ip_address;
    if (d.swversion !== undefined) extra.swversion = d.swversion;
    if (d.plan_id !== undefined) extra.plan_id = d.plan_id;
    store.put('devices', makeDevice(clock, owner.id, id, extra));
    for (const l of d.logs) store.appendLog(id, { ts: l.ts ?? clock.iso(), type: l.type, msg: l.msg });
  });
  for (const acc of accounts) {
    for (let n = 0; n < seed.generated_devices; n++) {
      const id = stableUuid(`gen:${acc.id}:${n}`).replace(/-/g, '').slice(0, 16);
      store.put('devices', makeDevice(clock, acc.id, id, { name: `${acc.username}-device-${n + 1}` }));
    }
  }
}
