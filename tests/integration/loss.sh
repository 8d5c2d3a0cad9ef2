# SPDX-License-Identifier: GPL-2.0-or-later
# Whatever the kernel side cannot do is counted, by reason, and said at the
# end: records the ring had no room for (marked where they were lost, too),
# threads the task table had no room for, calls whose entry arguments had
# no buffer, calls --per-process had no row for.  The tables are made
# small with BSTRACE_TASK_TABLE, BSTRACE_ENTRY_BUFS and BSTRACE_PROCESS_ROWS
# to fill them; the ring with --buffer-size.
. "$TESTLIB"
require_bpf

# said FILE TEXT: the count on bstrace's closing line "bstrace: N TEXT", or 0.
said() {
	sed -n "s/^bstrace: \\([0-9]*\\) $2\$/\\1/p" "$1" | awk '{ n += $1 } END { print n + 0 }'
}

# --- the ring: a 4 KiB one cannot keep up with a second of getppid ----------
"$BSTRACE" --buffer-size=4096 -o "$WORK/ring.out" "$PROGS/robust_busy" 1 \
	> "$WORK/ring.stdout" 2> "$WORK/ring.err" || fail "robust_busy under a 4 KiB ring failed"
made=$(sed -n 's/^getppid calls //p' "$WORK/ring.stdout")
seen=$(grep -c '^getppid() ' "$WORK/ring.out")
marked=$(sed -n 's/^--- bstrace: \([0-9]*\) records lost here ---$/\1/p' "$WORK/ring.out" |
	awk '{ n += $1 } END { print n + 0 }')
lost=$(said "$WORK/ring.err" 'records lost (the ring buffer was full: try a larger --buffer-size)')
echo "ring: $made calls, $seen printed, $lost lost, $marked marked"
[ "$lost" -gt 0 ] || fail "a 4 KiB ring lost nothing, or did not say so: $(cat "$WORK/ring.err")"
[ "$marked" -eq "$lost" ] || fail "$lost records lost but $marked marked in the trace"
[ "$seen" -le "$made" ] && [ $((seen + lost)) -ge "$made" ] ||
	fail "$made calls made, $seen printed, $lost said lost"

# --- entry buffers: 30 threads blocked in recvfrom, 10 buffers --------------
BSTRACE_ENTRY_BUFS=10 "$BSTRACE" -f -e trace=recvfrom -o "$WORK/entry.out" \
	"$PROGS/entry_threads" 30 > "$WORK/entry.stdout" 2> "$WORK/entry.err" ||
	fail "entry_threads with 10 entry buffers failed"
grep -qx 'threads 30 failed 0' "$WORK/entry.stdout" || fail "the program was harmed: $(cat "$WORK/entry.stdout")"
whole=$(grep -cE '\[10[123] => 0\]\) += 1$' "$WORK/entry.out")
without=$(said "$WORK/entry.err" 'calls shown without their entry arguments (no entry buffer was free)')
echo "entry buffers: $whole of 90 calls with their entry arguments, $without said without"
[ "$without" -ge 20 ] || fail "30 threads blocked with 10 buffers, $without calls said without: $(cat "$WORK/entry.err")"
[ $((whole + without)) -eq 90 ] || fail "$whole whole calls and $without said without, of 90"

# --- the task table: one slot and 4 entries for 31 threads ------------------
BSTRACE_TASK_SLOTS=1 BSTRACE_TASK_TABLE=4 "$BSTRACE" -f -e trace=recvfrom -o "$WORK/tasks.out" \
	"$PROGS/entry_threads" 30 > "$WORK/tasks.stdout" 2> "$WORK/tasks.err" ||
	fail "entry_threads with a 4-entry task table failed"
grep -qx 'threads 30 failed 0' "$WORK/tasks.stdout" || fail "the program was harmed: $(cat "$WORK/tasks.stdout")"
untraced=$(said "$WORK/tasks.err" 'threads not traced (the task table was full)')
traced=$(grep -E '^[0-9]+ +recvfrom' "$WORK/tasks.out" | awk '{ print $1 }' | sort -u | wc -l)
echo "task table: $traced threads traced, $untraced said not traced"
[ "$untraced" -ge 20 ] || fail "31 threads, 4 table entries, $untraced said not traced: $(cat "$WORK/tasks.err")"
[ $((traced + untraced)) -eq 30 ] || fail "$traced threads traced and $untraced said not, of 30 receivers"

# --- --per-process rows: 3 rows for 3 processes' calls ---------------------
total() {
	awk '$2 == "total" { n += $1 } END { print n + 0 }' "$1"
}
cmd=(sh -c "$PROGS/exitcode 0; $PROGS/exitcode 0")
"$BSTRACE" -f --per-process -U calls,name -o "$WORK/rows.all" "${cmd[@]}" 2> "$WORK/rows.all.err" ||
	fail "--per-process failed"
BSTRACE_PROCESS_ROWS=3 "$BSTRACE" -f --per-process -U calls,name -o "$WORK/rows.out" "${cmd[@]}" \
	2> "$WORK/rows.err" || fail "--per-process with 3 rows failed"
uncounted=$(said "$WORK/rows.err" 'calls not counted (the --per-process table was full)')
echo "process rows: $(total "$WORK/rows.out") of $(total "$WORK/rows.all") calls counted, $uncounted said not"
[ "$(said "$WORK/rows.all.err" 'calls not counted (the --per-process table was full)')" -eq 0 ] ||
	fail "calls not counted with a full-size table: $(cat "$WORK/rows.all.err")"
[ "$uncounted" -gt 0 ] || fail "3 rows held every call, or bstrace did not say: $(cat "$WORK/rows.err")"
[ $(($(total "$WORK/rows.out") + uncounted)) -eq "$(total "$WORK/rows.all")" ] ||
	fail "$(total "$WORK/rows.out") counted and $uncounted not, against $(total "$WORK/rows.all") calls"
exit 0
