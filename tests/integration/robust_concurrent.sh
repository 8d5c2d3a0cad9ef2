# SPDX-License-Identifier: GPL-2.0-or-later
# Several bstrace at once: each sees its own command and nothing of the
# others' (the task filter is per instance), and a bstrace traced by another
# bstrace (two tracers on the same command) works under both.
. "$TESTLIB"
require_bpf
require_strace

# --- different targets at the same time -------------------------------------------
"$BSTRACE" -o "$WORK/busy.out" "$PROGS/robust_busy" 2 > "$WORK/busy.stdout" &
busy=$!
"$BSTRACE" -o "$WORK/fileio.out" "$PROGS/fileio" "$WORK" > /dev/null &
fileio=$!
for i in 1 2 3 4 5 6; do
	"$BSTRACE" -o "$WORK/echo$i.out" /bin/echo "instance-$i" > /dev/null &
	eval "echo$i=\$!"
done
wait $busy || fail "bstrace robust_busy failed"
wait $fileio || fail "bstrace fileio failed"
for i in 1 2 3 4 5 6; do
	eval "wait \$echo$i" || fail "bstrace echo $i failed"
	grep -q "^write(1, \"instance-$i\\\\n\"" "$WORK/echo$i.out" || fail "instance $i lost its own write"
	[ "$(grep -c 'instance-' "$WORK/echo$i.out")" -eq 2 ] ||
		fail "instance $i saw others' calls: $(grep instance- "$WORK/echo$i.out")"
done
grep -q getppid "$WORK/fileio.out" && fail "fileio's trace has robust_busy's calls"
grep -q instance- "$WORK/busy.out" && fail "robust_busy's trace has echo's calls"
made=$(sed -n 's/^getppid calls //p' "$WORK/busy.stdout")
seen=$(grep -c '^getppid() ' "$WORK/busy.out")
lost=$(sed -n 's/^--- bstrace: \([0-9]*\) records lost here ---$/\1/p' "$WORK/busy.out" | awk '{n += $1} END {print n + 0}')
echo "busy: $made calls, $seen printed, $lost lost"
[ "$seen" -le "$made" ] && [ $((seen + lost)) -ge "$made" ] || fail "busy: $made calls, $seen printed, $lost lost"
strace -o "$WORK/fileio.strace" "$PROGS/fileio" "$WORK" > /dev/null || fail "strace fileio"
compare "$WORK/fileio.strace" "$WORK/fileio.out" 80

# --- two tracers on the same command ------------------------------------------------
timeout 60 "$BSTRACE" -f -o "$WORK/outer.out" "$BSTRACE" -o "$WORK/inner.out" /bin/echo nested > /dev/null ||
	fail "bstrace under bstrace failed"
grep -q '^write(1, "nested\\n", 7) *= 7$' "$WORK/inner.out" || fail "inner tracer missed the write"
grep -Eq '^(\[pid +[0-9]+\] |[0-9]+ +)write\(1, "nested\\n", 7\) *= 7$' "$WORK/outer.out" || fail "outer tracer missed the write"
grep -Eq '^([0-9]+ +)?bpf\(BPF_PROG_LOAD' "$WORK/outer.out" || fail "outer tracer did not see the inner one load its programs"
echo ok
