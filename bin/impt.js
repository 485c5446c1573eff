#!/usr/bin/env node
import '../dist/impt.js';
