import type { App, Emulator } from '../emulator.js';
export function registerDeployments(_emu: Emulator, _api: App): void {}
