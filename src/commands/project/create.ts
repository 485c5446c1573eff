import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('project', 'create', 'Creates a new Device Group and a new Project file.');
export const spec = mod.spec;
export const run = mod.run;
