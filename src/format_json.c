// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * --json: one object per line.  The members and their meaning are
 * man/bstrace.1's JSON OUTPUT section; "v" is JSON_SCHEMA_VERSION, raised
 * whenever a member changes meaning or goes away (adding one does not).
 */
#include <string.h>
#include <sys/wait.h>

#include "errnames.h"
#include "format.h"
#include "printers_json.h"

static void put_comm(struct linebuf *lb, const char *comm)
{
	json_bytes(lb, (const uint8_t *)comm, strnlen(comm, REC_COMM_LEN));
}

/* {"v":1,"type":"call","ts_ns":...: what every object starts with. */
static void put_start(struct linebuf *lb, const char *type, uint64_t ts_ns)
{
	line_printf(lb, "{\"v\":%d,\"type\":\"%s\",\"ts_ns\":%llu", JSON_SCHEMA_VERSION, type,
		    (unsigned long long)ts_ns);
}

static void put_task(struct linebuf *lb, uint32_t tgid, uint32_t tid, const char *comm)
{
	line_printf(lb, ",\"pid\":%u,\"tid\":%u,\"comm\":", tgid, tid);
	put_comm(lb, comm);
}

static void put_arg(struct linebuf *lb, const struct decoded_call *call, int i,
		    const struct print_opts *opts)
{
	const struct syscall_arg *desc = call->desc ? &call->desc->args[i] : NULL;
	const struct syscall_arg *actual = desc ? decode_arg_desc(call, i) : NULL;

	line_puts(lb, "{\"name\":");
	if (desc && desc->name)
		json_cstr(lb, desc->name);
	else
		line_printf(lb, "\"arg%d\"", i);
	line_puts(lb, ",\"type\":");
	/* by:N arguments are typed as their selector's value makes them. */
	json_cstr(lb, actual ? json_kind_name(actual->kind) : desc ? json_kind_name(desc->kind) : "hex");
	line_puts(lb, ",\"raw\":");
	json_hex(lb, call->args[i].raw);
	line_puts(lb, ",\"value\":");
	json_print_value(lb, call, i, opts);
	line_putc(lb, '}');
}

static void put_return(struct linebuf *lb, const struct decoded_call *call)
{
	int64_t ret = call->rec->ret;
	const struct xlat *table;
	enum ret_kind kind = decode_ret_kind(call, &table);
	const char *name;

	if (call->rec->flags & CALL_NO_RETURN || kind == RET_NONE) {
		line_puts(lb, ",\"ret\":null,\"errno\":null");
		return;
	}
	if (!RET_IS_ERROR(ret)) {
		line_printf(lb, ",\"ret\":%lld", (long long)ret);
		if (kind == RET_HEX) {
			line_puts(lb, ",\"ret_hex\":");
			json_hex(lb, (uint64_t)ret);
		}
		if (kind == RET_OPENFLAGS || kind == RET_FLAGS || kind == RET_ENUM ||
		    kind == RET_SIGNO) {
			line_puts(lb, ",\"ret_value\":");
			json_print_ret_value(lb, kind, table, ret);
		}
		line_puts(lb, ",\"errno\":null");
		return;
	}
	/* strace's "= -1 ENOENT": what libc returns, and the errno. */
	name = errno_name((int)-ret);
	line_puts(lb, errno_is_internal((int)-ret) ? ",\"ret\":null" : ",\"ret\":-1");
	line_puts(lb, ",\"errno\":");
	if (name)
		json_cstr(lb, name);
	else
		line_puts(lb, "null");
	line_printf(lb, ",\"errno_code\":%lld", (long long)-ret);
}

void format_json_call(struct linebuf *lb, const struct decoded_call *call,
		      const struct print_opts *opts)
{
	const struct rec_call *rec = call->rec;
	bool returned = !(rec->flags & CALL_NO_RETURN);

	put_start(lb, "call", rec->enter_ns);
	if (returned)
		line_printf(lb, ",\"dur_ns\":%llu", (unsigned long long)(rec->exit_ns - rec->enter_ns));
	else
		line_puts(lb, ",\"dur_ns\":null");
	put_task(lb, rec->tgid, rec->tid, rec->comm);
	line_printf(lb, ",\"nr\":%d,\"syscall\":", rec->nr);
	if (call->desc)
		json_cstr(lb, call->desc->name);
	else
		line_printf(lb, "\"syscall_%d\"", rec->nr);
	line_puts(lb, ",\"args\":[");
	for (int i = 0; i < call->nargs; i++) {
		if (i)
			line_putc(lb, ',');
		put_arg(lb, call, i, opts);
	}
	line_putc(lb, ']');
	put_return(lb, call);
	line_puts(lb, "}\n");
}

void format_json_exit(struct linebuf *lb, const struct rec_proc_exit *rec)
{
	unsigned int status = rec->exit_code;

	put_start(lb, "exit", rec->ts_ns);
	put_task(lb, rec->tgid, rec->tid, rec->comm);
	line_printf(lb, ",\"group_dead\":%s", rec->group_dead ? "true" : "false");
	if (WIFSIGNALED(status)) {
		line_puts(lb, ",\"exit_code\":null,\"signal\":");
		json_signal(lb, WTERMSIG(status));
		line_printf(lb, ",\"core_dumped\":%s", WCOREDUMP(status) ? "true" : "false");
	} else {
		line_printf(lb, ",\"exit_code\":%d,\"signal\":null,\"core_dumped\":false",
			    WEXITSTATUS(status));
	}
	line_puts(lb, "}\n");
}

void format_json_fork(struct linebuf *lb, const struct rec_proc_fork *rec)
{
	put_start(lb, "fork", rec->ts_ns);
	put_task(lb, rec->parent_tgid, rec->parent_tid, rec->comm);
	line_printf(lb, ",\"child_pid\":%u,\"child_tid\":%u}\n", rec->child_tgid, rec->child_tid);
}

void format_json_lost(struct linebuf *lb, uint64_t count)
{
	line_printf(lb, "{\"v\":%d,\"type\":\"lost\",\"count\":%llu}\n", JSON_SCHEMA_VERSION,
		    (unsigned long long)count);
}
