# SPDX-License-Identifier: GPL-2.0-or-later
# bstrace /bin/true prints strace's lines, addresses masked.
. "$TESTLIB"
require_bpf
require_strace

strace -o "$WORK/s" /bin/true || fail "strace failed"
"$BSTRACE" -o "$WORK/b" /bin/true || fail "bstrace failed"
head -1 "$WORK/b" | grep -q '^execve("/bin/true", \["/bin/true"\], 0x[0-9a-f]* /\* [0-9]* vars \*/) = 0$' ||
	fail "first line is not the execve: $(head -1 "$WORK/b")"
tail -1 "$WORK/b" | grep -qx '+++ exited with 0 +++' || fail "no exit line"
compare "$WORK/s" "$WORK/b" 100
