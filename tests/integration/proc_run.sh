# SPDX-License-Identifier: GPL-2.0-or-later
# Running the command: -E, -u, -o |CMD, -A, stdin and stdout left to the
# command, its exit status and fatal signal passed through; strace's words.
. "$TESTLIB"
require_bpf
require_strace

# -E sets and unsets, as strace -E does.
out=$("$BSTRACE" -e trace=none -o /dev/null -E FOO=bar -E HOME sh -c 'echo "$FOO ${HOME-unset}"')
[ "$out" = "bar unset" ] || fail "-E: '$out'"
[ "$(strace -e trace=none -o /dev/null -E FOO=bar -E HOME sh -c 'echo "$FOO ${HOME-unset}"')" = "$out" ] ||
	fail "-E differs from strace"

# -u runs the command as that user, with its groups.
out=$("$BSTRACE" -e trace=none -o /dev/null -u nobody id)
[ "$out" = "$(strace -e trace=none -o /dev/null -u nobody id)" ] || fail "-u nobody: '$out'"
out=$("$BSTRACE" -e trace=none -o /dev/null -u 1234:5678 sh -c 'id -u; id -g')
[ "$(echo $out)" = "1234 5678" ] || fail "-u 1234:5678: '$out'"
"$BSTRACE" -u nosuchuser true 2> "$WORK/err"
[ $? -eq 1 ] && [ "$(cat "$WORK/err")" = "bstrace: Cannot find user 'nosuchuser'" ] ||
	fail "-u nosuchuser: $(cat "$WORK/err")"

# stdin and stdout are the command's.
out=$(echo hello | "$BSTRACE" -e trace=none -o /dev/null cat)
[ "$out" = hello ] || fail "stdin/stdout not passed: '$out'"

# -o |CMD pipes the trace; -A appends.
"$BSTRACE" -e trace=exit_group -o "|cat > $WORK/piped" "$PROGS/exitcode" 2
[ $? -eq 2 ] || fail "-o |CMD lost the exit status"
[ "$(cat "$WORK/piped")" = "$(printf 'exit_group(2)                           = ?\n+++ exited with 2 +++')" ] ||
	fail "-o |CMD: $(cat "$WORK/piped")"
"$BSTRACE" -e trace=exit_group -o "$WORK/app" true
"$BSTRACE" -A -e trace=exit_group -o "$WORK/app" true
[ "$(grep -c '^exit_group(0)' "$WORK/app")" -eq 2 ] || fail "-A did not append"
"$BSTRACE" -e trace=exit_group -o "$WORK/app" true
[ "$(grep -c '^exit_group(0)' "$WORK/app")" -eq 1 ] || fail "-o did not truncate"

# Exit status and fatal signal, as strace passes them.
for arg in 0 7 -15 -9; do
	strace -e trace=none -o /dev/null "$PROGS/exitcode" "$arg"; want=$?
	"$BSTRACE" -e trace=none -o /dev/null "$PROGS/exitcode" "$arg"; got=$?
	[ $got -eq $want ] || fail "exitcode $arg: status $got, strace's $want"
	case $arg in -*) [ $got -eq $((128 - arg)) ] || fail "exitcode $arg: status $got" ;; esac
done

# strace's warnings and errors about option combinations.
"$BSTRACE" -A -e trace=none true 2> "$WORK/err"
grep -qx 'bstrace: -A/--output-append-mode has no effect without -o/--output' "$WORK/err" ||
	fail "-A without -o: $(cat "$WORK/err")"
"$BSTRACE" --output-separately -e trace=none true 2> "$WORK/err"
grep -qx 'bstrace: --output-separately has no effect without -o/--output' "$WORK/err" ||
	fail "--output-separately without -o: $(cat "$WORK/err")"
"$BSTRACE" -z -Z -e trace=none true 2> "$WORK/err"
grep -q '^bstrace: Only the last of -z/--successful-only/-Z/--failed-only options will take effect' "$WORK/err" ||
	fail "-z -Z: $(cat "$WORK/err")"
"$BSTRACE" 2> "$WORK/err"
[ $? -eq 1 ] && head -1 "$WORK/err" | grep -qx 'bstrace: must have PROG \[ARGS\] or -p PID' ||
	fail "no command: $(cat "$WORK/err")"

# The reader outranks what it traces (nice -10, as root); the command keeps
# the priority bstrace was started with.  Field 19 of stat, after the command name.
nice_of() {
	local stat
	stat=$(cat "/proc/$1/stat") && echo "${stat##*) }" | awk '{ print $17 }'
}
"$BSTRACE" -e trace=none -o /dev/null sleep 2 &
tracer=$!
sleep 0.5
child=$(pgrep -P "$tracer" -x sleep)
own=$(nice_of $$)
reader=$((own < -10 ? own : -10))
[ "$(nice_of "$tracer")" = "$reader" ] || fail "the reader runs at nice $(nice_of "$tracer"), not $reader"
[ "$(nice_of "$child")" = "$own" ] || fail "the command runs at nice $(nice_of "$child"), not $own"
wait "$tracer"
exit 0
