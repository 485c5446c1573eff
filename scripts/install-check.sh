#!/usr/bin/env bash
# Packs this tree as npm would publish it, installs the tarball globally into
# a temporary prefix (never the real global one) and runs impt and
# impt-emulator from the installed copy, with a temporary HOME:
# - the install prints no npm warning (deprecated packages, peer
#   dependencies, engines…);
# - every runtime dependency, the interpreter and the bundled Builder load
#   from the installed copy, so nothing dist/ imports is missing;
# - `impt --version`, `impt --help`, `impt-emulator --version`, and a login,
#   a product created, listed and completed, and a test run (Builder's
#   @include) against a started `impt-emulator`.
# Prints the installed size and package count. Needs only the npm registry.
#   usage: scripts/install-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d "${TMPDIR:-/tmp}/impt-install-check.XXXXXX")
emulator_pid=
cleanup() {
  if [[ -n $emulator_pid ]]; then kill "$emulator_pid" 2>/dev/null || true; wait "$emulator_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "install-check: $*" >&2
  exit 1
}

# `npm pack` runs the prepare script (the build) first
tarball=$(npm pack --silent --pack-destination "$work")
prefix="$work/prefix"
# with --prefix, npm would read its global config from the prefix: keep the
# machine's (registry, certificate authorities…)
globalconfig=$(npm config get globalconfig)
install=(npm install --global --prefix "$prefix" --globalconfig "$globalconfig" --no-audit --no-fund --loglevel=warn)
# npm 11 warns of the prepare script of any package installed from a file
# until it is allowed; it does not run for a tarball (dist/ is in it)
if npm config ls -l 2>/dev/null | grep -q "^allow-scripts "; then install+=("--allow-scripts=file:$work/$tarball"); fi
"${install[@]}" "$work/$tarball" >"$work/install.log" 2>&1 || { cat "$work/install.log" >&2; fail "npm install of the tarball failed"; }
if grep -qi 'warn' "$work/install.log"; then
  cat "$work/install.log" >&2
  fail "npm printed warnings while installing the tarball"
fi

installed="$prefix/lib/node_modules/impt"
[[ -d $installed ]] || installed="$prefix/node_modules/impt" # Windows layout
packages=$(find "$installed/node_modules" -name package.json 2>/dev/null | grep -cE '/node_modules/(@[^/]+/)?[^/@]+/package\.json$' || true)
echo "install-check: installed $(du -sk "$installed" | cut -f1) KB, $packages packages besides impt"

# what dist/ loads at run time is installed: every runtime dependency imports
# from the installed copy, and so do the emulator, the interpreter and the
# bundled Builder; the CLI's own bundles are run by the commands below
(cd "$installed" && node --input-type=module -e '
  import { readFileSync } from "node:fs";
  import { createRequire } from "node:module";
  import { pathToFileURL } from "node:url";
  const { dependencies = {} } = JSON.parse(readFileSync("package.json", "utf8"));
  for (const name of Object.keys(dependencies)) await import(name);
  await import(pathToFileURL("dist/squirrel.js").href);
  createRequire(pathToFileURL("dist/builder/index.js"))("./index.js");
') || fail "a module of the installed dist/ does not load"

export HOME="$work/home" PATH="$prefix/bin:$PATH"
mkdir -p "$HOME" "$work/project"
cd "$work/project"
for var in $(env | grep -o '^IMPT_[A-Z_]*'); do unset "$var"; done

run() {
  local out
  out=$("$@" 2>&1) || { printf '%s\n' "$out" >&2; fail "failed: $*"; }
  printf '%s\n' "$out"
}
[[ $(run impt --version) == "2.6.1" ]] || fail "impt --version"
[[ $(run impt --help) == *$'\nCommands:\n'* ]] || fail "impt --help"
[[ $(run impt-emulator --version) == 2.6.1 ]] || fail "impt-emulator --version"

impt-emulator start --port 0 --in-memory >"$work/emulator.log" 2>&1 &
emulator_pid=$!
url=
for _ in $(seq 600); do
  url=$(grep -o 'http://[^ ]*/v5' "$work/emulator.log" || true)
  [[ -n $url ]] && break
  kill -0 "$emulator_pid" 2>/dev/null || { cat "$work/emulator.log" >&2; fail "impt-emulator start ended"; }
  sleep 0.1
done
[[ -n $url ]] || fail "impt-emulator start printed no URL"

run impt auth login --local --endpoint "$url" --user demo --pwd demo >/dev/null
run impt product create --name InstallCheck >/dev/null
[[ $(run impt product list -z json) == *'"InstallCheck"'* ]] || fail "impt product list does not show the product created"
[[ $(IMPT_COMPLETION_TIMEOUT_MS=120000 run impt completion --words dg create --product Install) == InstallCheck ]] || fail "impt completion does not complete the Product name"
# impt test run: the bundled Builder (an @include) and the impUnit framework of dist/
run impt dg create --name InstallCheckDev --product InstallCheck >/dev/null
run impt device assign --device demo-device-1 --dg InstallCheckDev --confirmed >/dev/null
run impt test create --dg InstallCheckDev --confirmed >/dev/null
mkdir tests
echo 'function helper() { return "helped"; }' >tests/helper.nut
printf '@include "tests/helper.nut"\nclass InstallCheck extends ImpTestCase {\n  function testHelper() { this.assertEqual("helped", helper()); }\n}\n' >tests/helper.test.nut
[[ $(run impt test run) == *'Tests: 1, Assertions: 1, Failures: 0'* ]] || fail "impt test run"
echo "install-check: ok ($tarball)"
