# SPDX-License-Identifier: GPL-2.0-or-later
# Security: a traced program cannot inject terminal escapes into the trace;
# a capable user who is not root cannot watch a setuid program run with
# privileges (as under ptrace); bstrace refuses to run setuid.
. "$TESTLIB"
require_bpf
require_strace

nobody="setpriv --reuid=nobody --regid=nogroup --clear-groups"
chmod 755 "$WORK"

# --- escapes ---------------------------------------------------------------------
prog="$PROGS/robust_escape"
strace -o "$WORK/s.out" "$prog" || fail "strace $prog"
"$BSTRACE" -o "$WORK/b.out" "$prog" || fail "bstrace $prog"
# No control byte but the newline, and nothing of 0x80..0xff, reaches the trace.
if LC_ALL=C grep -q "$(printf '[\001-\011\013-\037\177-\377]')" "$WORK/b.out"; then
	fail "raw control bytes in the trace: $(LC_ALL=C grep -n "$(printf '[\001-\011\013-\037\177-\377]')" "$WORK/b.out" | od -c | head)"
fi
grep -qE '^write\(3, "\\33\]0;pwned\\7", 10\) += 10$' "$WORK/b.out" || fail "title escape: $(grep write "$WORK/b.out")"
for call in write open; do
	grep "^$call" "$WORK/s.out" | grep pwned > "$WORK/s.$call"
	grep "^$call" "$WORK/b.out" | grep pwned > "$WORK/b.$call"
	[ -s "$WORK/s.$call" ] || fail "strace printed no $call of the escapes"
	diff "$WORK/s.$call" "$WORK/b.$call" >&2 || fail "$call of escapes differs from strace"
done
grep '^write' "$WORK/s.out" | tail -1 > "$WORK/s.clear"
grep '^write' "$WORK/b.out" | tail -1 > "$WORK/b.clear"
diff "$WORK/s.clear" "$WORK/b.clear" >&2 || fail "CSI escapes differ from strace"

# --- setuid programs under a capable user who is not root --------------------
cp /usr/bin/id "$WORK/id-suid" && chmod 4755 "$WORK/id-suid"
mkdir "$WORK/nobody" && chown nobody "$WORK/nobody"
[ "$($nobody "$WORK/id-suid" -u)" = 0 ] || fail "the setuid copy of id does not work here (nosuid mount?)"
euid=$($nobody --inh-caps=+bpf,+perfmon --ambient-caps=+bpf,+perfmon \
	"$BSTRACE" -o "$WORK/nobody/suid.out" "$WORK/id-suid" -u) || fail "bstrace as nobody failed"
[ "$euid" = "$(id -u nobody)" ] || fail "a setuid program ran with euid $euid under a non-root bstrace"
[ "$($nobody strace -o /dev/null "$WORK/id-suid" -u)" = "$euid" ] || fail "strace disagrees on the euid"
# Root traces it as it runs (euid 0), as strace as root does.
[ "$("$BSTRACE" -o /dev/null "$WORK/id-suid" -u)" = 0 ] || fail "as root, the setuid program lost its privileges"

# --- -p under a capable user who is not root: only its own processes ------------
capable="$nobody --inh-caps=+bpf,+perfmon --ambient-caps=+bpf,+perfmon"
sleep 20 &
roots=$!
$capable "$BSTRACE" -p $roots -o "$WORK/nobody/p.out" 2> "$WORK/p.err"
status=$?
kill $roots
[ $status -eq 1 ] || fail "nobody attached to root's process (exit $status)"
grep -qx "bstrace: attach: $roots: Operation not permitted (not your process)" "$WORK/p.err" ||
	fail "attach to root's process said: $(cat "$WORK/p.err")"
$nobody sh -c 'sleep 4; echo mine > /dev/null' &
own=$!
sleep 0.3
$capable timeout 10 "$BSTRACE" -p $own -o "$WORK/nobody/own.out" 2> "$WORK/own.err" ||
	fail "nobody could not attach to its own process: $(cat "$WORK/own.err")"
grep -q '^write(1, "mine\\n", 5) *= 5$' "$WORK/nobody/own.out" ||
	fail "attached to its own process, saw: $(cat "$WORK/nobody/own.out")"
wait $own

# --comm and --cgroup pick processes of every user: root only.
for opt in --comm=sleep --cgroup=/; do
	$capable "$BSTRACE" $opt -o "$WORK/nobody/sel.out" 2> "$WORK/sel.err" && fail "nobody may use $opt"
	grep -qx "bstrace: --comm and --cgroup trace every user's processes: they need root" "$WORK/sel.err" ||
		fail "$opt as nobody said: $(cat "$WORK/sel.err")"
done

# --- never setuid ----------------------------------------------------------------
cp "$BSTRACE" "$WORK/bstrace-suid" && chmod 4755 "$WORK/bstrace-suid"
$nobody "$WORK/bstrace-suid" /bin/true 2> "$WORK/suid.err"
status=$?
[ $status -eq 1 ] || fail "setuid bstrace ran (exit $status)"
grep -q '^bstrace: refusing to run setuid or setgid' "$WORK/suid.err" || fail "setuid bstrace said: $(cat "$WORK/suid.err")"
echo ok
