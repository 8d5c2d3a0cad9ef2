# SPDX-License-Identifier: GPL-2.0-or-later
# The traced threads' states live in task slots, one per tid when pid_max
# allows, and tids that share a slot keep theirs in traced_tasks.  With
# BSTRACE_TASK_SLOTS=1 every traced tid but one shares: a fork and a
# thread, a thread's execve, two attached processes, a fork storm and
# thread churn must come out as they do with a slot each.
. "$TESTLIB"
require_bpf
require_strace

export BSTRACE_TASK_SLOTS=1
"$BSTRACE" -d -o /dev/null "$PROGS/exitcode" 0 2> "$WORK/debug"
grep -qE '^bstrace: 1 task slots \(pid_max [0-9]+\)$' "$WORK/debug" ||
	fail "BSTRACE_TASK_SLOTS=1 was not taken: $(grep slots "$WORK/debug")"

# -f over a fork, an exec and a thread: strace's lines.
strace -f -o "$WORK/s" "$PROGS/proc_fork"
timeout 60 "$BSTRACE" -f -o "$WORK/b" "$PROGS/proc_fork"; [ $? -eq 3 ] || fail "-f: exit status not passed"
mask_pids "$WORK/s" > "$WORK/s.m"
mask_pids "$WORK/b" > "$WORK/b.m"
for line in 'PID execve("/bin/true", ["true"], ADDR /* N vars */) = 0' \
	'PID exit(0)                           = ?' \
	'PID exit_group(3)                     = ?' \
	'PID +++ exited with 3 +++'; do
	grep -qxF "$line" "$WORK/b.m" || fail "-f: missing line: $line"
done
grep -qE '^PID (wait4\(N, |<\.\.\. wait4 resumed>)' "$WORK/b.m" || fail "-f: no wait4 line"
[ "$(grep -c '+++ exited with 0 +++' "$WORK/b")" -eq 2 ] || fail "-f: not one exit line per child and thread"
compare "$WORK/s.m" "$WORK/b.m" 80

# A thread's execve moves its state to the leader's pid.
timeout 60 "$BSTRACE" -f -e trace=execve,exit_group -o "$WORK/b" "$PROGS/proc_thread_exec" ||
	fail "thread exec: bstrace failed"
leader=$(grep -m1 -oE '^[0-9]+' "$WORK/b")
grep -qE "^$leader +\+\+\+ superseded by execve in pid [0-9]+ \+\+\+\$" "$WORK/b" ||
	fail "thread exec: no superseded line: $(cat "$WORK/b")"
tail -2 "$WORK/b" | grep -qE "^$leader +exit_group\(0\) += \?\$" ||
	fail "thread exec: true's exit_group not under $leader: $(cat "$WORK/b")"

# Two attached processes: the second shares the first one's slot.
"$PROGS/proc_loop" 20 &
a=$!
"$PROGS/proc_loop" 20 &
b=$!
sleep 0.1
timeout 60 "$BSTRACE" -p "$a,$b" -e trace=write -o "$WORK/b" 2> "$WORK/err"
for pid in "$a" "$b"; do
	grep -qE "^$pid +write\\(3, \"tick\", 4\\) += 4\$" "$WORK/b" || fail "-p: no '$pid  write' line"
	grep -qE "^$pid +\\+\\+\\+ exited with 0 \\+\\+\\+\$" "$WORK/b" || fail "-p: no exit line for $pid"
done

# 300 children and 300 threads, each created, traced and forgotten.
timeout 120 "$BSTRACE" -f -e trace=clone,exit_group -o "$WORK/forks" "$PROGS/robust_forks" 300 \
	> "$WORK/forks.stdout" || fail "fork storm: bstrace failed or hung"
grep -qx 'children 300 bad 0' "$WORK/forks.stdout" || fail "fork storm: $(cat "$WORK/forks.stdout")"
[ "$(grep -Ec '^[0-9]+ +\+\+\+ exited with [0-9]+ \+\+\+$' "$WORK/forks")" -eq 301 ] ||
	fail "fork storm: not 301 exit lines"
timeout 120 "$BSTRACE" -f -e trace=getppid -o "$WORK/threads" "$PROGS/robust_threads" 300 \
	> "$WORK/threads.stdout" || fail "thread churn: bstrace failed or hung"
[ "$(grep -Ec '^[0-9]+ +(getppid\(\)|<\.\.\. getppid resumed>\)) += [0-9]+$' "$WORK/threads")" -eq 300 ] ||
	fail "thread churn: not 300 getppid lines"
exit 0
