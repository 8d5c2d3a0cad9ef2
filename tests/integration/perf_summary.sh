# SPDX-License-Identifier: GPL-2.0-or-later
# bstrace --perf -s prints perf trace's per-thread summary: its header,
# columns and, row by row, the same syscalls with the same call and error
# counts as perf; --errno-summary adds the same errno rows.
. "$TESTLIB"
. "$(dirname "$TESTLIB")/perf_lib.sh"
require_bpf
require_perf

perf trace -s --errno-summary -o "$WORK/p" -- "$PROGS/fileio" "$WORK" >/dev/null 2>&1
"$BSTRACE" --perf -s --errno-summary -o "$WORK/b" -- "$PROGS/fileio" "$WORK" >/dev/null 2>&1 ||
	fail "bstrace --perf -s failed"
grep -qx ' Summary of events:' "$WORK/b" || fail "no summary header: $(cat "$WORK/b")"
grep -qE '^ fileio \([0-9]+\), [0-9]+ events, [0-9]+\.[0-9]%$' "$WORK/b" || fail "no thread line"
grep -qxF '   syscall            calls  errors  total       min       avg       max       stddev' "$WORK/b" ||
	fail "column header differs from perf's"
grep -q '(' "$WORK/b" && ! grep -qE '^ +[0-9]+\.[0-9]{3} \(' "$WORK/b" || fail "-s printed call lines"
# Rows: name, calls, errors (times differ between runs).
perf_summary_rows "$WORK/p" > "$WORK/p.rows"
perf_summary_rows "$WORK/b" > "$WORK/b.rows"
total=$(wc -l < "$WORK/p.rows")
[ "$total" -gt 5 ] || fail "perf's summary has too few rows: $(cat "$WORK/p")"
same=$(comm -12 "$WORK/p.rows" "$WORK/b.rows" | wc -l)
echo "summary rows identical (name calls errors): $same/$total"
# execve is the one row that differs by design: perf sees only its end.
[ $((same + 1)) -ge "$total" ] || { diff "$WORK/p.rows" "$WORK/b.rows" >&2; fail "summary rows differ"; }
# Sorted by total time, descending, and well-formed numbers.
awk '/^   -------/ { inside = 1; next } /^$/ { inside = 0 }
     inside && NF == 8 { if (prev != "" && $4 + 0 > prev + 0) bad = 1; prev = $4 }
     END { exit bad }' "$WORK/b" || fail "rows not sorted by total"
grep -qE '^				ENOENT: 2$' "$WORK/b" || fail "errno summary row missing: $(cat "$WORK/b")"
grep -E '^				ENOENT' "$WORK/p" | sort > "$WORK/p.errno"
grep -E '^				ENOENT' "$WORK/b" | sort > "$WORK/b.errno"
cmp -s "$WORK/p.errno" "$WORK/b.errno" || fail "errno rows differ from perf's"

# -S prints the lines and then the summary.
"$BSTRACE" --perf -S -o "$WORK/s" -- "$PROGS/fileio" "$WORK" >/dev/null 2>&1
grep -qE 'openat\(' "$WORK/s" && grep -qx ' Summary of events:' "$WORK/s" || fail "-S: $(cat "$WORK/s")"
exit 0
