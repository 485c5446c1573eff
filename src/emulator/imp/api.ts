// The imp API installed in each VM's root table: server, imp, agent/device
// messaging, http (agent), hardware and nv (device), constants.
import { bytesToUtf8, rtError, SqTable, utf8ToBytes, type SqValue } from '../../squirrel/value.js';
import type { HardwareState } from './hardware.js';
import { hardwareObjects, HW_CONSTANTS } from './hardware.js';
import {
  argFunction,
  argNumber,
  argString,
  argTable,
  base64Decode,
  base64Encode,
  bytesOf,
  digest,
  jsonDecode,
  jsonEncode,
  makeBlob,
  nat,
  type Native,
  type Portable,
  tbl,
  toNumber,
  toPortable,
  truthy,
  urlDecode,
  urlEncode,
} from './values.js';
import type { ImpVm } from './vm.js';

export const SOFTWARE_VERSION = 'e5e0a1b7 - release-43.12 - Mon Jan 01 00:00:00 2024 - impt-emulator';

export const CONSTANTS: Record<string, number> = {
  ...HW_CONSTANTS,
  SEND_ERROR_NOT_CONNECTED: 1,
  SEND_ERROR_TIMEOUT: 2,
  SEND_ERROR_DISCONNECTED: 3,
  SERVER_CONNECTED: 5,
  NOT_CONNECTED: 0,
  NO_WIFI: 1,
  NO_IP_ADDRESS: 2,
  NOT_RESOLVED: 3,
  NO_SERVER: 4,
  SUSPEND_ON_ERROR: 0,
  RETURN_ON_ERROR: 1,
  RETURN_ON_ERROR_NO_DISCONNECT: 2,
  WAIT_TIL_SENT: 0,
  WAIT_FOR_ACK: 1,
  SHUTDOWN_NEWSQUIRREL: 1,
  SHUTDOWN_NEWFIRMWARE: 2,
  SHUTDOWN_OTHER: 3,
  WAKEREASON_POWER_ON: 0,
  WAKEREASON_TIMER: 1,
  WAKEREASON_SW_RESET: 2,
  WAKEREASON_PIN: 3,
  WAKEREASON_NEW_SQUIRREL: 4,
  WAKEREASON_SQUIRREL_ERROR: 5,
  WAKEREASON_NEW_FIRMWARE: 6,
  WAKEREASON_SNOOZE: 7,
  WAKEREASON_HW_RESET: 8,
  WAKEREASON_BLINKUP: 9,
  WAKEREASON_SW_RESTART: 10,
  ENVIRONMENT_CARD: 0,
  ENVIRONMENT_MODULE: 1,
  ENVIRONMENT_AGENT: 2,
  BLINKUP_ACTIVEHIGH: 1,
  BLINKUP_FAST: 2,
  BLINKUP_ACTIVE: 4,
  BLINKUP_STATUS: 8,
  CONFIG_WIFI: 1,
  CONFIG_REGISTRATION: 2,
  CONFIG_ALL: 3,
  KEEP_ON_ERROR: 1,
  VALIDATE_USING_SYSTEM_CA_CERTS: 0,
  VALIDATE_NONE: 1,
};

export interface OutgoingRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface OutgoingResponse {
  statuscode: number;
  headers: Record<string, string>;
  body: string;
}

/** What the API needs from the device (pair) a VM belongs to. */
export interface ApiHost {
  readonly deviceId: string;
  macAddress(): string;
  impType(): string;
  iso(): string;
  /** emulated ms */
  now(): number;
  /** Device side: wake reason of this boot. */
  wakeReason(): number;
  configParams(side: 'device' | 'agent'): Record<string, string | boolean>;
  agentUrl(): string;
  hardware: HardwareState;
  nv: SqTable | null;
  /** Sends a message to the other side; the send error code (0 = sent). */
  send(from: ImpVm, name: string, data: Portable): number;
  deviceConnected(): boolean;
  /** A warm restart, after `sleepMs` of deep sleep if given. */
  restartDevice(warmReason: number, sleepMs?: number): void;
  bless(vm: ImpVm, success: boolean, cb: SqValue): void;
  factoryBlinkup(vm: ImpVm): void;
  save(data: Portable): void;
  load(vm: ImpVm): SqValue;
  fetch(vm: ImpVm, req: OutgoingRequest, timeoutS: number, done: (r: OutgoingResponse) => void): () => void;
  fetchSync(vm: ImpVm, req: OutgoingRequest, timeoutS: number): OutgoingResponse;
}

const strOf = (vm: ImpVm, v: SqValue): string => bytesToUtf8(typeof v === 'string' ? v : vm.vm.tostring(v));

export function installImpApi(vm: ImpVm, host: ApiHost): void {
  const v = vm.vm;
  const set = (name: string, value: SqValue) => v.root.map.set(name, value);
  for (const [k, n] of Object.entries(CONSTANTS)) set(k, n);

  const log = (isError: boolean) => (args: SqValue[]) => {
    if (args.length !== 1) throw rtError('wrong number of parameters');
    vm.log(isError, strOf(vm, args[0]!));
    return 0;
  };
  const wakeup = (args: SqValue[]) => {
    const seconds = argNumber(args, 0);
    const cb = argFunction(args, 1);
    const id = vm.loop.setTimer(seconds * 1000, () => vm.invoke(cb, []));
    return id === 0 ? null : id;
  };
  const common = {
    wakeup,
    cancelwakeup: (args: SqValue[]) => {
      const id = args[0];
      if (typeof id === 'number') vm.loop.cancelTimer(id);
      return null;
    },
    sleep: () => null,
    getsoftwareversion: () => SOFTWARE_VERSION,
    getmemoryfree: () => Math.max(0, vm.limits.memory - safeMemory(vm)),
    configparams: tbl(host.configParams(vm.side) as Record<string, SqValue>),
  };
  const serverCommon: Record<string, Native> = { log: log(false), error: log(true) };
  // agent.send/on on the device and device.send/on on the agent: the same pair
  const messaging: Record<string, Native> = {
    send: (args) => {
      const name = argString(args, 0);
      return host.send(vm, name, toPortable(v, args[1] ?? null));
    },
    on: (args) => {
      const name = argString(args, 0);
      const fn = argFunction(args, 1, true);
      if (fn === null) vm.handlers.delete(name);
      else vm.handlers.set(name, fn);
      return null;
    },
  };

  if (vm.side === 'device') {
    const sleepFor = (args: SqValue[]) => host.restartDevice(CONSTANTS.WAKEREASON_TIMER!, Math.max(0.001, argNumber(args, 0)) * 1000);
    const sleepUntil = (args: SqValue[]) => {
      const opt = (i: number) => (args[i] === undefined ? undefined : argNumber(args, i));
      host.restartDevice(CONSTANTS.WAKEREASON_TIMER!, untilTime(host.now(), argNumber(args, 0), argNumber(args, 1), opt(2), opt(3)));
    };
    const onidle = (args: SqValue[]) => {
      const cb = argFunction(args, 0, true);
      if (cb) vm.post(cb, []);
      return null;
    };
    set(
      'imp',
      tbl({
        ...common,
        onidle,
        getmacaddress: () => host.macAddress().replace(/:/g, '').toLowerCase(),
        environment: () => CONSTANTS.ENVIRONMENT_MODULE!,
        info: () => tbl({ type: host.impType(), environment: 'module' }),
        net: tbl({ info: () => tbl({ active: 0, interface: [tbl({ type: 'wifi', ssid: 'impt-emulator', rssi: -50, macaddress: host.macAddress().replace(/:/g, '') })] }) }),
        rssi: () => -50,
        getssid: () => 'impt-emulator',
        getbssid: () => '0c2a69000000',
        getchannel: () => 6,
        getcountry: () => 0,
        getethernetspeed: () => 0,
        getbootromversion: () => 'impt-emulator',
        clearconfiguration: () => null,
        enableblinkup: () => null,
        setpowersave: () => null,
        setwificonfiguration: () => null,
        setenroltokens: () => null,
        setrescuepin: () => null,
        setsendbuffersize: () => 0,
        setstaticnetworkconfiguration: () => null,
        scanwifinetworks: () => [],
        deepsleepfor: sleepFor,
        deepsleepuntil: sleepUntil,
        reset: () => host.restartDevice(CONSTANTS.WAKEREASON_SW_RESET!),
      }),
    );
    set(
      'server',
      tbl({
        ...serverCommon,
        isconnected: () => true,
        connect: (args) => {
          const cb = argFunction(args, 0, true);
          if (cb) vm.post(cb, [CONSTANTS.SERVER_CONNECTED!]);
          return CONSTANTS.SERVER_CONNECTED!;
        },
        disconnect: () => null,
        flush: () => true,
        setsendtimeoutpolicy: () => null,
        onunexpecteddisconnect: (args) => {
          vm.callbacks.set('onunexpecteddisconnect', argFunction(args, 0, true));
          return null;
        },
        onshutdown: (args) => {
          const cb = argFunction(args, 0, true);
          if (cb === null) vm.callbacks.delete('onshutdown');
          else vm.callbacks.set('onshutdown', cb);
          return null;
        },
        restart: () => host.restartDevice(CONSTANTS.WAKEREASON_SW_RESTART!),
        sleepfor: sleepFor,
        sleepuntil: sleepUntil,
        expectonlinein: () => null,
        bless: (args) => {
          const cb = argFunction(args, 1, true);
          host.bless(vm, truthy(args[0] ?? null), cb);
          return null;
        },
        factoryblinkup: () => {
          host.factoryBlinkup(vm);
          return null;
        },
      }),
    );
    set(
      'agent',
      tbl(messaging),
    );
    const hw = hardwareObjects({
      vm: v,
      state: host.hardware,
      iso: () => host.iso(),
      later: (fn, a) => vm.post(fn, a),
    }, host.impType());
    set(
      'hardware',
      tbl({
        ...hw,
        getdeviceid: () => host.deviceId,
        getimpeeid: () => host.deviceId,
        millis: () => (host.now() - vm.startedAt) | 0,
        micros: () => ((host.now() - vm.startedAt) * 1000) | 0,
        wakereason: () => host.wakeReason(),
      }),
    );
    set('nv', host.nv ?? new SqTable());
    return;
  }

  // agent
  set('imp', tbl({ ...common, environment: () => CONSTANTS.ENVIRONMENT_AGENT! }));
  set(
    'server',
    tbl({
      ...serverCommon,
      save: (args) => {
        const t = argTable(args, 0)!;
        host.save(toPortable(v, t));
        return 0;
      },
      load: () => host.load(vm),
    }),
  );
  set(
    'device',
    tbl({
      ...messaging,
      onconnect: (args) => {
        vm.callbacks.set('onconnect', argFunction(args, 0, true));
        return null;
      },
      ondisconnect: (args) => {
        vm.callbacks.set('ondisconnect', argFunction(args, 0, true));
        return null;
      },
      isconnected: () => host.deviceConnected(),
    }),
  );
  set('http', httpTable(vm, host));
}

/** Milliseconds from `nowMs` to the next h:m:s (UTC; on weekday `dow` 0 = Sunday, if given). */
export function untilTime(nowMs: number, h: number, m: number, s = 0, dow?: number): number {
  const now = new Date(nowMs);
  const t = new Date(nowMs);
  t.setUTCHours(h, m, s, 0);
  while (t.getTime() <= now.getTime() || (dow !== undefined && dow >= 0 && dow <= 6 && t.getUTCDay() !== dow)) t.setUTCDate(t.getUTCDate() + 1);
  return t.getTime() - nowMs;
}

function safeMemory(vm: ImpVm): number {
  try {
    return vm.vm.memoryUsed();
  } catch {
    return 0;
  }
}

function headersOf(vm: ImpVm, t: SqTable | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!t) return out;
  for (const [k, x] of t.map) out[strOf(vm, k as SqValue)] = strOf(vm, x);
  return out;
}

function headerTable(h: Record<string, string>): SqTable {
  const t = new SqTable();
  for (const [k, x] of Object.entries(h)) t.map.set(utf8ToBytes(k.toLowerCase()), utf8ToBytes(x));
  return t;
}

export function responseTable(r: OutgoingResponse): SqTable {
  const t = new SqTable();
  t.map.set('statuscode', r.statuscode);
  t.map.set('headers', headerTable(r.headers));
  t.map.set('body', r.body);
  return t;
}

function httpTable(vm: ImpVm, host: ApiHost): SqTable {
  const v = vm.vm;
  const request = (method: string, url: SqValue, headers: SqValue, body: SqValue): SqTable => {
    if (typeof url !== 'string') throw rtError(`parameter 1 has an invalid type '${typeof url}' ; expected: 'string'`);
    if (!/^https?:\/\//i.test(url)) throw rtError('URL must start with http:// or https://');
    const req: OutgoingRequest = {
      method,
      url: bytesToUtf8(url),
      headers: headersOf(vm, headers instanceof SqTable ? headers : null),
      body: body === null || body === undefined ? '' : bytesOf(v, body, 2),
    };
    let cancel: (() => void) | null = null;
    let sent = false;
    const once = () => {
      if (sent) throw rtError('request already sent');
      sent = true;
    };
    return tbl({
      sendasync: (args) => {
        once();
        const done = argFunction(args, 0);
        const timeoutArg = args.slice(1).find((a) => toNumber(a) !== undefined && typeof a !== 'boolean');
        const timeout = timeoutArg === undefined ? 600 : toNumber(timeoutArg)!;
        cancel = host.fetch(vm, req, timeout, (r) => vm.post(done, () => [responseTable(r)]));
        return null;
      },
      sendsync: (args) => {
        once();
        const timeout = args.length ? argNumber(args, 0) : 600;
        return responseTable(host.fetchSync(vm, req, timeout));
      },
      cancel: () => {
        cancel?.();
        return null;
      },
      setvalidation: () => null,
    });
  };
  const a = (args: SqValue[], i: number): SqValue => args[i] ?? null;
  const hash = (alg: 'sha256' | 'sha1' | 'md5' | 'sha512', hmac: boolean): Native => (args) =>
    makeBlob(v, digest(alg, bytesOf(v, a(args, 0), 0), hmac ? bytesOf(v, a(args, 1), 1) : undefined));
  return tbl({
    onrequest: (args) => {
      vm.callbacks.set('onrequest', argFunction(args, 0, true));
      return null;
    },
    agenturl: () => utf8ToBytes(host.agentUrl()),
    get: (args) => request('GET', a(args, 0), a(args, 1), null),
    post: (args) => request('POST', a(args, 0), a(args, 1), a(args, 2)),
    put: (args) => request('PUT', a(args, 0), a(args, 1), a(args, 2)),
    httpdelete: (args) => request('DELETE', a(args, 0), a(args, 1), null),
    request: (args) => request(bytesToUtf8(argString(args, 0)).toUpperCase(), a(args, 1), a(args, 2), a(args, 3)),
    jsonencode: (args) => jsonEncode(v, a(args, 0)),
    jsondecode: (args) => jsonDecode(argString(args, 0), 64),
    urlencode: (args) => urlEncode(v, argTable(args, 0)!),
    urldecode: (args) => urlDecode(argString(args, 0)),
    base64encode: (args) => base64Encode(bytesOf(v, a(args, 0), 0)),
    base64decode: (args) => makeBlob(v, base64Decode(argString(args, 0))),
    hash: tbl({
      sha256: hash('sha256', false),
      sha1: hash('sha1', false),
      md5: hash('md5', false),
      sha512: hash('sha512', false),
      hmacsha256: hash('sha256', true),
      hmacsha1: hash('sha1', true),
      hmacmd5: hash('md5', true),
      hmacsha512: hash('sha512', true),
    }),
  });
}

