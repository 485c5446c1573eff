#!/usr/bin/env node
// CommonJS (bin/package.json); the emulator's bundle is an ES module
import('../dist/impt-emulator.js');
