# SPDX-License-Identifier: GPL-2.0-or-later
# A trace that prints no time stamps its records with an ordering stamp
# (bpf/stamp.bpf.h) instead of a clock read per event.  The lines of two
# processes must still come in the order the calls happened, and options
# that print or use times must still get the clock.
. "$TESTLIB"
require_bpf
require_strace
command -v bpftool >/dev/null 2>&1 || PATH=$PATH:/usr/sbin

# causal FILE: pingpong's trace in FILE is in causal order: each write of n
# shows (whole, or as its unfinished head) before the line on which the
# read of n returns.  Prints how many reads it checked.
causal() {
	awk '
	match($0, /write\([0-9]+, "[0-9]+"/) {
		n = substr($0, RSTART, RLENGTH); sub(/^[^"]*"/, "", n); sub(/"$/, "", n)
		if (!(n in w)) w[n] = NR
	}
	match($0, /(read\([0-9]+, |<\.\.\. read resumed>)"[0-9]+", [0-9]+\) += [0-9]+/) {
		n = substr($0, RSTART, RLENGTH); sub(/^[^"]*"/, "", n); sub(/".*/, "", n)
		r[n] = NR
	}
	END {
		for (n in r) {
			checked++
			if (!(n in w) || w[n] > r[n]) {
				print "the read of " n " returns on line " r[n] ", its write is on line " w[n]
				exit 1
			}
		}
		print checked
	}' "$1"
}

ROUNDS=2000
strace -f -o "$WORK/s" "$PROGS/pingpong" $ROUNDS || fail "pingpong failed under strace"
checked=$(causal "$WORK/s") || fail "the checker rejects strace's own trace: $checked"
[ "$checked" -eq $ROUNDS ] || fail "strace's trace has $checked of $ROUNDS reads"
for opts in "" "-tt" "-e trace=read,write"; do
	# shellcheck disable=SC2086
	"$BSTRACE" -f $opts -o "$WORK/b" "$PROGS/pingpong" $ROUNDS || fail "bstrace -f $opts failed"
	checked=$(causal "$WORK/b") || fail "bstrace -f $opts: $checked"
	[ "$checked" -eq $ROUNDS ] || fail "bstrace -f $opts shows $checked of $ROUNDS reads"
done
echo "pingpong: $ROUNDS reads after their writes, with and without -tt"

# exit_code_of OPTIONS...: the translated code of the sys_exit dispatcher
# bstrace runs while it traces `sleep 1` with OPTIONS.
exit_code_of() {
	trace_sleep "$@"
	for id in $(held_programs $tracer); do
		bpftool prog show id "$id" | grep -qE ' name (on|tp)_sys_exit ' &&
			bpftool prog dump xlated id "$id"
	done
	wait $tracer || fail "bstrace $* failed"
}

# The ordering stamp is a shared counter: an atomic add.  The verifier
# drops the branch the settings rule out, so the code shows which runs.
exit_code_of | grep -q atomic64_fetch_add || fail "a plain trace reads the clock per event"
for opts in -tt -T -r -c --json --min-duration=1ms --folded; do
	code=$(exit_code_of $opts)
	echo "$code" | grep -q bpf_ktime_get_ns || fail "bstrace $opts: no clock in sys_exit"
	! echo "$code" | grep -q atomic64_fetch_add || fail "bstrace $opts uses ordering stamps"
done

# What -ttt prints is the clock: ordering stamps would give every line of a
# tick one time, hundreds of dd's calls.  The clock moves on every few
# calls, even where a call takes less than a microsecond.
"$BSTRACE" -ttt -e trace=read,write -o "$WORK/t" dd if=/dev/zero of=/dev/null bs=1 count=2000 2>/dev/null
awk '{ n++; run = $1 == prev ? run + 1 : 1; if (run > longest) longest = run; prev = $1 }
     END { print longest + 0, n }' "$WORK/t" >"$WORK/same"
read -r longest lines <"$WORK/same"
[ "$lines" -ge 4000 ] || fail "-ttt: $lines lines of dd's 4000 calls"
[ "$longest" -le 10 ] || fail "-ttt: $longest lines in a row show the same time"
echo "a plain trace uses ordering stamps; -tt -T -r -c --json --min-duration --folded read the clock;" \
     "-ttt: at most $longest of $lines lines in a row share a microsecond"
