# SPDX-License-Identifier: GPL-2.0-or-later
# Bad input: every malformed option value gets one line on stderr naming
# the problem (and at most strace's "Try ... -h" hint), exit status 1,
# nothing on stdout, no crash, no hang, no libbpf noise.  Adding a case is
# one line: bad 'EXPECTED FIRST LINE (grep -E)' ARGS...
. "$TESTLIB"

failures=0
bad() {
	pattern=$1
	shift
	timeout 20 "$BSTRACE" "$@" > "$WORK/out" 2> "$WORK/err"
	status=$?
	problem=""
	if [ $status -ne 1 ]; then
		problem="exit status $status, not 1"
	elif [ -s "$WORK/out" ]; then
		problem="wrote to stdout"
	elif ! head -1 "$WORK/err" | grep -Eq -- "^bstrace: $pattern"; then
		problem="first line is not 'bstrace: $pattern'"
	elif [ "$(wc -l < "$WORK/err")" -gt 2 ] ||
	     { [ "$(wc -l < "$WORK/err")" -eq 2 ] && ! sed -n 2p "$WORK/err" | grep -Eq "^Try 'bstrace (--perf )?-h'"; }; then
		problem="more than one line (and the hint)"
	fi
	if [ -n "$problem" ]; then
		echo "FAIL: bstrace $*: $problem; stderr was:" >&2
		head -5 "$WORK/err" >&2
		failures=$((failures + 1))
	fi
}

# Usage
bad 'must have PROG \[ARGS\] or -p PID$'
bad "invalid option -- 'j'$" -j true
bad "unrecognized option '--no-such-option'$" --no-such-option true
bad "option requires an argument -- 's'$" -s
bad "option requires an argument -- 'o'$" -o
bad "option requires an argument -- 'e'$" -e
bad "option '--buffer-size' requires an argument$" --buffer-size
# Sizes
bad "invalid -s argument: 'abc'" -s abc true
bad "invalid -s argument: ''" -s '' true
bad "invalid -s argument: '-4'" -s -4 true
bad "invalid -s argument: '1x'" -s 1x true
bad "invalid -s argument: '99999999999999999999999'" -s 99999999999999999999999 true
bad "invalid -s argument: '16383'" -s 16383 true
bad "invalid --buffer-size: 'lots'" --buffer-size=lots true
bad "invalid --buffer-size: '0'" --buffer-size=0 true
bad "invalid --buffer-size: '4095'" --buffer-size=4095 true
bad "invalid --buffer-size: '2G'" --buffer-size=2G true
bad "invalid --buffer-size: '1T'" --buffer-size=1T true
bad "invalid --buffer-size: '16MM'" --buffer-size=16MM true
bad "invalid --buffer-size: '-16M'" --buffer-size=-16M true
bad "invalid --buffer-size: '99999999999999999999G'" --buffer-size=99999999999999999999G true
# Syscall sets and expressions
bad "invalid system call 'nosuchcall'$" -e trace=nosuchcall true
bad "invalid system call 'nosuchcall'$" -e nosuchcall true
bad "invalid system call 'nosuchcall'$" -e trace=open,nosuchcall true
bad "invalid system call ''$" -e trace= true
bad "invalid system call ','$" -e trace=, true
bad "invalid system call '!'$" -e trace=! true
bad "invalid system call '!'$" -e '!' true
# Times
bad "invalid -O argument: 'abc'$" -O abc true
bad "invalid -O argument: '-1'$" -O -1 true
bad "invalid --min-duration: 'abc'" --min-duration=abc true
bad "invalid --min-duration: '-5'" --min-duration=-5 true
bad "invalid --min-duration: '1e999'" --min-duration=1e999 true
bad "invalid --min-duration: '5parsecs'" --min-duration=5parsecs true
bad "invalid --min-duration: ''" --min-duration= true
bad "invalid --interval: '0'" --interval=0 true
bad "invalid --interval: 'nan'" --interval=nan true
bad "invalid --interval: 'inf'" --interval=inf true
bad "invalid --interval: '-1'" --interval=-1 true
# Sort keys and columns
bad "invalid sortby: 'nosuch'$" -S nosuch true
bad "invalid sortby: ''$" -S '' true
bad "unknown column name: 'nosuch'$" -U nosuch true
bad "unknown column name: ''$" -U calls,, true
bad "-c/--summary-only and -C/--summary are mutually exclusive$" -c -C true
# Pids, users, cgroups
bad "Invalid process id: 'abc'$" -p abc
bad "Invalid process id: '0'$" -p 0
bad "Invalid process id: '-1'$" -p -1
bad "attach: 99999999: No such process$" -p 99999999
bad "Cannot find user 'no-such-user'$" -u no-such-user true
bad "--cgroup: '/no/such/cgroup': No such file or directory$" --cgroup=/no/such/cgroup
# Expression qualifiers, classes, statuses, regexes
bad "invalid signal 'SIGFOO'$" -e signal=SIGFOO true
bad "invalid status 'bogus'$" -e status=bogus true
bad "invalid system call '%bogus'$" -e trace=%bogus true
bad 'regcomp: \[: Invalid regular expression$' -e 'trace=/[' true
bad "invalid quiet 'bogus'$" -e quiet=bogus true
bad "invalid -a argument: 'abc'" -a abc true
# Output styles and stacks
bad "invalid -X argument: 'foo'$" -X foo true
bad "invalid -X argument: ''$" -X '' true
bad "invalid system call 'nosuch'$" -e raw=nosuch true
bad "invalid system call ''$" -e abbrev= true
bad "invalid system call 'x'$" -e verbose=x,, true
bad "invalid --stack-size: 'abc'" --stack-size=abc true
bad "invalid --stack-size: '0'" --stack-size=0 true
bad "invalid --stack-size: '99999999'" --stack-size=99999999 true
bad "--flamegraph needs a file name$" --flamegraph= true
bad "Can't fopen '/no/such/dir/g.svg': No such file or directory$" --flamegraph=/no/such/dir/g.svg true
# --perf's own parser
bad "--perf must be the first option$" -f --perf true
bad "--perf: a command, -p, -t or -G is needed$" --perf
bad "--perf: unknown option '--bogus'$" --perf --bogus true
bad "--perf: option requires an argument -- 'o'$" --perf -o
bad "--perf: invalid syscall 'nosuch' in -e$" --perf -e nosuch true
bad "--perf: invalid syscall '!' in -e$" --perf -e 'open*,!' true
bad "--perf: empty syscall list in -e ''$" --perf -e '' true
bad "--perf: invalid --duration 'abc'" --perf --duration abc true
bad "--perf: invalid --duration '-1'" --perf --duration -1 true
bad "--perf: invalid --max-events 'x'" --perf --max-events x true
bad "--perf: invalid --max-events '-3'" --perf --max-events -3 true
bad "--perf: invalid --buffer-size '1T'" --perf --buffer-size 1T true
bad "attach: 99999999: No such process$" --perf -p 99999999
bad "Can't fopen '/no/such/dir/x': No such file or directory$" --perf -o /no/such/dir/x true
bad "Can't stat '/no/such/program': No such file or directory$" --perf /no/such/program
# Paths
bad "Can't stat '/no/such/program': No such file or directory$" /no/such/program
bad "Can't stat 'no-such-program-anywhere': No such file or directory$" no-such-program-anywhere
bad "Can't stat '': No such file or directory$" ''
bad "Can't fopen '/no/such/dir/out': No such file or directory$" -o /no/such/dir/out true
bad "Can't fopen '': No such file or directory$" -o '' true
bad "Can't fopen '/': Is a directory$" -o / true

[ $failures -eq 0 ] || fail "$failures bad inputs were not refused properly"
echo ok
