# SPDX-License-Identifier: GPL-2.0-or-later
# -f over fork + exec + a thread, -ff files, and the unfinished/resumed
# structure of a parent blocked in wait4 while its child runs, beside strace.
. "$TESTLIB"
require_bpf
require_strace

# Child CPU times are whatever the child used.
mask_times() {
	sed -E 's/si_utime=[0-9]+( \/\*[^*]*\*\/)?, si_stime=[0-9]+( \/\*[^*]*\*\/)?/si_utime=0, si_stime=0/' "$1"
}

# -f -o FILE: every line carries "PID  "; the same lines in the same order.
strace -f -o "$WORK/s" "$PROGS/proc_fork"; [ $? -eq 3 ] || fail "strace: not exit 3"
"$BSTRACE" -f -o "$WORK/b" "$PROGS/proc_fork"; [ $? -eq 3 ] || fail "bstrace: exit status not passed"
grep -vqE '^[0-9]+ {1,5}[^ ]' "$WORK/b" && fail "a line without strace's -o -f pid prefix: $(grep -vE '^[0-9]+ ' "$WORK/b" | head -1)"
mask_pids "$WORK/s" > "$WORK/s.m"
mask_pids "$WORK/b" > "$WORK/b.m"
# The parent blocks in wait4 for 300 ms: strace's halves, line for line.
for line in 'PID wait4(N,  <unfinished ...>' \
	'PID <... wait4 resumed>[{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = N' \
	'PID --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=N, si_uid=0, si_status=0, si_utime=0, si_stime=0} ---' \
	'PID execve("/bin/true", ["true"], ADDR /* N vars */) = 0' \
	'PID exit(0)                           = ?' \
	'PID exit_group(3)                     = ?' \
	'PID +++ exited with 3 +++'; do
	mask_times "$WORK/s.m" | grep -qxF "$line" || fail "strace itself lacks: $line"
	mask_times "$WORK/b.m" | grep -qxF "$line" || fail "missing line: $line"
done
# The resumed wait4 comes after the child's exit line, as in strace.
awk '/\+\+\+ exited with 0 \+\+\+/ && !e { e = NR } /<\.\.\. wait4 resumed>/ { w = NR } END { exit !(e && w > e) }' \
	"$WORK/b" || fail "wait4 resumed before the child's exit"
# The joined thread: its own exit line, then the main thread's futex resumes.
[ "$(grep -c '+++ exited with 0 +++' "$WORK/b")" -eq 2 ] || fail "not one exit line per child and thread"
compare "$WORK/s.m" "$WORK/b.m" 80

# -f on stderr: "[pid  N] " only while more than one process is traced.
"$BSTRACE" -f "$PROGS/proc_fork" 2> "$WORK/e"
head -1 "$WORK/e" | grep -q '^execve(' || fail "the first line has a prefix: $(head -1 "$WORK/e")"
grep -qE '^\[pid +[0-9]+\] wait4\([0-9]+,  <unfinished \.\.\.>$' "$WORK/e" || fail "no [pid N] wait4 head"
grep -q 'bstrace: Process [0-9]* attached$' "$WORK/e" || fail "no attach message for the child"
tail -1 "$WORK/e" | grep -qx '+++ exited with 3 +++' || fail "last line: $(tail -1 "$WORK/e")"

# -ff: one file per thread, no prefixes, the parent's wait4 whole in its file.
strace -ff -o "$WORK/sff" "$PROGS/proc_fork"
"$BSTRACE" -ff -o "$WORK/bff" "$PROGS/proc_fork"
[ "$(ls "$WORK"/bff.* | wc -l)" -eq 3 ] || fail "-ff wrote $(ls "$WORK"/bff.* | wc -l) files, not 3"
set -- $(ls "$WORK"/sff.* | sort -t. -k2 -n)
s_files="$*"
set -- $(ls "$WORK"/bff.* | sort -t. -k2 -n)
for s in $s_files; do
	b=$1
	shift
	mask_pids "$s" > "$WORK/s.m"
	mask_pids "$b" > "$WORK/b.m"
	compare "$WORK/s.m" "$WORK/b.m" 80
done
leader=$(ls "$WORK"/bff.* | sort -t. -k2 -n | head -1)
# (Whole, as strace; on a loaded machine the SIGCHLD may come out before
# the call returns, which leaves it unfinished and resumed in the file.)
grep -qE '^(wait4\([0-9]+, |<\.\.\. wait4 resumed>)\[\{WIFEXITED\(s\) && WEXITSTATUS\(s\) == 0\}\], 0, NULL\) += [0-9]+$' "$leader" ||
	fail "-ff lost the parent's wait4: $(grep wait4 "$leader")"
tail -1 "$leader" | grep -qx '+++ exited with 3 +++' || fail "-ff leader file lacks its exit line"
# A thread's execve supersedes the leader: strace's line, the exec'd
# program traced under the leader's pid, and nothing else (its old tid is
# forgotten in the kernel, not left for another process to get).
strace -f -e trace=execve,exit_group -o "$WORK/s" "$PROGS/proc_thread_exec"
"$BSTRACE" -f -e trace=execve,exit_group -o "$WORK/b" "$PROGS/proc_thread_exec" ||
	fail "thread exec: bstrace failed"
leader=$(grep -m1 -oE '^[0-9]+' "$WORK/b")
grep -qE "^$leader +\+\+\+ superseded by execve in pid [0-9]+ \+\+\+\$" "$WORK/b" ||
	fail "no superseded line: $(cat "$WORK/b")"
grep -qE '^[0-9]+ +\+\+\+ superseded by execve in pid [0-9]+ \+\+\+$' "$WORK/s" ||
	fail "strace itself has no superseded line"
tail -2 "$WORK/b" | grep -qE "^$leader +exit_group\(0\) += \?\$" || fail "true's exit_group not under $leader"
tail -1 "$WORK/b" | grep -qE "^$leader +\+\+\+ exited with 0 \+\+\+\$" || fail "no exit line"
[ "$(grep -cvE "^$leader " "$WORK/b")" -eq 0 ] || fail "lines of another pid: $(grep -vE "^$leader " "$WORK/b")"

# --output-separately is -ff's long name.
"$BSTRACE" -f --output-separately -o "$WORK/bos" "$PROGS/proc_fork"
[ "$(ls "$WORK"/bos.* | wc -l)" -eq 3 ] || fail "--output-separately did not split"
exit 0
