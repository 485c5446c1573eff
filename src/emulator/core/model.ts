// Stored records of the emulator. These are internal shapes (snake_case like
// the wire attributes); serialize.ts turns them into JSON:API resources.
import type { DgWireType } from '../../api/wire.js';

export interface AccountRec {
  id: string;
  username: string;
  email: string;
  password: string;
  /** Fixed one-time password when two-factor login is enabled, else null. */
  otp: string | null;
  unbond_key: string;
  /** Whether the account may create production-zone device groups. */
  production: boolean;
  /** Ids of accounts whose entities this account may see and change. */
  collaborates_on: string[];
  created_at: string;
  updated_at: string;
}

export interface LoginKeyRec {
  id: string;
  account_id: string;
  description: string;
  usages: number;
  created_at: string;
  updated_at: string;
}

export interface RefreshTokenRec {
  id: string;
  token: string;
  account_id: string;
  created_at: string;
}

export interface AccessTokenRec {
  id: string; // the token itself
  account_id: string;
  expires_at_ms: number;
}

export interface ProductRec {
  id: string;
  name: string;
  description: string;
  owner_id: string;
  creator_id: string;
  created_at: string;
  updated_at: string;
}

export interface DeviceGroupRec {
  id: string;
  type: DgWireType;
  name: string;
  description: string;
  region: string;
  /** null until env vars were set once (then the attribute is shown). */
  env_vars: Record<string, string | number> | null;
  load_code_after_blessing: boolean | null;
  product_id: string;
  owner_id: string;
  creator_id: string;
  production_target_id: string | null;
  dut_target_id: string | null;
  current_deployment_id: string | null;
  min_supported_deployment_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface DeploymentRec {
  id: string;
  /** Monotonic creation order, tie-breaker for equal created_at. */
  seq: number;
  device_code: string;
  agent_code: string;
  description: string;
  origin: string;
  flagged: boolean;
  tags: string[];
  sha: string;
  devicegroup_id: string | null;
  devicegroup_type: DgWireType | null;
  product_id: string;
  owner_id: string;
  creator_id: string;
  flagger_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface DeviceRec {
  id: string;
  name: string;
  mac_address: string;
  agent_id: string | null;
  agent_url: string | null;
  agent_running: boolean;
  agent_state_changed_at: string | null;
  device_online: boolean;
  device_state_changed_at: string;
  last_enrolled_at: string;
  imp_type: string;
  ip_address: string | null;
  free_memory: number | null;
  rssi: number | null;
  swversion: string;
  plan_id: string | null;
  owner_id: string;
  devicegroup_id: string | null;
  /** Deployment the device currently runs (set on restart), internal. */
  running_deployment_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookRec {
  id: string;
  url: string;
  event: 'blessing' | 'blinkup' | 'deployment';
  content_type: 'application/json' | 'application/x-www-form-urlencoded';
  devicegroup_id: string;
  devicegroup_type: DgWireType;
  owner_id: string;
  creator_id: string;
  created_at: string;
  updated_at: string;
}

export interface LogEntry {
  ts: string;
  type: string;
  msg: string;
}

/** What an agent keeps with server.save (simulation state, persisted like the rest). */
export interface AgentStorageRec {
  /** the device id */
  id: string;
  /** the saved table as a portable value (src/emulator/imp/values.ts) */
  data: unknown;
  updated_at: string;
}

/** Collection name -> record type. */
export interface Collections {
  accounts: AccountRec;
  login_keys: LoginKeyRec;
  refresh_tokens: RefreshTokenRec;
  access_tokens: AccessTokenRec;
  products: ProductRec;
  devicegroups: DeviceGroupRec;
  deployments: DeploymentRec;
  devices: DeviceRec;
  webhooks: WebhookRec;
  agent_storage: AgentStorageRec;
}
export type CollName = keyof Collections;
export const COLLECTIONS: CollName[] = [
  'accounts',
  'login_keys',
  'refresh_tokens',
  'access_tokens',
  'products',
  'devicegroups',
  'deployments',
  'devices',
  'webhooks',
  'agent_storage',
];
