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

# wait_until CONDITION...: poll for 5 s until the condition holds.
wait_until() {
	for _ in $(seq 100); do
		"$@" 2>/dev/null && return 0
		sleep 0.05
	done
	return 1
}

# port_open PORT: something listens on 127.0.0.1:PORT.
port_open() {
	(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# said_losses FILE CASE: repeat, for CASE, bstrace's closing lines in FILE
# that say what it could not do ("bstrace: N records lost (...)", "bstrace:
# N threads not traced (...)": every reason in the man page's DIAGNOSTICS).
said_losses() {
	grep -E '^bstrace: [0-9]+ ' "$1" | sed "s/^/bench: $2: /" >&2
}

# median VALUE...: the middle value (the lower middle one of an even
# count); "-" when the values are not numbers.
median() {
	printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (v[1] == "-" ? "-" : v[int((NR + 1) / 2)]) }'
}

# cpu_seconds PID: the user and system CPU time PID's threads have used so
# far, in seconds: what a tracer costs the machine beside the slowdown of
# the service it traces.  Fields 14 and 15 of stat, counted after the
# command name, which may hold spaces.
cpu_seconds() {
	local stat
	stat=$(cat "/proc/$1/stat" 2>/dev/null) || { echo -; return; }
	echo "${stat##*) }" | awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f\n", ($12 + $13) / hz }'
}

# nginx_config DIR PORT WORKERS SERVER_BODY: an nginx.conf keeping all its
# files in DIR, with one server on 127.0.0.1:PORT.  DIR is made 0755:
# nginx's workers run as nobody, and mktemp -d's 0700 made nginx answer
# every request with a 403.
nginx_config() {
	chmod 755 "$1"
	mkdir -p "$1/tmp"
	cat <<EOF
daemon off;
master_process on;
worker_processes $3;
pid $1/nginx.pid;
error_log $1/error.log;
events { worker_connections 1024; }
http {
	access_log $1/access.log;
	client_body_temp_path $1/tmp;
	proxy_temp_path $1/tmp;
	fastcgi_temp_path $1/tmp;
	uwsgi_temp_path $1/tmp;
	scgi_temp_path $1/tmp;
	server {
		listen 127.0.0.1:$2;
		$4
	}
}
EOF
}
