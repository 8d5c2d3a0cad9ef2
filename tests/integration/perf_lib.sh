# SPDX-License-Identifier: GPL-2.0-or-later
# Shared by the perf_*.sh tests: run `perf trace` and `bstrace --perf` on
# the same program and compare what can be compared.  Sourced after lib.sh.

require_perf() {
	command -v perf >/dev/null 2>&1 || fail "perf is not installed (apt-get install linux-perf)"
	perf trace -h 2>&1 | grep -q "perf trace \[" || fail "perf has no trace command"
	# perf trace reads the syscall tracepoints' formats from tracefs.
	if [ ! -d /sys/kernel/tracing/events/syscalls ]; then
		mount -t tracefs nodev /sys/kernel/tracing 2>/dev/null ||
			fail "tracefs is not mounted and could not be mounted"
	fi
}

# perf_body FILE: the calls of a perf-format output, head removed, one per
# line, with what differs between two runs or by design masked:
# - the first execve (perf starts tracing in its middle: "[continued]"),
# - addresses and pids, perf's fd paths (3</usr/lib/...>),
# - string arguments: this perf has no BPF augmenter and prints a pointer
#   where bstrace prints the string (the one allowed difference),
# - the padding before "= ", which depends on the lengths masked above.
perf_body() {
	grep -E '^ +([0-9]+\.[0-9]{3}|\?) \(' "$1" |
	sed -E \
		-e 's/^ +([0-9]+\.[0-9]{3}|\?) \( *([0-9]+\.[0-9]{3} ms|) *\): [^ ]+\/[0-9]+ //' \
		-e '/\[continued\]: execve\(\)/d' |
	sed -E \
		-e '1{/^execve\(/d}' \
		-e 's/"(\\.|[^"\\])*"/ADDR/g' \
		-e 's/0x[0-9a-f]{5,}/ADDR/g' \
		-e 's/([0-9]+)<[^>]*>/\1/g' \
		-e 's/\) += /) = /' \
		-e 's/= [0-9]+ \([^)]*\)$/= PID/' \
		-e 's/^((getpid|gettid|getppid|set_tid_address|clone|vfork|fork|wait4)\(.*\)) = [0-9]+$/\1 = PID/'
}

# same_in_order A B: how many lines of A stand in B identically, in order.
same_in_order() {
	diff --unchanged-line-format='=%L' --old-line-format='' --new-line-format='' "$1" "$2" |
		grep -c '^=' || true
}

# perf_compare PERF_OUT BSTRACE_OUT MIN_PERCENT: perf's calls that bstrace
# printed identically, in order, after perf_body.
perf_compare() {
	perf_body "$1" > "$WORK/p.body"
	perf_body "$2" > "$WORK/b.body"
	total=$(wc -l < "$WORK/p.body")
	[ "$total" -gt 0 ] || fail "perf trace printed no calls"
	same=$(same_in_order "$WORK/p.body" "$WORK/b.body")
	pct=$((same * 100 / total))
	echo "perf lines reproduced (shape and decoded values): $same/$total ($pct%)"
	if [ "$pct" -lt "$3" ]; then
		diff -u "$WORK/p.body" "$WORK/b.body" | head -60 >&2
		fail "only $pct% of perf's lines reproduced (need $3%)"
	fi
}

# perf_check_shape FILE: every call line has perf's head, and "= " is where
# perf puts it: 70 columns after the head, or one space after a longer call.
perf_check_shape() {
	awk '
	/^ +([0-9]+\.[0-9][0-9][0-9]) \(( *[0-9]+\.[0-9][0-9][0-9] ms|         )\): [^ ]+\/[0-9]+ [a-z0-9_]+\(/ {
		head = index($0, "): ")
		rest = substr($0, head + 3)
		call = substr(rest, index(rest, " ") + 1)
		# The call text ends at the last ")" before the padding.
		if (match(call, /\) += /) == 0) { print "no return: " $0; bad++; next }
		text = RSTART
		pad = RLENGTH - 3
		col = text + pad + 1
		if (text < 70 && col != 71) { print "column " col ": " $0; bad++ }
		if (text >= 70 && pad != 1) { print "padding " pad ": " $0; bad++ }
		n++
		next
	}
	/^ +[0-9.]+ \(/ { print "bad head: " $0; bad++ }
	END { if (!n) { print "no call lines"; exit 1 } exit bad ? 1 : 0 }
	' "$1" >&2 || fail "bstrace --perf lines do not have perf's shape"
}

# perf_summary_rows FILE: "name calls errors" of every row of every
# thread's -s table, sorted.
perf_summary_rows() {
	awk '/^   -------/ { inside = 1; next }
	     /^$/ { inside = 0 }
	     inside && NF == 8 { print $1, $2, $3 }' "$1" | sort
}
