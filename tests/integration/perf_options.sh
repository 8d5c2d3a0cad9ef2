# SPDX-License-Identifier: GPL-2.0-or-later
# --perf's filters do what perf's do, and bad input is one line and exit 1.
. "$TESTLIB"
. "$(dirname "$TESTLIB")/perf_lib.sh"
require_bpf

names() { sed -nE 's/^.*\): [^ ]+\/[0-9]+ ([a-z0-9_]+)\(.*/\1/p' "$1" | sort -u | tr '\n' ' '; }

# -e with globs.
"$BSTRACE" --perf -e 'open*,close' -o "$WORK/e" -- "$PROGS/fileio" "$WORK" || fail "-e failed"
[ "$(names "$WORK/e")" = "close openat " ] || fail "-e 'open*,close' gave: $(names "$WORK/e")"
# A leading '!' leaves the listed calls out of all.
"$BSTRACE" --perf --expr '!mmap,open*,close' -o "$WORK/n" -- "$PROGS/fileio" "$WORK"
names "$WORK/n" | grep -qwE 'mmap|openat|close' && fail "-e '!...' kept excluded calls"
names "$WORK/n" | grep -qw read || fail "-e '!...' dropped other calls"
# --failure: failed calls only.
"$BSTRACE" --perf --failure -o "$WORK/f" -- "$PROGS/fileio" "$WORK"
[ "$(grep -c ' = -1 ' "$WORK/f")" -ge 3 ] || fail "--failure lost failures: $(cat "$WORK/f")"
grep -vE ' = -1 [A-Z]+ \(' "$WORK/f" | grep -q . && fail "--failure showed successes: $(cat "$WORK/f")"
# --duration: the three slow sleeps (100 ms each) and none of the 6000
# fast getppid calls; a loaded machine may make another call slow too.
"$BSTRACE" --perf --duration 50 -o "$WORK/d" -- "$PROGS/slowcalls"
[ "$(grep -c ' clock_nanosleep(' "$WORK/d")" -eq 3 ] || fail "--duration 50 missed sleeps: $(cat "$WORK/d")"
grep -q ' getppid(' "$WORK/d" && fail "--duration 50 showed fast calls"
# --max-events N prints N calls.
"$BSTRACE" --perf --max-events 5 -o "$WORK/m" -- "$PROGS/fileio" "$WORK"
[ "$(wc -l < "$WORK/m")" -eq 5 ] || fail "--max-events 5 printed $(wc -l < "$WORK/m") lines"
# Children are followed, as perf's events are inherited.
"$BSTRACE" --perf -e execve -o "$WORK/c" -- sh -c '/bin/true; /bin/true'
[ "$(grep -c 'true/[0-9]* execve(' "$WORK/c")" -eq 2 ] || fail "children not followed: $(cat "$WORK/c")"

# -p: a running process and its children, until it exits; -t: the thread only.
sh -c 'sleep 1; for i in 1 2 3 4 5 6; do /bin/true; sleep 0.1; done' & target=$!
sleep 0.1
timeout 10 "$BSTRACE" --perf -p "$target" -e execve,wait4 -o "$WORK/p" || fail "--perf -p failed"
wait "$target"
grep -qE '^ +[0-9]+\.[0-9]{3} \( *[0-9.]+ ms\): true/[0-9]+ execve\(filename: "/bin/true"' "$WORK/p" ||
	fail "--perf -p did not follow the children: $(cat "$WORK/p")"
grep -qE ': sh/'"$target"' wait4\(' "$WORK/p" || fail "--perf -p missed the process's own calls"
grep -q 'attached' "$WORK/p" && fail "--perf -p printed strace's attach message"
sh -c 'sleep 1; for i in 1 2 3 4 5 6; do /bin/true; sleep 0.1; done' & target=$!
sleep 0.1
timeout 10 "$BSTRACE" --perf -t "$target" -e execve,wait4 -o "$WORK/t" || fail "--perf -t failed"
wait "$target"
grep -qE ': sh/'"$target"' wait4\(' "$WORK/t" || fail "--perf -t missed the thread's calls: $(cat "$WORK/t")"
grep -q ' execve(' "$WORK/t" && fail "--perf -t followed children: $(cat "$WORK/t")"

# -G: the tasks of a cgroup (v2), until interrupted.
cgroup=/sys/fs/cgroup/unified/bstrace-perf-test.$$
mkdir "$cgroup" || fail "cannot make the cgroup $cgroup"
# The loop runs until told to stop, so a slow start-up misses nothing tested.
sh -c 'echo $$ > '"$cgroup"'/cgroup.procs; while [ ! -e '"$WORK/stop"' ]; do /bin/true; sleep 0.1; done' &
target=$!
timeout -s INT 3 "$BSTRACE" --perf -G "${cgroup##*/}" -e execve -o "$WORK/g"
touch "$WORK/stop"
wait "$target"
rmdir "$cgroup"
[ "$(grep -c 'true/[0-9]* execve(filename: "/bin/true"' "$WORK/g")" -ge 3 ] ||
	fail "--perf -G: $(cat "$WORK/g")"
grep -v 'execve(' "$WORK/g" | grep -q . && fail "--perf -G -e execve showed other calls"

# Bad input.
for args in "-e nosuchcall true" "--duration x true" "--max-events 0 true" "--bogus true" \
	"-u root" "-p x" "-e" "" "--errno-summary true" "--buffer-size 1 true"; do
	# shellcheck disable=SC2086
	"$BSTRACE" --perf $args > /dev/null 2> "$WORK/err" && fail "accepted --perf $args"
	[ "$(wc -l < "$WORK/err")" -le 2 ] || fail "--perf $args: $(cat "$WORK/err")"
	grep -q '^bstrace: ' "$WORK/err" || fail "--perf $args: $(cat "$WORK/err")"
done
"$BSTRACE" -f --perf true 2> "$WORK/err" && fail "accepted --perf after another option"
grep -q 'must be the first option' "$WORK/err" || fail "--perf late: $(cat "$WORK/err")"
"$BSTRACE" --perf -h | grep -q -- '--errno-summary' || fail "--perf -h"
exit 0
