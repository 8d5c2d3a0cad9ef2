# SPDX-License-Identifier: GPL-2.0-or-later
# --min-duration shows exactly the slow calls among thousands of fast ones,
# and -c --min-duration counts only them.  The slow calls sleep 100 ms and
# the threshold is 50 ms, so a fast call preempted on a loaded machine does
# not pass for a slow one.
. "$TESTLIB"
require_bpf

"$BSTRACE" --min-duration=50ms -o "$WORK/b" "$PROGS/slowcalls" || fail "bstrace failed"
calls=$(grep -vc '^+++' "$WORK/b")
slow=$(grep -c '^clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=0, tv_nsec=100000000}, NULL) = 0$' "$WORK/b")
[ "$calls" -eq 3 ] && [ "$slow" -eq 3 ] || fail "expected the 3 sleeps only, got:
$(cat "$WORK/b")"
grep -qx '+++ exited with 0 +++' "$WORK/b" || fail "exit line missing"

# Units: a bare number is milliseconds, as perf's --duration.
"$BSTRACE" --min-duration=50 -o "$WORK/b2" "$PROGS/slowcalls"
[ "$(grep -vc '^+++' "$WORK/b2")" -eq 3 ] || fail "bare --min-duration is not in ms: $(cat "$WORK/b2")"
"$BSTRACE" --min-duration=1s -o "$WORK/b3" "$PROGS/slowcalls"
[ "$(grep -vc '^+++' "$WORK/b3")" -eq 0 ] || fail "--min-duration=1s showed calls"

# Calls that block longer than bstrace waits before it shows a blocked
# call's head (200 ms), but not as long as --min-duration, show nothing:
# no head without its end.  One that does last long enough shows whole,
# or as a head and its resumed end.
"$BSTRACE" -f --min-duration=1s -o "$WORK/b4" "$PROGS/sleeploop" 3 300000 > /dev/null
grep -c clock_nanosleep "$WORK/b4" | grep -qx 0 || fail "--min-duration=1s showed 300 ms sleeps: $(cat "$WORK/b4")"
"$BSTRACE" -f --min-duration=250ms -o "$WORK/b5" sh -c "$PROGS/sleeploop 3 200000 & $PROGS/sleeploop 2 400000; wait" > /dev/null
grep -q 'tv_nsec=200000000' "$WORK/b5" && fail "--min-duration=250ms showed 200 ms sleeps: $(cat "$WORK/b5")"
[ "$(grep -cE '^[0-9]+ +clock_nanosleep\(.*tv_nsec=400000000.*(\) = 0| <unfinished \.\.\.>)$' "$WORK/b5")" -eq 2 ] ||
	fail "--min-duration=250ms: not 2 400 ms sleeps, whole or split: $(cat "$WORK/b5")"
[ "$(grep -c 'unfinished' "$WORK/b5")" -eq "$(grep -c 'resumed' "$WORK/b5")" ] ||
	fail "--min-duration=250ms: a head without its end: $(cat "$WORK/b5")"

# Sleeps just over the threshold all show, with their time: the threshold
# is exact, not rounded to a tick.
"$BSTRACE" -T --min-duration=12ms -e trace=clock_nanosleep -o "$WORK/near" "$PROGS/sleeploop" 200 12500 > /dev/null
[ "$(grep -c '^clock_nanosleep(.*tv_nsec=12500000.* = 0 <0\.01[2-9][0-9]*>$' "$WORK/near")" -eq 200 ] ||
	fail "--min-duration=12ms: not all 200 sleeps of 12.5 ms: $(grep -c clock_nanosleep "$WORK/near") shown"

# Without it, the fast calls are all there (the test can tell the difference).
"$BSTRACE" -e trace=getppid -o "$WORK/all" "$PROGS/slowcalls"
[ "$(grep -c '^getppid()' "$WORK/all")" -eq 6000 ] || fail "fast calls not all traced"

# -c counts only the slow ones.
"$BSTRACE" -c --min-duration=50ms -U calls,name -o "$WORK/c" "$PROGS/slowcalls"
grep -qE '^ +3 clock_nanosleep$' "$WORK/c" || fail "-c --min-duration: $(cat "$WORK/c")"
grep -q getppid "$WORK/c" && fail "-c --min-duration counted fast calls"

# --histogram: the three 100 ms sleeps land in the [64K, 128K) us bucket
# or above (a loaded machine may wake them late), and nowhere below.
"$BSTRACE" --histogram -e trace=clock_nanosleep -o "$WORK/h" "$PROGS/slowcalls"
grep -qx '@usecs\[clock_nanosleep\]:' "$WORK/h" || fail "no histogram: $(cat "$WORK/h")"
awk '/^\[/ { split($0, p, "|"); c = p[1]; sub(/^.*\) +/, "", c); n += c
		if ($0 ~ /^\[(64K|128K|256K), /) slow += c }
	END { exit !(n == 3 && slow == 3) }' "$WORK/h" ||
	fail "sleeps not in the [64K, 128K) us bucket or above: $(cat "$WORK/h")"

# Bad values are one line and exit 1.
for bad in 10q -5 abc 1e400 ""; do
	"$BSTRACE" --min-duration="$bad" true 2> "$WORK/err" && fail "accepted --min-duration=$bad"
	[ "$(wc -l < "$WORK/err")" -eq 1 ] || fail "not one line for --min-duration=$bad"
done
exit 0
