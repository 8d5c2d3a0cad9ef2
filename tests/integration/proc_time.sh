# SPDX-License-Identifier: GPL-2.0-or-later
# -t, -tt, -ttt, --absolute-timestamps, -r, -T and -a print strace's
# columns: the same lines once the times themselves are masked, times that
# make sense, and strace's messages for bad arguments.
. "$TESTLIB"
require_bpf
require_strace

# Each digit of a time becomes D: widths, precision and brackets are kept.
mask_times() {
	perl -pe 's/^((?:[0-9:.]+ )?(?:\(\+ *[0-9.]+\) )?(?: *[0-9]+\.[0-9]+ )?)/($1 =~ tr#0-9#D#r)/e; s/<([0-9.]+)>$/"<" . ($1 =~ tr#0-9#D#r) . ">"/e' \
		"$1" > "$1.t"
	mask "$1.t"
}

same_layout() {
	strace -o "$WORK/s" "$@" -e trace=openat,close,exit_group "$PROGS/fileio" "$WORK" || fail "strace $*"
	"$BSTRACE" -o "$WORK/b" "$@" -e trace=openat,close,exit_group "$PROGS/fileio" "$WORK" || fail "bstrace $*"
	mask_times "$WORK/s" > "$WORK/s.m"
	mask_times "$WORK/b" > "$WORK/b.m"
	echo "$*: $(compare "$WORK/s.m" "$WORK/b.m" 100)"
}

same_layout -t
same_layout -tt
same_layout -ttt
same_layout -tttt
same_layout -r
same_layout -T
same_layout -tt -T
same_layout -r -t
same_layout --absolute-timestamps
same_layout --absolute-timestamps=format:unix,precision:ms
same_layout --absolute-timestamps=precision:ns
same_layout --absolute-timestamps=unix,us
same_layout --absolute-timestamps=format:none
same_layout --relative-timestamps=ms
same_layout --relative-timestamps=ns
same_layout --syscall-times=ns
same_layout --syscall-times=s
same_layout -a 10
same_layout -a 60 -T

# The wall clock: -ttt's first time is now, give or take the start-up.
before=$(date +%s)
"$BSTRACE" -ttt -e trace=exit_group -o "$WORK/b" true
after=$(date +%s)
t=$(head -1 "$WORK/b" | cut -d. -f1)
[ "$t" -ge "$before" ] && [ "$t" -le "$after" ] || fail "-ttt says $t, not $before..$after"
# -T measures the call: a 200 ms sleep takes about that.
"$BSTRACE" -T -e trace=clock_nanosleep -o "$WORK/b" sleep 0.2
grep -qE '= 0 <0\.(19|2[0-9])[0-9]{4}>$' "$WORK/b" || fail "-T of a 0.2 s sleep: $(head -1 "$WORK/b")"
# -r: the sleep shows in the next line's delta.
"$BSTRACE" -r -e trace=clock_nanosleep,exit_group -o "$WORK/b" sleep 0.2
grep -qE '^ +0\.(19|2[0-9])[0-9]{4} exit_group' "$WORK/b" || fail "-r after a 0.2 s sleep: $(cat "$WORK/b")"

# Bad arguments, as strace words them.
for args in "-a x" "-a -1" "--absolute-timestamps=foo" "--absolute-timestamps=precision:xs" \
	"--relative-timestamps=foo" "--syscall-times=foo" "-t --absolute-timestamps"; do
	# shellcheck disable=SC2086
	strace $args true 2> "$WORK/s.err"
	# shellcheck disable=SC2086
	"$BSTRACE" $args true 2> "$WORK/b.err"
	rc=$?
	[ $rc -eq 1 ] || fail "$args: status $rc"
	want=$(head -1 "$WORK/s.err" | sed 's/^strace:/bstrace:/')
	[ "$(head -1 "$WORK/b.err")" = "$want" ] || fail "$args: '$(head -1 "$WORK/b.err")', strace: '$want'"
done
exit 0
