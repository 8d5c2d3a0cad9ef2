# SPDX-License-Identifier: GPL-2.0-or-later
# A program doing open/read/write/close/mmap/stat on real files matches
# strace on at least 80% of lines (the bar; the aim is all).
. "$TESTLIB"
require_bpf
require_strace

strace -o "$WORK/s" "$PROGS/fileio" "$WORK" || fail "strace failed"
"$BSTRACE" -o "$WORK/b" "$PROGS/fileio" "$WORK" || fail "bstrace failed"
# Lines that must be exact, whatever the share.
for line in \
	'write(3, "hello, world\n\tline two \"quoted\" "..., 37) = 37' \
	'access("/nonexistent/file", F_OK)       = -1 ENOENT (No such file or directory)' \
	'close(3)                                = -1 EBADF (Bad file descriptor)'; do
	grep -qxF "$line" "$WORK/b" || fail "missing line: $line"
done
compare "$WORK/s" "$WORK/b" 80

# -s changes how much of a buffer is shown, as in strace.
strace -s 5 -o "$WORK/s5" "$PROGS/fileio" "$WORK" || fail "strace -s failed"
"$BSTRACE" -s 5 -o "$WORK/b5" "$PROGS/fileio" "$WORK" || fail "bstrace -s failed"
grep -qxF 'write(3, "hello"..., 37)                = 37' "$WORK/b5" || fail "-s 5 not applied"
compare "$WORK/s5" "$WORK/b5" 80
