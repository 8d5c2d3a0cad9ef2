# SPDX-License-Identifier: GPL-2.0-or-later
# Every -e form selects what strace selects (checked by the calls' names in
# order, on the corpus programs), and bad expressions get strace's message.
. "$TESTLIB"
require_bpf
require_strace

# The syscall names, in order, and the return-value part of each line.
names() {
	grep -oE '^[a-z_0-9]+\(|^\+\+\+.*|^--- SIG[A-Z0-9_]+' "$1"
}

# select PROG EXPR...: the same calls, in the same order, as strace.
select_same() {
	prog=$1
	shift
	rm -rf "$WORK/d" && mkdir "$WORK/d"
	strace -o "$WORK/s" "$@" "$PROGS/$prog" "$WORK/d" >/dev/null 2>&1
	rm -rf "$WORK/d" && mkdir "$WORK/d"
	"$BSTRACE" -o "$WORK/b" "$@" "$PROGS/$prog" "$WORK/d" >/dev/null 2>&1
	names "$WORK/s" > "$WORK/s.n"
	names "$WORK/b" > "$WORK/b.n"
	diff -u "$WORK/s.n" "$WORK/b.n" >&2 || fail "$prog $*: not the calls strace selects"
	echo "$prog $*: $(grep -c '($' "$WORK/b.n") calls, as strace"
}

# Each class on the programs that make its calls.
for pair in file:files desc:fdio process:process memory:memory signal:signals \
	network:sockets net:sockets ipc:ipc creds:process clock:time pure:process \
	stat:files lstat:files fstat:files %stat:files statfs:files fstatfs:files \
	%statfs:files; do
	select_same "corpus_${pair#*:}" -e "trace=%${pair%%:*}"
done
# Names, regexes, numbers, inversions, ?, all, none, the bare form.
select_same corpus_files -e trace=openat,close
select_same corpus_files -e 'trace=/^(open|close)'
select_same corpus_files -e 'trace=/stat'
select_same corpus_files -e 'trace=!openat,close,mmap'
select_same corpus_files -e 'trace=!!openat'
select_same corpus_files -e 'trace=?nosuch,openat'
select_same corpus_files -e trace=0,1,257
select_same corpus_files -e trace=none
select_same corpus_files -e trace=all
select_same corpus_files -e openat
select_same corpus_files -e trace=%file,%desc
select_same corpus_files --trace=mkdirat,unlinkat
select_same corpus_files -e trace=read -e trace=write
# Outcomes, filtered in the kernel.
select_same corpus_files -e status=failed
select_same corpus_files -e status=successful
select_same corpus_files -e status=unfinished
select_same corpus_files -e 'status=!failed'
select_same corpus_files -z
select_same corpus_files -Z
select_same corpus_files -Z -e trace=%file
# A call that blocks longer than bstrace waits before it shows a blocked
# call's head, then succeeds, is no line of -Z's trace, as with strace;
# under -z the same call shows whole.
strace -Z -o "$WORK/s" sleep 0.5
"$BSTRACE" -Z -o "$WORK/b" sleep 0.5
grep -q nanosleep "$WORK/b" && fail "-Z showed a blocked call that succeeded: $(grep nanosleep "$WORK/b")"
diff -u <(names "$WORK/s") <(names "$WORK/b") >&2 || fail "-Z on sleep: not the calls strace shows"
"$BSTRACE" -z -o "$WORK/b" sleep 0.5
grep -qE '^clock_nanosleep\(CLOCK_REALTIME, 0, \{tv_sec=0, tv_nsec=500000000\}, 0x[0-9a-f]+\) += 0$' "$WORK/b" ||
	fail "-z: the blocked sleep is not one whole line: $(grep nanosleep "$WORK/b")"

# -P: the calls that name the path or use an fd open on it, as strace;
# a symbolic link is also followed to its target, with strace's message.
strace -P /etc/hostname -o "$WORK/s" cat /etc/hostname > /dev/null
"$BSTRACE" -P /etc/hostname -o "$WORK/b" cat /etc/hostname > /dev/null
grep -q '^read(3, ' "$WORK/b" || fail "-P lost the reads on the fd: $(cat "$WORK/b")"
echo "-P: $(compare "$WORK/s" "$WORK/b" 100)"
ln -s /etc/hostname "$WORK/link"
"$BSTRACE" -P "$WORK/link" -o "$WORK/b" cat /etc/hostname 2> "$WORK/err" > /dev/null
grep -qx "bstrace: Requested path \"$WORK/link\" resolved into \"/etc/hostname\"" "$WORK/err" ||
	fail "-P link: $(cat "$WORK/err")"
compare "$WORK/s" "$WORK/b" 100
"$BSTRACE" -e quiet=path-resolution -P "$WORK/link" -o /dev/null true 2> "$WORK/err"
[ ! -s "$WORK/err" ] || fail "quiet=path-resolution: $(cat "$WORK/err")"
"$BSTRACE" -P /nonexistent -o "$WORK/b" cat /etc/hostname > /dev/null
[ "$(cat "$WORK/b")" = '+++ exited with 0 +++' ] || fail "-P /nonexistent: $(cat "$WORK/b")"

# Bad expressions: strace's message, with bstrace's name, and status 1.
for expr in trace=foo trace=%foo trace=%NET 'trace=/[' 'trace=?/[' trace= 'trace=!' \
	foo=bar abc trace=99999 trace=1x trace=-1 signal=FOO signal= signal=256 \
	signal=SIGRT_33 'signal= 9' status=foo status= quiet=foo quiet=; do
	strace -e "$expr" true 2> "$WORK/s.err"
	"$BSTRACE" -e "$expr" true 2> "$WORK/b.err"
	rc=$?
	[ $rc -eq 1 ] || fail "-e '$expr': status $rc"
	want=$(head -1 "$WORK/s.err" | sed 's/^strace:/bstrace:/')
	[ "$(cat "$WORK/b.err")" = "$want" ] || fail "-e '$expr': '$(cat "$WORK/b.err")', strace: '$want'"
done
echo "bad expressions: strace's messages"
exit 0
