// An emulator with a seed, a HOME holding demo's auth file and an API client
// logged in as demo: the setup of the device and log end-to-end tests.
import { client, login } from '../emulator/util.js';
import { startEmulator, type EmulatorHandle } from './emulator.js';
import { tempDir, writeAuthFileFor } from './impt.js';

export interface LoggedIn {
  emu: EmulatorHandle;
  home: string;
  api: ReturnType<typeof client>;
}

export async function startLoggedIn(seed: object): Promise<LoggedIn> {
  const emu = await startEmulator({ seed, inMemory: true });
  const home = tempDir();
  await writeAuthFileFor(home, emu.url);
  return { emu, home, api: client(emu, await login(emu)) };
}
