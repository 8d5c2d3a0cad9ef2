# SPDX-License-Identifier: GPL-2.0-or-later
# Beyond strace: --cgroup PATH (cgroup v2 id, checked in the kernel, for
# processes that join later too), --comm NAME (system-wide, new processes
# included), and a process in another pid namespace traced by its host pid.
. "$TESTLIB"
require_bpf

CGROUP2=/sys/fs/cgroup/unified
[ -e "$CGROUP2/cgroup.procs" ] || CGROUP2=/sys/fs/cgroup
[ -e "$CGROUP2/cgroup.procs" ] || fail "no cgroup v2 hierarchy mounted"
group="$CGROUP2/bstrace-test-$$"
mkdir "$group" || fail "cannot create $group"
trap 'rmdir "$group" 2>/dev/null; rm -rf "$WORK"' EXIT

# start_tracer OUT ARGS...: bstrace in the background, given time to load.
start_tracer() {
	out=$1
	shift
	"$BSTRACE" "$@" -e trace=write,exit_group -o "$out" 2> "$out.err" &
	tracer=$!
	sleep 1
	kill -0 $tracer 2>/dev/null || fail "bstrace $* did not start: $(cat "$out.err")"
}

stop_tracer() {
	kill -INT $tracer
	wait $tracer
}

# --cgroup: a process that joins the group after bstrace started is traced,
# one outside it is not.
start_tracer "$WORK/cg" --cgroup "$group"
sh -c "echo \$\$ > '$group/cgroup.procs' && exec '$PROGS/proc_loop' 3"
"$PROGS/proc_loop" 2
stop_tracer
[ "$(grep -cE '^[0-9]+ +write\(3, "tick", 4\) *= 4$' "$WORK/cg")" -eq 3 ] ||
	fail "--cgroup: not the 3 writes of the member: $(cat "$WORK/cg")"
tail -1 "$WORK/cg" | grep -qE '^[0-9]+ +\+\+\+ exited with 0 \+\+\+$' || fail "--cgroup: no exit line"
# A relative path is under the v2 mount; a v1 or missing directory is refused.
start_tracer "$WORK/cg2" --cgroup "$(basename "$group")"
stop_tracer
"$BSTRACE" --cgroup /nonexistent true 2> "$WORK/err"
[ $? -eq 1 ] && grep -q "^bstrace: --cgroup: '/nonexistent': No such file or directory$" "$WORK/err" ||
	fail "--cgroup /nonexistent: $(cat "$WORK/err")"
"$BSTRACE" --cgroup /tmp true 2> "$WORK/err"
[ $? -eq 1 ] && grep -qx "bstrace: --cgroup: '/tmp' is not a cgroup v2 directory" "$WORK/err" ||
	fail "--cgroup /tmp: $(cat "$WORK/err")"

# --comm: every process with that name, started after bstrace, is traced.
name="bst$$loop"
cp "$PROGS/proc_loop" "$WORK/$name"
start_tracer "$WORK/comm" --comm "$name"
"$WORK/$name" 2 &
a=$!
"$WORK/$name" 3
wait $a
"$PROGS/proc_loop" 2
stop_tracer
# The two run at once: a write may be split by the other's line, as strace splits it.
[ "$(grep -c -e 'write(3, "tick", 4) *= 4$' -e '<\.\.\. write resumed>) *= 4$' "$WORK/comm")" -eq 5 ] ||
	fail "--comm: not the 5 writes of the two $name processes: $(cat "$WORK/comm")"
[ "$(grep -c '+++ exited with 0 +++$' "$WORK/comm")" -eq 2 ] || fail "--comm: not two exit lines"
grep -qE "^$a +write" "$WORK/comm" || fail "--comm: no line with the first process's pid"

# A process in its own pid namespace, by its host pid: its lines, its exit.
unshare --pid --fork "$PROGS/proc_loop" 20 &
outer=$!
sleep 0.2
inner=$(pgrep -P $outer)
[ -n "$inner" ] || fail "no process in the new pid namespace"
grep -qE '^NSpid:\s+[0-9]+\s+1$' "/proc/$inner/status" || fail "$inner is not pid 1 of a namespace"
"$BSTRACE" -p "$inner" -e trace=write,exit_group -o "$WORK/ns" 2> "$WORK/ns.err"
grep -qx "bstrace: Process $inner attached" "$WORK/ns.err" || fail "pid namespace: $(cat "$WORK/ns.err")"
grep -q '^write(3, "tick", 4) *= 4$' "$WORK/ns" || fail "pid namespace: no write traced"
tail -1 "$WORK/ns" | grep -qx '+++ exited with 0 +++' || fail "pid namespace: no exit line"
wait $outer
exit 0
