# SPDX-License-Identifier: GPL-2.0-or-later
# Where the trace goes when it cannot go: a pipe closed early ends bstrace
# quietly by SIGPIPE (as strace) while the command runs on; a full disk is
# one clear error and the command runs to completion with its own status.
# -o follows /dev/stdout but not a symlink another user planted.
. "$TESTLIB"
require_bpf

# A command that makes many calls, then leaves proof that it finished.
busy="i=0; while [ \$i -lt 3000 ]; do echo x > /dev/null; i=\$((i+1)); done; echo finished > $WORK/done"

# --- bstrace CMD 2>&1 | head -1 ----------------------------------------------
"$BSTRACE" sh -c "$busy" 2>&1 | head -1 > "$WORK/head"
status=${PIPESTATUS[0]}
[ $status -eq 141 ] || fail "bstrace | head -1: exit $status, not 141 (SIGPIPE, as strace)"
grep -q '^execve("/usr/bin/sh"\|^execve("/bin/sh"' "$WORK/head" || fail "head got: $(cat "$WORK/head")"
for i in $(seq 50); do [ -s "$WORK/done" ] && break; sleep 0.1; done
[ -s "$WORK/done" ] || fail "the command did not run on after the pipe closed"
rm -f "$WORK/done"

# --- -o /dev/full ---------------------------------------------------------------
"$BSTRACE" -o /dev/full sh -c "$busy; exit 3" 2> "$WORK/full.err"
status=$?
[ $status -eq 3 ] || fail "-o /dev/full: exit $status, not the command's 3"
[ -s "$WORK/done" ] || fail "-o /dev/full: the command did not run to completion"
[ "$(wc -l < "$WORK/full.err")" -eq 1 ] || fail "-o /dev/full: not one line: $(cat "$WORK/full.err")"
grep -qx 'bstrace: writing the trace failed: No space left on device' "$WORK/full.err" ||
	fail "-o /dev/full said: $(cat "$WORK/full.err")"

# --- -o through symlinks -------------------------------------------------------
"$BSTRACE" -o /dev/stdout /bin/true > "$WORK/stdout" 2>&1 || fail "-o /dev/stdout failed: $(cat "$WORK/stdout")"
grep -q '^+++ exited with 0 +++$' "$WORK/stdout" || fail "-o /dev/stdout: $(cat "$WORK/stdout")"

# A link another user planted where the output goes is not followed...
echo precious > "$WORK/victim"
ln -s "$WORK/victim" "$WORK/planted"
chown -h nobody "$WORK/planted"
"$BSTRACE" -o "$WORK/planted" /bin/true 2> "$WORK/planted.err"
status=$?
[ $status -eq 1 ] || fail "-o planted symlink: exit $status, not 1"
grep -qx "bstrace: Can't fopen '$WORK/planted': a symbolic link owned by another user (not followed)" \
	"$WORK/planted.err" || fail "-o planted symlink said: $(cat "$WORK/planted.err")"
[ "$(cat "$WORK/victim")" = precious ] || fail "the planted link's target was overwritten"
# ... nor a dangling one (which would create a file elsewhere).
ln -s "$WORK/created-elsewhere" "$WORK/dangling"
chown -h nobody "$WORK/dangling"
"$BSTRACE" -o "$WORK/dangling" /bin/true 2> /dev/null && fail "-o dangling planted link was accepted"
[ ! -e "$WORK/created-elsewhere" ] || fail "a planted dangling link created its target"
echo ok
