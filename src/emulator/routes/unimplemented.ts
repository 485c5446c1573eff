// Endpoints of the real service that the emulator does not implement (the
// reference knows them from a third-party client only): an explicit 501
// naming the operation instead of "endpoint does not exist".
import { err } from '../core/errors.js';
import type { App } from '../core/emulator.js';

export function registerUnimplemented(api: App): void {
  api.get('/devices/:id/history', () => {
    throw err.notImplemented('GET /devices/{id}/history');
  });
  api.get('/libraries', () => {
    throw err.notImplemented('GET /libraries');
  });
}
