# SPDX-License-Identifier: GPL-2.0-or-later
# bstrace exits as the command did, and says so as strace does.
. "$TESTLIB"
require_bpf

"$BSTRACE" -o "$WORK/b" "$PROGS/exitcode" 3
[ $? -eq 3 ] || fail "exit status not passed through"
tail -1 "$WORK/b" | grep -qx '+++ exited with 3 +++' || fail "no exit line: $(tail -1 "$WORK/b")"
grep -q '^exit_group(3) *= ?$' "$WORK/b" || fail "no exit_group line"

"$BSTRACE" -o "$WORK/k" "$PROGS/exitcode" -9
status=$?
[ $status -eq 137 ] || fail "SIGKILL not re-raised (status $status)"
tail -1 "$WORK/k" | grep -qx '+++ killed by SIGKILL +++' || fail "no killed line: $(tail -1 "$WORK/k")"
echo ok
