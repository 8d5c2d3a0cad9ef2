# SPDX-License-Identifier: GPL-2.0-or-later
# Shared by the integration tests: run strace and bstrace side by side,
# mask what legitimately differs between two runs, and compare.
set -u

: "${BSTRACE:?}" "${PROGS:?}"
WORK=$(mktemp -d /tmp/bstrace-test.XXXXXX)
trap '[ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"' EXIT
[ -z "${KEEP_WORK:-}" ] || echo "KEEP_WORK: $WORK" >&2

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# Tests that need BPF fail without it, unless the runner opts out.
require_bpf() {
	if [ "$(id -u)" -ne 0 ]; then
		if [ "${BSTRACE_SKIP_BPF_TESTS:-0}" = 1 ]; then
			echo "SKIP: not root and BSTRACE_SKIP_BPF_TESTS=1"
			exit 77
		fi
		fail "BPF tests need root (set BSTRACE_SKIP_BPF_TESTS=1 to skip them)"
	fi
	if [ "${BSTRACE_SKIP_BPF_TESTS:-0}" = 1 ]; then
		echo "SKIP: BSTRACE_SKIP_BPF_TESTS=1"
		exit 77
	fi
}

require_strace() {
	if ! command -v strace >/dev/null 2>&1; then
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq strace >/dev/null 2>&1 ||
			fail "strace is not installed and could not be installed"
	fi
}

# Addresses, pids and times differ between two runs of the same program.
mask() {
	sed -E \
		-e 's/0x[0-9a-f]{5,}/ADDR/g' \
		-e 's/^(set_tid_address\(ADDR\) += )[0-9]+/\1PID/' \
		-e 's/^(get(pid|tid|ppid)\(\) += )[0-9]+/\1PID/' \
		-e 's/^\[pid +[0-9]+\] /[pid PID] /' \
		-e 's/= [0-9]+ \(Timeout\)/= N (Timeout)/' \
		"$1"
}

# -f output: mask the "1234  " prefix and any 3+ digit pid as well.
mask_pids() {
	sed -E -e 's/^[0-9]+ +/PID /' -e 's/(= |pid=|\[|\(|, )[0-9]{3,}/\1N/g' \
		-e 's|/\* [0-9]+ vars \*/|/* N vars */|' "$1" > "$1.pm"
	mask "$1.pm"
}

# compare STRACE_OUT BSTRACE_OUT MIN_PERCENT: masked lines, in order.
compare() {
	mask "$1" > "$WORK/s.masked"
	mask "$2" > "$WORK/b.masked"
	total=$(wc -l < "$WORK/s.masked")
	[ "$total" -gt 0 ] || fail "strace printed nothing"
	# Lines of strace's output that bstrace printed identically, in order.
	same=$(diff --unchanged-line-format='=%L' --old-line-format='' --new-line-format='' \
		"$WORK/s.masked" "$WORK/b.masked" | grep -c '^=' || true)
	pct=$((same * 100 / total))
	echo "identical lines: $same/$total ($pct%)"
	if [ "$pct" -lt "$3" ]; then
		diff -u "$WORK/s.masked" "$WORK/b.masked" | head -60 >&2
		fail "only $pct% of strace's lines reproduced (need $3%)"
	fi
}

# held_programs PID: the ids of the BPF programs process PID holds, from
# its fds' fdinfo.
held_programs() {
	grep -h '^prog_id:' /proc/"$1"/fdinfo/* 2>/dev/null | awk '{print $2}' | sort -u
}

# wait_for SECONDS CONDITION...: poll until the condition holds.
wait_for() {
	limit=$(($1 * 10))
	shift
	i=0
	while ! "$@"; do
		i=$((i + 1))
		[ $i -lt $limit ] || return 1
		sleep 0.1
	done
}

# programs_gone IDS: none of the BPF programs IDS is loaded any more.
programs_gone() {
	bpftool prog show | sed -n 's/^\([0-9]*\):.*/\1/p' | sort -u > "$WORK/loaded"
	[ -z "$(echo "$1" | comm -12 - "$WORK/loaded")" ]
}

# trace_sleep OPTIONS...: start `bstrace OPTIONS -o /dev/null sleep 1` in
# the background, its pid in $tracer, and return once sleep runs under it.
trace_sleep() {
	"$BSTRACE" "$@" -o /dev/null sleep 1 &
	tracer=$!
	for _ in $(seq 50); do
		pgrep -P $tracer -x sleep >/dev/null && return 0
		sleep 0.1
	done
	fail "no sleep under bstrace $*"
}
