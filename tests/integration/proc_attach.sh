# SPDX-License-Identifier: GPL-2.0-or-later
# -p PID: attach, follow, detach on SIGINT leaving the target running, a
# target's own exit ending the trace, pid lists, -p with a command.
. "$TESTLIB"
require_bpf
require_strace

"$PROGS/proc_loop" 0 &
target=$!
trap 'kill $target 2>/dev/null; rm -rf "$WORK"' EXIT
sleep 0.2

# Attach, trace a few ticks, detach with SIGINT: the target runs on.
"$BSTRACE" -p "$target" -e trace=write -o "$WORK/b" 2> "$WORK/err" &
tracer=$!
sleep 1.5
kill -INT $tracer
wait $tracer
rc=$?
[ $rc -eq 130 ] || fail "exit status after SIGINT is $rc, strace's is 130"
grep -qx "bstrace: Process $target attached" "$WORK/err" || fail "no attach message: $(cat "$WORK/err")"
grep -qx "bstrace: Process $target detached" "$WORK/err" || fail "no detach message: $(cat "$WORK/err")"
n=$(grep -cxF 'write(3, "tick", 4)                     = 4' "$WORK/b")
[ "$n" -ge 5 ] || fail "only $n write lines in 1.5 s: $(cat "$WORK/b")"
kill -0 $target 2>/dev/null || fail "the target did not survive the detach"
grep -q 'State:.*[RS]' /proc/$target/status || fail "the target is not running: $(grep State /proc/$target/status)"

# -y and -yy after -p: an fd opened before the attach has its path (and
# its device), read from /proc at the attach, with a trace that leaves
# open out.
for y in -y -yy; do
	"$BSTRACE" $y -p "$target" -e trace=write -o "$WORK/y" 2>/dev/null &
	tracer=$!
	sleep 0.5
	kill -INT $tracer
	wait $tracer
	[ $y = -y ] && path='/dev/null' || path='/dev/null<char 1:3>'
	grep -qxF "write(3<$path>, \"tick\", 4) = 4" <(sed 's/  *= / = /' "$WORK/y") ||
		fail "$y -p: $(head -2 "$WORK/y")"
done

# strace's lines for the same target are bstrace's (restart_syscall aside).
strace -p "$target" -e trace=write -o "$WORK/s" 2>/dev/null &
tracer=$!
sleep 0.4
kill -INT $tracer
wait $tracer
grep -xF 'write(3, "tick", 4)                     = 4' "$WORK/s" > "$WORK/s.w"
[ -s "$WORK/s.w" ] || fail "strace saw no write"

# -q leaves the messages out.
"$BSTRACE" -q -p "$target" -e trace=write -o /dev/null 2> "$WORK/err" &
tracer=$!
sleep 0.3
kill -TERM $tracer
wait $tracer
[ ! -s "$WORK/err" ] || fail "-q printed: $(cat "$WORK/err")"

# A target that exits ends the trace with its exit line, and status 0.
"$PROGS/proc_loop" 20 &
short=$!
sleep 0.1
"$BSTRACE" -p "$short" -e trace=write -o "$WORK/b" 2>"$WORK/err"
rc=$?
[ $rc -eq 0 ] || fail "exit status $rc when the attached process exits: $(cat "$WORK/err")"
tail -1 "$WORK/b" | grep -qx '+++ exited with 0 +++' || fail "no exit line: $(tail -1 "$WORK/b")"

# Pid lists, comma and space separated; with -o every line has its pid.
"$PROGS/proc_loop" 20 &
a=$!
"$PROGS/proc_loop" 20 &
b=$!
sleep 0.1
"$BSTRACE" -p "$a,$b" -e trace=write -o "$WORK/b" 2> "$WORK/err"
grep -qx "bstrace: Process $a attached" "$WORK/err" && grep -qx "bstrace: Process $b attached" "$WORK/err" ||
	fail "a pid of the list was not attached: $(cat "$WORK/err")"
grep -qE "^$a +write\\(3, \"tick\", 4\\) += 4\$" "$WORK/b" || fail "no '$a  write' line"
grep -qE "^$b +write\\(3, \"tick\", 4\\) += 4\$" "$WORK/b" || fail "no '$b  write' line"
grep -qE "^$a +\\+\\+\\+ exited with 0 \\+\\+\\+\$" "$WORK/b" || fail "no exit line for $a"
"$PROGS/proc_loop" 20 &
a=$!
"$BSTRACE" -p "$a $target" -e trace=none -o /dev/null 2> "$WORK/err" &
tracer=$!
sleep 0.4
kill -INT $tracer
wait $tracer
grep -c 'attached$' "$WORK/err" | grep -qx 2 || fail "space-separated list: $(cat "$WORK/err")"

# -p with a command: both traced until both end (as strace), the command's
# status passed through.
"$PROGS/proc_loop" 20 &
a=$!
"$BSTRACE" -p "$a" -e trace=write,exit_group -o "$WORK/b" "$PROGS/exitcode" 4 2>/dev/null
rc=$?
[ $rc -eq 4 ] || fail "-p with a command: status $rc, not 4"
grep -qE '^[0-9]+ +exit_group\(4\) += \?$' "$WORK/b" || fail "the command was not traced"
grep -qE "^$a +\\+\\+\\+ exited with 0 \\+\\+\\+\$" "$WORK/b" || fail "the attached process was not followed to its end"

# A target blocked in a call when bstrace attaches: the call shows with
# what it returns, or, still blocked at the detach, as strace's
# "<detached ...>" line.  The first line is strace's.
blocked_first_line() {
	(sleep "$2"; echo hi) | cat > /dev/null &
	reader=$!
	sleep 0.3
	timeout -s INT "$3" "$1" -p "$reader" -o "$WORK/blocked" 2> /dev/null
	wait "$reader"
	head -1 "$WORK/blocked"
}
s=$(blocked_first_line strace 1 5)
b=$(blocked_first_line "$BSTRACE" 1 5)
[ "$s" = 'read(0, "hi\n", 131072)                 = 3' ] || fail "strace's first line after attach: $s"
[ "$b" = "$s" ] || fail "the call blocked at attach: '$b', strace shows '$s'"
s=$(blocked_first_line strace 2 0.6)
b=$(blocked_first_line "$BSTRACE" 2 0.6)
[ "$s" = 'read(0,  <detached ...>' ] || fail "strace's line at the detach: $s"
[ "$b" = "$s" ] || fail "the call blocked at the detach: '$b', strace shows '$s'"
# Its arguments in memory are read when it shows: a signal set here.
perl -MPOSIX -e 'sigsuspend(POSIX::SigSet->new(SIGUSR1))' &
waiter=$!
sleep 0.3
timeout -s INT 0.5 "$BSTRACE" -p "$waiter" -o "$WORK/blocked" 2> /dev/null
kill $waiter
grep -qxF 'rt_sigsuspend([USR1], 8 <detached ...>' "$WORK/blocked" ||
	fail "rt_sigsuspend blocked at the detach: $(cat "$WORK/blocked")"
# Every kind read as the kernel side reads it, as strace prints these:
# poll's array, select's fd set and timeout (what the call was given, in
# its place), write's buffer cut at -s.
blocked_head() {
	perl -e "$1" < <(sleep 10) &
	waiter=$!
	sleep 0.4
	timeout -s INT 0.5 "$BSTRACE" -p "$waiter" -o "$WORK/blocked" 2> /dev/null
	kill $waiter
	wait $waiter 2>/dev/null
	head -1 "$WORK/blocked"
}
line=$(blocked_head 'use IO::Poll; $p = IO::Poll->new; $p->mask(\*STDIN => POLLIN); $p->poll(5)')
[ "$line" = 'poll([{fd=0, events=POLLIN}], 1, 5000 <detached ...>' ] || fail "blocked poll: $line"
line=$(blocked_head 'vec($r, 0, 1) = 1; select($r, undef, undef, 5)')
echo "$line" | grep -qE '^pselect6\([0-9]+, \[0\], NULL, NULL, \{tv_sec=[0-5], tv_nsec=[0-9]+\}, NULL <detached \.\.\.>$' ||
	fail "blocked pselect6: $line"
line=$(blocked_head 'pipe(R, W); syswrite(W, "y" x 70000)')
[ "$line" = "write(4, \"$(printf 'y%.0s' $(seq 32))\"..., 70000 <detached ...>" ] ||
	fail "blocked write: $line"

# strace's messages for bad pids.
"$BSTRACE" -p abc true 2> "$WORK/err"; [ $? -eq 1 ] || fail "-p abc accepted"
grep -qx "bstrace: Invalid process id: 'abc'" "$WORK/err" || fail "message: $(cat "$WORK/err")"
"$BSTRACE" -p 0 2> "$WORK/err"; [ $? -eq 1 ] || fail "-p 0 accepted"
grep -qx "bstrace: Invalid process id: '0'" "$WORK/err" || fail "message: $(cat "$WORK/err")"
exit 0
