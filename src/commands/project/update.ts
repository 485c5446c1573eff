import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('project', 'update', 'Updates the Project settings and/or related Device Group attributes.');
export const spec = mod.spec;
export const run = mod.run;
