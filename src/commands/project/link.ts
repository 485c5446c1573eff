import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('project', 'link', 'Creates a new Project file and links it to the specified Device Group.');
export const spec = mod.spec;
export const run = mod.run;
