# SPDX-License-Identifier: GPL-2.0-or-later
# With few syscalls selected, bstrace attaches to their own events
# (src/syscall_events.c): the syscalls left out run no program at all, the
# lines are strace's, and bstrace's exit does not wait for the events'
# release (about 50 ms each).
. "$TESTLIB"
require_bpf
require_strace
command -v bpftool >/dev/null 2>&1 || PATH=$PATH:/usr/sbin

# The kernel counts program runs only while bpf_stats_enabled is set.
old_stats=$(cat /proc/sys/kernel/bpf_stats_enabled)
trap 'echo "$old_stats" > /proc/sys/kernel/bpf_stats_enabled; [ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"' EXIT
echo 1 > /proc/sys/kernel/bpf_stats_enabled || fail "cannot enable BPF run statistics"

# runs_of TRACER NAME: how often the program NAME that process TRACER holds ran.
runs_of() {
	for id in $(held_programs "$1"); do
		bpftool prog show id "$id" | sed -n "s/.* name $2 .* run_cnt \([0-9]*\).*/\1/p"
	done | head -1
}

# 2000 getppid calls and 4000 reads and writes, then a pause to read the
# count in.  Other processes make reads and writes all the time (make check
# runs tests side by side), but seldom getppid.
workload="$PROGS/hammer 1 2000; dd if=/dev/zero of=/dev/null bs=1 count=2000 2>/dev/null; sleep 1"
"$BSTRACE" -f -e trace=getppid -o "$WORK/getppid.out" sh -c "$workload" &
tracer=$!
sleep 0.7
runs=$(runs_of $tracer tp_sys_enter)
wait $tracer || fail "bstrace -e trace=getppid failed"
[ -n "$runs" ] || fail "-e trace=getppid: no tp_sys_enter program (raw tracepoints?)"
[ "$runs" -ge 2000 ] && [ "$runs" -lt 3000 ] ||
	fail "-e trace=getppid ran the dispatcher $runs times for 2000 getppid and 4000 other calls"
[ "$(grep -cE '^[0-9]+ +getppid\(\) += ' "$WORK/getppid.out")" -ge 2000 ] ||
	fail "-e trace=getppid: $(grep -cE '^[0-9]+ +getppid\(\) += ' "$WORK/getppid.out") of 2000 calls printed"
echo "-e trace=getppid: tp_sys_enter ran $runs times for 2000 getppid and 4000 reads and writes"

# The lines are strace's.
for sel in read,write openat,close,execve %process; do
	strace -e trace=$sel -o "$WORK/s.out" "$PROGS/fileio" "$WORK" >/dev/null 2>&1
	"$BSTRACE" -e trace=$sel -o "$WORK/b.out" "$PROGS/fileio" "$WORK" >/dev/null 2>&1 ||
		fail "bstrace -e trace=$sel failed"
	compare "$WORK/s.out" "$WORK/b.out" 100
done

# Releasing the events happens after bstrace exits.
start=$(date +%s%N)
"$BSTRACE" -e trace=openat,close,read,write,mmap -o /dev/null /bin/true || fail "bstrace /bin/true failed"
ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$ms" -lt 250 ] || fail "bstrace -e trace=(5 syscalls) /bin/true took $ms ms: it waited for the events' release"
echo "bstrace -e trace=(5 syscalls) /bin/true: $ms ms"

# ... and does happen: a holder keeps the links until bstrace has exited,
# then the kernel releases them.  Raw tracepoints (a full trace) too.
for opts in "-e trace=openat,close" ""; do
	trace_sleep $opts
	ids=$(held_programs $tracer)
	[ -n "$ids" ] && ! programs_gone "$ids" || fail "bstrace $opts: no BPF program to watch"
	wait $tracer || fail "bstrace $opts sleep 1 failed"
	wait_for 10 programs_gone "$ids" || fail "bstrace $opts: programs $ids still loaded after it exited"
	echo "bstrace $opts: $(echo $ids | wc -w) programs released after it exited"
done

# rt_sigreturn has no exit event (it restores a syscall number of -1), so
# selecting it keeps the raw tracepoints: every handler's return is shown.
handlers='$SIG{USR1} = sub {}; kill USR1 => $$ for 1 .. 3'
strace -e trace=rt_sigreturn -o "$WORK/sigret.s" perl -e "$handlers" || fail "strace perl failed"
"$BSTRACE" -e trace=rt_sigreturn -o "$WORK/sigret.b" perl -e "$handlers" || fail "bstrace perl failed"
n=$(grep -c '^rt_sigreturn(' "$WORK/sigret.b")
[ "$n" -ge 3 ] || fail "-e trace=rt_sigreturn: $n rt_sigreturn lines: $(cat "$WORK/sigret.b")"
sed -Ei 's/si_pid=[0-9]+/si_pid=PID/' "$WORK/sigret.s" "$WORK/sigret.b"
diff "$WORK/sigret.s" "$WORK/sigret.b" >&2 || fail "-e trace=rt_sigreturn differs from strace's"
