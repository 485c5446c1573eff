import type { App, Emulator } from '../emulator.js';
export function registerDevices(_emu: Emulator, _api: App): void {}
