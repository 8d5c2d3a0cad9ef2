# SPDX-License-Identifier: GPL-2.0-or-later
# Soak: trace a busy process (about 100k calls a second) for STRESS_SECONDS
# (5 in `make check`, 600 in `make stress`).  bstrace's RSS stays flat
# after warm-up, and every call the program made is either printed or
# counted in a loss report: nothing is lost silently.
. "$TESTLIB"
require_bpf

seconds=${STRESS_SECONDS:-5}
# RSS may grow at most this much after the first quarter of the run.
max_growth_kb=${STRESS_RSS_GROWTH_KB:-4096}

# soak SECONDS [BSTRACE OPTIONS]: trace robust_busy, check the accounting,
# leave the RSS samples in $WORK/rss and the loss count in $lost.
soak() {
	run_seconds=$1
	shift
	rm -f "$WORK/trace"
	mkfifo "$WORK/trace"
	# Count while reading: a 10-minute trace is not kept on disk.
	awk '/^getppid\(\) += [0-9]+$/ { calls++ }
	     /^--- bstrace: [0-9]+ records lost here ---$/ { lost += $3 }
	     END { print calls + 0, lost + 0 }' < "$WORK/trace" > "$WORK/counts" &
	counter=$!
	"$BSTRACE" "$@" -o "$WORK/trace" "$PROGS/robust_busy" "$run_seconds" > "$WORK/busy.stdout" 2> "$WORK/bstrace.err" &
	tracer=$!

	: > "$WORK/rss"
	while kill -0 $tracer 2>/dev/null; do
		sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\) kB$/\1/p' /proc/$tracer/status 2>/dev/null >> "$WORK/rss"
		sleep 1
	done
	wait $tracer || fail "bstrace exited $?: $(cat "$WORK/bstrace.err")"
	wait $counter

	made=$(sed -n 's/^getppid calls //p' "$WORK/busy.stdout")
	read -r printed lost < "$WORK/counts"
	said_lost=$(sed -n 's/^bstrace: \([0-9]*\) records lost.*/\1/p' "$WORK/bstrace.err")
	echo "soak ${run_seconds}s $*: $made calls made, $printed printed, $lost lost in the trace, ${said_lost:-0} lost at the end"
	[ -n "$made" ] && [ "$made" -gt 0 ] || fail "the busy program made no calls"
	[ "$printed" -le "$made" ] || fail "more calls printed ($printed) than made ($made)"
	[ $((printed + lost)) -ge "$made" ] || fail "$((made - printed - lost)) calls lost without a report"
	[ "$lost" -eq "${said_lost:-0}" ] || fail "the trace reports $lost lost, the end message ${said_lost:-0}"
}

# A ring too small for the rate: losses happen and are all reported.
soak 2 --buffer-size=8K
[ "$lost" -gt 0 ] || fail "an 8K ring lost nothing: the loss accounting went untested"

# The soak proper, with the default ring.
soak "$seconds"
samples=$(wc -l < "$WORK/rss")
[ "$samples" -ge 3 ] || fail "only $samples RSS samples"
skip=$((samples / 4 + 1))
first=$(sed -n "${skip}p" "$WORK/rss")
peak=$(tail -n +"$skip" "$WORK/rss" | sort -n | tail -1)
echo "RSS: $(head -1 "$WORK/rss") kB at start, $first kB after warm-up, peak $peak kB, $(tail -1 "$WORK/rss") kB at end ($samples samples)"
[ $((peak - first)) -le "$max_growth_kb" ] || fail "RSS grew by $((peak - first)) kB after warm-up"
echo ok
