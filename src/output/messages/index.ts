// Every literal message of impt, one module per group, re-exported here.
export * from './common.js';
export * from './account.js';
export * from './auth.js';
export * from './build.js';
export * from './completion.js';
export * from './context.js';
export * from './device.js';
export * from './dg.js';
export * from './log.js';
export * from './loginkey.js';
export * from './product.js';
export * from './project.js';
export * from './test.js';
export * from './webhook.js';
