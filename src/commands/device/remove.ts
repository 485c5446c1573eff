import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('device', 'remove', 'Removes the specified Device from the current account.');
export const spec = mod.spec;
export const run = mod.run;
