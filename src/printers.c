// SPDX-License-Identifier: GPL-2.0-or-later
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/netlink.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <netinet/in.h>

#include "errnames.h"
#include "printers.h"
#include "structs.h"
#include "xlat.gen.h"

/* --- pieces ---------------------------------------------------------------- */

void print_pointer(struct linebuf *lb, uint64_t addr)
{
	if (addr)
		line_hex(lb, addr);
	else
		line_puts(lb, "NULL");
}

static bool is_octal_digit(uint8_t c)
{
	return c >= '0' && c <= '7';
}

/* One byte inside quotes, as strace's string_quote() writes it. */
static void quote_byte(struct linebuf *lb, uint8_t c, int next, bool hex)
{
	static const char hexdigits[] = "0123456789abcdef";

	if (hex) {
		char esc[4] = { '\\', 'x', hexdigits[c >> 4], hexdigits[c & 15] };

		line_write(lb, esc, 4);
		return;
	}
	switch (c) {
	case '"':  line_write(lb, "\\\"", 2); return;
	case '\\': line_write(lb, "\\\\", 2); return;
	case '\f': line_write(lb, "\\f", 2); return;
	case '\n': line_write(lb, "\\n", 2); return;
	case '\r': line_write(lb, "\\r", 2); return;
	case '\t': line_write(lb, "\\t", 2); return;
	case '\v': line_write(lb, "\\v", 2); return;
	}
	if (c >= ' ' && c < 0x7f) {
		line_putc(lb, (char)c);
		return;
	}
	/* Octal, as short as it can be unless a digit follows. */
	line_putc(lb, '\\');
	if (next >= 0 && is_octal_digit((uint8_t)next)) {
		line_putc(lb, (char)('0' + (c >> 6)));
		line_putc(lb, (char)('0' + ((c >> 3) & 7)));
	} else {
		if (c >> 6)
			line_putc(lb, (char)('0' + (c >> 6)));
		if (c >> 3)
			line_putc(lb, (char)('0' + ((c >> 3) & 7)));
	}
	line_putc(lb, (char)('0' + (c & 7)));
}

/* -x: strace writes the whole string in hex once one byte is neither
 * printable nor one of the whitespace escapes. */
static bool needs_hex(const uint8_t *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] > 0x7e || (s[i] < ' ' && (unsigned int)(s[i] - 9) >= 5))
			return true;
	return false;
}

/* Bytes a quoted string shows as they are: printable ASCII but the quote and the backslash. */
static const bool prints_as_itself[256] = {
	[' ' ... '!'] = true, ['#' ... '['] = true, [']' ... '~'] = true,
};

void print_quoted(struct linebuf *lb, const uint8_t *s, size_t n, bool truncated,
		  const struct print_opts *opts)
{
	bool hex;

	if (n > opts->max_strlen) {
		n = opts->max_strlen;
		truncated = true;
	}
	hex = opts->hex_strings == 2 || (opts->hex_strings == 1 && needs_hex(s, n));
	line_putc(lb, '"');
	for (size_t i = 0; i < n;) {
		size_t plain = i;

		/* Most bytes need no escape: copy them a run at a time. */
		while (!hex && plain < n && prints_as_itself[s[plain]])
			plain++;
		if (plain > i) {
			line_write(lb, (const char *)s + i, plain - i);
			i = plain;
			continue;
		}
		quote_byte(lb, s[i], i + 1 < n ? s[i + 1] : -1, hex);
		i++;
	}
	line_putc(lb, '"');
	if (truncated)
		line_write(lb, "...", 3);
}

/* -X: set once at start-up, read by every flag and enum printer. */
static enum xlat_style xlat_style = XLAT_ABBREV;

void print_set_xlat_style(enum xlat_style style)
{
	xlat_style = style;
}

enum xlat_style print_xlat_style(void)
{
	return xlat_style;
}

static bool in_set(const uint64_t *set, long nr)
{
	return nr >= 0 && nr < SYSCALL_NR_MAX && (set[nr / 64] >> (nr % 64) & 1);
}

void print_opts_for_call(struct print_opts *out, const struct print_opts *opts, long nr)
{
	*out = *opts;
	if (!opts->sets)
		return;
	out->verbose = opts->verbose || !in_set(opts->sets->abbrev, nr);
	out->raw = in_set(opts->sets->raw, nr);
	out->no_structs = !in_set(opts->sets->verbose, nr);
}

/* -X raw and verbose: the number first ("0" for none). */
bool xlat_number_begin(struct linebuf *lb, uint64_t value, bool decimal)
{
	if (xlat_style == XLAT_ABBREV)
		return false;
	if (decimal)
		line_dec(lb, (int64_t)value);
	else
		line_hex(lb, value);
	if (xlat_style == XLAT_RAW)
		return true;
	line_puts(lb, " /* ");
	return false;
}

void xlat_number_end(struct linebuf *lb)
{
	if (xlat_style == XLAT_VERBOSE)
		line_puts(lb, " */");
}

static void print_flag_names(struct linebuf *lb, const struct xlat *table, uint64_t value);
static void print_fields_as_numbers(struct linebuf *lb, const struct xlat *table, uint64_t value);

void print_flags(struct linebuf *lb, const struct xlat *table, uint64_t value)
{
	/* Nothing set and no name for nothing: a plain 0 in every style. */
	if (!value && !table->nfields && !xlat_name(table, 0)) {
		line_putc(lb, '0');
		return;
	}
	if (table->nfields && xlat_style != XLAT_ABBREV) {
		print_fields_as_numbers(lb, table, value);
		return;
	}
	if (xlat_number_begin(lb, value, false))
		return;
	print_flag_names(lb, table, value);
	xlat_number_end(lb);
}

/* The names of the bits of rest in table (its fields aside), what no name covers in hex. */
static void print_bit_names(struct linebuf *lb, const struct xlat *table, uint64_t rest)
{
	bool any = false;

	for (unsigned int i = 0; i < table->count; i++) {
		uint64_t bits = table->entries[i].value;

		if (!bits || (rest & bits) != bits)
			continue;
		if (any)
			line_putc(lb, '|');
		line_puts(lb, table->entries[i].name);
		rest &= ~bits;
		any = true;
	}
	if (rest) {
		if (any)
			line_putc(lb, '|');
		line_hex(lb, rest);
	}
}

/* A field's value by its name in the field's list, else in hex. */
static void print_field_name(struct linebuf *lb, const struct xlat_field *f, uint64_t value)
{
	const char *name = xlat_name(f->table, value & f->mask);

	if (name)
		line_puts(lb, name);
	else
		line_hex(lb, value & f->mask);
}

static void print_flag_names(struct linebuf *lb, const struct xlat *table, uint64_t value)
{
	uint64_t rest = value;

	/* Fields inside the flags (statx's sync type) come first, even as 0. */
	for (unsigned int i = 0; i < table->nfields; i++) {
		if (i)
			line_putc(lb, '|');
		print_field_name(lb, &table->fields[i], value);
		rest &= ~table->fields[i].mask;
	}
	if (table->nfields) {
		if (!rest)
			return;
		line_putc(lb, '|');
	}
	if (!value) {
		const char *zero = xlat_name(table, 0);

		line_puts(lb, zero ? zero : "0");
		return;
	}
	print_bit_names(lb, table, rest);
}

/*
 * -X raw and verbose, for flags with fields inside: strace prints each
 * field, then the other bits, as a number of its own (socket's type under
 * -X raw is 0x1|0x80000, not 0x80001).
 */
static void print_fields_as_numbers(struct linebuf *lb, const struct xlat *table, uint64_t value)
{
	uint64_t rest = value;

	for (unsigned int i = 0; i < table->nfields; i++) {
		const struct xlat_field *f = &table->fields[i];

		if (i)
			line_putc(lb, '|');
		rest &= ~f->mask;
		if (xlat_number_begin(lb, value & f->mask, false))
			continue;
		print_field_name(lb, f, value);
		xlat_number_end(lb);
	}
	if (!rest)
		return;
	line_putc(lb, '|');
	if (xlat_number_begin(lb, rest, false))
		return;
	print_bit_names(lb, table, rest);
	xlat_number_end(lb);
}

/*
 * Most enum arguments are C ints: a negative one (RUSAGE_CHILDREN) reaches
 * the tracer sign- or zero-extended, so both forms name the same entry.
 */
static const char *enum_name(const struct xlat *table, uint64_t value, unsigned int *index)
{
	uint64_t widened = (uint64_t)(int64_t)(int32_t)value;

	for (unsigned int i = 0; i < table->count; i++) {
		if (table->entries[i].value == value ||
		    (value >> 32 == 0 && table->entries[i].value == widened)) {
			if (index)
				*index = i;
			return table->entries[i].name;
		}
	}
	return NULL;
}

/* strace's form of an ioctl command it has no name for: _IOC(_IOC_WRITE, 0x94, 0x9, 0x4). */
static void print_ioctl_code(struct linebuf *lb, uint32_t code)
{
	static const char *const dirs[] = { "_IOC_NONE", "_IOC_WRITE", "_IOC_READ",
					    "_IOC_READ|_IOC_WRITE" };

	line_printf(lb, "_IOC(%s, %#x, %#x, %#x)", dirs[_IOC_DIR(code) & 3], _IOC_TYPE(code),
		    _IOC_NR(code), _IOC_SIZE(code));
}

void print_enum(struct linebuf *lb, const struct xlat *table, uint64_t value)
{
	const char *name = enum_name(table, value, NULL);

	if (name) {
		if (xlat_number_begin(lb, value, false))
			return;
		line_puts(lb, name);
		xlat_number_end(lb);
		return;
	}
	if (table->ioctl_codes) {
		if (xlat_number_begin(lb, value, false))
			return;
		print_ioctl_code(lb, (uint32_t)value);
		xlat_number_end(lb);
		return;
	}
	line_hex(lb, value);
	if (table->unknown)
		line_printf(lb, " /* %s */", table->unknown);
}

static const char *signal_abbrev(int sig)
{
	/* strace's names (SIGIO, not glibc's SIGPOLL), without the "SIG". */
	const char *name = sig > 0 && sig < 32 ? xlat_name(&xlat_signals, (uint64_t)sig) : NULL;

	return name ? name + 3 : NULL;
}

/* Signal names as strace spells them: SIGCHLD, SIGRTMIN, SIGRT_3. */
void print_signal_name(struct linebuf *lb, int sig)
{
	const char *abbrev = signal_abbrev(sig);

	if (abbrev) {
		line_puts(lb, "SIG");
		line_puts(lb, abbrev);
	} else if (sig == 32) {
		line_puts(lb, "SIGRTMIN");
	} else if (sig > 32 && sig <= 64) {
		line_puts(lb, "SIGRT_");
		line_dec(lb, sig - 32);
	} else {
		line_dec(lb, sig);
	}
}

static bool signal_has_name(int sig)
{
	return signal_abbrev(sig) || (sig >= 32 && sig <= 64);
}

/*
 * A signal in an argument or a structure, as -X says: SIGUSR1, 10, or 10
 * with SIGUSR1 in a comment.
 */
void print_signal(struct linebuf *lb, int sig)
{
	if (!signal_has_name(sig)) {
		line_dec(lb, sig);
		return;
	}
	if (xlat_number_begin(lb, (uint64_t)(int64_t)sig, true))
		return;
	print_signal_name(lb, sig);
	xlat_number_end(lb);
}

/* A signal in a set: USR1, RT_3 (and the number, as -X says). */
static void print_signal_short(struct linebuf *lb, int sig)
{
	const char *abbrev = signal_abbrev(sig);

	if (!signal_has_name(sig)) {
		line_dec(lb, sig);
		return;
	}
	if (xlat_number_begin(lb, (uint64_t)(int64_t)sig, true))
		return;
	if (abbrev) {
		line_puts(lb, abbrev);
	} else if (sig == 32) {
		line_puts(lb, "RTMIN");
	} else {
		line_puts(lb, "RT_");
		line_dec(lb, sig - 32);
	}
	xlat_number_end(lb);
}

/* [CHLD USR1], or ~[...] naming the signals left out when most are in. */
void print_sigset(struct linebuf *lb, const uint8_t *bytes, size_t n)
{
	unsigned int nsig = (unsigned int)(n * 8), set = 0;
	bool inverted;
	bool first = true;

	if (nsig > 64)
		nsig = 64;
	for (unsigned int i = 0; i < nsig; i++)
		set += (bytes[i / 8] >> (i % 8)) & 1;
	inverted = set > nsig / 2;
	line_puts(lb, inverted ? "~[" : "[");
	for (unsigned int i = 0; i < nsig; i++) {
		bool member = (bytes[i / 8] >> (i % 8)) & 1;

		if (member == inverted)
			continue;
		if (!first)
			line_putc(lb, ' ');
		print_signal_short(lb, (int)i + 1);
		first = false;
	}
	line_putc(lb, ']');
}

static void print_file_mode_names(struct linebuf *lb, uint64_t mode);

void print_file_mode(struct linebuf *lb, uint64_t mode)
{
	if (xlat_style != XLAT_ABBREV) {
		line_oct(lb, mode);
		if (xlat_style == XLAT_VERBOSE) {
			line_puts(lb, " /* ");
			print_file_mode_names(lb, mode);
			line_puts(lb, " */");
		}
		return;
	}
	print_file_mode_names(lb, mode);
}

static void print_file_mode_names(struct linebuf *lb, uint64_t mode)
{
	static const struct { unsigned int type; const char *name; } types[] = {
		{ S_IFREG, "S_IFREG" }, { S_IFDIR, "S_IFDIR" }, { S_IFCHR, "S_IFCHR" },
		{ S_IFBLK, "S_IFBLK" }, { S_IFIFO, "S_IFIFO" }, { S_IFLNK, "S_IFLNK" },
		{ S_IFSOCK, "S_IFSOCK" },
	};
	unsigned int type = mode & S_IFMT;

	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		if (types[i].type == type) {
			line_puts(lb, types[i].name);
			line_putc(lb, '|');
			break;
		}
	}
	if (mode & S_ISUID)
		line_puts(lb, "S_ISUID|");
	if (mode & S_ISGID)
		line_puts(lb, "S_ISGID|");
	if (mode & S_ISVTX)
		line_puts(lb, "S_ISVTX|");
	line_oct(lb, mode & 0777);
}

void print_open_flags(struct linebuf *lb, uint64_t flags)
{
	uint64_t rest = flags & ~(uint64_t)O_ACCMODE;
	const char *access = xlat_name(&xlat_open_access, flags & O_ACCMODE);

	if (xlat_number_begin(lb, flags, false))
		return;
	if (access)
		line_puts(lb, access);
	else
		line_hex(lb, flags & O_ACCMODE);
	if (rest) {
		line_putc(lb, '|');
		print_flag_names(lb, &xlat_open_flags, rest);
	}
	xlat_number_end(lb);
}

/*
 * A network-order field of a sockaddr as strace prints it: decoded under
 * -X abbrev (sin_port=htons(53)), its bytes under -X raw
 * (sin_port="\x00\x35"), and both under -X verbose, the decoded form in a
 * comment.  True when the caller is to write the decoded form, then call
 * net_field_end; named says whether abbrev's form starts with "name=".
 */
static bool net_field_begin(struct linebuf *lb, const char *name, bool named, const void *bytes,
			    size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const uint8_t *b = bytes;

	line_puts(lb, ", ");
	if (xlat_style == XLAT_ABBREV) {
		if (named) {
			line_puts(lb, name);
			line_putc(lb, '=');
		}
		return true;
	}
	line_puts(lb, name);
	line_puts(lb, "=\"");
	for (size_t i = 0; i < n; i++) {
		char esc[4] = { '\\', 'x', hex[b[i] >> 4], hex[b[i] & 15] };

		line_write(lb, esc, sizeof(esc));
	}
	line_putc(lb, '"');
	if (xlat_style == XLAT_RAW)
		return false;
	line_puts(lb, " /* ");
	return true;
}

static void net_field_end(struct linebuf *lb)
{
	if (xlat_style == XLAT_VERBOSE)
		line_puts(lb, " */");
}

/* htons(53), or htonl(0) when wide. */
static void print_net_order(struct linebuf *lb, const char *name, const void *bytes, bool wide)
{
	uint32_t v32;
	uint16_t v16;

	if (!net_field_begin(lb, name, true, bytes, wide ? 4 : 2))
		return;
	if (wide) {
		memcpy(&v32, bytes, sizeof(v32));
		line_puts(lb, "htonl(");
		line_udec(lb, ntohl(v32));
	} else {
		memcpy(&v16, bytes, sizeof(v16));
		line_puts(lb, "htons(");
		line_udec(lb, ntohs(v16));
	}
	line_putc(lb, ')');
	net_field_end(lb);
}

static void print_sockaddr_in(struct linebuf *lb, const struct sockaddr_in *in)
{
	char addr[INET_ADDRSTRLEN];

	print_net_order(lb, "sin_port", &in->sin_port, false);
	if (!net_field_begin(lb, "sin_addr", true, &in->sin_addr, sizeof(in->sin_addr)))
		return;
	line_puts(lb, "inet_addr(\"");
	line_puts(lb, inet_ntop(AF_INET, &in->sin_addr, addr, sizeof(addr)));
	line_puts(lb, "\")");
	net_field_end(lb);
}

static void print_sockaddr_in6(struct linebuf *lb, const struct sockaddr_in6 *in6)
{
	char addr[INET6_ADDRSTRLEN];

	print_net_order(lb, "sin6_port", &in6->sin6_port, false);
	print_net_order(lb, "sin6_flowinfo", &in6->sin6_flowinfo, true);
	/* Abbreviated, strace names the field inside: inet_pton(..., &sin6_addr). */
	if (net_field_begin(lb, "sin6_addr", false, &in6->sin6_addr, sizeof(in6->sin6_addr))) {
		line_puts(lb, "inet_pton(AF_INET6, \"");
		line_puts(lb, inet_ntop(AF_INET6, &in6->sin6_addr, addr, sizeof(addr)));
		line_puts(lb, xlat_style == XLAT_ABBREV ? "\", &sin6_addr)" : "\")");
		net_field_end(lb);
	}
	line_puts(lb, ", sin6_scope_id=");
	line_udec(lb, in6->sin6_scope_id);
}

static void print_sockaddr(struct linebuf *lb, const uint8_t *data, size_t len,
			   const struct print_opts *opts)
{
	struct sockaddr_storage ss = { 0 };

	/* Bytes past a sockaddr_storage are no address: never look past ss. */
	if (len > sizeof(ss))
		len = sizeof(ss);
	memcpy(&ss, data, len);
	line_puts(lb, "{sa_family=");
	print_enum(lb, &xlat_socket_domains, ss.ss_family);
	if (ss.ss_family == AF_INET && len >= sizeof(struct sockaddr_in)) {
		print_sockaddr_in(lb, (const void *)&ss);
	} else if (ss.ss_family == AF_INET6 && len >= sizeof(struct sockaddr_in6)) {
		print_sockaddr_in6(lb, (const void *)&ss);
	} else if (ss.ss_family == AF_UNIX) {
		const struct sockaddr_un *un = (const void *)&ss;
		size_t path_len = len > offsetof(struct sockaddr_un, sun_path) ?
				  len - offsetof(struct sockaddr_un, sun_path) : 0;
		struct print_opts unlimited = *opts;

		unlimited.max_strlen = sizeof(un->sun_path);
		if (path_len) {
			line_puts(lb, ", sun_path=");
			if (un->sun_path[0] == '\0' && path_len > 1) {
				line_putc(lb, '@');
				print_quoted(lb, (const uint8_t *)un->sun_path + 1,
					     strnlen(un->sun_path + 1, path_len - 1), false, &unlimited);
			} else {
				print_quoted(lb, (const uint8_t *)un->sun_path,
					     strnlen(un->sun_path, path_len), false, &unlimited);
			}
		}
	} else if (ss.ss_family == AF_NETLINK && len >= sizeof(struct sockaddr_nl)) {
		const struct sockaddr_nl *nl = (const void *)&ss;

		line_puts(lb, ", nl_pid=");
		line_udec(lb, nl->nl_pid);
		line_puts(lb, ", nl_groups=");
		line_printf(lb, "%08x", nl->nl_groups);
	}
	line_putc(lb, '}');
}

/* --- memory kinds ------------------------------------------------------------ */

/* A string array: ["a", "b", ...] with at most -s elements shown. */
static void print_argv(struct linebuf *lb, const struct captured *mem, const struct print_opts *opts)
{
	struct rec_argv_head head;
	struct array_view view;
	struct captured elem;

	if (!argv_view_init(&view, mem, &head)) {
		line_puts(lb, "???");
		return;
	}
	line_putc(lb, '[');
	for (bool first = true; argv_view_next(&view, &elem); first = false) {
		if (!first)
			line_write(lb, ", ", 2);
		if (captured_ok(&elem))
			print_quoted(lb, elem.data, (size_t)elem.len, elem.truncated, opts);
		else
			line_puts(lb, "???");
	}
	if (head.count > head.shown)
		line_puts(lb, head.shown ? ", ..." : "...");
	line_putc(lb, ']');
}

static void print_envp(struct linebuf *lb, uint64_t raw, const struct captured *mem,
		       const struct print_opts *opts)
{
	struct rec_argv_head head;

	if (opts->verbose) {
		print_argv(lb, mem, opts);
		return;
	}
	memcpy(&head, mem->data, sizeof(head));
	print_pointer(lb, raw);
	line_printf(lb, " /* %u var%s%s */", head.count, head.count == 1 ? "" : "s",
		    head.flags & REC_ARGV_COUNT_TRUNCATED ? " or more" : "");
}

/*
 * An iovec array; total is how many bytes the call moved (readv's return
 * value) or -1: a buffer is "..." only when -s cut what was moved.
 */
static void print_iov(struct linebuf *lb, const struct captured *mem, int64_t total,
		      const struct print_opts *opts)
{
	struct rec_iov_head head;
	struct rec_iov_elem iov;
	struct array_view view;
	struct captured bytes;

	if (!iov_view_init(&view, mem, &head)) {
		line_puts(lb, "???");
		return;
	}
	line_putc(lb, '[');
	for (bool first = true; iov_view_next(&view, &iov, &bytes); first = false) {
		if (!first)
			line_write(lb, ", ", 2);
		line_puts(lb, "{iov_base=");
		/* A NULL base (recvmsg's MSG_PEEK|MSG_TRUNC probe) is NULL, not "". */
		if (!captured_ok(&bytes) || !iov.base) {
			print_pointer(lb, iov.base);
		} else {
			uint64_t moved = total < 0 || (uint64_t)total > iov.len ? iov.len :
					 (uint64_t)total;

			print_quoted(lb, bytes.data, (size_t)bytes.len,
				     (uint64_t)bytes.len < moved, opts);
		}
		if (total >= 0)
			total -= (int64_t)(iov.len < (uint64_t)total ? iov.len : (uint64_t)total);
		line_puts(lb, ", iov_len=");
		line_udec(lb, iov.len);
		line_putc(lb, '}');
	}
	line_putc(lb, ']');
}

/*
 * struct msghdr: {msg_name=..., msg_namelen=N, msg_iov=[...], msg_iovlen=N,
 * msg_controllen=N, msg_flags=...}; a failed recvmsg shows msg_namelen only.
 */
static bool print_msghdr_data(struct linebuf *lb, const struct captured *mem, int64_t total,
			      bool failed, const struct print_opts *opts)
{
	struct rec_msghdr_head head;
	size_t pos = sizeof(head), name_len;
	struct captured iov = { 0 };

	if ((size_t)mem->len < sizeof(head))
		return false;
	memcpy(&head, mem->data, sizeof(head));
	if (failed) {
		line_printf(lb, "{msg_namelen=%u}", head.namelen);
		return true;
	}
	name_len = head.name_captured > 0 ? (size_t)head.name_captured : 0;
	if (name_len > (size_t)mem->len - pos)
		return false;
	line_puts(lb, "{msg_name=");
	if (!head.name)
		line_puts(lb, "NULL");
	else if (name_len >= sizeof(sa_family_t))
		print_sockaddr(lb, mem->data + pos, name_len, opts);
	else
		line_hex(lb, head.name);
	pos += name_len;
	line_printf(lb, ", msg_namelen=%u, msg_iov=", head.namelen);
	if (head.iov_captured >= (int32_t)sizeof(struct rec_iov_head) &&
	    (size_t)head.iov_captured <= (size_t)mem->len - pos) {
		iov.data = mem->data + pos;
		iov.len = head.iov_captured;
		print_iov(lb, &iov, total, opts);
	} else {
		print_pointer(lb, head.iov);
	}
	line_printf(lb, ", msg_iovlen=%llu", (unsigned long long)head.iovlen);
	if (head.control) {
		line_puts(lb, ", msg_control=");
		line_hex(lb, head.control);
	}
	line_printf(lb, ", msg_controllen=%llu, msg_flags=", (unsigned long long)head.controllen);
	print_flags(lb, &xlat_msg_flags, head.flags);
	line_putc(lb, '}');
	return true;
}

static bool print_msghdr(struct linebuf *lb, const struct decoded_call *call,
			 const struct syscall_arg *desc, const struct captured *mem,
			 const struct print_opts *opts)
{
	bool received = desc->kind == KIND_OMSGHDR;

	return print_msghdr_data(lb, mem, received ? call->rec->ret : -1,
				 received && RET_IS_ERROR(call->rec->ret), opts);
}

/* sendmmsg, recvmmsg: [{msg_hdr={...}, msg_len=N}, ...] for the messages moved. */
static bool print_mmsghdr(struct linebuf *lb, const struct syscall_arg *desc,
			  const struct captured *mem, const struct print_opts *opts)
{
	struct rec_mmsg_head head;
	size_t pos = sizeof(head);

	if ((size_t)mem->len < sizeof(head))
		return false;
	memcpy(&head, mem->data, sizeof(head));
	line_putc(lb, '[');
	for (uint32_t i = 0; i < head.count; i++) {
		struct rec_mmsg_elem elem;
		struct captured one = { 0 };

		if (pos + sizeof(elem) > (size_t)mem->len)
			break;
		memcpy(&elem, mem->data + pos, sizeof(elem));
		pos += sizeof(elem);
		if (i)
			line_write(lb, ", ", 2);
		line_puts(lb, "{msg_hdr=");
		if (elem.len >= 0 && (size_t)elem.len <= (size_t)mem->len - pos) {
			one.data = mem->data + pos;
			one.len = elem.len;
			if (!print_msghdr_data(lb, &one, desc->kind == KIND_OMMSGHDR ? (int64_t)elem.msg_len : -1,
					       false, opts))
				line_puts(lb, "???");
			pos += (size_t)elem.len;
		} else {
			line_puts(lb, "???");
		}
		line_printf(lb, ", msg_len=%u}", elem.msg_len);
	}
	if (head.flags)
		line_puts(lb, head.count ? ", ..." : "...");
	line_putc(lb, ']');
	return true;
}

/* The call's size argument for a buffer: its return value or argument N. */
static uint64_t size_of(const struct decoded_call *call, const struct syscall_arg *desc)
{
	if (desc->size_arg < 0)
		return (uint64_t)call->rec->ret;
	return call->args[desc->size_arg].raw;
}

/* Whether the memory of a kind needs a successful return to be shown. */
static bool needs_success(const struct syscall_arg *desc)
{
	switch (desc->kind) {
#define KIND(word, ENUM, cap, when, limit, param) \
	case KIND_##ENUM: return ((when) & CAP_ON_SUCCESS) != 0;
#define KIND_BOTH_WAYS 0
#include "kinds.def"
#undef KIND
#undef KIND_BOTH_WAYS
	default:
		return false;
	}
}

/* The least payload a kind's printer reads: array heads come first. */
static size_t min_payload(enum arg_kind kind)
{
	switch (kind) {
	case KIND_ARGV:
	case KIND_ENVP:
		return sizeof(struct rec_argv_head);
	case KIND_WAITSTATUS:
		return sizeof(int);
	case KIND_IOV:
	case KIND_OIOV:
		return sizeof(struct rec_iov_head);
	case KIND_SOCKADDR:
	case KIND_OSOCKADDR:
		return sizeof(sa_family_t);
	default:
		return 0;
	}
}

/* An int the kernel read or wrote, in brackets. */
static bool print_int_ref(struct linebuf *lb, const struct captured *mem)
{
	int32_t v;

	if (mem->len < 4)
		return false;
	memcpy(&v, mem->data, 4);
	line_putc(lb, '[');
	line_dec(lb, v);
	line_putc(lb, ']');
	return true;
}

static bool print_socklen(struct linebuf *lb, const struct arg_value *arg, const struct captured *mem)
{
	int32_t in = 0, out;

	if (mem->len < 4)
		return false;
	memcpy(&out, mem->data, 4);
	line_putc(lb, '[');
	if (captured_ok(&arg->entry) && arg->entry.len >= 4) {
		memcpy(&in, arg->entry.data, 4);
		if (in != out) {
			line_dec(lb, in);
			line_write(lb, " => ", 4);
		}
	}
	line_dec(lb, out);
	line_putc(lb, ']');
	return true;
}

/* How many bytes a captured buffer stands for, and whether it went on. */
static void print_buffer(struct linebuf *lb, const struct decoded_call *call,
			 const struct syscall_arg *desc, const struct captured *mem,
			 bool fixed, const struct print_opts *opts)
{
	size_t n = (size_t)mem->len;
	bool truncated = mem->truncated;

	switch (desc->kind) {
	case KIND_PATH: {
		/* File names are not strings to strace: -s does not cut them. */
		struct print_opts whole = *opts;

		whole.max_strlen = REC_PATH_MAX;
		print_quoted(lb, mem->data, n, truncated, &whole);
		return;
	}
	case KIND_STR:
	case KIND_OSTR:
		/* A fixed read (by:N) or the kernel's buffer: the string ends at its NUL. */
		if (fixed || desc->kind == KIND_OSTR) {
			size_t len = strnlen((const char *)mem->data, n);

			truncated = fixed ? len == n : truncated;
			n = len;
		}
		print_quoted(lb, mem->data, n, truncated, opts);
		return;
	case KIND_XBUF: {
		struct print_opts hex = *opts;

		hex.hex_strings = 2;
		print_quoted(lb, mem->data, n, truncated || size_of(call, desc) > n, &hex);
		return;
	}
	default:
		print_quoted(lb, mem->data, n, truncated || size_of(call, desc) > n, opts);
		return;
	}
}

/*
 * An argument that lives in user memory.  false: nothing fit, and the
 * caller prints the address as strace does for memory it cannot read.
 */
static bool print_memory_kind(struct linebuf *lb, const struct decoded_call *call, int i,
			      const struct syscall_arg *desc, const struct captured *mem,
			      bool fixed, const struct print_opts *opts)
{
	const struct arg_value *arg = &call->args[i];

	switch (desc->kind) {
	case KIND_PATH:
	case KIND_STR:
	case KIND_OSTR:
	case KIND_IBUF:
	case KIND_OBUF:
	case KIND_XBUF:
		print_buffer(lb, call, desc, mem, fixed, opts);
		return true;
	case KIND_ARGV:
		print_argv(lb, mem, opts);
		return true;
	case KIND_ENVP:
		print_envp(lb, arg->raw, mem, opts);
		return true;
	case KIND_IOV:
	case KIND_OIOV:
		print_iov(lb, mem, desc->kind == KIND_OIOV ? call->rec->ret : -1, opts);
		return true;
	case KIND_SOCKADDR:
	case KIND_OSOCKADDR:
		print_sockaddr(lb, mem->data, (size_t)mem->len, opts);
		return true;
	case KIND_SIGSET:
	case KIND_OSIGSET:
		print_sigset(lb, mem->data, (size_t)mem->len);
		return true;
	case KIND_INTPTR:
	case KIND_OINTPTR:
		return print_int_ref(lb, mem);
	case KIND_SOCKLEN:
		return print_socklen(lb, arg, mem);
	case KIND_FDPAIR:
		if (mem->len < (int32_t)sizeof(struct rec_fdpair))
			return false;
		print_fd_pair(lb, call, (const struct rec_fdpair *)mem->data, opts);
		return true;
	case KIND_WAITSTATUS:
		/* The kernel writes it only for a child it reaped: a positive return (not WNOHANG's 0). */
		return call->rec->ret > 0 && print_wait_status_ref(lb, mem);
	case KIND_CLONE3:
		return print_clone3_args(lb, call, mem, opts);
	case KIND_OPTVAL: {
		/* The length: setsockopt's int, or what getsockopt's pointer says now. */
		const struct syscall_arg *len_desc = &call->desc->args[desc->size_arg];
		const struct captured *len_mem = &call->args[desc->size_arg].mem;
		int32_t len = (int32_t)call->args[desc->size_arg].raw;

		if (len_desc->kind == KIND_SOCKLEN) {
			if (RET_IS_ERROR(call->rec->ret) || !captured_ok(len_mem) || len_mem->len < 4)
				return false;
			memcpy(&len, len_mem->data, sizeof(len));
		}
		if (len == 4)
			return print_int_ref(lb, mem);
		if (len < 0)
			return false;
		print_quoted(lb, mem->data, (size_t)len < (size_t)mem->len ? (size_t)len : (size_t)mem->len,
			     (size_t)len > (size_t)mem->len, opts);
		return true;
	}
	case KIND_NODEMASK:
	case KIND_ONODEMASK: {
		/* maxnode - 1 bits in longs, each as strace writes it: %#0*lx, 16 wide. */
		uint64_t nbits = size_of(call, desc), nlongs = nbits ? (nbits - 1 + 63) / 64 : 0;

		line_putc(lb, '[');
		for (uint64_t k = 0; k < nlongs; k++) {
			uint64_t word = 0;
			size_t have = (size_t)mem->len > k * 8 ? (size_t)mem->len - k * 8 : 0;

			if (k >= opts->max_strlen || !have) {
				line_puts(lb, k ? ", ..." : "...");
				break;
			}
			memcpy(&word, mem->data + k * 8, have < 8 ? have : 8);
			line_printf(lb, "%s%#0*llx", k ? ", " : "", 16, (unsigned long long)word);
		}
		line_putc(lb, ']');
		return true;
	}
	case KIND_PAGEVEC: {
		/* One byte per page of the range: as many as were read, -s of them at most. */
		uint64_t pages = (size_of(call, desc) + 4095) / 4096;
		size_t shown = (size_t)mem->len < pages ? (size_t)mem->len : (size_t)pages;

		line_putc(lb, '[');
		for (size_t k = 0; k < shown && k < opts->max_strlen; k++)
			line_printf(lb, "%s%u", k ? ", " : "", mem->data[k]);
		if (pages > shown || shown > opts->max_strlen)
			line_puts(lb, shown ? ", ..." : "...");
		line_putc(lb, ']');
		return true;
	}
	case KIND_MSGBUF:
	case KIND_OMSGBUF: {
		int64_t mtype;

		if ((size_t)mem->len < sizeof(mtype))
			return false;
		memcpy(&mtype, mem->data, sizeof(mtype));
		line_printf(lb, "{mtype=%lld, mtext=", (long long)mtype);
		print_quoted(lb, mem->data + sizeof(mtype), (size_t)mem->len - sizeof(mtype),
			     mem->truncated || size_of(call, desc) > (uint64_t)mem->len - sizeof(mtype),
			     opts);
		line_putc(lb, '}');
		return true;
	}
	case KIND_MSGHDR:
	case KIND_OMSGHDR:
		return print_msghdr(lb, call, desc, mem, opts);
	case KIND_MMSGHDR:
	case KIND_OMMSGHDR:
		return print_mmsghdr(lb, desc, mem, opts);
	case KIND_CPUSET:
	case KIND_OCPUSET:
		print_bit_list(lb, mem->data, (size_t)mem->len, (uint64_t)mem->len * 8);
		return true;
	case KIND_DIRENTS:
		return print_dirents(lb, arg->raw, mem, opts);
	case KIND_IOSTRUCT:
		/* "[0] => [8]": what the call was given, then, if it worked, what it left. */
		if (captured_ok(&arg->entry)) {
			if (!print_struct(lb, desc->struct_id, arg->entry.data, (size_t)arg->entry.len, opts))
				return false;
			if (RET_IS_ERROR(call->rec->ret))
				return true;
			line_write(lb, " => ", 4);
		}
		return print_struct(lb, desc->struct_id, mem->data, (size_t)mem->len, opts);
	case KIND_STRUCT:
	case KIND_TIMEOUT:
	case KIND_ONCREAT:
		return print_struct(lb, desc->struct_id, mem->data, (size_t)mem->len, opts);
	case KIND_OSTRUCT:
		return print_struct_out(lb, desc->struct_id, mem->data, (size_t)mem->len, opts);
	case KIND_FDSET:
		return print_fdset_arg(lb, call, i, opts);
	case KIND_STRUCTARR:
	case KIND_OSTRUCTARR:
		return print_struct_array(lb, desc->struct_id, mem->data, (size_t)mem->len,
					  mem->truncated, opts);
	default:
		return false;
	}
}

/*
 * What -e verbose= leaves out: everything strace decodes from memory
 * except strings, paths and buffers (signal sets and socket addresses
 * print as their address too, as strace 6.1 prints them).
 */
static bool kind_is_struct(enum arg_kind kind)
{
	switch (kind) {
	case KIND_PATH:
	case KIND_STR:
	case KIND_IBUF:
	case KIND_OBUF:
	case KIND_OSTR:
	case KIND_XBUF:
		return false;
	default:
		return true;
	}
}

static bool is_array_kind(enum arg_kind kind)
{
	return kind == KIND_STRUCTARR || kind == KIND_OSTRUCTARR;
}

static void print_memory(struct linebuf *lb, const struct decoded_call *call, int i,
			 const struct syscall_arg *desc, bool fixed, const struct print_opts *opts)
{
	const struct arg_value *arg = &call->args[i];
	const struct captured *mem = arg_shows_entry(desc) ? &arg->entry : &arg->mem;

	if (!arg->raw) {
		line_puts(lb, "NULL");
		return;
	}
	if (!captured_ok(mem) || (needs_success(desc) && RET_IS_ERROR(call->rec->ret)) ||
	    (size_t)mem->len < min_payload(desc->kind)) {
		line_hex(lb, arg->raw);
		return;
	}
	/*
	 * -e verbose=: structs not in the set print as their address; an
	 * empty array is "[]", as strace reads nothing for it.
	 */
	if ((opts->no_structs && kind_is_struct(desc->kind) &&
	     !(is_array_kind(desc->kind) && mem->len == 0)) ||
	    !print_memory_kind(lb, call, i, desc, mem, fixed, opts))
		line_hex(lb, arg->raw);
}

/* --- arguments ------------------------------------------------------------- */

static bool print_kind(struct linebuf *lb, const struct decoded_call *call, int i,
		       const struct syscall_arg *desc, bool fixed, const struct print_opts *opts);

/*
 * by:N: the argument is what the selector's variant says (decode_arg_desc,
 * shared with --json and --perf), raw when the value has no variant, or
 * left out.
 */
static bool print_by(struct linebuf *lb, const struct decoded_call *call, int i,
		     const struct syscall_arg *desc, const struct print_opts *opts)
{
	const struct syscall_arg *resolved = decode_arg_desc(call, i);

	if (!resolved)
		return false;
	if (resolved == desc) {
		line_hex(lb, call->args[i].raw);
		return true;
	}
	return print_kind(lb, call, i, resolved, true, opts);
}

static bool print_kind(struct linebuf *lb, const struct decoded_call *call, int i,
		       const struct syscall_arg *desc, bool fixed, const struct print_opts *opts)
{
	uint64_t raw = call->args[i].raw;

	switch (desc->kind) {
	case KIND_INT:
		line_dec(lb, (int32_t)raw);
		return true;
	case KIND_FD:
		print_fd(lb, call, (int32_t)raw, opts);
		return true;
	case KIND_UINT:
		line_udec(lb, (uint32_t)raw);
		return true;
	case KIND_LONG:
		line_dec(lb, (int64_t)raw);
		return true;
	case KIND_ULONG:
		line_udec(lb, raw);
		return true;
	case KIND_HEX:
		line_hex(lb, raw);
		return true;
	case KIND_PTR:
		print_pointer(lb, raw);
		return true;
	case KIND_OCT:
		line_oct(lb, raw);
		return true;
	case KIND_DIRFD:
		if ((int32_t)raw != AT_FDCWD) {
			print_fd(lb, call, (int32_t)raw, opts);
			return true;
		}
		if (xlat_style != XLAT_ABBREV)
			line_dec(lb, AT_FDCWD);
		if (xlat_style == XLAT_VERBOSE)
			line_puts(lb, " /* AT_FDCWD */");
		else if (xlat_style == XLAT_ABBREV)
			line_puts(lb, "AT_FDCWD");
		print_fd_path(lb, call, AT_FDCWD, opts);
		return true;
	case KIND_FLAGS:
		print_flags(lb, desc->table, raw);
		return true;
	case KIND_ENUM:
		print_enum(lb, desc->table, raw);
		return true;
	case KIND_SIGNO:
		print_signal(lb, (int32_t)raw);
		return true;
	case KIND_FILEMODE:
		print_file_mode(lb, raw);
		return true;
	case KIND_OPENFLAGS:
		print_open_flags(lb, raw);
		return true;
	case KIND_OPENMODE:
		if (!decode_open_mode_used(call, desc))
			return false;
		line_oct(lb, raw);
		return true;
	case KIND_IPCFLAGS:
		print_ipc_flags(lb, desc->table, raw);
		return true;
	case KIND_CLONEFLAGS:
		print_clone_flags(lb, raw);
		return true;
	case KIND_CLONE:
		print_clone_call(lb, call);
		return true;
	case KIND_IOPRIO:
		print_ioprio(lb, raw);
		return true;
	case KIND_HIDDEN:
		return false;
	case KIND_FUTEXWAKEOP:
		print_futex_wake_op(lb, (uint32_t)raw);
		return true;
	case KIND_DEV: {
		uint64_t mode = call->args[desc->size_arg].raw;

		/* mknod's dev means something only for device files. */
		if (!S_ISCHR(mode) && !S_ISBLK(mode))
			return false;
		print_dev(lb, raw);
		return true;
	}
	case KIND_ONCREAT:
		/* mq_open's attr, like open's mode, means something only with O_CREAT. */
		for (int k = 0; k < call->nargs; k++)
			if (call->desc->args[k].kind == KIND_OPENFLAGS &&
			    !(call->args[k].raw & O_CREAT))
				return false;
		print_memory(lb, call, i, desc, fixed, opts);
		return true;
	case KIND_SIGFRAME: {
		/* Not a pointer argument: the frame was found from the stack pointer. */
		const struct captured *mem = &call->args[i].entry;

		line_puts(lb, "{mask=");
		if (captured_ok(mem) && mem->len >= 8)
			print_sigset(lb, mem->data, 8);
		else
			line_puts(lb, "???");
		line_putc(lb, '}');
		return true;
	}
	case KIND_BY:
		return print_by(lb, call, i, desc, opts);
	case KIND_SKIP:
		return false;
	default:
		print_memory(lb, call, i, desc, fixed, opts);
		return true;
	}
}

bool print_arg(struct linebuf *lb, const struct decoded_call *call, int i,
	       const struct print_opts *opts)
{
	if (!call->desc || opts->raw) {
		line_hex(lb, call->args[i].raw);
		return true;
	}
	return print_kind(lb, call, i, &call->desc->args[i], false, opts);
}

/* "= 0x3 (A|B)": the value, then what it means, as strace's auxstr. */
static void print_decorated_return(struct linebuf *lb, enum ret_kind kind,
				   const struct xlat *table, int64_t ret)
{
	switch (kind) {
	case RET_ENUM:
		line_dec(lb, ret);
		if (table && xlat_name(table, (uint64_t)ret)) {
			line_puts(lb, " (");
			line_puts(lb, xlat_name(table, (uint64_t)ret));
			line_putc(lb, ')');
		}
		return;
	case RET_SIGNO:
		line_dec(lb, ret);
		/* strace names it even under -X raw. */
		line_puts(lb, " (");
		print_signal_name(lb, (int)ret);
		line_putc(lb, ')');
		return;
	case RET_FLAGS:
	case RET_OPENFLAGS:
		if (!ret) {
			line_putc(lb, '0');
			return;
		}
		line_hex(lb, (uint64_t)ret);
		line_puts(lb, " (");
		if (kind == RET_OPENFLAGS) {
			/* strace names these in every -X style. */
			const char *access = xlat_name(&xlat_open_access, (uint64_t)ret & O_ACCMODE);

			line_puts(lb, "flags ");
			line_puts(lb, access ? access : "O_RDONLY");
			if ((uint64_t)ret & ~(uint64_t)O_ACCMODE) {
				line_putc(lb, '|');
				print_flag_names(lb, &xlat_open_flags, (uint64_t)ret & ~(uint64_t)O_ACCMODE);
			}
		} else {
			if (table && table->label)
				line_printf(lb, "%s ", table->label);
			print_flags(lb, table, (uint64_t)ret);
		}
		line_putc(lb, ')');
		return;
	default:
		line_dec(lb, ret);
		return;
	}
}

void print_return(struct linebuf *lb, const struct decoded_call *call, const struct print_opts *opts)
{
	int64_t ret = call->rec->ret;
	const struct xlat *table;
	enum ret_kind kind = decode_ret_kind(call, &table);

	if (opts->raw && kind != RET_NONE)
		kind = RET_HEX;
	if (call->rec->flags & CALL_NO_RETURN || kind == RET_NONE) {
		line_puts(lb, "= ?");
		return;
	}
	if (RET_IS_ERROR(ret)) {
		int err = (int)-ret;
		const char *name = errno_name(err);

		line_puts(lb, errno_is_internal(err) ? "= ? " : "= -1 ");
		if (name)
			line_puts(lb, name);
		else
			line_dec(lb, err);
		line_puts(lb, " (");
		line_puts(lb, errno_text(err));
		line_putc(lb, ')');
		return;
	}
	line_write(lb, "= ", 2);
	switch (kind) {
	case RET_HEX:
		line_hex(lb, (uint64_t)ret);
		break;
	case RET_OCT:
		line_oct(lb, (uint64_t)ret);
		break;
	case RET_ENUM:
	case RET_SIGNO:
	case RET_FLAGS:
	case RET_OPENFLAGS:
		print_decorated_return(lb, kind, table, ret);
		break;
	case RET_FD:
		line_dec(lb, ret);
		print_fd_path(lb, call, (int)ret, opts);
		break;
	case RET_IOPRIO:
		line_dec(lb, ret);
		line_puts(lb, " (");
		print_ioprio(lb, (uint64_t)ret);
		line_putc(lb, ')');
		break;
	default:
		line_dec(lb, ret);
		break;
	}
	if (!opts->raw)
		print_return_detail(lb, call, opts->no_structs);
}
