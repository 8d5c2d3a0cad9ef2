// SPDX-License-Identifier: GPL-2.0-or-later
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/netlink.h>
#include <signal.h>
#include <string.h>
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
static void quote_byte(struct linebuf *lb, uint8_t c, int next, const struct print_opts *opts)
{
	static const char hexdigits[] = "0123456789abcdef";

	if (opts->hex_strings == 2 || (opts->hex_strings == 1 && (c < ' ' || c >= 0x7f))) {
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

void print_quoted(struct linebuf *lb, const uint8_t *s, size_t n, bool truncated,
		  const struct print_opts *opts)
{
	if (n > opts->max_strlen) {
		n = opts->max_strlen;
		truncated = true;
	}
	line_putc(lb, '"');
	for (size_t i = 0; i < n; i++)
		quote_byte(lb, s[i], i + 1 < n ? s[i + 1] : -1, opts);
	line_putc(lb, '"');
	if (truncated)
		line_write(lb, "...", 3);
}

void print_flags(struct linebuf *lb, const struct xlat *table, uint64_t value)
{
	uint64_t rest = value;
	bool any = false;

	if (!value) {
		const char *zero = xlat_name(table, 0);

		line_puts(lb, zero ? zero : "0");
		return;
	}
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

void print_enum(struct linebuf *lb, const struct xlat *table, uint64_t value)
{
	const char *name = xlat_name(table, value);

	if (name)
		line_puts(lb, name);
	else
		line_hex(lb, value);
}

static const char *signal_abbrev(int sig)
{
	return sig > 0 && sig < 32 ? sigabbrev_np(sig) : NULL;
}

/* Signal names as strace spells them: SIGCHLD, SIGRTMIN, SIGRT_3. */
void print_signal(struct linebuf *lb, int sig)
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

static void print_signal_short(struct linebuf *lb, int sig)
{
	const char *abbrev = signal_abbrev(sig);

	if (abbrev)
		line_puts(lb, abbrev);
	else if (sig == 32)
		line_puts(lb, "RTMIN");
	else {
		line_puts(lb, "RT_");
		line_dec(lb, sig - 32);
	}
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

static void print_file_mode(struct linebuf *lb, uint64_t mode)
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

static void print_open_flags(struct linebuf *lb, uint64_t flags)
{
	uint64_t rest = flags & ~(uint64_t)O_ACCMODE;

	print_enum(lb, &xlat_open_access, flags & O_ACCMODE);
	if (rest) {
		line_putc(lb, '|');
		print_flags(lb, &xlat_open_flags, rest);
	}
}

/* --- structs ---------------------------------------------------------------- */

static void field(struct linebuf *lb, const char *name, bool *first)
{
	if (!*first)
		line_write(lb, ", ", 2);
	*first = false;
	line_puts(lb, name);
	line_putc(lb, '=');
}

static void print_dev(struct linebuf *lb, uint64_t dev)
{
	line_puts(lb, "makedev(");
	line_hex(lb, major(dev));
	line_write(lb, ", ", 2);
	line_hex(lb, minor(dev));
	line_putc(lb, ')');
}

static void print_stat(struct linebuf *lb, const struct stat *st, const struct print_opts *opts)
{
	bool first = true;

	line_putc(lb, '{');
	if (opts->verbose) {
		field(lb, "st_dev", &first);
		print_dev(lb, st->st_dev);
		field(lb, "st_ino", &first);
		line_udec(lb, st->st_ino);
	}
	field(lb, "st_mode", &first);
	print_file_mode(lb, st->st_mode);
	if (opts->verbose) {
		field(lb, "st_nlink", &first);
		line_udec(lb, st->st_nlink);
		field(lb, "st_uid", &first);
		line_udec(lb, st->st_uid);
		field(lb, "st_gid", &first);
		line_udec(lb, st->st_gid);
		field(lb, "st_blksize", &first);
		line_dec(lb, st->st_blksize);
		field(lb, "st_blocks", &first);
		line_dec(lb, st->st_blocks);
	}
	if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode)) {
		field(lb, "st_rdev", &first);
		print_dev(lb, st->st_rdev);
	} else {
		field(lb, "st_size", &first);
		line_dec(lb, st->st_size);
	}
	if (!opts->verbose)
		line_write(lb, ", ...", 5);
	line_putc(lb, '}');
}

static void print_timespec(struct linebuf *lb, const struct timespec *ts)
{
	line_puts(lb, "{tv_sec=");
	line_dec(lb, ts->tv_sec);
	line_puts(lb, ", tv_nsec=");
	line_dec(lb, ts->tv_nsec);
	line_putc(lb, '}');
}

static void print_timeval(struct linebuf *lb, const struct timeval *tv)
{
	line_puts(lb, "{tv_sec=");
	line_dec(lb, tv->tv_sec);
	line_puts(lb, ", tv_usec=");
	line_dec(lb, tv->tv_usec);
	line_putc(lb, '}');
}

/* strace writes limits that are whole KiB as N*1024. */
static void print_rlim(struct linebuf *lb, uint64_t v)
{
	if (v == UINT64_MAX)
		line_puts(lb, "RLIM64_INFINITY");
	else if (v && v % 1024 == 0) {
		line_udec(lb, v / 1024);
		line_puts(lb, "*1024");
	} else {
		line_udec(lb, v);
	}
}

static void print_rlimit64(struct linebuf *lb, const struct kernel_rlimit64 *r)
{
	line_puts(lb, "{rlim_cur=");
	print_rlim(lb, r->rlim_cur);
	line_puts(lb, ", rlim_max=");
	print_rlim(lb, r->rlim_max);
	line_putc(lb, '}');
}

static void print_utsname(struct linebuf *lb, const struct utsname *u, const struct print_opts *opts)
{
	struct print_opts unlimited = *opts;

	unlimited.max_strlen = sizeof(u->sysname);
	line_puts(lb, "{sysname=");
	print_quoted(lb, (const uint8_t *)u->sysname, strnlen(u->sysname, sizeof(u->sysname)), false, &unlimited);
	line_puts(lb, ", nodename=");
	print_quoted(lb, (const uint8_t *)u->nodename, strnlen(u->nodename, sizeof(u->nodename)), false, &unlimited);
	if (opts->verbose) {
		line_puts(lb, ", release=");
		print_quoted(lb, (const uint8_t *)u->release, strnlen(u->release, sizeof(u->release)), false, &unlimited);
		line_puts(lb, ", version=");
		print_quoted(lb, (const uint8_t *)u->version, strnlen(u->version, sizeof(u->version)), false, &unlimited);
		line_puts(lb, ", machine=");
		print_quoted(lb, (const uint8_t *)u->machine, strnlen(u->machine, sizeof(u->machine)), false, &unlimited);
		line_puts(lb, ", domainname=");
		print_quoted(lb, (const uint8_t *)u->domainname, strnlen(u->domainname, sizeof(u->domainname)), false, &unlimited);
		line_putc(lb, '}');
	} else {
		line_puts(lb, ", ...}");
	}
}

static void print_sigaction(struct linebuf *lb, const struct kernel_sigaction *sa)
{
	line_puts(lb, "{sa_handler=");
	if (sa->handler == (uint64_t)(uintptr_t)SIG_DFL)
		line_puts(lb, "SIG_DFL");
	else if (sa->handler == (uint64_t)(uintptr_t)SIG_IGN)
		line_puts(lb, "SIG_IGN");
	else
		line_hex(lb, sa->handler);
	line_puts(lb, ", sa_mask=");
	print_sigset(lb, (const uint8_t *)&sa->mask, sizeof(sa->mask));
	line_puts(lb, ", sa_flags=");
	print_flags(lb, &xlat_sa_flags, sa->flags);
	if (sa->flags & 0x04000000) {	/* SA_RESTORER */
		line_puts(lb, ", sa_restorer=");
		line_hex(lb, sa->restorer);
	}
	line_putc(lb, '}');
}

/* A struct the kernel read or wrote; false when there is no printer for it. */
static bool print_struct(struct linebuf *lb, enum struct_id id, const uint8_t *data, size_t len,
			 const struct print_opts *opts)
{
	union {
		struct stat st;
		struct timespec ts;
		struct timeval tv;
		struct kernel_rlimit64 rlim;
		struct utsname uts;
		struct kernel_sigaction sa;
		int i;
		uint64_t u64;
	} v;
	static const size_t sizes[STRUCT_ID_COUNT] = {
#define STRUCT(name, type) [STRUCT_ID_##name] = sizeof(type),
#include "structs.def"
#undef STRUCT
	};

	if (id <= STRUCT_ID_NONE || id >= STRUCT_ID_COUNT || len < sizes[id] || sizes[id] > sizeof(v))
		return false;
	memcpy(&v, data, sizes[id]);
	switch (id) {
	case STRUCT_ID_stat:		print_stat(lb, &v.st, opts); return true;
	case STRUCT_ID_timespec:	print_timespec(lb, &v.ts); return true;
	case STRUCT_ID_timeval:		print_timeval(lb, &v.tv); return true;
	case STRUCT_ID_rlimit:
	case STRUCT_ID_rlimit64:	print_rlimit64(lb, &v.rlim); return true;
	case STRUCT_ID_utsname:		print_utsname(lb, &v.uts, opts); return true;
	case STRUCT_ID_sigaction:	print_sigaction(lb, &v.sa); return true;
	case STRUCT_ID_int:		line_putc(lb, '['); line_dec(lb, v.i); line_putc(lb, ']'); return true;
	case STRUCT_ID_long:
	case STRUCT_ID_u64:		line_putc(lb, '['); line_udec(lb, v.u64); line_putc(lb, ']'); return true;
	default:			return false;
	}
}

static void print_sockaddr(struct linebuf *lb, const uint8_t *data, size_t len,
			   const struct print_opts *opts)
{
	struct sockaddr_storage ss = { 0 };
	char addr[INET6_ADDRSTRLEN];

	memcpy(&ss, data, len < sizeof(ss) ? len : sizeof(ss));
	line_puts(lb, "{sa_family=");
	print_enum(lb, &xlat_socket_domains, ss.ss_family);
	if (ss.ss_family == AF_INET && len >= sizeof(struct sockaddr_in)) {
		const struct sockaddr_in *in = (const void *)&ss;

		line_puts(lb, ", sin_port=htons(");
		line_udec(lb, ntohs(in->sin_port));
		line_puts(lb, "), sin_addr=inet_addr(\"");
		line_puts(lb, inet_ntop(AF_INET, &in->sin_addr, addr, sizeof(addr)));
		line_puts(lb, "\")");
	} else if (ss.ss_family == AF_INET6 && len >= sizeof(struct sockaddr_in6)) {
		const struct sockaddr_in6 *in6 = (const void *)&ss;

		line_puts(lb, ", sin6_port=htons(");
		line_udec(lb, ntohs(in6->sin6_port));
		line_puts(lb, "), sin6_flowinfo=htonl(");
		line_udec(lb, ntohl(in6->sin6_flowinfo));
		line_puts(lb, "), inet_pton(AF_INET6, \"");
		line_puts(lb, inet_ntop(AF_INET6, &in6->sin6_addr, addr, sizeof(addr)));
		line_puts(lb, "\", &sin6_addr), sin6_scope_id=");
		line_udec(lb, in6->sin6_scope_id);
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
	size_t pos = sizeof(head);

	memcpy(&head, mem->data, sizeof(head));
	line_putc(lb, '[');
	for (unsigned int i = 0; i < head.shown; i++) {
		struct rec_argv_elem elem;

		if (pos + sizeof(elem) > (size_t)mem->len)
			break;
		memcpy(&elem, mem->data + pos, sizeof(elem));
		pos += sizeof(elem);
		if (i)
			line_write(lb, ", ", 2);
		if (elem.len < 0 || pos + (size_t)elem.len > (size_t)mem->len) {
			line_puts(lb, "???");
			continue;
		}
		print_quoted(lb, mem->data + pos, (size_t)elem.len, elem.flags & REC_BLOB_TRUNCATED, opts);
		pos += (size_t)elem.len;
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

static void print_iov(struct linebuf *lb, const struct captured *mem, const struct print_opts *opts)
{
	struct rec_iov_head head;
	size_t pos = sizeof(head);

	memcpy(&head, mem->data, sizeof(head));
	line_putc(lb, '[');
	for (unsigned int i = 0; i < head.count; i++) {
		struct rec_iov_elem elem;

		if (pos + sizeof(elem) > (size_t)mem->len)
			break;
		memcpy(&elem, mem->data + pos, sizeof(elem));
		pos += sizeof(elem);
		if (i)
			line_write(lb, ", ", 2);
		line_puts(lb, "{iov_base=");
		if (elem.captured < 0 || pos + (size_t)elem.captured > (size_t)mem->len) {
			print_pointer(lb, elem.base);
		} else {
			print_quoted(lb, mem->data + pos, (size_t)elem.captured,
				     (uint64_t)elem.captured < elem.len, opts);
			pos += (size_t)elem.captured;
		}
		line_puts(lb, ", iov_len=");
		line_udec(lb, elem.len);
		line_putc(lb, '}');
	}
	line_putc(lb, ']');
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

static void print_memory(struct linebuf *lb, const struct decoded_call *call, int i,
			 const struct print_opts *opts)
{
	const struct syscall_arg *desc = &call->desc->args[i];
	const struct arg_value *arg = &call->args[i];
	const struct captured *mem = desc->at_entry ? &arg->entry : &arg->mem;
	enum arg_kind kind = desc->kind;

	if (!arg->raw) {
		line_puts(lb, "NULL");
		return;
	}
	if (!captured_ok(mem) || (needs_success(desc) && RET_IS_ERROR(call->rec->ret)) ||
	    (size_t)mem->len < min_payload(kind)) {
		line_hex(lb, arg->raw);
		return;
	}
	switch (kind) {
	case KIND_PATH: {
		/* File names are not strings to strace: -s does not cut them. */
		struct print_opts whole = *opts;

		whole.max_strlen = REC_PATH_MAX;
		print_quoted(lb, mem->data, (size_t)mem->len, mem->truncated, &whole);
		return;
	}
	case KIND_STR:
	case KIND_IBUF:
	case KIND_OBUF:
		print_quoted(lb, mem->data, (size_t)mem->len,
			     mem->truncated || (kind != KIND_PATH && kind != KIND_STR &&
						size_of(call, desc) > (uint64_t)mem->len), opts);
		return;
	case KIND_OSTR:
		print_quoted(lb, mem->data, strnlen((const char *)mem->data, (size_t)mem->len),
			     mem->truncated, opts);
		return;
	case KIND_ARGV:
		print_argv(lb, mem, opts);
		return;
	case KIND_ENVP:
		print_envp(lb, arg->raw, mem, opts);
		return;
	case KIND_IOV:
	case KIND_OIOV:
		print_iov(lb, mem, opts);
		return;
	case KIND_SOCKADDR:
	case KIND_OSOCKADDR:
		print_sockaddr(lb, mem->data, (size_t)mem->len, opts);
		return;
	case KIND_SIGSET:
	case KIND_OSIGSET:
		print_sigset(lb, mem->data, (size_t)mem->len);
		return;
	case KIND_INTPTR:
	case KIND_OINTPTR:
		if (mem->len >= 4) {
			int32_t v;

			memcpy(&v, mem->data, 4);
			line_putc(lb, '[');
			line_dec(lb, v);
			line_putc(lb, ']');
			return;
		}
		break;
	case KIND_SOCKLEN:
		if (mem->len >= 4) {
			int32_t in = 0, out;

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
			return;
		}
		break;
	case KIND_FDPAIR:
		if (mem->len >= 8) {
			int32_t fds[2];

			memcpy(fds, mem->data, 8);
			line_printf(lb, "[%d, %d]", fds[0], fds[1]);
			return;
		}
		break;
	case KIND_STRUCT:
	case KIND_OSTRUCT:
	case KIND_IOSTRUCT:
		if (print_struct(lb, desc->struct_id, mem->data, (size_t)mem->len, opts))
			return;
		break;
	default:
		break;
	}
	line_hex(lb, arg->raw);
}

/* --- arguments ------------------------------------------------------------- */

bool print_arg(struct linebuf *lb, const struct decoded_call *call, int i,
	       const struct print_opts *opts)
{
	const struct syscall_arg *desc;
	uint64_t raw = call->args[i].raw;

	if (!call->desc) {
		line_hex(lb, raw);
		return true;
	}
	desc = &call->desc->args[i];
	switch (desc->kind) {
	case KIND_INT:
	case KIND_FD:
		line_dec(lb, (int32_t)raw);
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
		if ((int32_t)raw == AT_FDCWD)
			line_puts(lb, "AT_FDCWD");
		else
			line_dec(lb, (int32_t)raw);
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
	case KIND_OPENMODE: {
		uint64_t flags = call->args[desc->size_arg].raw;

		/* strace shows the mode only when the call can create a file. */
		if (!(flags & O_CREAT) && (flags & O_TMPFILE) != O_TMPFILE)
			return false;
		line_oct(lb, raw);
		return true;
	}
	default:
		print_memory(lb, call, i, opts);
		return true;
	}
}

void print_return(struct linebuf *lb, const struct decoded_call *call)
{
	int64_t ret = call->rec->ret;
	enum ret_kind kind = call->desc ? call->desc->ret : RET_INT;

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
	default:
		line_dec(lb, ret);
		break;
	}
}
