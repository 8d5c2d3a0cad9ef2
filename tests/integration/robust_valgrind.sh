# SPDX-License-Identifier: GPL-2.0-or-later
# valgrind memcheck on long traces: no invalid read or write, no use of
# uninitialised memory, no leak, in bstrace's own code (what valgrind
# misreads inside libbpf's bpf() calls is suppressed, see the .supp file).
. "$TESTLIB"
require_bpf

if [ "${SANITIZERS:-no}" = yes ]; then
	echo "SKIP: built with ASan, which valgrind cannot run"
	exit 77
fi
command -v valgrind > /dev/null 2>&1 ||
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind > /dev/null 2>&1 ||
	fail "valgrind is not installed and could not be installed"
supp="$(dirname "$TESTLIB")/robust_valgrind.supp"

memcheck() {
	name=$1
	shift
	valgrind -q --suppressions="$supp" --error-exitcode=99 --leak-check=full \
		--errors-for-leak-kinds=definite,indirect --log-file="$WORK/$name.vg" \
		"$BSTRACE" "$@" > "$WORK/$name.stdout" 2> "$WORK/$name.stderr"
	status=$?
	if [ $status -ne 0 ] || grep -v 'unhandled eBPF command' "$WORK/$name.vg" | grep -q .; then
		grep -v 'unhandled eBPF command' "$WORK/$name.vg" | head -40 >&2
		fail "memcheck $name: exit $status"
	fi
	echo "memcheck $name: clean"
}

memcheck busy -o "$WORK/busy.out" "$PROGS/robust_busy" 2
[ "$(grep -c '^getppid() ' "$WORK/busy.out")" -gt 10000 ] || fail "the long trace is not long"
memcheck verbose -f -v -xx -s 256 -o "$WORK/verbose.out" sh -c 'ls -la / > /dev/null; cat /etc/passwd > /dev/null'
memcheck forks -f -o "$WORK/forks.out" "$PROGS/robust_forks" 30
memcheck summary -f -c -o "$WORK/summary.out" "$PROGS/robust_threads" 100
memcheck per-process -f -c --per-process -o "$WORK/pp.out" "$PROGS/robust_forks" 10
memcheck json --json -f -o "$WORK/json.out" sh -c 'ls -la / > /dev/null'
memcheck perf --perf -o "$WORK/perf.out" sh -c 'ls -la / > /dev/null'
memcheck escape -x -o "$WORK/escape.out" "$PROGS/robust_escape"
echo ok
