import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('project', 'delete', 'Deletes the Project file and related entities.');
export const spec = mod.spec;
export const run = mod.run;
