#!/usr/bin/env bash
# Install a Debian package when a file it provides is missing.
#
#   scripts/apt-ensure.sh /usr/bin/chromium chromium
#   scripts/apt-ensure.sh /usr/bin/wrk wrk
#
# Runs apt-get as root (or through sudo when available), and retries because
# another process may hold the apt/dpkg lock for a moment.
set -euo pipefail

if [ "$#" -lt 2 ]; then
  echo "usage: $0 PATH PACKAGE [PACKAGE...]" >&2
  exit 2
fi
path=$1
shift

if [ -e "$path" ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "apt-ensure: $path is missing; install the Debian package(s) '$*' as root" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "apt-ensure: $path is missing and this is not a Debian/Ubuntu system; install '$*' by hand" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
echo "apt-ensure: $path missing, installing: $*"
for attempt in 1 2 3 4; do
  if "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=120 update -qq \
     && "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=120 install -y -qq --no-install-recommends "$@"; then
    break
  fi
  echo "apt-ensure: attempt $attempt failed; retrying in $((attempt * 10)) s" >&2
  sleep $((attempt * 10))
done

if [ ! -e "$path" ]; then
  echo "apt-ensure: $path still missing after installing '$*'" >&2
  exit 1
fi
