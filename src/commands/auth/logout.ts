import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('auth', 'logout', 'Deletes the global or local auth file.');
export const spec = mod.spec;
export const run = mod.run;
