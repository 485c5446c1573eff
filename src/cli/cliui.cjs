// cliui's CommonJS build, which wraps at word boundaries (wrap-ansi) like the
// cliui of yargs 12 (its ESM build cuts words at the column). A CommonJS
// file, so that both Node and esbuild pick that build: esbuild bundles it
// into the help chunk instead of resolving a tree of packages at run time.
module.exports = require('cliui');
