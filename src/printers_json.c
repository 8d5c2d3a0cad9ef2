// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * --json's argument values, one printer per kind.  Structs are printed
 * from a table of fields (name, offset, size, how), so a struct gains a
 * JSON form by adding rows, not code.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <stddef.h>
#include <string.h>
#include <sys/un.h>

#include "errnames.h"
#include "printers_json.h"
#include "printers_perf.h"
#include "structs.h"
#include "xlat.gen.h"

/* --- pieces ---------------------------------------------------------------- */

void json_bytes(struct linebuf *lb, const uint8_t *s, size_t n)
{
	static const char hexdigits[] = "0123456789abcdef";

	line_putc(lb, '"');
	for (size_t i = 0; i < n; i++) {
		uint8_t c = s[i];

		switch (c) {
		case '"':  line_write(lb, "\\\"", 2); continue;
		case '\\': line_write(lb, "\\\\", 2); continue;
		case '\n': line_write(lb, "\\n", 2); continue;
		case '\t': line_write(lb, "\\t", 2); continue;
		case '\r': line_write(lb, "\\r", 2); continue;
		}
		if (c >= ' ' && c < 0x7f) {
			line_putc(lb, (char)c);
		} else {
			char esc[6] = { '\\', 'u', '0', '0', hexdigits[c >> 4], hexdigits[c & 15] };

			line_write(lb, esc, sizeof(esc));
		}
	}
	line_putc(lb, '"');
}

void json_cstr(struct linebuf *lb, const char *s)
{
	json_bytes(lb, (const uint8_t *)s, strlen(s));
}

void json_hex(struct linebuf *lb, uint64_t v)
{
	line_putc(lb, '"');
	line_hex(lb, v);
	line_putc(lb, '"');
}

const char *json_kind_name(enum arg_kind kind)
{
	static const char *const names[KIND_COUNT] = {
#define KIND(word, ENUM, cap, when, limit, param) [KIND_##ENUM] = #word,
#include "kinds.def"
#undef KIND
	};

	return kind < KIND_COUNT && names[kind] ? names[kind] : "unknown";
}

/* Memory a kind shows only when the call succeeded (out-arguments). */
static bool shown_on_success_only(enum arg_kind kind)
{
	static const bool on_success[KIND_COUNT] = {
#define KIND_BOTH_WAYS 0
#define KIND(word, ENUM, cap, when, limit, param) \
	[KIND_##ENUM] = ((when) & CAP_ON_SUCCESS) != 0,
#include "kinds.def"
#undef KIND
#undef KIND_BOTH_WAYS
	};

	return kind < KIND_COUNT && on_success[kind];
}

/* The names of value's flags, then what no name covers in hex, comma-joined. */
static bool json_flag_items(struct linebuf *lb, const struct xlat *table, uint64_t value, bool any)
{
	const struct xlat_entry *e;
	unsigned int pos = 0;

	while ((e = xlat_next_flag(table, &value, &pos)) != NULL) {
		if (any)
			line_putc(lb, ',');
		json_cstr(lb, e->name);
		any = true;
	}
	if (value) {
		if (any)
			line_putc(lb, ',');
		json_hex(lb, value);
		any = true;
	}
	return any;
}

/* ["O_CLOEXEC","0x80000"], and a zero as the table names it. */
static void json_flags(struct linebuf *lb, const struct xlat *table, uint64_t value)
{
	const char *zero = value ? NULL : xlat_name(table, 0);

	line_putc(lb, '[');
	if (zero)
		json_cstr(lb, zero);
	else
		json_flag_items(lb, table, value, false);
	line_putc(lb, ']');
}

static void json_enum(struct linebuf *lb, const struct xlat *table, uint64_t value)
{
	const char *name = xlat_name(table, value);

	if (name)
		json_cstr(lb, name);
	else
		line_dec(lb, (int64_t)value);
}

void json_signal(struct linebuf *lb, int sig)
{
	const char *abbrev = sig > 0 && sig < 32 ? sigabbrev_np(sig) : NULL;

	if (abbrev) {
		line_write(lb, "\"SIG", 4);
		line_puts(lb, abbrev);
		line_putc(lb, '"');
	} else if (sig >= 32 && sig <= 64) {
		line_printf(lb, "\"SIGRTMIN+%d\"", sig - 32);
	} else {
		line_dec(lb, sig);
	}
}

/* ["SIGINT","SIGCHLD"]: the members of a signal set of n bytes. */
static void json_sigset(struct linebuf *lb, const uint8_t *bytes, size_t n)
{
	bool first = true;

	line_putc(lb, '[');
	for (unsigned int i = 0; i < n * 8 && i < 64; i++) {
		if (!((bytes[i / 8] >> (i % 8)) & 1))
			continue;
		if (!first)
			line_putc(lb, ',');
		json_signal(lb, (int)i + 1);
		first = false;
	}
	line_putc(lb, ']');
}

/* "S_IFREG|0644" and "0755": modes as strace writes them. */
static void json_mode(struct linebuf *lb, uint64_t mode, bool with_type)
{
	static const struct { unsigned int type; const char *name; } types[] = {
		{ S_IFREG, "S_IFREG|" }, { S_IFDIR, "S_IFDIR|" }, { S_IFCHR, "S_IFCHR|" },
		{ S_IFBLK, "S_IFBLK|" }, { S_IFIFO, "S_IFIFO|" }, { S_IFLNK, "S_IFLNK|" },
		{ S_IFSOCK, "S_IFSOCK|" },
	};

	line_putc(lb, '"');
	for (size_t i = 0; with_type && i < sizeof(types) / sizeof(types[0]); i++)
		if (types[i].type == (mode & S_IFMT))
			line_puts(lb, types[i].name);
	line_oct(lb, mode & 07777);
	line_putc(lb, '"');
}

/* --- structs, from a table of fields ------------------------------------------ */

enum field_how { F_INT, F_UINT, F_HEX, F_MODE, F_CHARS, F_FLAGS, F_SIGSET };

struct json_field {
	enum struct_id id;
	const char *name;
	unsigned short off, size;
	enum field_how how;
	const struct xlat *table;	/* F_FLAGS */
};

#define FIELD(S, T, f, how) \
	{ STRUCT_ID_##S, #f, offsetof(T, f), sizeof(((T *)0)->f), how, NULL }
#define FIELD_AS(S, T, f, name, how) \
	{ STRUCT_ID_##S, name, offsetof(T, f), sizeof(((T *)0)->f), how, NULL }
#define FLAGS_FIELD(S, T, f, name, table) \
	{ STRUCT_ID_##S, name, offsetof(T, f), sizeof(((T *)0)->f), F_FLAGS, table }

static const struct json_field json_fields[] = {
	FIELD(stat, struct stat, st_dev, F_UINT),
	FIELD(stat, struct stat, st_ino, F_UINT),
	FIELD(stat, struct stat, st_mode, F_MODE),
	FIELD(stat, struct stat, st_nlink, F_UINT),
	FIELD(stat, struct stat, st_uid, F_UINT),
	FIELD(stat, struct stat, st_gid, F_UINT),
	FIELD(stat, struct stat, st_rdev, F_UINT),
	FIELD(stat, struct stat, st_size, F_INT),
	FIELD(stat, struct stat, st_blksize, F_INT),
	FIELD(stat, struct stat, st_blocks, F_INT),
	FIELD_AS(stat, struct stat, st_atim.tv_sec, "st_atime", F_INT),
	FIELD_AS(stat, struct stat, st_mtim.tv_sec, "st_mtime", F_INT),
	FIELD_AS(stat, struct stat, st_ctim.tv_sec, "st_ctime", F_INT),
	FIELD(statx, struct kernel_statx, stx_mask, F_HEX),
	FIELD(statx, struct kernel_statx, stx_mode, F_MODE),
	FIELD(statx, struct kernel_statx, stx_nlink, F_UINT),
	FIELD(statx, struct kernel_statx, stx_uid, F_UINT),
	FIELD(statx, struct kernel_statx, stx_gid, F_UINT),
	FIELD(statx, struct kernel_statx, stx_ino, F_UINT),
	FIELD(statx, struct kernel_statx, stx_size, F_UINT),
	FIELD(statx, struct kernel_statx, stx_blocks, F_UINT),
	FIELD(statfs, struct statfs, f_type, F_HEX),
	FIELD(statfs, struct statfs, f_bsize, F_INT),
	FIELD(statfs, struct statfs, f_blocks, F_UINT),
	FIELD(statfs, struct statfs, f_bfree, F_UINT),
	FIELD(statfs, struct statfs, f_bavail, F_UINT),
	FIELD(statfs, struct statfs, f_files, F_UINT),
	FIELD(statfs, struct statfs, f_ffree, F_UINT),
	FIELD(timespec, struct timespec, tv_sec, F_INT),
	FIELD(timespec, struct timespec, tv_nsec, F_INT),
	FIELD(timeval, struct timeval, tv_sec, F_INT),
	FIELD(timeval, struct timeval, tv_usec, F_INT),
	FIELD(timezone, struct timezone, tz_minuteswest, F_INT),
	FIELD(timezone, struct timezone, tz_dsttime, F_INT),
	FIELD(rlimit, struct kernel_rlimit64, rlim_cur, F_UINT),
	FIELD(rlimit, struct kernel_rlimit64, rlim_max, F_UINT),
	FIELD(rlimit64, struct kernel_rlimit64, rlim_cur, F_UINT),
	FIELD(rlimit64, struct kernel_rlimit64, rlim_max, F_UINT),
	FIELD(rusage, struct rusage, ru_maxrss, F_INT),
	FIELD(rusage, struct rusage, ru_minflt, F_INT),
	FIELD(rusage, struct rusage, ru_majflt, F_INT),
	FIELD(rusage, struct rusage, ru_nvcsw, F_INT),
	FIELD(rusage, struct rusage, ru_nivcsw, F_INT),
	FIELD(utsname, struct utsname, sysname, F_CHARS),
	FIELD(utsname, struct utsname, nodename, F_CHARS),
	FIELD(utsname, struct utsname, release, F_CHARS),
	FIELD(utsname, struct utsname, version, F_CHARS),
	FIELD(utsname, struct utsname, machine, F_CHARS),
	FIELD(utsname, struct utsname, domainname, F_CHARS),
	FIELD(sysinfo, struct sysinfo, uptime, F_INT),
	FIELD(sysinfo, struct sysinfo, totalram, F_UINT),
	FIELD(sysinfo, struct sysinfo, freeram, F_UINT),
	FIELD(sysinfo, struct sysinfo, procs, F_UINT),
	FIELD_AS(sigaction, struct kernel_sigaction, handler, "sa_handler", F_HEX),
	FIELD_AS(sigaction, struct kernel_sigaction, mask, "sa_mask", F_SIGSET),
	FLAGS_FIELD(sigaction, struct kernel_sigaction, flags, "sa_flags", &xlat_sa_flags),
	FIELD_AS(sigaction, struct kernel_sigaction, restorer, "sa_restorer", F_HEX),
	FIELD(stack_t, stack_t, ss_sp, F_HEX),
	FIELD(stack_t, stack_t, ss_flags, F_INT),
	FIELD(stack_t, stack_t, ss_size, F_UINT),
	FIELD(pollfd, struct pollfd, fd, F_INT),
	FLAGS_FIELD(pollfd, struct pollfd, events, "events", &xlat_poll_events),
	FLAGS_FIELD(pollfd, struct pollfd, revents, "revents", &xlat_poll_events),
	FLAGS_FIELD(epoll_event, struct epoll_event, events, "events", &xlat_epoll_events),
	FIELD(epoll_event, struct epoll_event, data.u64, F_HEX),
	FIELD(iovec, struct iovec, iov_base, F_HEX),
	FIELD(iovec, struct iovec, iov_len, F_UINT),
	FIELD(sched_param, struct sched_param, sched_priority, F_INT),
	FIELD(cap_user_header, struct __user_cap_header_struct, version, F_HEX),
	FIELD(cap_user_header, struct __user_cap_header_struct, pid, F_INT),
	FIELD(cap_user_data, struct __user_cap_data_struct, effective, F_HEX),
	FIELD(cap_user_data, struct __user_cap_data_struct, permitted, F_HEX),
	FIELD(cap_user_data, struct __user_cap_data_struct, inheritable, F_HEX),
};

static const size_t struct_sizes[STRUCT_ID_COUNT] = {
#define STRUCT(name, type) [STRUCT_ID_##name] = sizeof(type),
#include "structs.def"
#undef STRUCT
};

static uint64_t field_unsigned(const uint8_t *p, size_t size)
{
	uint8_t b1; uint16_t b2; uint32_t b4; uint64_t b8 = 0;

	switch (size) {
	case 1: memcpy(&b1, p, 1); return b1;
	case 2: memcpy(&b2, p, 2); return b2;
	case 4: memcpy(&b4, p, 4); return b4;
	default: memcpy(&b8, p, size < 8 ? size : 8); return b8;
	}
}

static int64_t field_signed(const uint8_t *p, size_t size)
{
	uint64_t v = field_unsigned(p, size);

	if (size < 8 && (v >> (size * 8 - 1)) & 1)
		v |= ~0ULL << (size * 8);
	return (int64_t)v;
}

static void json_field_value(struct linebuf *lb, const struct json_field *f, const uint8_t *p)
{
	switch (f->how) {
	case F_INT:	line_dec(lb, field_signed(p, f->size)); break;
	case F_UINT:	line_udec(lb, field_unsigned(p, f->size)); break;
	case F_HEX:	json_hex(lb, field_unsigned(p, f->size)); break;
	case F_MODE:	json_mode(lb, field_unsigned(p, f->size), true); break;
	case F_CHARS:	json_bytes(lb, p, strnlen((const char *)p, f->size)); break;
	case F_FLAGS:	json_flags(lb, f->table, field_unsigned(p, f->size)); break;
	case F_SIGSET:	json_sigset(lb, p, f->size); break;
	}
}

/* One struct as an object; false when the table has no fields for it. */
static bool json_struct(struct linebuf *lb, enum struct_id id, const uint8_t *data, size_t len)
{
	bool first = true;

	if (id <= STRUCT_ID_NONE || id >= STRUCT_ID_COUNT || len < struct_sizes[id])
		return false;
	/* Pointers to one number are the number. */
	if (id == STRUCT_ID_int || id == STRUCT_ID_long || id == STRUCT_ID_u64) {
		if (id == STRUCT_ID_int)
			line_dec(lb, field_signed(data, 4));
		else
			line_dec(lb, field_signed(data, 8));
		return true;
	}
	for (size_t i = 0; i < sizeof(json_fields) / sizeof(json_fields[0]); i++) {
		const struct json_field *f = &json_fields[i];

		if (f->id != id)
			continue;
		line_putc(lb, first ? '{' : ',');
		json_cstr(lb, f->name);
		line_putc(lb, ':');
		json_field_value(lb, f, data + f->off);
		first = false;
	}
	if (first)
		return false;
	line_putc(lb, '}');
	return true;
}

static void json_struct_array(struct linebuf *lb, enum struct_id id, const uint8_t *data, size_t len)
{
	size_t size = id > STRUCT_ID_NONE && id < STRUCT_ID_COUNT ? struct_sizes[id] : 0;

	line_putc(lb, '[');
	for (size_t pos = 0; size && pos + size <= len; pos += size) {
		if (pos)
			line_putc(lb, ',');
		if (!json_struct(lb, id, data + pos, size))
			line_puts(lb, "null");
	}
	line_putc(lb, ']');
}

/* --- arrays and addresses ----------------------------------------------------- */

/* A string array: {"count":N,"items":["a","b"]}, the items captured. */
static void json_argv(struct linebuf *lb, const struct captured *mem)
{
	struct rec_argv_head head;
	struct array_view view;
	struct captured elem;

	if (!argv_view_init(&view, mem, &head)) {
		line_puts(lb, "null");
		return;
	}
	line_printf(lb, "{\"count\":%u,\"items\":[", head.count);
	for (bool first = true; argv_view_next(&view, &elem); first = false) {
		if (!first)
			line_putc(lb, ',');
		if (captured_ok(&elem))
			json_bytes(lb, elem.data, (size_t)elem.len);
		else
			line_puts(lb, "null");
	}
	line_puts(lb, "]}");
}

static void json_iov(struct linebuf *lb, const struct captured *mem)
{
	struct rec_iov_head head;
	struct rec_iov_elem iov;
	struct array_view view;
	struct captured bytes;

	if (!iov_view_init(&view, mem, &head)) {
		line_puts(lb, "null");
		return;
	}
	line_putc(lb, '[');
	for (bool first = true; iov_view_next(&view, &iov, &bytes); first = false) {
		if (!first)
			line_putc(lb, ',');
		line_puts(lb, "{\"iov_base\":");
		json_hex(lb, iov.base);
		line_printf(lb, ",\"iov_len\":%llu,\"data\":", (unsigned long long)iov.len);
		if (captured_ok(&bytes))
			json_bytes(lb, bytes.data, (size_t)bytes.len);
		else
			line_puts(lb, "null");
		line_putc(lb, '}');
	}
	line_putc(lb, ']');
}

static void json_sockaddr(struct linebuf *lb, const uint8_t *data, size_t len)
{
	struct sockaddr_storage ss = { 0 };
	char addr[INET6_ADDRSTRLEN];

	/* Bytes past a sockaddr_storage are no address: never look past ss. */
	if (len > sizeof(ss))
		len = sizeof(ss);
	memcpy(&ss, data, len);
	line_puts(lb, "{\"sa_family\":");
	json_enum(lb, &xlat_socket_domains, ss.ss_family);
	if (ss.ss_family == AF_INET && len >= sizeof(struct sockaddr_in)) {
		const struct sockaddr_in *in = (const void *)&ss;

		line_printf(lb, ",\"sin_port\":%u,\"sin_addr\":", ntohs(in->sin_port));
		json_cstr(lb, inet_ntop(AF_INET, &in->sin_addr, addr, sizeof(addr)));
	} else if (ss.ss_family == AF_INET6 && len >= sizeof(struct sockaddr_in6)) {
		const struct sockaddr_in6 *in6 = (const void *)&ss;

		line_printf(lb, ",\"sin6_port\":%u,\"sin6_addr\":", ntohs(in6->sin6_port));
		json_cstr(lb, inet_ntop(AF_INET6, &in6->sin6_addr, addr, sizeof(addr)));
	} else if (ss.ss_family == AF_UNIX && len > offsetof(struct sockaddr_un, sun_path)) {
		const struct sockaddr_un *un = (const void *)&ss;
		size_t n = len - offsetof(struct sockaddr_un, sun_path);

		/* Abstract names start with a NUL and may hold more. */
		if (un->sun_path[0])
			n = strnlen(un->sun_path, n);
		line_puts(lb, ",\"sun_path\":");
		json_bytes(lb, (const uint8_t *)un->sun_path, n);
	}
	line_putc(lb, '}');
}

/* --- arguments ------------------------------------------------------------- */

static uint64_t buffer_size(const struct decoded_call *call, const struct syscall_arg *desc)
{
	return desc->size_arg < 0 ? (uint64_t)call->rec->ret : call->args[desc->size_arg].raw;
}

/* The int of a socklen both ways: {"in":128,"out":16}. */
static void json_socklen(struct linebuf *lb, const struct arg_value *arg)
{
	int32_t v;

	line_puts(lb, "{\"in\":");
	if (captured_ok(&arg->entry) && arg->entry.len >= 4) {
		memcpy(&v, arg->entry.data, 4);
		line_dec(lb, v);
	} else {
		line_puts(lb, "null");
	}
	memcpy(&v, arg->mem.data, 4);
	line_printf(lb, ",\"out\":%d}", v);
}

/*
 * The read an argument shows: the one at entry for those read then, and
 * for timeout and fdset, read both ways, the value the call was given.
 */
static const struct captured *memory_shown(const struct syscall_arg *desc,
					   const struct arg_value *arg)
{
	if (desc->at_entry ||
	    ((desc->kind == KIND_TIMEOUT || desc->kind == KIND_FDSET) && captured_ok(&arg->entry)))
		return &arg->entry;
	return &arg->mem;
}

/* [0,3]: the descriptors set in an fd_set of n bytes. */
static void json_fdset(struct linebuf *lb, const uint8_t *bytes, size_t n)
{
	bool first = true;

	line_putc(lb, '[');
	for (size_t i = 0; i < n * 8; i++) {
		if (!((bytes[i / 8] >> (i % 8)) & 1))
			continue;
		if (!first)
			line_putc(lb, ',');
		line_udec(lb, i);
		first = false;
	}
	line_putc(lb, ']');
}

/* Memory arguments; false when the captured bytes cannot be shown. */
static bool json_memory(struct linebuf *lb, const struct decoded_call *call, int i,
			const struct syscall_arg *desc)
{
	const struct arg_value *arg = &call->args[i];
	const struct captured *mem = memory_shown(desc, arg);
	size_t len;
	int32_t ints[2];

	if (!arg->raw || !captured_ok(mem) ||
	    (shown_on_success_only(desc->kind) && RET_IS_ERROR(call->rec->ret)))
		return false;
	len = (size_t)mem->len;
	switch (desc->kind) {
	case KIND_PATH:
	case KIND_STR:
	case KIND_IBUF:
	case KIND_OBUF:
	case KIND_XBUF:
		json_bytes(lb, mem->data, len);
		return true;
	case KIND_WAITSTATUS:
		if (len < 4)
			return false;
		memcpy(ints, mem->data, 4);
		line_dec(lb, ints[0]);
		return true;
	case KIND_FDSET:
		json_fdset(lb, mem->data, len);
		return true;
	case KIND_OSTR:
		json_bytes(lb, mem->data, strnlen((const char *)mem->data, len));
		return true;
	case KIND_ARGV:
	case KIND_ENVP:
		json_argv(lb, mem);
		return true;
	case KIND_IOV:
	case KIND_OIOV:
		json_iov(lb, mem);
		return true;
	case KIND_SOCKADDR:
	case KIND_OSOCKADDR:
		if (len < sizeof(sa_family_t))
			return false;
		json_sockaddr(lb, mem->data, len);
		return true;
	case KIND_SIGSET:
	case KIND_OSIGSET:
		json_sigset(lb, mem->data, len);
		return true;
	case KIND_INTPTR:
	case KIND_OINTPTR:
		if (len < 4)
			return false;
		memcpy(ints, mem->data, 4);
		line_dec(lb, ints[0]);
		return true;
	case KIND_SOCKLEN:
		if (len < 4)
			return false;
		json_socklen(lb, arg);
		return true;
	case KIND_FDPAIR:
		if (len < 8)
			return false;
		memcpy(ints, mem->data, 8);
		line_printf(lb, "[%d,%d]", ints[0], ints[1]);
		return true;
	case KIND_STRUCT:
	case KIND_OSTRUCT:
	case KIND_IOSTRUCT:
	case KIND_TIMEOUT:
	case KIND_ONCREAT:
		return json_struct(lb, desc->struct_id, mem->data, len);
	case KIND_STRUCTARR:
	case KIND_OSTRUCTARR:
		json_struct_array(lb, desc->struct_id, mem->data, len);
		return true;
	default:
		return false;
	}
}

/* Whether a memory kind's bytes go on past what was captured. */
static bool json_truncated(const struct decoded_call *call, int i,
			   const struct syscall_arg *desc)
{
	const struct captured *mem = memory_shown(desc, &call->args[i]);

	if (!captured_ok(mem))
		return false;
	if (mem->truncated)
		return true;
	return (desc->kind == KIND_IBUF || desc->kind == KIND_OBUF) &&
	       buffer_size(call, desc) > (uint64_t)mem->len;
}

static bool json_scalar(struct linebuf *lb, const struct syscall_arg *desc, uint64_t raw)
{
	if (print_number_kind(lb, desc->kind, raw))
		return true;
	switch (desc->kind) {
	case KIND_HEX:
	case KIND_PTR:
		if (raw)
			json_hex(lb, raw);
		else
			line_puts(lb, desc->kind == KIND_PTR ? "null" : "\"0\"");
		return true;
	case KIND_OCT:
	case KIND_OPENMODE:
		json_mode(lb, raw, false);
		return true;
	case KIND_FILEMODE:
		json_mode(lb, raw, true);
		return true;
	case KIND_DIRFD:
		if ((int32_t)raw == AT_FDCWD)
			json_cstr(lb, "AT_FDCWD");
		else
			line_dec(lb, (int32_t)raw);
		return true;
	case KIND_FLAGS:
		json_flags(lb, desc->table, raw);
		return true;
	case KIND_ENUM:
		json_enum(lb, desc->table, raw);
		return true;
	case KIND_SIGNO:
		json_signal(lb, (int32_t)raw);
		return true;
	case KIND_IPCFLAGS:
		json_flags(lb, desc->table, raw);
		return true;
	case KIND_CLONEFLAGS:
		json_flags(lb, &xlat_clone_flags, raw & ~0xffULL);
		return true;
	case KIND_DEV:
		line_udec(lb, raw);
		return true;
	case KIND_FUTEXWAKEOP:
		json_hex(lb, raw);
		return true;
	case KIND_OPENFLAGS:
		line_putc(lb, '[');
		json_enum(lb, &xlat_open_access, raw & O_ACCMODE);
		json_flag_items(lb, &xlat_open_flags, raw & ~(uint64_t)O_ACCMODE, true);
		line_putc(lb, ']');
		return true;
	default:
		return false;
	}
}

void json_print_value(struct linebuf *lb, const struct decoded_call *call, int i,
		      const struct print_opts *opts)
{
	const struct syscall_arg *desc;

	(void)opts;
	if (!call->desc) {
		line_puts(lb, "null");
		return;
	}
	desc = decode_arg_desc(call, i);
	if (!desc) {
		line_puts(lb, "null");
		return;
	}
	if (json_scalar(lb, desc, call->args[i].raw))
		return;
	if (!json_memory(lb, call, i, desc)) {
		line_puts(lb, "null");
		return;
	}
	if (json_truncated(call, i, desc))
		line_puts(lb, ",\"truncated\":true");
}

void json_print_ret_value(struct linebuf *lb, enum ret_kind kind, const struct xlat *table,
			  int64_t ret)
{
	switch (kind) {
	case RET_OPENFLAGS:
		line_putc(lb, '[');
		json_enum(lb, &xlat_open_access, (uint64_t)ret & O_ACCMODE);
		json_flag_items(lb, &xlat_open_flags, (uint64_t)ret & ~(uint64_t)O_ACCMODE, true);
		line_putc(lb, ']');
		return;
	case RET_FLAGS:
		if (table) {
			json_flags(lb, table, (uint64_t)ret);
			return;
		}
		break;
	case RET_ENUM:
		if (table) {
			json_enum(lb, table, (uint64_t)ret);
			return;
		}
		break;
	case RET_SIGNO:
		json_signal(lb, (int)ret);
		return;
	default:
		break;
	}
	line_puts(lb, "null");
}
