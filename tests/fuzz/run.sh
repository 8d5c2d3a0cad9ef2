# SPDX-License-Identifier: GPL-2.0-or-later
# Each libFuzzer target for a few seconds (FUZZ_CHECK_SECONDS, default 5)
# from the seed corpus in tests/fuzz/corpus/: the record decoder and
# printers, the option parser and the -e parser must survive ASan and
# UBSan on whatever the fuzzer makes of the seeds.  `make fuzz` runs them
# for longer.
. "$TESTLIB"
: "${FUZZ_DIR:?}" "${FUZZ_CORPUS:?}"

seconds=${FUZZ_CHECK_SECONDS:-5}
ran=0
for corpus in "$FUZZ_CORPUS"/*/; do
	name=$(basename "$corpus")
	target="$FUZZ_DIR/fuzz_$name"
	if [ ! -x "$target" ]; then
		echo "SKIP: $target not built (configure found no clang with libFuzzer)"
		exit 77
	fi
	mkdir -p "$WORK/$name"
	"$target" -max_total_time="$seconds" -close_fd_mask=3 -timeout=10 -rss_limit_mb=2048 \
		-artifact_prefix="$FUZZ_DIR/crash-$name-" "$WORK/$name" "$corpus" > "$WORK/$name.log" 2>&1 ||
		{ grep -E 'ERROR|SUMMARY|#[0-9]+ 0x' "$WORK/$name.log" | head -20 >&2;
		  fail "fuzz_$name crashed: replay with $target $FUZZ_DIR/crash-$name-*"; }
	echo "fuzz_$name: $(grep -o 'Done [0-9]* runs' "$WORK/$name.log")"
	ran=$((ran + 1))
done
[ $ran -eq 3 ] || fail "expected 3 fuzz corpora in $FUZZ_CORPUS, found $ran"
echo ok
