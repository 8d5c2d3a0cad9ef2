# SPDX-License-Identifier: GPL-2.0-or-later
# Many tasks: a fork storm (1000 short-lived children) and threads created
# and ended at a high rate, under -f.  Every child and thread is seen, every
# exit reported, the program's own results unharmed, nothing hangs.
. "$TESTLIB"
require_bpf

# strace -f's line prefix: "[pid N] " on a terminal, "N " in a file.
pfx='(\[pid +[0-9]+\] |[0-9]+ +)?'

# lost FILE: records bstrace said it lost (the in-trace markers).
lost() {
	sed -n 's/^--- bstrace: \([0-9]*\) records lost here ---$/\1/p' "$1" | awk '{n += $1} END {print n + 0}'
}

# --- fork storm -------------------------------------------------------------
timeout 180 "$BSTRACE" -f -o "$WORK/forks.out" "$PROGS/robust_forks" 1000 > "$WORK/forks.stdout"
status=$?
[ $status -eq 0 ] || fail "fork storm under bstrace -f: exit $status"
grep -qx 'children 1000 bad 0' "$WORK/forks.stdout" || fail "the children's statuses were harmed: $(cat "$WORK/forks.stdout")"
forks=$(grep -Ec "^${pfx}clone\\(" "$WORK/forks.out")
exits=$(grep -Ec "^${pfx}\\+\\+\\+ exited with [0-9]+ \\+\\+\\+\$" "$WORK/forks.out")
nlost=$(lost "$WORK/forks.out")
echo "fork storm: $forks clone lines, $exits exits, $nlost lost"
[ $((forks + nlost)) -ge 1000 ] || fail "only $forks of 1000 forks seen ($nlost reported lost)"
[ $((exits + nlost)) -ge 1001 ] || fail "only $exits of 1001 exits seen ($nlost reported lost)"
# Each child's exit status as strace prints it: i % 100.
grep -Eq "^${pfx}\\+\\+\\+ exited with 99 \\+\\+\\+\$" "$WORK/forks.out" || fail "no child exit line with status 99"
tail -1 "$WORK/forks.out" | grep -Eq "^${pfx}\\+\\+\\+ exited with 0 \\+\\+\\+\$" || fail "last line: $(tail -1 "$WORK/forks.out")"

# --- threads ----------------------------------------------------------------------
timeout 120 "$BSTRACE" -f -o "$WORK/threads.out" "$PROGS/robust_threads" 1000 > "$WORK/threads.stdout"
status=$?
[ $status -eq 0 ] || fail "thread churn under bstrace -f: exit $status"
grep -qx 'threads 1000' "$WORK/threads.stdout" || fail "threads: $(cat "$WORK/threads.stdout")"
# Whole, or finished by a "<... getppid resumed>" line when threads interleave.
calls=$(grep -Ec "^${pfx}(getppid\\(\\)|<\\.\\.\\. getppid resumed>\\)) += [0-9]+\$" "$WORK/threads.out")
nlost=$(lost "$WORK/threads.out")
echo "threads: $calls of 1000 getppid calls printed, $nlost lost"
[ $((calls + nlost)) -ge 1000 ] || fail "only $calls of 1000 thread calls seen ($nlost reported lost)"
[ "$calls" -le 1000 ] || fail "$calls getppid lines for 1000 calls"
echo ok
