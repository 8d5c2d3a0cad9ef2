# SPDX-License-Identifier: GPL-2.0-or-later
# Kills: bstrace killed by SIGKILL leaves nothing attached or pinned and
# the command runs on; a command killed by SIGKILL in the middle of a call
# is reported as strace reports it and bstrace dies of the same signal.
. "$TESTLIB"
require_bpf

# --- bstrace killed by SIGKILL ---------------------------------------------
"$BSTRACE" -o "$WORK/k.out" sh -c "sleep 1; echo ran-on > $WORK/done" &
tracer=$!
wait_for 10 grep -qs "^execve" "$WORK/k.out" || fail "no trace started"
ids=$(held_programs $tracer)
[ -n "$ids" ] || fail "bstrace holds no BPF programs? (fdinfo of $tracer)"
! programs_gone "$ids" || fail "bpftool does not list bstrace's programs: the check below would prove nothing"
kill -KILL $tracer
wait $tracer 2>/dev/null
wait_for 10 test -s "$WORK/done" || fail "the command did not run on after bstrace was killed"
wait_for 10 programs_gone "$ids" || fail "BPF programs $ids still loaded after bstrace was killed"
if [ -d /sys/fs/bpf ] && find /sys/fs/bpf -name '*bstrace*' | grep -q .; then
	fail "bstrace left pinned objects: $(find /sys/fs/bpf -name '*bstrace*')"
fi
echo "tracer SIGKILL: programs $(echo $ids | wc -w) released, command ran on"

# --- the command killed by SIGKILL in the middle of a call ------------------
"$BSTRACE" -o "$WORK/c.out" sleep 30 &
tracer=$!
wait_for 10 grep -qs "^execve" "$WORK/c.out" || fail "no trace of sleep started"
target=$(pgrep -P $tracer sleep)
[ -n "$target" ] || fail "no sleep under bstrace"
sleep 0.3
kill -KILL "$target"
wait $tracer
status=$?
[ $status -eq 137 ] || fail "bstrace exited $status when its command was killed (want 137, as strace)"
tail -1 "$WORK/c.out" | grep -qx '+++ killed by SIGKILL +++' || fail "last line: $(tail -1 "$WORK/c.out")"
grep -q '^clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=30, tv_nsec=0}, ' "$WORK/c.out" ||
	fail "the interrupted call is missing: $(cat "$WORK/c.out" | tail -3)"
echo "command SIGKILL: $(grep nanosleep "$WORK/c.out")"
echo ok
