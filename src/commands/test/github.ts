import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('test', 'github', 'Creates or updates a GitHub credentials file.');
export const spec = mod.spec;
export const run = mod.run;
