#!/usr/bin/env node
// CommonJS (bin/package.json), as is the bundle: Node starts its ES module
// loader only for ES modules, which a run of impt then never loads.
// The loader runs the core bundle with its code cache (src/cli/bundle-cache.ts).
const { join } = require('node:path');
const { loadBundle, bundleHashes } = require('../dist/impt-loader.cjs');
loadBundle(join(__dirname, '..', 'dist', 'impt.cjs'), bundleHashes.impt);
