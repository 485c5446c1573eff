import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('log', 'stream', 'Displays logs from the specified devices in real-time.');
export const spec = mod.spec;
export const run = mod.run;
