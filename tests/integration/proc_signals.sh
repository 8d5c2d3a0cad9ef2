# SPDX-License-Identifier: GPL-2.0-or-later
# Signal deliveries, exit and death lines, -e signal=, -q/-qq/-e quiet=,
# and the exit status or fatal signal passed through, beside strace.
. "$TESTLIB"
require_bpf
require_strace

mask_pids() {
	sed -E -e 's/^[0-9]+ +/PID /' -e 's/(= |pid=|\[|\(|, )[0-9]{3,}/\1N/g' \
		-e 's/si_utime=[0-9]+( \/\*[^*]*\*\/)?, si_stime=[0-9]+( \/\*[^*]*\*\/)?/si_utime=0, si_stime=0/' \
		"$1" > "$1.pm"
	mask "$1.pm"
}

# A handled SIGUSR1, a SIGCHLD (the child exits 5), death by SIGSEGV.
strace -f -o "$WORK/s" "$PROGS/proc_signals"; src=$?
"$BSTRACE" -f -o "$WORK/b" "$PROGS/proc_signals"; brc=$?
[ $brc -eq $src ] || fail "exit status $brc, strace's $src"
[ $brc -eq $((128 + 11)) ] || fail "SIGSEGV not passed through: $brc"
mask_pids "$WORK/s" > "$WORK/s.m"
mask_pids "$WORK/b" > "$WORK/b.m"
for line in 'PID --- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=N, si_uid=0} ---' \
	'PID --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=N, si_uid=0, si_status=5, si_utime=0, si_stime=0} ---' \
	'PID --- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=NULL} ---' \
	'PID +++ exited with 5 +++' \
	'PID +++ killed by SIGSEGV +++'; do
	grep -qxF "$line" "$WORK/s.m" || fail "strace itself lacks: $line"
	grep -qxF "$line" "$WORK/b.m" || fail "missing line: $line"
done
# The signal lines in strace's order.
grep -E -e '--- SIG|\+\+\+' "$WORK/s.m" > "$WORK/s.sig"
grep -E -e '--- SIG|\+\+\+' "$WORK/b.m" > "$WORK/b.sig"
diff -u "$WORK/s.sig" "$WORK/b.sig" >&2 || fail "signal and exit lines differ from strace's"
compare "$WORK/s.m" "$WORK/b.m" 85

# -e signal= selects the signals shown, in the kernel.
"$BSTRACE" -f -e signal='!SIGUSR1' -e trace=none -o "$WORK/b" "$PROGS/proc_signals"
grep -q 'SIGUSR1 {' "$WORK/b" && fail "signal=!SIGUSR1 still shows SIGUSR1"
grep -q 'SIGSEGV {' "$WORK/b" || fail "signal=!SIGUSR1 lost SIGSEGV"
"$BSTRACE" -f -e signal=none -e trace=none -o "$WORK/b" "$PROGS/proc_signals"
grep -q -e '---' "$WORK/b" && fail "signal=none shows signals: $(cat "$WORK/b")"
"$BSTRACE" -f --signal=SIGCHLD -e trace=none -o "$WORK/b" "$PROGS/proc_signals"
[ "$(grep -c -e '---' "$WORK/b")" -eq 1 ] || fail "--signal=SIGCHLD: $(cat "$WORK/b")"

# Death by SIGKILL in a blocked call, and by a self-sent SIGKILL.
"$BSTRACE" -e trace=clock_nanosleep -o "$WORK/b" sleep 5 &
tracer=$!
sleep 0.8
pkill -KILL -P $tracer -x sleep
wait $tracer
rc=$?
[ $rc -eq 137 ] || fail "SIGKILL not passed through: $rc"
grep -qE '^clock_nanosleep\(CLOCK_REALTIME, 0, \{tv_sec=5, tv_nsec=0\}, .* <unfinished \.\.\.>\) = \?$' "$WORK/b" ||
	fail "killed call: $(head -1 "$WORK/b")"
tail -1 "$WORK/b" | grep -qx '+++ killed by SIGKILL +++' || fail "no killed line"
strace -e trace=kill -o "$WORK/s" sh -c 'kill -9 $$'
"$BSTRACE" -e trace=kill -o "$WORK/b" sh -c 'kill -9 $$'
mask_pids "$WORK/s" > "$WORK/s.m"
mask_pids "$WORK/b" > "$WORK/b.m"
compare "$WORK/s.m" "$WORK/b.m" 100

# A fatal signal that dumps no core (SIGPIPE, SIGTERM) is a group exit as
# soon as it is sent, and never dequeued: strace's tracee still stops for
# it, so its line comes after the call it ended, before the death.
"$BSTRACE" -f -e trace=write -o "$WORK/b" sh -c 'yes | head -1' > /dev/null
# -f's pid column is padded: "1234  +++" and "12345 +++".
yes_pid=$(sed -En 's/^([0-9]+) +\+\+\+ killed by SIGPIPE \+\+\+$/\1/p' "$WORK/b")
[ -n "$yes_pid" ] || fail "yes was not killed by SIGPIPE: $(tail -5 "$WORK/b")"
grep -E "^$yes_pid +" "$WORK/b" | tail -3 | sed -E 's/^[0-9]+ +//; s/^(write\(1, .*|<\.\.\. write resumed>\)) += -1 EPIPE/write(1, ...) = -1 EPIPE/' > "$WORK/b.yes"
printf '%s\n' 'write(1, ...) = -1 EPIPE (Broken pipe)' \
	"--- SIGPIPE {si_signo=SIGPIPE, si_code=SI_USER, si_pid=$yes_pid, si_uid=0} ---" \
	'+++ killed by SIGPIPE +++' | diff - "$WORK/b.yes" >&2 || fail "yes's SIGPIPE differs from strace's"
"$BSTRACE" -f -e trace=none -o "$WORK/b" sh -c 'sleep 5 & kill $!; wait'
grep -qE '^[0-9]+ +--- SIGTERM \{si_signo=SIGTERM, si_code=SI_USER, si_pid=[0-9]+, si_uid=0\} ---$' "$WORK/b" ||
	fail "no --- SIGTERM line for the killed child: $(cat "$WORK/b")"

# -qq and quiet=exit leave out exit lines; -q keeps them.
"$BSTRACE" -qq -e trace=exit_group -o "$WORK/b" "$PROGS/exitcode" 3
[ $? -eq 3 ] || fail "-qq lost the exit status"
grep -q '+++' "$WORK/b" && fail "-qq printed an exit line"
"$BSTRACE" -e quiet=exit -e trace=exit_group -o "$WORK/b" "$PROGS/exitcode" 3
grep -q '+++' "$WORK/b" && fail "quiet=exit printed an exit line"
"$BSTRACE" -q -e trace=exit_group -o "$WORK/b" "$PROGS/exitcode" 3
tail -1 "$WORK/b" | grep -qx '+++ exited with 3 +++' || fail "-q lost the exit line"
exit 0
