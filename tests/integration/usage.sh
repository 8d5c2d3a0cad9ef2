# SPDX-License-Identifier: GPL-2.0-or-later
# Bad input: one line naming the problem, non-zero exit, never a crash.
. "$TESTLIB"

expect_error() {
	pattern=$1
	shift
	"$BSTRACE" "$@" > "$WORK/out" 2> "$WORK/err"
	status=$?
	[ $status -eq 1 ] || fail "'$*' exited $status, not 1"
	head -1 "$WORK/err" | grep -q "$pattern" || fail "'$*' said: $(cat "$WORK/err")"
	[ "$(grep -c . "$WORK/err")" -le 2 ] || fail "'$*' said more than a line and a hint"
}

expect_error '^bstrace: must have PROG \[ARGS\] or -p PID$'
expect_error "^bstrace: invalid option -- 'j'$" -j true
expect_error "^bstrace: option requires an argument -- 's'$" -s
expect_error "^bstrace: invalid -s argument: 'abc'" -s abc true
expect_error "^bstrace: invalid -s argument: '-4'" -s -4 true
expect_error "^bstrace: invalid system call 'nosuchcall'$" -e trace=nosuchcall true
expect_error "^bstrace: Can't stat '/no/such/program': No such file or directory$" /no/such/program
expect_error "^bstrace: Can't fopen '/no/such/dir/out': No such file or directory$" -o /no/such/dir/out true
expect_error "^bstrace: invalid --buffer-size: 'lots'" --buffer-size=lots true

"$BSTRACE" --help > "$WORK/help" || fail "--help failed"
grep -q '^Usage: bstrace' "$WORK/help" || fail "--help has no usage line"
"$BSTRACE" -V | grep -q '^bstrace -- version ' || fail "-V"
echo ok
