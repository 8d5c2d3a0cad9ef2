# SPDX-License-Identifier: GPL-2.0-or-later
# The decoding options print what strace 6.1 prints for the same program:
# -v (statx's struct field by field), -n, -X raw|abbrev|verbose (signals too), -y, -e raw=, -e abbrev=, -e verbose=.
. "$TESTLIB"
require_bpf
require_strace

PROG=corpus_fdio
run_both() {
	name=$1
	shift
	rm -rf "$WORK/d" && mkdir "$WORK/d"
	strace -o "$WORK/$name.s" "$@" "$PROGS/$PROG" "$WORK/d" || fail "strace $* failed"
	rm -rf "$WORK/d" && mkdir "$WORK/d"
	"$BSTRACE" -o "$WORK/$name.b" "$@" "$PROGS/$PROG" "$WORK/d" || fail "bstrace $* failed"
}

run_both n -n
grep -qE '^\[ 257\] openat\(AT_FDCWD, ' "$WORK/n.b" || fail "-n: no syscall number prefix"
# strace puts the thread's last call's number before its exit line too.
grep -qxF '[ 231] +++ exited with 0 +++' "$WORK/n.b" || fail "-n: no exit_group number before +++ exited"
compare "$WORK/n.s" "$WORK/n.b" 95

run_both xraw -X raw
grep -qE '^lseek\(3, 0, 0\) ' "$WORK/xraw.b" || fail "-X raw: SEEK_SET is not 0"
compare "$WORK/xraw.s" "$WORK/xraw.b" 95

run_both xverbose -X verbose
grep -qF 'openat(-100 /* AT_FDCWD */, ' "$WORK/xverbose.b" || fail "-X verbose: AT_FDCWD not commented"
compare "$WORK/xverbose.s" "$WORK/xverbose.b" 95
# Signals under -X verbose: numbers with their names in comments, in sets
# and in sigaction's handler too.
PROG=corpus_signals run_both xverbose_signals -X verbose
grep -qF '[10 /* USR1 */ 12 /* USR2 */' "$WORK/xverbose_signals.b" || fail "-X verbose: sigset names"
grep -qF 'sa_handler=0 /* SIG_DFL */' "$WORK/xverbose_signals.b" || fail "-X verbose: SIG_DFL"
grep -qF 'si_code=0xfffffffa /* SI_TKILL */' "$WORK/xverbose_signals.b" || fail "-X verbose: si_code"
compare "$WORK/xverbose_signals.s" "$WORK/xverbose_signals.b" 85

run_both v -v
compare "$WORK/v.s" "$WORK/v.b" 95

# -v statx, field by field as strace 6.1 orders them, times and device
# numbers included: a file, a char device, a directory.
echo data > "$WORK/statx-file"
for f in "$WORK/statx-file" /dev/null "$WORK"; do
	strace -v -e trace=statx -o "$WORK/vx.s" ls -lad "$f" > /dev/null || fail "strace ls $f failed"
	"$BSTRACE" -v -e trace=statx -o "$WORK/vx.b" ls -lad "$f" > /dev/null || fail "bstrace ls $f failed"
	grep -q 'stx_mtime={tv_sec=' "$WORK/vx.b" || fail "-v statx of $f: no stx_mtime"
	diff "$WORK/vx.s" "$WORK/vx.b" >&2 || fail "-v statx of $f differs from strace's"
done

run_both raw -e raw=openat,lseek,fcntl
grep -qE '^lseek\(0x3, 0, 0\) += 0$' "$WORK/raw.b" || fail "-e raw=: lseek not raw"
compare "$WORK/raw.s" "$WORK/raw.b" 95

run_both verbose -e verbose=none
compare "$WORK/verbose.s" "$WORK/verbose.b" 95

run_both abbrev -e abbrev=none
compare "$WORK/abbrev.s" "$WORK/abbrev.b" 95
# Unabbreviated execve shows its environment, whether by -v or abbrev=.
for opt in -v -e\ abbrev=none -e\ abbrev='!execve'; do
	# shellcheck disable=SC2086
	strace $opt -e trace=execve -o "$WORK/env.s" env -i A=1 B=2 /bin/true || fail "strace $opt failed"
	# shellcheck disable=SC2086
	"$BSTRACE" $opt -e trace=execve -o "$WORK/env.b" env -i A=1 B=2 /bin/true || fail "bstrace $opt failed"
	grep -qE '^execve\("/bin/true", \["/bin/true"\], \["A=1", "B=2"\]\) += 0$' "$WORK/env.b" ||
		fail "$opt: execve's environment not shown in full"
	# The first execve's environment is the test's own, _= included.
	diff <(sed 1d "$WORK/env.s") <(sed 1d "$WORK/env.b") >&2 || fail "$opt: execve differs from strace's"
done

# -y: paths come from the calls bstrace decoded, not from /proc per call.
run_both y -y
grep -qE '^write\(3</.*/d/fdio.txt>, "hello world\\n", 12\) += 12$' "$WORK/y.b" ||
	fail "-y: write(3</.../fdio.txt>, ...) missing"
grep -qE '^dup\(3</.*/d/fdio.txt>\) += 4</.*/d/fdio.txt>$' "$WORK/y.b" || fail "-y: dup not followed"
grep -qE '^pipe\(\[5<pipe:\[[0-9]+\]>, 6<pipe:\[[0-9]+\]>\]\) += 0$' "$WORK/y.b" ||
	fail "-y: pipe fds not named by inode"
# Inodes differ between the two runs.
sed -Ei 's/(pipe|socket):\[[0-9]+\]/\1:[INO]/g' "$WORK/y.s" "$WORK/y.b"
compare "$WORK/y.s" "$WORK/y.b" 95

# -y with a trace that leaves out the calls that open and close fds: the
# kernel still sends them for the table, and bstrace prints none of them.
rm -rf "$WORK/d" && mkdir "$WORK/d"
strace -y -e trace=write,read -o "$WORK/yw.s" "$PROGS/$PROG" "$WORK/d" || fail "strace -y -e trace=write,read failed"
rm -rf "$WORK/d" && mkdir "$WORK/d"
"$BSTRACE" -y -e trace=write,read -o "$WORK/yw.b" "$PROGS/$PROG" "$WORK/d" || fail "bstrace -y -e trace=write,read failed"
grep -qE '^write\(3</.*/d/fdio.txt>, "hello world\\n", 12\) += 12$' "$WORK/yw.b" ||
	fail "-y -e trace=write: write(3</.../fdio.txt>, ...) missing"
grep -qvE '^(write|read|\+\+\+)' "$WORK/yw.b" && fail "-y -e trace=write,read printed other calls: $(grep -vE '^(write|read)' "$WORK/yw.b" | head -3)"
sed -Ei 's/(pipe|socket):\[[0-9]+\]/\1:[INO]/g' "$WORK/yw.s" "$WORK/yw.b"
compare "$WORK/yw.s" "$WORK/yw.b" 100
# -yy: a device's type and number after its path.
strace -yy -e trace=write -o "$WORK/yy.s" sh -c 'echo x > /dev/null' || fail "strace -yy failed"
"$BSTRACE" -yy -e trace=write -o "$WORK/yy.b" sh -c 'echo x > /dev/null' || fail "bstrace -yy failed"
grep -qE '^write\(1</dev/null<char 1:3>>, "x\\n", 2\) += 2$' "$WORK/yy.b" || fail "-yy: $(head -1 "$WORK/yy.b")"
diff "$WORK/yy.s" "$WORK/yy.b" >&2 || fail "-yy differs from strace's"

# -y in poll and select sets, on files unlinked while open, on sockets.
for PROG in corpus_polling corpus_files corpus_sockets; do
	run_both "y-$PROG" -y
	sed -Ei 's/(pipe|socket):\[[0-9]+\]/\1:[INO]/g; s/htons\([0-9]+\)/htons(PORT)/g' \
		"$WORK/y-$PROG.s" "$WORK/y-$PROG.b"
	compare "$WORK/y-$PROG.s" "$WORK/y-$PROG.b" 95
done
grep -qE '^poll\(\[\{fd=3<pipe:\[INO\]>, events=POLLIN\|POLLPRI\}' "$WORK/y-corpus_polling.b" ||
	fail "-y: fds inside pollfd structs not named"

# A bad -X is one line and exit 1.
out=$("$BSTRACE" -X bogus /bin/true 2>&1) && fail "-X bogus accepted"
[ "$(printf '%s\n' "$out" | head -1)" = "bstrace: invalid -X argument: 'bogus'" ] || fail "-X bogus: $out"
