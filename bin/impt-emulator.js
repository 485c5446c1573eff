#!/usr/bin/env node
import '../dist/impt-emulator.js';
