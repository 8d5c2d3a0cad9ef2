# SPDX-License-Identifier: GPL-2.0-or-later
# The corpus (tests/progs/corpus_*.c, ten programs, 250 syscalls) traced by
# perf trace and by bstrace --perf: the share of perf's lines whose shape
# and decoded values bstrace reproduces, per program and overall.
#
# Differences that remain, and why (perf's form first):
# - string arguments: this perf has no BPF augmenter and prints pointers,
#   bstrace prints the strings (masked here, the one allowed difference);
# - mmap(..., flags: PRIVATE|ANONYMOUS): perf's mmap flags beautifier hides
#   fd and offset of anonymous maps, bstrace prints fd: -1;
# - arguments perf has no beautifier for (newfstatat's flag: 4096, rseq's
#   sig, prctl's option) print raw in perf and decoded by their kind in
#   bstrace (flag: EMPTY_PATH), and the reverse where perf knows a
#   per-syscall format and the table has a plain kind;
# - perf's fd beautifier appends paths it learnt (3</etc/passwd>): masked.
# - perf's per-syscall beautifiers bstrace has no counterpart for: fcntl's
#   FD flags and seals, madvise's MADV_ prefix, wait4's WNOHANG written
#   NOHANG, pids followed by their comm (6843 (corpus)), set_mempolicy's
#   mode printed raw and a zero mode hidden; and perf splitting a call
#   another thread interrupts (... [continued]) where bstrace waits for it.
. "$TESTLIB"
. "$(dirname "$TESTLIB")/perf_lib.sh"
require_bpf
require_perf

CORPUS_GROUPS="files fdio memory process signals time sockets polling futex ipc"
MIN_PERCENT=${PERF_CORPUS_MIN_PERCENT:-65}

total_all=0
same_all=0
for group in $CORPUS_GROUPS; do
	prog="$PROGS/corpus_$group"
	rm -rf "$WORK/d" && mkdir "$WORK/d"
	# Not perf's -o: its file would be the child's fd 3 and shift every fd.
	perf trace -- "$prog" "$WORK/d" > /dev/null 2> "$WORK/$group.p"
	rm -rf "$WORK/d" && mkdir "$WORK/d"
	"$BSTRACE" --perf -o "$WORK/$group.b" -- "$prog" "$WORK/d" > /dev/null 2>&1 ||
		fail "bstrace --perf $group failed"
	perf_check_shape "$WORK/$group.b"
	perf_body "$WORK/$group.p" > "$WORK/$group.pm"
	perf_body "$WORK/$group.b" > "$WORK/$group.bm"
	total=$(wc -l < "$WORK/$group.pm")
	same=$(same_in_order "$WORK/$group.pm" "$WORK/$group.bm")
	echo "corpus_$group: $same/$total of perf's lines reproduced ($((same * 100 / total))%)"
	[ -n "${CORPUS_VERBOSE:-}" ] && diff "$WORK/$group.pm" "$WORK/$group.bm" | grep '^[<>]' >&2
	total_all=$((total_all + total))
	same_all=$((same_all + same))
done
pct=$((same_all * 100 / total_all))
echo "corpus: $same_all/$total_all of perf's lines reproduced ($pct%)"
[ "$pct" -ge "$MIN_PERCENT" ] || fail "only $pct% of perf's lines overall (need $MIN_PERCENT%)"
exit 0
