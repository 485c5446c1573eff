import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('project', 'info', 'Displays information about the project.');
export const spec = mod.spec;
export const run = mod.run;
