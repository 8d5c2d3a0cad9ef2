# SPDX-License-Identifier: GPL-2.0-or-later
# bstrace --perf prints perf trace 6.1's lines: same head and columns, same
# argument names, beautified values and return values as perf on the same
# programs (string arguments excepted: this perf prints pointers).
. "$TESTLIB"
. "$(dirname "$TESTLIB")/perf_lib.sh"
require_bpf
require_perf

for prog in "$PROGS/fileio $WORK" "/bin/true" "$PROGS/exitcode 3"; do
	name=$(basename "${prog%% *}")
	# Not perf's -o: its file would be the child's fd 3 and shift every fd.
	# shellcheck disable=SC2086 # the program and its arguments
	perf trace -- $prog >/dev/null 2> "$WORK/p.$name"
	# shellcheck disable=SC2086
	"$BSTRACE" --perf -o "$WORK/b.$name" -- $prog >/dev/null 2>&1
	[ -s "$WORK/b.$name" ] || fail "bstrace --perf printed nothing for $name"
	perf_check_shape "$WORK/b.$name"
	echo "$name:"
	perf_compare "$WORK/p.$name" "$WORK/b.$name" 75
done

# The beautifiers the issue names, exactly.
b="$WORK/b.fileio"
grep -qE 'openat\(dfd: CWD, filename: "/etc/ld.so.cache", flags: RDONLY\|CLOEXEC\) += 3$' "$b" ||
	fail "openat of ld.so.cache not as perf with its augmenter prints it"
grep -qE ' brk\(\) += 0x[0-9a-f]+$' "$b" || fail "brk() with its zero argument left out"
grep -qE 'access\(filename: "/nonexistent/file", mode: F\) += -1 ENOENT \(No such file or directory\)$' "$b" &&
	fail "access mode F_OK (zero) should be left out as perf does"
grep -qE 'access\(filename: "/nonexistent/file"\) += -1 ENOENT \(No such file or directory\)$' "$b" ||
	fail "failed access not printed as perf does"
grep -qE 'lseek\(fd: 3, whence: SET\) += 0$' "$b" || fail "lseek's zero whence SET not shown"
grep -qE 'exit_group\(\) += \?$' "$b" || fail "exit_group not shown as perf does"
grep -qE '^ +[0-9]+\.[0-9]{3} \(         \): fileio/[0-9]+ exit_group\(\)' "$b" ||
	fail "exit_group's head should have no duration"
# -T prints the clock itself, --no-comm drops the command name.
"$BSTRACE" --perf -T --no-comm -o "$WORK/t" -- /bin/true
head -1 "$WORK/t" | grep -qE '^ *[0-9]{4,}\.[0-9]{3} \( *[0-9.]+ ms\): [0-9]+ execve\(' ||
	fail "-T --no-comm: $(head -1 "$WORK/t")"
exit 0
