# SPDX-License-Identifier: GPL-2.0-or-later
# Arguments read at a call's entry wait in a per-thread entry buffer until
# its exit.  Threads keep theirs from call to call while few are held, and
# past that give them back at each exit.  100 threads blocked at once in
# recvfrom, then two more calls each: every line shows the address length
# its own call passed in, as strace shows it.
. "$TESTLIB"
require_bpf
require_strace

strace -f -e trace=recvfrom -o "$WORK/s" "$PROGS/entry_threads" 100 > /dev/null ||
	fail "entry_threads failed under strace"
timeout 60 "$BSTRACE" -f -e trace=recvfrom -o "$WORK/b" "$PROGS/entry_threads" 100 > "$WORK/stdout" ||
	fail "entry_threads failed under bstrace"
grep -qx 'threads 100 failed 0' "$WORK/stdout" || fail "the program was harmed: $(cat "$WORK/stdout")"
for len in 101 102 103; do
	# Whole lines, or the resumed halves of calls that waited.
	s=$(grep -cE "\\[$len => 0\\]\\) += 1\$" "$WORK/s")
	b=$(grep -cE "\\[$len => 0\\]\\) += 1\$" "$WORK/b")
	[ "$s" -eq 100 ] || fail "strace itself shows $s calls with length $len"
	[ "$b" -eq 100 ] || fail "$b of 100 calls show length $len going in: $(grep -m3 "=> " "$WORK/b")"
done
[ "$(grep -c 'recvfrom' "$WORK/b")" -ge 300 ] || fail "fewer than 300 recvfrom lines"
exit 0
