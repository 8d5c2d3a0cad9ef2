# SPDX-License-Identifier: GPL-2.0-or-later
# -c and -C against strace's: the same rows, calls and errors, the same
# layout; -S/-U as strace; time columns only checked for sense.
. "$TESTLIB"
require_bpf
require_strace

# The time columns (% time, seconds, usecs/call) differ between two runs.
mask_times() {
	sed -E 's/^ *[0-9]+\.[0-9]{2} +[0-9]+\.[0-9]{6} +[0-9]+ /TIMES /' "$1" | sort
}

strace -c -o "$WORK/s" "$PROGS/fileio" "$WORK" || fail "strace -c failed"
"$BSTRACE" -c -o "$WORK/b" "$PROGS/fileio" "$WORK" || fail "bstrace -c failed"
head -2 "$WORK/b" > "$WORK/b.head"
head -2 "$WORK/s" | cmp -s - "$WORK/b.head" || fail "header differs: $(cat "$WORK/b.head")"
mask_times "$WORK/s" > "$WORK/s.rows"
mask_times "$WORK/b" > "$WORK/b.rows"
grep -q '^TIMES ' "$WORK/b.rows" || fail "no row in bstrace -c output"
diff -u "$WORK/s.rows" "$WORK/b.rows" >&2 || fail "-c rows (calls, errors, names) differ"
tail -1 "$WORK/b" | grep -qE '^100\.00 +[0-9]+\.[0-9]{6} +[0-9]+ +[0-9]+ +[0-9]+ total$' ||
	fail "bad total row: $(tail -1 "$WORK/b")"
echo "-c: $(wc -l < "$WORK/b.rows") rows identical after masking times"

# Columns without times, sorted by calls then name: byte for byte.
for sortby in calls name errors nothing; do
	strace -c -S "$sortby" -U calls,errors,name -o "$WORK/s" "$PROGS/fileio" "$WORK"
	"$BSTRACE" -c -S "$sortby" -U calls,errors,name -o "$WORK/b" "$PROGS/fileio" "$WORK"
	diff -u "$WORK/s" "$WORK/b" >&2 || fail "-S $sortby -U calls,errors,name differs"
done

# -C: the trace, its exit line, then the table.
strace -C -e trace=openat,close -o "$WORK/s" "$PROGS/fileio" "$WORK"
"$BSTRACE" -C -e trace=openat,close -o "$WORK/b" "$PROGS/fileio" "$WORK"
grep -n '^+++ exited with 0 +++$' "$WORK/b" | grep -q . || fail "-C lost the exit line"
grep -c '^openat(' "$WORK/b" | grep -qx "$(grep -c '^openat(' "$WORK/s")" ||
	fail "-C printed a different number of openat lines"
sed -n '/^% time/,$p' "$WORK/s" > "$WORK/s.table"
sed -n '/^% time/,$p' "$WORK/b" > "$WORK/b.table"
mask_times "$WORK/s.table" > "$WORK/s.rows"
mask_times "$WORK/b.table" > "$WORK/b.rows"
diff -u "$WORK/s.rows" "$WORK/b.rows" >&2 || fail "-C table differs"

# Default system time leaves out sleeping; -w (latency) counts it.
"$BSTRACE" -c -U total-time,calls,name -e trace=clock_nanosleep -o "$WORK/b" sleep 0.2
awk '$3 == "clock_nanosleep" && $1 > 0.05 { bad = 1 } END { exit bad }' "$WORK/b" ||
	fail "system time includes sleep: $(cat "$WORK/b")"
"$BSTRACE" -c -w -U total-time,calls,name -e trace=clock_nanosleep -o "$WORK/b" sleep 0.2
awk '$3 == "clock_nanosleep" && $1 >= 0.19 { ok = 1 } END { exit !ok }' "$WORK/b" ||
	fail "-w latency misses the sleep: $(cat "$WORK/b")"

# Past a syscall's first calls, -c times one call in 16: the counts stay
# exact, byte for byte with strace's.
strace -c -S name -U calls,errors,name -e trace=read,write -o "$WORK/s" \
	dd if=/dev/zero of=/dev/null bs=1 count=5000 2>/dev/null
"$BSTRACE" -c -S name -U calls,errors,name -e trace=read,write -o "$WORK/b" \
	dd if=/dev/zero of=/dev/null bs=1 count=5000 2>/dev/null
diff -u "$WORK/s" "$WORK/b" >&2 || fail "sampled -c counts differ from strace's"

# The time shown is that of all the calls, not of the timed ones: 2000
# sleeps of 100 us take about as long as the loop that makes them (timing
# only the sampled ones would show an eighth of it; a stalled sampled call
# weighs 16 times, hence the wide band).
loop_us=$("$BSTRACE" -c -w -U total-time,calls,name -e trace=clock_nanosleep -o "$WORK/b" \
	"$PROGS/sleeploop" 2000 100) || fail "sleeploop under -c failed"
awk -v loop="$loop_us" '$3 == "clock_nanosleep" && $2 == 2000 &&
	$1 * 1e6 > 0.6 * loop && $1 * 1e6 < 1.6 * loop { ok = 1 } END { exit !ok }' "$WORK/b" ||
	fail "sampled -c -w time is not the loop's $loop_us us: $(cat "$WORK/b")"

# The longest call needs every call timed: one 50 ms sleep among 2000 short ones.
"$BSTRACE" -c -w -U max-time,calls,name -e trace=clock_nanosleep -o "$WORK/b" \
	"$PROGS/sleeploop" 2000 50 1500 >/dev/null || fail "sleeploop under -c failed"
awk '$3 == "clock_nanosleep" && $1 >= 0.05 { ok = 1 } END { exit !ok }' "$WORK/b" ||
	fail "-U max-time missed the one slow call: $(cat "$WORK/b")"

# -f sums the children's calls, like strace -f -c.
strace -f -c -S name -U calls,errors,name -o "$WORK/s" sh -c "$PROGS/fileio $WORK; true"
"$BSTRACE" -f -c -S name -U calls,errors,name -o "$WORK/b" sh -c "$PROGS/fileio $WORK; true"
diff -u "$WORK/s" "$WORK/b" >&2 || fail "-f -c differs"

# Calls still blocked when bstrace looks (a parent's wait4, sleeping
# threads) are not lines of the table, whose first line is its header.
"$BSTRACE" -f -c -o "$WORK/blocked" "$PROGS/proc_fork"
head -1 "$WORK/blocked" | grep -qx '% time     seconds  usecs/call     calls    errors syscall' ||
	fail "-f -c printed more than its table: $(head -3 "$WORK/blocked")"
grep -qE 'unfinished|resumed' "$WORK/blocked" && fail "-f -c printed blocked calls: $(cat "$WORK/blocked")"
grep -qE ' wait4$' "$WORK/blocked" || fail "-f -c did not count wait4: $(cat "$WORK/blocked")"

# Interrupted, bstrace still prints the table of what it counted.
"$BSTRACE" -c -o "$WORK/int" sleep 5 &
tracer=$!
sleep 1
kill -TERM "$tracer"
wait "$tracer"
grep -qE ' execve$' "$WORK/int" || fail "no summary after SIGTERM: $(cat "$WORK/int")"

# --per-process: one table per process, each with its own calls.
"$BSTRACE" -f --per-process -U calls,name -e trace=execve -o "$WORK/pp" \
	sh -c "$PROGS/exitcode 0; $PROGS/exitcode 0"
[ "$(grep -c '^Process [0-9]*:$' "$WORK/pp")" -eq 3 ] ||
	fail "--per-process: not 3 processes: $(cat "$WORK/pp")"
[ "$(grep -cE '^ +1 execve$' "$WORK/pp")" -eq 3 ] ||
	fail "--per-process: not one execve each: $(cat "$WORK/pp")"

# --interval: a table per interval, then the whole run's.
"$BSTRACE" -f --interval=0.3 -U calls,name -e trace=execve -o "$WORK/iv" \
	sh -c "sleep 0.5; $PROGS/exitcode 0; sleep 0.5"
[ "$(grep -c '^--- [0-9:]*, last 0.3 s ---$' "$WORK/iv")" -ge 2 ] ||
	fail "--interval printed no interval headers: $(cat "$WORK/iv")"
sed -n '/^--- whole run ---$/,$p' "$WORK/iv" | grep -qE '^ +4 execve$' ||
	fail "--interval: whole-run table wrong: $(cat "$WORK/iv")"

# The command's exit status passes through -c.
"$BSTRACE" -c -o /dev/null "$PROGS/exitcode" 7
[ $? -eq 7 ] || fail "-c lost the exit status"
exit 0
