# SPDX-License-Identifier: GPL-2.0-or-later
# On a terminal, ls asks TCGETS and TIOCGWINSZ: bstrace decodes the struct
# termios and struct winsize the kernel wrote as strace does (-v too).
. "$TESTLIB"
require_bpf
require_strace
command -v script >/dev/null 2>&1 || fail "script(1) (bsdutils) is needed for a pseudo-terminal"

for opt in "" -v; do
	script -qc "strace $opt -e trace=ioctl -o $WORK/s ls /" /dev/null >/dev/null ||
		fail "strace on a pty failed"
	script -qc "$BSTRACE $opt -e trace=ioctl -o $WORK/b ls /" /dev/null >/dev/null ||
		fail "bstrace on a pty failed"
	grep -q '^ioctl(1, TCGETS, {c_iflag=' "$WORK/b" || fail "TCGETS not decoded: $(head -1 "$WORK/b")"
	compare "$WORK/s" "$WORK/b" 100
done
