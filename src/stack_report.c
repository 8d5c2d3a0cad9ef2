// SPDX-License-Identifier: GPL-2.0-or-later
#include <stdlib.h>
#include <string.h>

#include "stack_report.h"
#include "syscall_nr.gen.h"

struct stack_report *stack_report_new(bool print, bool aggregate)
{
	struct stack_report *r;

	if (!stack_init())
		return NULL;
	r = calloc(1, sizeof(*r));
	if (!r)
		return NULL;
	r->print = print;
	r->aggregate = aggregate;
	symbols_init(&r->symbols);
	folded_init(&r->folded);
	return r;
}

void stack_report_free(struct stack_report *r)
{
	if (!r)
		return;
	while (r->pending) {
		struct pending_frames *next = r->pending->next;

		free(r->pending->text);
		free(r->pending);
		r->pending = next;
	}
	symbols_free(&r->symbols);
	folded_free(&r->folded);
	free(r);
	stack_fini();
}

/* The calls after which a process's maps are not what they were. */
static bool changes_maps(const struct rec_call *rec)
{
	if (rec->ret < 0 && rec->ret > -4096)
		return false;
	switch (rec->nr) {
	case SYS_execve:
	case SYS_execveat:
	case SYS_mmap:
	case SYS_munmap:
	case SYS_mprotect:
	case SYS_mremap:
		return true;
	default:
		return false;
	}
}

static const struct rec_stack *snapshot(const struct rec_call *rec, size_t *len)
{
	size_t payload = rec->hdr.size - sizeof(*rec);

	if (!(rec->flags & CALL_STACK) || rec->stack.len < 0 ||
	    rec->stack.off > payload || (size_t)rec->stack.len > payload - rec->stack.off)
		return NULL;
	*len = (size_t)rec->stack.len;
	return (const struct rec_stack *)(rec->payload + rec->stack.off);
}

static bool trace_broken(const struct stack_trace *trace)
{
	return !trace->count || !trace->frames[trace->count - 1].map;
}

/*
 * Unwind with the cached maps; if an address falls outside them (a
 * mapping made by a call the filters hid), read the maps again once.
 */
static void unwind(struct stack_report *r, const struct rec_call *rec,
		   const struct rec_stack *snap, size_t len)
{
	const struct proc_maps *maps;

	if (changes_maps(rec))
		symbols_invalidate(&r->symbols, rec->tgid);
	maps = symbols_maps(&r->symbols, rec->tgid);
	stack_unwind(snap, len, maps, &r->trace);
	if (trace_broken(&r->trace)) {
		symbols_invalidate(&r->symbols, rec->tgid);
		maps = symbols_maps(&r->symbols, rec->tgid);
		stack_unwind(snap, len, maps, &r->trace);
	}
}

static void put_name(struct linebuf *lb, const char *s, size_t len)
{
	/* Folded stacks split on ';' and end at the last space. */
	for (size_t i = 0; i < len && s[i]; i++)
		line_putc(lb, s[i] == ';' || s[i] == ' ' ? '_' : s[i]);
}

/* "comm;outermost;...;innermost;syscall" */
static void aggregate(struct stack_report *r, const struct decoded_call *call,
		      const struct rec_stack *snap)
{
	struct linebuf *key = &r->key;
	const struct rec_call *rec = call->rec;

	line_reset(key);
	put_name(key, snap->comm, sizeof(snap->comm));
	for (int i = r->trace.count; i-- > 0;) {
		size_t mark = key->len;

		line_putc(key, ';');
		stack_frame_name(key, &r->trace.frames[i]);
		for (size_t j = mark + 1; j < key->len; j++)
			if (key->data[j] == ';' || key->data[j] == ' ')
				key->data[j] = '_';
	}
	line_putc(key, ';');
	line_puts(key, syscall_display_name(rec->nr));
	folded_add(&r->folded, key->data, key->len,
		   rec->exit_ns > rec->enter_ns ? rec->exit_ns - rec->enter_ns : 0);
}

/* strace prints the frames of exit and exit_group after the process's end. */
static void hold_back(struct stack_report *r, uint32_t tid, const struct linebuf *lb)
{
	struct pending_frames *p = calloc(1, sizeof(*p));

	if (!p || !(p->text = strndup(lb->data, lb->len))) {
		free(p);
		return;
	}
	p->tid = tid;
	p->next = r->pending;
	r->pending = p;
}

void stack_report_call(struct stack_report *r, const struct decoded_call *call,
		       struct linebuf *lb, struct outbuf *out)
{
	const struct rec_call *rec = call->rec;
	const struct rec_stack *snap;
	size_t len;

	snap = snapshot(rec, &len);
	if (!snap) {
		if (changes_maps(rec))
			symbols_invalidate(&r->symbols, rec->tgid);
		return;
	}
	unwind(r, rec, snap, len);
	if (r->aggregate)
		aggregate(r, call, snap);
	if (!r->print)
		return;
	line_reset(lb);
	stack_print_strace(lb, &r->trace);
	if (rec->flags & CALL_NO_RETURN)
		hold_back(r, rec->tid, lb);
	else
		out_line(out, lb);
}

static void print_pending(struct stack_report *r, bool all, uint32_t tid, struct outbuf *out)
{
	struct pending_frames **link = &r->pending;

	while (*link) {
		struct pending_frames *p = *link;

		if (!all && p->tid != tid) {
			link = &p->next;
			continue;
		}
		out_write(out, p->text, strlen(p->text));
		*link = p->next;
		free(p->text);
		free(p);
	}
}

void stack_report_exit(struct stack_report *r, uint32_t tid, uint32_t tgid, bool group_dead,
		       struct outbuf *out)
{
	print_pending(r, false, tid, out);
	/* Every record of the process is handled: its last thread is gone. */
	if (group_dead)
		symbols_forget(&r->symbols, tgid);
}

void stack_report_flush(struct stack_report *r, struct outbuf *out)
{
	print_pending(r, true, 0, out);
}
