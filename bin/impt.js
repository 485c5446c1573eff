#!/usr/bin/env node
// CommonJS (bin/package.json), as is the bundle: Node starts its ES module
// loader only for ES modules, which a run of impt then never loads.
require('../dist/impt.cjs');
