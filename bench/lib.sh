# SPDX-License-Identifier: GPL-2.0-or-later
# Shared by bench/run, bench/nginx and bench/php (sourced).

# install_missing CMD:PACKAGE...: install with apt-get the packages whose
# command is missing; non-zero if that fails.
install_missing() {
	local missing=()
	for cmd_pkg in "$@"; do
		command -v "${cmd_pkg%%:*}" >/dev/null 2>&1 || missing+=("${cmd_pkg#*:}")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq \
		"${missing[@]}" >/dev/null 2>&1
}

# fetch_page PORT: the answer to GET / on 127.0.0.1:PORT, over bash's /dev/tcp.
fetch_page() {
	exec 3<>"/dev/tcp/127.0.0.1/$1" || return 1
	printf 'GET / HTTP/1.0\r\nHost: bench\r\n\r\n' >&3
	cat <&3
	exec 3<&-
}
