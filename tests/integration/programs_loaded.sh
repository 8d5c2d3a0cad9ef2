# SPDX-License-Identifier: GPL-2.0-or-later
# Start-up loads only the programs the selected syscalls need: every
# program loaded is verified by the kernel, which is most of start-up.
# Capture programs are per family of argument kinds (syscalls/README.md).
. "$TESTLIB"
require_bpf
command -v bpftool >/dev/null 2>&1 || PATH=$PATH:/usr/sbin

# loaded_by OPTIONS...: the names of the BPF programs bstrace holds while it
# traces `sleep 1` with OPTIONS, one per line, sorted.
loaded_by() {
	"$BSTRACE" "$@" -o /dev/null sleep 1 &
	tracer=$!
	for _ in $(seq 50); do
		pgrep -P $tracer -x sleep >/dev/null && break
		sleep 0.1
	done
	pgrep -P $tracer -x sleep >/dev/null || fail "no sleep under bstrace $*"
	for id in $(grep -h '^prog_id:' /proc/$tracer/fdinfo/* 2>/dev/null | awk '{print $2}' | sort -u); do
		bpftool prog show id "$id" | sed -n 's/.* name \([^ ]*\) .*/\1/p'
	done | sort
	wait $tracer || fail "bstrace $* failed"
}

all=$(loaded_by)
for prog in on_sys_enter on_sys_exit cap_entry_plain cap_exit_msg cap_entry_argv; do
	echo "$all" | grep -qx $prog || fail "a full trace does not load $prog: $all"
done
# Plain captures at exit run in on_sys_exit: there is no such program.
! echo "$all" | grep -qx cap_exit_plain || fail "a full trace loads cap_exit_plain: $all"
captures=$(echo "$all" | grep -c '^cap_')
[ "$captures" -le 12 ] || fail "a full trace loads $captures capture programs: $all"
echo "full trace: $(echo "$all" | wc -l) programs, $captures of them capture programs"

only=$(loaded_by -e trace=execve)
[ "$(echo "$only" | grep '^cap_')" = cap_entry_argv ] ||
	fail "-e trace=execve loads capture programs $(echo "$only" | grep '^cap_' | xargs)"
for sel in -e\ trace=getppid -e\ trace=clock_nanosleep -c; do
	none=$(loaded_by $sel)
	! echo "$none" | grep -q '^cap_' || fail "$sel loads $(echo "$none" | grep '^cap_' | xargs)"
done
echo "-e trace=execve: cap_entry_argv only; -e trace=getppid, -e trace=clock_nanosleep and -c: no capture program"
