#!/bin/sh
# Runs one process of the deployed shape: `gateway`, a subgraph (`register|schedule|attendance|grades`) or the
# change feed's `changes` process,
# the rest of the arguments passed on (e.g. --config /app/config/gateway.yaml; else GATEWAY_CONFIG).
# Never the embedded demo: without a config file this refuses to start.
set -eu
cd "$(dirname "$0")/.."   # /app: dist/ and config/ are relative to it
role="${1:-gateway}"
[ "$#" -gt 0 ] && shift
case " $* " in
  *" --config "*|*" --config="*) ;;
  *) if [ -z "${GATEWAY_CONFIG:-}" ]; then
       echo "a config file is required: --config <file> or GATEWAY_CONFIG" >&2
       exit 64
     fi ;;
esac
case "$role" in
  gateway) exec node --max-semi-space-size=64 dist/src/main.js "$@" ;;
  register|schedule|attendance|grades|changes) exec node --max-semi-space-size=64 dist/src/subgraph-main.js "$role" "$@" ;;
  *) echo "usage: <gateway|register|schedule|attendance|grades|changes> [--config <file>]" >&2; exit 64 ;;
esac
