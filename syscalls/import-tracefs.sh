#!/bin/bash
# import-tracefs.sh [SYSCALL...]: print a syscalls.tbl skeleton line for each
# syscall (or only the ones named) from the kernel's tracefs format files.
# A maintainer's helper for adding a new syscall; the build never runs it.
# The kinds are guesses from the C types: check each one against strace's
# output and README.md before pasting a line into syscalls.tbl.
set -euo pipefail

T=/sys/kernel/tracing
if [ ! -d "$T/events/syscalls" ]; then
	mkdir -p "$T" 2>/dev/null || true
	mount -t tracefs nodev "$T" 2>/dev/null || {
		echo "import-tracefs.sh: cannot mount tracefs on $T (need root and CONFIG_FTRACE_SYSCALLS)" >&2
		exit 1
	}
fi
[ -d "$T/events/syscalls" ] || { echo "import-tracefs.sh: no $T/events/syscalls (CONFIG_FTRACE_SYSCALLS off?)" >&2; exit 1; }

if [ $# -gt 0 ]; then
	dirs=(); for s in "$@"; do dirs+=("$T/events/syscalls/sys_enter_$s"); done
else
	dirs=("$T"/events/syscalls/sys_enter_*)
fi

for d in "${dirs[@]}"; do
	[ -f "$d/format" ] || { echo "import-tracefs.sh: no such syscall: ${d##*sys_enter_}" >&2; continue; }
	# "field:const char * filename;	offset:16;..." -> "const char *|filename"
	sed -n 's/^[[:space:]]*field:\([^;]*[^[:alnum:]_]\)\([[:alnum:]_]*\);.*/\1|\2/p' "$d/format" |
	{ grep -v -e '|common_' -e '|__syscall_nr$' || true; } |
	awk -F'|' -v name="${d##*sys_enter_}" '
	{ gsub(/^ +| +$/, "", $1); type[NR] = $1; arg[NR] = $2; n = NR }
	END {
		out = ""; file = 0; desc = 0
		for (i = 1; i <= n; i++) {
			t = type[i]; a = arg[i]; nt = type[i + 1]; na = arg[i + 1]
			counted = (nt ~ /size_t|unsigned (int|long)|^int$/ && na ~ /count|len|siz|^n/)
			if (t ~ /char \*$/ && a ~ /^(file|path)?name$|^path$|^old(name|path)|^new(name|path)|pathname|filename/) {
				k = "path"; file = 1
			} else if (t ~ /^const (char|void) \*$/ && counted) {
				k = "ibuf:" i
			} else if (t ~ /^(char|void) \*$/ && counted) {
				k = "obuf:ret"
			} else if (t ~ /^const char \*$/) {
				k = "str"
			} else if (t ~ /\*/) {
				k = "ptr"
			} else if (a ~ /dfd$/ && t ~ /int/) {
				k = "dirfd"; desc = 1
			} else if (a ~ /^(fd|fildes|.*_fd|.*fd)$/ && t ~ /int/) {
				k = "fd"; desc = 1
			} else if (t ~ /umode_t/) {
				k = "oct"
			} else if (t ~ /^(unsigned long|size_t|u64|__u64)$/) {
				k = "ulong"
			} else if (t ~ /long|loff_t|off_t/) {
				k = "long"
			} else if (t ~ /unsigned|u32|__u32|uid_t|gid_t/) {
				k = "uint"
			} else {
				k = "int"
			}
			out = out (i > 1 ? ", " : "") k " " a
		}
		cls = (desc ? " %desc" : "") (file ? " %file" : "")
		print name "(" out ")" cls
	}'
done
