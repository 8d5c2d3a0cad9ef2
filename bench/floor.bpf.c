// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The kernel's floor for a syscall tracer, for make bench: programs on
 * sys_enter and sys_exit that do nothing (FLOOR_EMPTY), that only read the
 * clock a duration needs (FLOOR_CLOCK), or that do the least a tracer
 * sending one record per call must (FLOOR_RECORD): find the thread's state
 * in an array slot chosen by tid, keep the entry's stamp and arguments, and at exit
 * send a record with the call's first byte of data through a ring buffer;
 * or that do nothing on one syscall's own events (FLOOR_EVENT).
 * Its stamps are bstrace's ordering stamps, as in a trace without times.
 * Whatever bstrace costs above these is its own.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "floor.h"
#include "../bpf/syscall_args.bpf.h"
#include "../bpf/stamp.bpf.h"
#include "syscall_nr.gen.h"

char LICENSE[] SEC("license") = "GPL";

const volatile __u32 mode = FLOOR_EMPTY;
__u64 sink;
__u64 lost;

/* Threads traced in FLOOR_RECORD mode: the front end adds the command's. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, FLOOR_SLOTS);
	__type(key, __u32);
	__type(value, struct call_state);
} calls SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4 << 20);
} events SEC(".maps");

/* What both tracepoints do first: the state of a traced thread, or NULL. */
static __always_inline struct call_state *traced_call(__u32 tid)
{
	__u32 slot = tid % FLOOR_SLOTS;
	struct call_state *state;

	if (mode == FLOOR_CLOCK)
		sink += bpf_ktime_get_ns();
	if (mode != FLOOR_RECORD)
		return NULL;
	state = bpf_map_lookup_elem(&calls, &slot);
	return state && state->tid == tid ? state : NULL;
}

/*
 * FLOOR_EVENT: nothing, on one syscall's own events (the front end attaches
 * it to sys_enter_NAME and sys_exit_NAME), as bstrace's programs run under
 * a short -e trace=.  Every other syscall still takes the tracepoint path.
 */
SEC("tracepoint")
int floor_event(void *ctx)
{
	return 0;
}

SEC("raw_tp/sys_enter")
int floor_enter(struct bpf_raw_tracepoint_args *ctx)
{
	struct call_state *state = traced_call((__u32)bpf_get_current_pid_tgid());

	if (!state)
		return 0;
	state->enter_ns = event_stamp();
	state->nr = ctx->args[1];
	fill_args(state->args, (struct pt_regs *)ctx->args[0]);
	return 0;
}

SEC("raw_tp/sys_exit")
int floor_exit(struct bpf_raw_tracepoint_args *ctx)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	__u32 tid = (__u32)pid_tgid;
	struct call_state *state = traced_call(tid);
	struct floor_record rec;

	if (!state)
		return 0;
	rec.tid = tid;
	rec.tgid = pid_tgid >> 32;
	rec.nr = state->nr;
	rec.enter_ns = state->enter_ns;
	rec.exit_ns = event_stamp();
	rec.ret = ctx->args[1];
	__builtin_memcpy(rec.args, state->args, sizeof(rec.args));
	rec.data = 0;
	/* read(2), write(2): the byte dd moves, as a trace shows it. */
	if ((rec.nr == SYS_read || rec.nr == SYS_write) && rec.ret > 0)
		bpf_probe_read_user(&rec.data, 1, (void *)rec.args[1]);
	if (bpf_ringbuf_output(&events, &rec, sizeof(rec), BPF_RB_NO_WAKEUP))
		__sync_fetch_and_add(&lost, 1);
	return 0;
}
