# SPDX-License-Identifier: GPL-2.0-or-later
# Start-up loads only the programs the selected syscalls need: every
# program loaded is verified by the kernel, which is most of start-up.
# Capture programs are per family of argument kinds (syscalls/README.md), in
# the flavour of the tracepoints attached (src/syscall_events.h).
. "$TESTLIB"
require_bpf
command -v bpftool >/dev/null 2>&1 || PATH=$PATH:/usr/sbin

# loaded_by OPTIONS...: the names of the BPF programs bstrace holds while it
# traces `sleep 1` with OPTIONS, one per line, sorted.
loaded_by() {
	trace_sleep "$@"
	for id in $(held_programs $tracer); do
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

# A full trace attaches to the raw syscall tracepoints, never to events.
! echo "$all" | grep -q '^tp_' || fail "a full trace loads $(echo "$all" | grep '^tp_' | xargs)"

# A few syscalls: their own events (tp_ programs), not the raw tracepoints,
# so the calls left out run no program at all.
only=$(loaded_by -e trace=execve)
for prog in tp_sys_enter tp_sys_exit; do
	echo "$only" | grep -qx $prog || fail "-e trace=execve does not load $prog: $only"
done
! echo "$only" | grep -q '^on_sys_' || fail "-e trace=execve loads the raw dispatchers: $only"
[ "$(echo "$only" | grep -E '^(cap|tp)_' | grep -v '^tp_sys_')" = tp_entry_argv ] ||
	fail "-e trace=execve loads capture programs $(echo "$only" | grep -E '^(cap|tp)_' | xargs)"
for sel in -e\ trace=getppid -e\ trace=clock_nanosleep -c; do
	none=$(loaded_by $sel)
	! echo "$none" | grep -E '^(cap|tp)_' | grep -qv '^tp_sys_' ||
		fail "$sel loads $(echo "$none" | grep -E '^(cap|tp)_' | xargs)"
done
# -c counts every syscall: the raw tracepoints.  So does a selection of most.
for sel in -c -e\ trace=!getppid; do
	most=$(loaded_by $sel)
	echo "$most" | grep -qx on_sys_enter || fail "$sel does not load on_sys_enter: $most"
	! echo "$most" | grep -q '^tp_' || fail "$sel loads $(echo "$most" | grep '^tp_' | xargs)"
done
echo "-e trace=execve: tp_sys_enter, tp_sys_exit and tp_entry_argv;" \
     "-e trace=getppid, -e trace=clock_nanosleep and -c: no capture program;" \
     "-c and -e trace=!getppid: the raw tracepoints"
