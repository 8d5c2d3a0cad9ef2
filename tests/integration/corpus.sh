# SPDX-License-Identifier: GPL-2.0-or-later
# The corpus: tests/progs/corpus_*.c make the syscalls real programs make,
# grouped by kind.  Each is traced by strace and by bstrace; after masking
# what differs between two runs (addresses, pids, ports, times) bstrace must
# reproduce at least MIN_PERCENT of strace's lines, and the corpus as a whole
# must cover at least 150 distinct syscalls.
#
# Differences that remain: none on this machine today.  Known limits that
# these programs avoid: a buffer the kernel never touched (a write to
# /dev/null) may be unreadable from BPF and prints as its address; more than
# REC_MMSG_MAX messages of one sendmmsg/recvmmsg end in "..."; getdents
# counts only the entries in the first REC_BLOB_MAX bytes it copied (du on
# big directories: "/* 402 entries */" where strace says 534; counting in
# BPF with bpf_loop does not converge in the verifier).
# Masked, not differences: getrandom's bytes (random in each run; their hex
# form is checked by tests/unit/test_kinds.c), pids, ports, SysV ids, times,
# dates, free blocks and the cpu getcpu ran on.
. "$TESTLIB"
require_bpf
require_strace

CORPUS_GROUPS="files fdio memory process signals time sockets polling futex ipc"
MIN_PERCENT=${CORPUS_MIN_PERCENT:-97}
MIN_GROUP_PERCENT=${CORPUS_MIN_GROUP_PERCENT:-95}

# What differs between two runs besides addresses: pids, ports, times,
# counters of the machine.  Pids are learnt from the lines that return one.
corpus_mask() {
	pids=$(grep -ohE '^(getpid|gettid|getppid|getpgrp|getsid|getpgid|clone3?)\(.*\) += [0-9]+' "$1" |
		awk '{print $NF}' | sort -u)
	sed_pids=
	for pid in $pids; do
		sed_pids="$sed_pids -e s/\\b$pid\\b/PID/g"
	done
	# SysV IPC ids grow from run to run.
	for id in $(grep -ohE '^(sem|shm|msg)get\(.*\) += [0-9]+' "$1" | awk '{print $NF}' | sort -u); do
		sed_pids="$sed_pids -e s/^((sem|shm|msg)[a-z]*\()$id,/\1ID,/ -e s/^((sem|shm|msg)get\(.*\)\s+=\s)$id\$/\1ID/"
	done
	# shellcheck disable=SC2086
	mask "$1" | sed -E $sed_pids \
		-e 's/(tv_sec|tv_nsec|tv_usec)=[0-9]+/\1=N/g' \
		-e 's/(stx_[amcb]time)=\{[^}]*\}/\1=T/g' \
		-e 's/(sin6?_port)=htons\([0-9]+\)/\1=htons(PORT)/g' \
		-e 's/(ru_[a-z]+|tms_[a-z]+|uptime|loads|freeram|sharedram|bufferram|freeswap|procs|freehigh)=(\[[^]]*\]|[0-9]+)/\1=N/g' \
		-e 's/^(times\(.*\)|time\(.*\)) += [0-9]+/\1 = N/' \
		-e 's/^(alarm\(.*\)) += [0-9]+/\1 = N/' \
		-e 's/^time\(\[[0-9]+ /time([N /' \
		-e 's/20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9:]{8}\+0000/DATE/g' \
		-e 's/(f_bfree|f_bavail|f_ffree)=[0-9]+/\1=N/g' \
		-e 's/^getrandom\("(\\x[0-9a-f]{2})+"/getrandom("RANDOM"/' \
		-e 's/^getcpu\(\[[0-9]+\]/getcpu([CPU]/' \
		-e 's/(stx_ino|st_ino|stx_blocks|st_blocks|sem[a-z]*|shmid|msqid|key)=[0-9]+/\1=N/g' \
		> "$2"
}

total_all=0
same_all=0
: > "$WORK/syscalls"
for group in $CORPUS_GROUPS; do
	prog="$PROGS/corpus_$group"
	rm -rf "$WORK/d" && mkdir "$WORK/d"
	strace -o "$WORK/$group.s" "$prog" "$WORK/d" || fail "strace $group failed"
	rm -rf "$WORK/d" && mkdir "$WORK/d"
	"$BSTRACE" -o "$WORK/$group.b" "$prog" "$WORK/d" || fail "bstrace $group failed"
	corpus_mask "$WORK/$group.s" "$WORK/$group.sm"
	corpus_mask "$WORK/$group.b" "$WORK/$group.bm"
	total=$(wc -l < "$WORK/$group.sm")
	same=$(diff --unchanged-line-format='=%L' --old-line-format='' --new-line-format='' \
		"$WORK/$group.sm" "$WORK/$group.bm" | grep -c '^=' || true)
	grep -oE '^[a-z_0-9]+\(' "$WORK/$group.s" | tr -d '(' >> "$WORK/syscalls"
	pct=$((same * 100 / total))
	echo "corpus_$group: $same/$total lines identical ($pct%)"
	if [ -n "${CORPUS_VERBOSE:-}" ] || [ "$pct" -lt "$MIN_GROUP_PERCENT" ]; then
		diff "$WORK/$group.sm" "$WORK/$group.bm" | grep '^[<>]' >&2
	fi
	[ "$pct" -ge "$MIN_GROUP_PERCENT" ] ||
		fail "corpus_$group: only $pct% of strace's lines (need $MIN_GROUP_PERCENT%)"
	total_all=$((total_all + total))
	same_all=$((same_all + same))
done
distinct=$(sort -u "$WORK/syscalls" | wc -l)
pct=$((same_all * 100 / total_all))
echo "corpus: $same_all/$total_all lines identical ($pct%), $distinct distinct syscalls"
[ "$distinct" -ge 150 ] || fail "the corpus makes only $distinct distinct syscalls (need 150)"
[ "$pct" -ge "$MIN_PERCENT" ] || fail "only $pct% of strace's lines overall (need $MIN_PERCENT%)"
