# SPDX-License-Identifier: GPL-2.0-or-later
# --folded and --flamegraph show a program's two slow paths with the
# weight they have: path a sleeps 6 times, path b twice (3:1).
. "$TESTLIB"
require_bpf

prog="$PROGS/stack_slow"

# ratio A B: A/B with two decimals, via awk.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b <= 0) print 0; else printf "%.2f", a / b }'; }
within() { awk -v r="$1" -v lo="$2" -v hi="$3" 'BEGIN { exit !(r >= lo && r <= hi) }'; }

"$BSTRACE" --folded -o "$WORK/folded" "$prog" || fail "bstrace --folded failed"
grep -q '^nanosleep\|^[^ ]*(' "$WORK/folded" && fail "--folded printed trace lines"
awk 'NF != 2 || $2 !~ /^[0-9]+$/ { bad = 1 } END { exit bad }' "$WORK/folded" ||
	fail "--folded lines are not 'stack count'"
a=$(awk '/;main;slow_path_a;nap;/ { t += $2 } END { print t + 0 }' "$WORK/folded")
b=$(awk '/;main;slow_path_b;nap;/ { t += $2 } END { print t + 0 }' "$WORK/folded")
grep -q '^stack_slow;_start;__libc_start_main;.*;main;slow_path_a;nap;nanosleep;clock_nanosleep;clock_nanosleep ' \
	"$WORK/folded" || fail "path a's folded stack is not comm;_start;...;main;slow_path_a;nap;...;syscall"
r=$(ratio "$a" "$b")
echo "folded: path a $a ns, path b $b ns, ratio $r"
within "$r" 2.4 3.6 || fail "path a / path b is $r in --folded, expected about 3"

"$BSTRACE" --flamegraph="$WORK/graph.svg" -o "$WORK/trace" "$prog" || fail "bstrace --flamegraph failed"
[ -s "$WORK/trace" ] || fail "--flamegraph alone should keep the trace"
command -v python3 > /dev/null || fail "python3 is needed to read the SVG"
python3 - "$WORK/graph.svg" > "$WORK/widths" <<'PY' || fail "the SVG is not well-formed XML"
import sys, xml.dom.minidom
doc = xml.dom.minidom.parse(sys.argv[1])
for g in doc.getElementsByTagName("g"):
    name = g.getAttribute("data-name")
    rect = g.getElementsByTagName("rect")[0]
    title = g.getElementsByTagName("title")[0].firstChild.nodeValue
    print(name, rect.getAttribute("width"), title.replace(" ", "_"))
PY
grep -q '^slow_path_a ' "$WORK/widths" || fail "path a is not in the flame graph"
grep -q '^slow_path_b ' "$WORK/widths" || fail "path b is not in the flame graph"
grep -q '^slow_path_a .*_ms,_' "$WORK/widths" || fail "path a's title gives no time"
wa=$(awk '$1 == "slow_path_a" { print $2 }' "$WORK/widths")
wb=$(awk '$1 == "slow_path_b" { print $2 }' "$WORK/widths")
r=$(ratio "$wa" "$wb")
echo "flame graph: path a ${wa}px, path b ${wb}px, ratio $r"
within "$r" 2.4 3.6 || fail "path a / path b is $r in the SVG, expected about 3"
grep -q 'function search' "$WORK/graph.svg" || fail "the SVG has no search"

# A flame graph that cannot be written is one line and exit 1.
"$BSTRACE" --flamegraph=/nonexistent/dir/g.svg -o /dev/null "$prog" 2> "$WORK/err" &&
	fail "an unwritable --flamegraph path should fail"
[ "$(wc -l < "$WORK/err")" -eq 1 ] || fail "expected one error line, got: $(cat "$WORK/err")"
exit 0
