#!/bin/sh
# Runs the example's tests offline: `impt-emulator exec -- ./run.sh`
# (the emulator seeds an account and three online devices).
set -e
cd "$(dirname "$0")"
impt product create --name smoother-example -z minimal > /dev/null
impt dg create --name smoother-tests --product smoother-example -z minimal > /dev/null
impt device assign --device 30000c2a690c0001 --dg smoother-tests --confirmed -z minimal > /dev/null
impt test create --dg smoother-tests --device-file src/device.nut --agent-file src/agent.nut \
  --test-file "tests/*.test.nut" --timeout 10 --confirmed -z minimal > /dev/null
impt test run
