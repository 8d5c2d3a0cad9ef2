# SPDX-License-Identifier: GPL-2.0-or-later
# What the kernel or the user lacks is said in one line, with the fix:
# no capabilities (a plain user, or root with CAP_BPF/CAP_PERFMON dropped),
# no BTF.  A user holding only CAP_BPF and CAP_PERFMON can trace, and
# tracefs is not needed at all.
. "$TESTLIB"
require_bpf

# one_line PATTERN COMMAND...: exit 1, one line on stderr matching PATTERN.
one_line() {
	pattern=$1
	shift
	"$@" > "$WORK/out" 2> "$WORK/err"
	status=$?
	[ $status -eq 1 ] || fail "$*: exit $status, not 1: $(cat "$WORK/err")"
	[ "$(wc -l < "$WORK/err")" -eq 1 ] || fail "$*: not one line: $(cat "$WORK/err")"
	grep -Eq "$pattern" "$WORK/err" || fail "$*: said $(cat "$WORK/err")"
	[ ! -s "$WORK/out" ] || fail "$*: wrote to stdout"
}

nobody="setpriv --reuid=nobody --regid=nogroup --clear-groups"
cp "$BSTRACE" "$WORK/bstrace"
chmod 755 "$WORK" "$WORK/bstrace"

no_caps='^bstrace: cannot use BPF: Operation not permitted \(run as root, or with CAP_BPF and CAP_PERFMON\)$'
one_line "$no_caps" $nobody "$WORK/bstrace" true
one_line "$no_caps" capsh --drop=cap_bpf,cap_perfmon,cap_sys_admin -- -c "$WORK/bstrace true"
one_line "$no_caps" capsh --drop=cap_perfmon,cap_sys_admin -- -c "$WORK/bstrace true"

# No BTF: a file that is not BTF where the kernel's should be.
one_line '^bstrace: the kernel has no BTF \(/sys/kernel/btf/vmlinux\): it needs CONFIG_DEBUG_INFO_BTF=y$' \
	unshare -m sh -c "mount --bind /dev/null /sys/kernel/btf/vmlinux && exec $WORK/bstrace true"

# A user with CAP_BPF and CAP_PERFMON only traces its own command.
mkdir "$WORK/nobody" && chown nobody "$WORK/nobody"
$nobody --inh-caps=+bpf,+perfmon --ambient-caps=+bpf,+perfmon "$WORK/bstrace" \
	-o "$WORK/nobody/caps.out" /bin/echo capable > /dev/null 2> "$WORK/caps.err" ||
	fail "nobody with CAP_BPF+CAP_PERFMON could not trace: $(cat "$WORK/caps.err")"
grep -q '^write(1, "capable\\n", 8) *= 8$' "$WORK/nobody/caps.out" ||
	fail "capable user's trace: $(head "$WORK/nobody/caps.out")"

# Raw tracepoints need no tracefs: unmounted, tracing still works.
unshare -m sh -c 'umount -l /sys/kernel/tracing 2>/dev/null; umount -l /sys/kernel/debug 2>/dev/null;
	! grep -q tracefs /proc/self/mounts && exec "$0" -o /dev/stdout /bin/echo notracefs' "$WORK/bstrace" \
	> "$WORK/tfs.out" 2> "$WORK/tfs.err" || fail "without tracefs: $(cat "$WORK/tfs.err")"
grep -q '^write(1, "notracefs\\n", 10) *= 10$' "$WORK/tfs.out" || fail "without tracefs: $(head "$WORK/tfs.out")"
echo ok
