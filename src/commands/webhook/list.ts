import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('webhook', 'list', 'Displays information about all or filtered webhooks.');
export const spec = mod.spec;
export const run = mod.run;
