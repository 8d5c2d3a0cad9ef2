#!/bin/sh
# Install what the build needs (as root, from Debian's packages), then
# autoreconf, configure and make.  Arguments go to configure.
set -e
cd "$(dirname "$0")"

packages="autoconf automake make gcc pkg-config clang llvm bpftool libbpf-dev libelf-dev
zlib1g-dev libaudit-dev libunwind-dev libcmocka-dev strace linux-perf jq valgrind"
missing=""
for p in $packages; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "autogen.sh: missing packages:$missing (run as root to install them)" >&2
		exit 1
	fi
	echo "autogen.sh: installing$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	# shellcheck disable=SC2086
	apt-get install -y -qq $missing >/dev/null
fi

autoreconf -fi
./configure "$@"
make -j"$(nproc)"
