import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('device', 'list', 'Displays information about all or filtered devices.');
export const spec = mod.spec;
export const run = mod.run;
