import type { App, Emulator } from '../emulator.js';
export function registerWebhooks(_emu: Emulator, _api: App): void {}
