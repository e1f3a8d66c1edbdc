#!/usr/bin/env bash
# Installs Debian's redis-server when it is missing, so the Redis store tests run on a fresh machine.
set -euo pipefail
command -v redis-server >/dev/null && exit 0
sudo=""
[[ $(id -u) -eq 0 ]] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get install -y --no-install-recommends redis-server >/dev/null 2>&1 \
  || { $sudo apt-get update >/dev/null && $sudo apt-get install -y --no-install-recommends redis-server >/dev/null; }
# The package starts a system-wide server on 6379; the tests start their own on a free port.
$sudo service redis-server stop >/dev/null 2>&1 || true
command -v redis-server >/dev/null
