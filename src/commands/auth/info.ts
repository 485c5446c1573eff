import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('auth', 'info', 'Displays the status and the details of the authentication applicable to the current directory.');
export const spec = mod.spec;
export const run = mod.run;
