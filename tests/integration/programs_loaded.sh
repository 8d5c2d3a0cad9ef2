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
echo "$all" | grep -qx on_sys_enter || fail "the dispatcher is not among the programs: $all"
for prog in cap_exit_plain cap_entry_plain cap_exit_msg cap_entry_argv; do
	echo "$all" | grep -qx $prog || fail "a full trace does not load $prog: $all"
done
captures=$(echo "$all" | grep -c '^cap_')
[ "$captures" -le 12 ] || fail "a full trace loads $captures capture programs: $all"
echo "full trace: $(echo "$all" | wc -l) programs, $captures of them capture programs"

only=$(loaded_by -e trace=clock_nanosleep)
[ "$(echo "$only" | grep '^cap_')" = cap_exit_plain ] ||
	fail "-e trace=clock_nanosleep loads capture programs $(echo "$only" | grep '^cap_' | xargs)"
none=$(loaded_by -e trace=getppid)
! echo "$none" | grep -q '^cap_' || fail "-e trace=getppid loads $(echo "$none" | grep '^cap_' | xargs)"
counted=$(loaded_by -c)
! echo "$counted" | grep -q '^cap_' || fail "-c loads $(echo "$counted" | grep '^cap_' | xargs)"
echo "-e trace=clock_nanosleep: cap_exit_plain only; -e trace=getppid and -c: no capture program"
