import type { App, Emulator } from '../emulator.js';
export function registerDevicegroups(_emu: Emulator, _api: App): void {}
