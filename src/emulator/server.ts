// Starts an Emulator on a TCP port with @hono/node-server.
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { buildApp } from './app.js';
import { Emulator, type EmulatorOptions } from './core/emulator.js';

export interface RunningEmulator {
  emu: Emulator;
  host: string;
  port: number;
  url: string;
  close(): Promise<void>;
}

export function createEmulator(opts: EmulatorOptions = {}): Emulator {
  const emu = new Emulator(opts);
  buildApp(emu);
  return emu;
}

export async function startServer(opts: EmulatorOptions & { host?: string; port?: number; allowHosts?: string[] }): Promise<RunningEmulator> {
  const emu = createEmulator(opts);
  const host = opts.host ?? '127.0.0.1';
  let server: ServerType;
  try {
    server = await new Promise((resolve, reject) => {
      const s = serve({ fetch: emu.app.fetch, hostname: host, port: opts.port ?? 0 });
      s.once('error', reject);
      s.once('listening', () => {
        s.off('error', reject);
        resolve(s);
      });
    });
  } catch (e) {
    await emu.close(); // gives the data dir back
    throw e;
  }
  const port = (server.address() as AddressInfo).port;
  emu.serveAt({ host, port, allowHosts: opts.allowHosts ?? [] });
  const urlHost = host.includes(':') ? `[${host}]` : host;
  emu.origin = `http://${urlHost}:${port}`;
  for (const ext of emu.extensions) await ext.start?.(emu);
  return {
    emu,
    host,
    port,
    url: `http://${urlHost}:${port}/v5`,
    async close() {
      for (const ext of emu.extensions) await ext.stop?.(emu);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await emu.close();
    },
  };
}

/** One-line reason why startServer failed, for the command line. */
export function startErrorMessage(e: unknown, host: string, port: number): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') return `port ${port} on ${host} is already in use.`;
  if (code === 'EACCES') return `permission denied to listen on ${host}:${port}.`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `cannot listen on ${host}: address not available.`;
  return e instanceof Error ? e.message : String(e);
}
