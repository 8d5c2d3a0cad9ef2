# SPDX-License-Identifier: GPL-2.0-or-later
# --json: every line of every run parses with jq, has the documented
# members, and holds the values strace prints (names, returns, errnos,
# paths, buffers byte for byte, exit statuses), whatever bytes a program
# writes.
. "$TESTLIB"
. "$(dirname "$TESTLIB")/perf_lib.sh"
require_bpf
require_strace
command -v jq >/dev/null 2>&1 ||
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jq >/dev/null 2>&1 ||
	fail "jq is not installed and could not be installed"

# Each line is one object of the documented shape.
validate() {
	n=$(wc -l < "$1")
	[ "$n" -gt 0 ] || fail "no JSON output in $1"
	jq -e -c . "$1" > /dev/null 2> "$WORK/jq.err" || fail "invalid JSON in $1: $(head -3 "$WORK/jq.err")"
	bad=$(jq -c 'select(
		.v != 1 or (.type | IN("call", "exit", "fork", "lost") | not) or
		(.type != "lost" and ((.ts_ns | type) != "number" or (.pid | type) != "number" or
				      (.tid | type) != "number" or (.comm | type) != "string")) or
		(.type == "call" and ((.syscall | type) != "string" or (.args | type) != "array" or
			([.args[] | select((.name | type) != "string" or (.type | type) != "string" or
					   (.raw | test("^0$|^0x[0-9a-f]+$") | not) or has("value") != true)]
			 | length) > 0)))' "$1" | head -3)
	[ -z "$bad" ] || fail "objects not of the documented shape: $bad"
	echo "$1: $n lines, all valid JSON"
}

# Addresses and pids differ between two runs.
mask_results() {
	sed -E -e 's/0x[0-9a-f]{5,}/ADDR/g' \
		-e 's/^(set_tid_address|getpid|gettid|getppid|clone|clone3|fork|vfork|wait4) [0-9]+$/\1 PID/' \
		-e 's/^(times|time|semget|shmget|msgget) [0-9]+$/\1 N/'
}

# Calls as strace prints their results: "name ret" or "name -1 ERRNO".
strace_results() {
	grep -E '^[a-z0-9_]+\(' "$1" | grep -v -- '= ?$' |
	sed -E 's/^([a-z0-9_]+)\(.*\) += (-1 [A-Z0-9]+|[-0-9a-fx]+).*/\1 \2/' |
	while read -r name ret; do
		# JSON returns are numbers: strace's short hex and octal, in decimal.
		case $ret in
		0x????? | 0x??????*) ;;
		0x* | 0[0-7]*) ret=$(printf '%d' "$ret") ;;
		esac
		echo "$name $ret"
	done | mask_results
}
json_results() {
	jq -r 'select(.type == "call" and .ret_hex != null or .type == "call" and .errno != null
		      or .type == "call" and .ret != null) |
	       "\(.syscall) \(if .errno then "-1 " + .errno else (.ret_hex // (.ret | tostring)) end)"' "$1" |
	mask_results
}

strace -o "$WORK/s" "$PROGS/fileio" "$WORK" || fail "strace failed"
"$BSTRACE" --json -o "$WORK/j" "$PROGS/fileio" "$WORK" || fail "bstrace --json failed"
validate "$WORK/j"
strace_results "$WORK/s" > "$WORK/s.res"
json_results "$WORK/j" > "$WORK/j.res"
total=$(wc -l < "$WORK/s.res")
same=$(same_in_order "$WORK/s.res" "$WORK/j.res")
echo "strace's results found in --json: $same/$total"
[ "$same" -eq "$total" ] || { diff "$WORK/s.res" "$WORK/j.res" >&2; fail "results differ from strace's"; }

# Values round-trip: the bytes written, the paths, the flags, the errno.
expected=$(printf 'hello, world\n\tline two "quoted" \\ \001\377\n' | od -An -tu1 | tr -s ' \n' ' ' | sed 's/^ //; s/ $//')
got=$(jq -r 'select(.syscall == "write" and .ret == 37) | .args[1].value | explode | map(tostring) | join(" ")' "$WORK/j")
# -s 32 by default, as strace.
[ "$got" = "$(echo "$expected" | cut -d' ' -f1-32)" ] || fail "write's bytes: got '$got', want '$expected'"
"$BSTRACE" --json -s 64 -e trace=write -o "$WORK/j64" "$PROGS/fileio" "$WORK" || fail "bstrace -s 64"
got=$(jq -r 'select(.syscall == "write" and .ret == 37) | .args[1].value | explode | map(tostring) | join(" ")' "$WORK/j64")
[ "$got" = "$expected" ] || fail "write's bytes with -s 64: got '$got', want '$expected'"
jq -e -s 'map(select(.syscall == "write" and .ret == 37) | .args[1] | has("truncated")) == [false]' "$WORK/j64" > /dev/null ||
	fail "a whole buffer is marked truncated"
jq -e -s 'map(select(.syscall == "write" and .ret == 37) | .args[1].truncated) == [true]' "$WORK/j" > /dev/null ||
	fail "a buffer cut at -s 32 is not marked truncated"
jq -e -s 'map(select(.syscall == "access" and .args[0].value == "/nonexistent/file"
		     and .args[1].value == ["F_OK"] and .ret == -1 and .errno == "ENOENT"
		     and .errno_code == 2)) | length == 1' "$WORK/j" > /dev/null ||
	fail "access(\"/nonexistent/file\", F_OK) = -1 ENOENT not in the JSON"
jq -e -s 'map(select(.syscall == "openat" and .args[0].value == "AT_FDCWD"
		     and .args[2].value == ["O_RDONLY", "O_CLOEXEC"])) | length >= 2' "$WORK/j" > /dev/null ||
	fail "openat's dirfd and flags not typed as documented"
jq -e -s 'map(select(.syscall == "close" and .errno == "EBADF")) | length == 1' "$WORK/j" > /dev/null ||
	fail "close's EBADF missing"
jq -e -s 'map(select(.syscall == "newfstatat" and (.args[2].value | type) == "object"
		     and (.args[2].value.st_size | type) == "number")) | length >= 1' "$WORK/j" > /dev/null ||
	fail "struct stat not an object"

# Any bytes: all 256 byte values read back exactly.
awk 'BEGIN { for (i = 0; i < 256; i++) printf "%c", i }' > "$WORK/bytes"
[ "$(wc -c < "$WORK/bytes")" -eq 256 ] || fail "could not make the byte file"
"$BSTRACE" --json -s 256 -e trace=read -o "$WORK/bytes.j" cat "$WORK/bytes" > /dev/null
validate "$WORK/bytes.j"
jq -e -s 'map(select(.syscall == "read" and .ret == 256) | .args[1].value | explode == [range(0; 256)])
	  | any' "$WORK/bytes.j" > /dev/null || fail "the 256 byte values did not round-trip"

# Process events: forks, exits with status and signal.
"$BSTRACE" --json -f -o "$WORK/sh.j" sh -c "$PROGS/exitcode 3; true" > /dev/null 2>&1
validate "$WORK/sh.j"
jq -e -s 'map(select(.type == "fork")) | length >= 1' "$WORK/sh.j" > /dev/null || fail "no fork event"
jq -e -s 'map(select(.type == "exit" and .comm == "exitcode" and .exit_code == 3)) | length == 1' \
	"$WORK/sh.j" > /dev/null || fail "exit code 3 not in the exit event"
("$BSTRACE" --json -o "$WORK/k.j" "$PROGS/exitcode" -9) 2> /dev/null
validate "$WORK/k.j"
jq -e -s 'map(select(.type == "exit" and .signal == "SIGKILL" and .exit_code == null)) | length == 1' \
	"$WORK/k.j" > /dev/null || fail "killed by SIGKILL not in the exit event"
# The corpus: every line valid, and strace's results in the JSON.
total_all=0
same_all=0
for group in files fdio memory process signals time sockets polling futex ipc; do
	rm -rf "$WORK/d" && mkdir "$WORK/d"
	strace -o "$WORK/$group.s" "$PROGS/corpus_$group" "$WORK/d" > /dev/null 2>&1 ||
		fail "strace corpus_$group failed"
	rm -rf "$WORK/d" && mkdir "$WORK/d"
	"$BSTRACE" --json -o "$WORK/$group.j" "$PROGS/corpus_$group" "$WORK/d" > /dev/null 2>&1 ||
		fail "bstrace --json corpus_$group failed"
	validate "$WORK/$group.j"
	strace_results "$WORK/$group.s" > "$WORK/$group.sr"
	json_results "$WORK/$group.j" > "$WORK/$group.jr"
	total=$(wc -l < "$WORK/$group.sr")
	same=$(same_in_order "$WORK/$group.sr" "$WORK/$group.jr")
	[ -n "${CORPUS_VERBOSE:-}" ] && diff "$WORK/$group.sr" "$WORK/$group.jr" | grep '^[<>]' >&2
	total_all=$((total_all + total))
	same_all=$((same_all + same))
done
echo "corpus: strace's results (name, return, errno) found in --json: $same_all/$total_all"
[ $((same_all * 100 / total_all)) -ge 99 ] || fail "too few of strace's results in the JSON"

# Selector variants and explained returns: fcntl(fd, F_GETFL) takes no
# third argument and returns open flags.
jq -e -s 'map(select(.syscall == "fcntl" and .args[1].value == "F_GETFL")) | length >= 1 and
	  all(.args[2].value == null and (.ret_value | index(["O_RDWR"])) != null)' "$WORK/fdio.j" > /dev/null ||
	fail "fcntl F_GETFL: $(grep F_GETFL "$WORK/fdio.j")"

# Text that cannot be JSON is refused in one line.
for text in -k -c -C --folded; do
	"$BSTRACE" --json $text true 2> "$WORK/err" && fail "--json $text accepted"
	[ "$(wc -l < "$WORK/err")" -eq 1 ] || fail "--json $text: $(cat "$WORK/err")"
done

# --perf --json: perf's filters, JSON lines.
"$BSTRACE" --perf --json --failure -o "$WORK/pf.j" -- "$PROGS/fileio" "$WORK"
validate "$WORK/pf.j"
jq -e -s 'map(select(.type == "call")) | length >= 3 and all(.errno != null)' "$WORK/pf.j" > /dev/null ||
	fail "--perf --json --failure: $(cat "$WORK/pf.j")"
exit 0
