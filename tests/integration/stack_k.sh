# SPDX-License-Identifier: GPL-2.0-or-later
# -k prints the same frames as strace -k: the program's own functions and
# libc's, in the same order, with the same file offsets.
. "$TESTLIB"
require_bpf
require_strace

prog="$PROGS/stack_calls"
strace -k -o "$WORK/s" "$prog" > /dev/null || fail "strace -k failed"
"$BSTRACE" -k -o "$WORK/b" "$prog" > /dev/null || fail "bstrace -k failed"

# Every frame line of every call, in order, as strace printed it.
grep '^ > ' "$WORK/s" > "$WORK/s.frames"
grep '^ > ' "$WORK/b" > "$WORK/b.frames"
[ -s "$WORK/s.frames" ] || fail "strace -k printed no frames"
if ! diff -u "$WORK/s.frames" "$WORK/b.frames" > "$WORK/frames.diff"; then
	head -40 "$WORK/frames.diff" >&2
	fail "frames differ from strace -k"
fi
echo "frame lines: $(wc -l < "$WORK/b.frames"), all identical to strace -k"

# The paths the program takes are really there, innermost first.
grep -A6 '^write(1, "depth 0\\n", 8)' "$WORK/b" > "$WORK/write.frames"
for fn in '(__write+' 'write_note' '(recurse+' '(recurse+' '(recurse+' '(main+'; do
	read -r line || fail "write's stack is too short"
	case "$line" in *"$fn"*) ;; *) fail "expected $fn in write's stack, got: $line" ;; esac
done <<FRAMES
$(sed -n '2,7p' "$WORK/write.frames")
FRAMES
grep -A3 '^getppid()' "$WORK/b" | grep -q 'compare_ints+' ||
	fail "the callback called from qsort is not in getppid's stack"

# Call lines and frames together, as strace -k prints them.
compare "$WORK/s" "$WORK/b" 95

# With a filter hiding mmap and execve, the frames are the same.
strace -k -e trace=write,getppid,openat -o "$WORK/s2" "$prog" > /dev/null || fail "strace -k -e failed"
"$BSTRACE" -k -e trace=write,getppid,openat -o "$WORK/b2" "$prog" > /dev/null || fail "bstrace -k -e failed"
compare "$WORK/s2" "$WORK/b2" 100
