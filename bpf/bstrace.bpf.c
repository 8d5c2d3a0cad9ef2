// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bstrace's kernel side.
 *
 * on_sys_enter and on_sys_exit, on the raw syscall tracepoints, are the
 * dispatchers: they drop every thread that is not traced and every syscall
 * that is not selected before doing any work, keep each traced call's
 * entry state in its task slot, and tail-call the capture program of
 * that syscall to copy the arguments that live in user memory: a family
 * program running the syscall's row of a table, or a program of its own
 * (both from capture.gen.h, generated from syscalls/syscalls.tbl).  One
 * record per call goes through the ring buffer, at exit, so duration and
 * status filters decide before anything is sent.
 *
 * Wakeups are what make a tracer expensive (see NOTES: 1.4x without,
 * 4.7x with one per record), so records are submitted without one unless
 * the ring is filling up; the front end polls on a short timer.
 */
#include "vmlinux.h"
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "record.h"
#include "syscall_args.bpf.h"
#include "syscall_nr.gen.h"

char LICENSE[] SEC("license") = "GPL";

#define EFAULT		14
#define ENOSPC		28
#define PAGE_SIZE	4096

/* Settings, written by the front end between open and load. */
const volatile __u32 max_strlen = 32;
const volatile __u32 show_environment = 0;	/* -v: envp strings too */
const volatile __u32 follow_forks = 0;		/* -f */
const volatile __u64 wakeup_bytes = 1 << 20;	/* wake the reader above this */
const volatile __u64 selected_syscalls[SYSCALL_NR_MAX / 64];
const volatile __u64 entry_capture[SYSCALL_NR_MAX / 64];
/*
 * Calls -e trace= leaves out but -y and -P need, to follow the fds they
 * open, dup and close: sent whatever their duration and outcome, and never
 * counted in a summary.  The front end applies them without a line.
 */
const volatile __u64 follow_only[SYSCALL_NR_MAX / 64];
/* Any bit set in follow_only: when none is, the verifier drops the test. */
const volatile __u32 follow_any = 0;
/*
 * A call with nothing captured is sent without its blob table and with only
 * the arguments its syscall has (compact_args[nr]); with send_comm, with
 * all of them and comm.  A 232-byte record becomes 56-120 bytes.
 */
const volatile __u8 compact_args[SYSCALL_NR_MAX];
const volatile __u32 send_comm = 1;
/* Process control and selection filters (-e status=, -e signal=, --cgroup, --comm). */
const volatile __u32 status_filter = FILTER_SUCCESSFUL | FILTER_FAILED | FILTER_UNFINISHED;
const volatile __u64 signal_selected[4] = { ~0ULL, ~0ULL, ~0ULL, ~0ULL };
const volatile __u64 cgroup_filter = 0;		/* cgroup v2 id, 0: none */
const volatile __u32 comm_filter_on = 0;
const volatile char comm_filter[16];

/* Read by the front end at the end (by reason), and for the loss markers. */
__u64 lost_by_reason[LOST_REASONS];
__u64 lost_unreported;

static __always_inline void count_lost(enum lost_reason reason)
{
	__sync_fetch_and_add(&lost_by_reason[reason], 1);
}
/*
 * Set by the front end while it waits for records, cleared by the first
 * record that wakes it.  A wakeup costs the producing CPU an interrupt
 * (an APIC write): forcing one per record while a busy reader lags made the
 * traced program three times slower.
 */
__u32 reader_asleep;

#include "stamp.bpf.h"
#include "summary.bpf.h"

/*
 * A record being built: its header and payload, and how much payload is
 * written.  The space past REC_PAYLOAD_MAX (REC_SIZE_MAX has one blob more)
 * lets the verifier see that a copy of at most REC_BLOB_MAX bytes at an
 * offset below REC_PAYLOAD_MAX stays inside the value.
 */
struct capture_buf {
	__u32 used;
	__u32 since_query;	/* scratch: calls this CPU sent since it measured the ring */
	__s64 iov_left;		/* put_iov: bytes of the return value left to show, or -1 */
	__u8 raw[REC_SIZE_MAX];
};

/*
 * Every traced tid, for the front end to list, and the state of the few
 * whose slot another traced tid holds (overflow_tasks counts them; there
 * are none when pid_max fits in the slots).  Not preallocated:
 * preallocating 64K entries costs 15 ms at start-up, and entries are only
 * added when a traced task forks.
 */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__uint(max_entries, 65536);
	__type(key, __u32);		/* tid */
	__type(value, struct task_state);
} traced_tasks SEC(".maps");
__u64 overflow_tasks;

/* The traced threads' states, by tid; sized by the front end (a power of two). */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, TASK_SLOTS_MAX);
	__type(key, __u32);
	__type(value, struct task_slot);
} task_slots SEC(".maps");
const volatile __u32 task_slot_mask = TASK_SLOTS_MAX - 1;

static __always_inline struct task_slot *slot_of(__u32 tid)
{
	__u32 key = tid & task_slot_mask;

	return bpf_map_lookup_elem(&task_slots, &key);
}

/* The state of tid if it is traced, else NULL. */
static __always_inline struct task_state *task_lookup(__u32 tid)
{
	struct task_slot *slot = slot_of(tid);
	struct task_state *state;

	if (slot && slot->tid == tid && tid)
		return &slot->state;
	if (!overflow_tasks)
		return NULL;
	state = bpf_map_lookup_elem(&traced_tasks, &tid);
	return state && !(state->flags & TASK_SLOTTED) ? state : NULL;
}

/* Start tracing tid with state, or replace its state. */
static __always_inline void task_insert(__u32 tid, const struct task_state *state)
{
	static const struct task_state slotted = { .flags = TASK_SLOTTED };
	struct task_slot *slot = slot_of(tid);

	if (slot && (slot->tid == tid || __sync_val_compare_and_swap(&slot->tid, 0, tid) == 0)) {
		/*
		 * Listed, or not traced at all: the front end finds the calls
		 * left in flight at the end through the list.
		 */
		if (bpf_map_update_elem(&traced_tasks, &tid, &slotted, BPF_ANY)) {
			__sync_val_compare_and_swap(&slot->tid, tid, 0);
			count_lost(LOST_TASK_TABLE_FULL);
			return;
		}
		slot->state = *state;
		return;
	}
	if (!bpf_map_update_elem(&traced_tasks, &tid, state, BPF_NOEXIST))
		__sync_fetch_and_add(&overflow_tasks, 1);
	else if (bpf_map_update_elem(&traced_tasks, &tid, state, BPF_ANY))
		count_lost(LOST_TASK_TABLE_FULL);
}

/* Stop tracing tid. */
static __always_inline void task_forget(__u32 tid)
{
	struct task_slot *slot = slot_of(tid);

	if (slot && slot->tid == tid && tid) {
		__builtin_memset(&slot->state, 0, sizeof(slot->state));
		__sync_val_compare_and_swap(&slot->tid, tid, 0);
		bpf_map_delete_elem(&traced_tasks, &tid);
		return;
	}
	if (!bpf_map_delete_elem(&traced_tasks, &tid))
		__sync_fetch_and_add(&overflow_tasks, -1);
}

/* Arguments read at entry, held until the call's exit (execve's strings). */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__uint(max_entries, 8192);
	__type(key, __u32);		/* tid */
	__type(value, struct capture_buf);
} entry_bufs SEC(".maps");

/*
 * An entry buffer is 48 KiB: creating one (a copy of the template) and
 * deleting it cost each recvfrom, accept4 or sendfile about 1.4 us.  A
 * thread keeps its buffer from one call to the next while at most
 * ENTRY_BUFS_KEPT are held (3 MiB); past that they are deleted at the
 * call's exit.  Threads inside such a call hold one either way.
 */
#define ENTRY_BUFS_KEPT	64
__u64 entry_bufs_live;

static __always_inline void entry_buf_forget(__u32 tid)
{
	if (!bpf_map_delete_elem(&entry_bufs, &tid))
		__sync_fetch_and_add(&entry_bufs_live, -1);
}

/* At the exit of the call it served. */
static __always_inline void entry_buf_release(__u32 tid)
{
	if (entry_bufs_live > ENTRY_BUFS_KEPT)
		entry_buf_forget(tid);
}

/*
 * One scratch record per CPU.  A plain array indexed by CPU rather than a
 * per-CPU array, whose values the kernel caps at 32 KiB; the front end
 * sizes it to the number of possible CPUs.
 */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct capture_buf);
} scratch SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4 << 20);	/* set by the front end */
} events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, SYSCALL_NR_MAX);
	__type(key, __u32);
	__type(value, __u32);
} entry_progs SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, SYSCALL_NR_MAX);
	__type(key, __u32);
	__type(value, __u32);
} exit_progs SEC(".maps");

/*
 * The same for the dispatchers on the selected syscalls' own events: a
 * tail call only reaches a program of its caller's type.
 */
struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, SYSCALL_NR_MAX);
	__type(key, __u32);
	__type(value, __u32);
} event_entry_progs SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, SYSCALL_NR_MAX);
	__type(key, __u32);
	__type(value, __u32);
} event_exit_progs SEC(".maps");

static __always_inline struct rec_call *buf_rec(struct capture_buf *buf)
{
	return (struct rec_call *)buf->raw;
}

static __always_inline __u8 *buf_payload(struct capture_buf *buf)
{
	return buf->raw + sizeof(struct rec_call);
}

static __always_inline struct capture_buf *scratch_buf(void)
{
	__u32 cpu = bpf_get_smp_processor_id();

	return bpf_map_lookup_elem(&scratch, &cpu);
}

static __always_inline bool bit_is_set(const volatile __u64 *bits, long nr)
{
	__u64 n = nr;

	if (n >= SYSCALL_NR_MAX)
		return false;
	return (bits[n / 64] >> (n % 64)) & 1;
}

/* An empty blob slot, { REC_BLOB_NONE, 0, 0 }, as one word. */
static __always_inline __u64 blob_none_word(void)
{
	const union { struct rec_blob blob; __u64 word; } none = { .blob = { .off = REC_BLOB_NONE } };

	return none.word;
}

/* Every call clears a dozen slots: one 8-byte store each, not three. */
static __always_inline void clear_blobs(struct rec_call *rec, int first, int count)
{
	__u64 *slots = (__u64 *)rec->blob;

	for (int i = 0; i < REC_SLOTS; i++)
		if (i >= first && i < first + count)
			slots[i] = blob_none_word();
}

/*
 * Measuring the ring is a helper call: a CPU sending calls does it once
 * every WAKE_CHECK_EVERY of them (at most that many records late, against
 * a mark of a megabyte); other records, which are rare, every time.
 */
#define WAKE_CHECK_EVERY	16

static __always_inline bool reader_needs_wakeup(__u32 *since_query)
{
	if (!reader_asleep)
		return false;
	if (since_query) {
		if (++*since_query < WAKE_CHECK_EVERY)
			return false;
		*since_query = 0;
	}
	return bpf_ringbuf_query(&events, BPF_RB_AVAIL_DATA) >= wakeup_bytes;
}

static __always_inline void submit_wake(void *data, __u64 size, bool wake, __u32 *since_query)
{
	__u64 flags = BPF_RB_NO_WAKEUP;

	if (wake || reader_needs_wakeup(since_query)) {
		flags = BPF_RB_FORCE_WAKEUP;
		reader_asleep = 0;
	}
	if (bpf_ringbuf_output(&events, data, size, flags)) {
		count_lost(LOST_RING_FULL);
		__sync_fetch_and_add(&lost_unreported, 1);
	}
}

static __always_inline void submit(void *data, __u64 size)
{
	submit_wake(data, size, false, NULL);
}

/* Mark the gap left by lost records where it is, before the next record. */
static __always_inline void report_loss(void)
{
	struct rec_lost marker = { .hdr = { .type = REC_LOST, .size = sizeof(marker) } };
	__u64 count = lost_unreported;

	if (!count)
		return;
	marker.count = count;
	if (!bpf_ringbuf_output(&events, &marker, sizeof(marker), BPF_RB_NO_WAKEUP))
		__sync_fetch_and_sub(&lost_unreported, count);
}

#include "stack.bpf.h"

/*
 * The slots that hold a capture, bit i for slot i (others are as
 * clear_blobs left them).  A mask rather than a test per range: shorten's
 * range depends on the syscall, and a loop with a variable bound cost the
 * verifier a quarter more instructions in every capture program.  Without
 * branches, or the verifier walks every combination of slots (with -k's
 * stack code after it, past its million instructions).
 */
static __always_inline __u32 slots_used(const struct rec_call *rec)
{
	const __u64 *slots = (const __u64 *)rec->blob;
	__u32 used = 0;

	for (int i = 0; i < REC_SLOTS; i++) {
		__u64 differs = slots[i] ^ blob_none_word();

		/* The top bit of x | -x is set exactly when x is not 0. */
		used |= (__u32)((differs | -differs) >> 63) << i;
	}
	return used;
}

/*
 * Into CALL_SHORT's layout: the exit slots of the nargs arguments after
 * those arguments, the payload after them.  Word by word and forwards,
 * which is safe as each part moves down.  All REC_ARGS slots move: those
 * past nargs are clear, and the payload then writes over them.
 */
_Static_assert(REC_SHORT_HEAD % 8 == 0, "CALL_SHORT moves whole words");
_Static_assert(sizeof(struct rec_blob) == 8, "CALL_SHORT moves a slot as a word");
static __always_inline __u64 shorten(struct capture_buf *buf, __u32 nargs)
{
	/* volatile: clang would make the moves memmove, which BPF lacks. */
	volatile __u64 *blobs_to = (__u64 *)(buf->raw + REC_SHORT_HEAD) + nargs;
	__u64 *blobs_from = (__u64 *)buf_rec(buf)->blob;
	volatile __u64 *payload_to = blobs_to + nargs;
	__u64 *payload_from = (__u64 *)buf_payload(buf);
	__u32 words = (buf->used + 7) / 8;

	for (int i = 0; i < REC_ARGS; i++)
		blobs_to[i] = blobs_from[i];
	for (int i = 0; i < REC_SHORT_PAYLOAD_MAX / 8; i++) {
		if (i >= words)
			break;
		payload_to[i] = payload_from[i];
	}
	buf_rec(buf)->flags |= CALL_SHORT | (nargs << CALL_SHORT_ARGS_SHIFT);
	return REC_SHORT_PAYLOAD_AT(nargs) + buf->used;
}

/* The bytes of rec to send: see CALL_COMPACT and CALL_SHORT. */
static __always_inline __u64 record_size(struct capture_buf *buf)
{
	struct rec_call *rec = buf_rec(buf);
	__u64 size = sizeof(*rec) + buf->used;
	__u32 nargs = compact_args[rec->nr & (SYSCALL_NR_MAX - 1)] & 7;
	__u32 used;

	if (rec->flags & CALL_STACK)
		return size > sizeof(buf->raw) ? sizeof(buf->raw) : size;
	if (nargs > REC_ARGS)
		nargs = REC_ARGS;
	used = slots_used(rec);
	if (!buf->used && !used) {
		rec->flags |= CALL_COMPACT;
		if (send_comm)
			return offsetof(struct rec_call, blob);
		return offsetof(struct rec_call, args) + sizeof(rec->args[0]) * nargs;
	}
	/* Nothing read at entry, nor for an argument past nargs: those slots are clear. */
	if (!send_comm && buf->used <= REC_SHORT_PAYLOAD_MAX && !(used >> nargs))
		return shorten(buf, nargs);
	return size > sizeof(buf->raw) ? sizeof(buf->raw) : size;
}

static __always_inline int submit_call(struct capture_buf *buf)
{
	struct rec_call *rec = buf_rec(buf);
	__u64 size;

	/* Last, once the call is known to be printed: it is the costly part. */
	if (stack_size)
		stack_append(buf);
	size = record_size(buf);
	rec->hdr.type = REC_CALL;
	rec->hdr.size = size;
	report_loss();
	/* The front end must read the process's new maps while it lives. */
	submit_wake(rec, size, stack_size && stack_maps_changed(rec), &buf->since_query);
	return 0;
}

/*
 * Copy len bytes of user memory into the payload.  bpf_probe_read_user
 * fails as a whole when a page of the range is not resident (common at the
 * top of the stack), so on failure keep what the first page gives.
 */
static __always_inline void put_bytes(struct capture_buf *dst, struct rec_blob *blob,
				      const void *uptr, __u64 len, __u32 limit)
{
	__u32 off = dst->used;
	__u32 n = len;
	long err;

	if (len > limit) {
		n = limit;
		blob->flags = REC_BLOB_TRUNCATED;
	}
	if (off >= REC_PAYLOAD_MAX) {
		blob->len = -ENOSPC;
		return;
	}
	if (n > REC_PAYLOAD_MAX - off) {
		n = REC_PAYLOAD_MAX - off;
		blob->flags = REC_BLOB_TRUNCATED;
	}
	if (n > REC_BLOB_MAX)
		n = REC_BLOB_MAX;
	barrier_var(n);
	err = bpf_probe_read_user(buf_payload(dst) + off, n, uptr);
	if (err) {
		__u32 first = PAGE_SIZE - ((unsigned long)uptr & (PAGE_SIZE - 1));

		if (first >= n || bpf_probe_read_user(buf_payload(dst) + off, first, uptr)) {
			blob->len = err;
			return;
		}
		n = first;
		blob->flags = REC_BLOB_TRUNCATED;
	}
	blob->off = off;
	blob->len = n;
	dst->used = off + n;
}

/* A NUL-terminated string: limit characters, and one more to tell it went on. */
static __always_inline void put_str(struct capture_buf *dst, struct rec_blob *blob,
				    const void *uptr, __u32 limit)
{
	__u32 off = dst->used;
	__u32 size = limit + 2;
	long n;

	if (off >= REC_PAYLOAD_MAX) {
		blob->len = -ENOSPC;
		return;
	}
	if (size > REC_BLOB_MAX)
		size = REC_BLOB_MAX;
	n = bpf_probe_read_user_str(buf_payload(dst) + off, size, uptr);
	if (n <= 0) {
		blob->len = n ? n : -EFAULT;
		return;
	}
	n--;			/* the NUL */
	if (n > limit) {
		n = limit;
		blob->flags = REC_BLOB_TRUNCATED;
	}
	blob->off = off;
	blob->len = n;
	dst->used = off + n;
}

struct count_ctx {
	const __u64 *array;
	__u32 count;
	bool ended;
};

static long count_one(__u32 index, void *data)
{
	struct count_ctx *c = data;
	__u64 ptr;

	if (bpf_probe_read_user(&ptr, sizeof(ptr), c->array + index) || !ptr) {
		c->ended = true;
		return 1;
	}
	c->count++;
	return 0;
}

struct argv_ctx {
	struct capture_buf *dst;
	const __u64 *array;
	__u32 shown;
	__u32 flags;
};

/* One string of an argv-like array (a bpf_loop callback). */
static long put_one_argv(__u32 i, void *data)
{
	struct argv_ctx *c = data;
	struct rec_argv_elem elem = {};
	__u32 pos = c->dst->used;
	__u64 ptr;
	long n;

	/* -v shows whole arrays, as strace does without abbreviation. */
	if (!show_environment && i >= max_strlen)
		return 1;
	if (bpf_probe_read_user(&ptr, sizeof(ptr), c->array + i)) {
		c->flags |= REC_ARGV_UNREADABLE;
		return 1;
	}
	if (!ptr || pos >= REC_PAYLOAD_MAX - sizeof(elem))
		return 1;
	n = bpf_probe_read_user_str(buf_payload(c->dst) + pos + sizeof(elem),
				    (max_strlen + 2) & (REC_BLOB_MAX - 1), (const void *)ptr);
	if (n > 0) {
		n--;
		if (n > max_strlen) {
			n = max_strlen;
			elem.flags = REC_BLOB_TRUNCATED;
		}
		elem.len = n;
	} else {
		elem.len = n ? n : -EFAULT;
		n = 0;
	}
	__builtin_memcpy(buf_payload(c->dst) + pos, &elem, sizeof(elem));
	c->dst->used = pos + sizeof(elem) + (n & (REC_BLOB_MAX - 1));
	c->shown++;
	return 0;
}

/*
 * An argv-like array: its element count and, when show, its first
 * max_strlen strings (strace abbreviates arrays at -s elements too).
 * A bpf_loop: verifying the unrolled loop's 64 copies cost 17K
 * instructions.  A global function, verified once (see put_iov).
 */
__noinline int put_argv(struct capture_buf *dst, struct rec_blob *blob, __u64 array, bool show)
{
	struct rec_argv_head head = {};
	struct count_ctx counter = { .array = (const __u64 *)array };
	struct argv_ctx c = { .dst = dst, .array = (const __u64 *)array };
	__u32 off;

	if (!dst || !blob)
		return 0;
	off = dst->used;
	if (off >= REC_PAYLOAD_MAX - sizeof(head)) {
		blob->len = -ENOSPC;
		return 0;
	}
	dst->used = off + sizeof(head);
	if (show)
		bpf_loop(REC_ARGV_MAX, put_one_argv, &c, 0);
	head.shown = c.shown;
	head.flags = c.flags;
	counter.count = 0;
	bpf_loop(REC_ARGV_COUNT_MAX, count_one, &counter, 0);
	head.count = counter.count;
	if (!counter.ended)
		head.flags |= REC_ARGV_COUNT_TRUNCATED;
	if (off >= REC_PAYLOAD_MAX - sizeof(head))
		return 0;
	__builtin_memcpy(buf_payload(dst) + off, &head, sizeof(head));
	blob->off = off;
	blob->len = dst->used - off;
	return 0;
}

struct iov_ctx {
	struct capture_buf *dst;
	const struct iovec *iov;
	__u64 count;
	__u32 shown;
};

/* One iovec and up to -s bytes of its buffer (a bpf_loop callback). */
static long put_one_iov(__u32 i, void *data)
{
	struct iov_ctx *c = data;
	struct rec_iov_elem elem = {};
	struct iovec one;
	__u32 pos = c->dst->used;
	__s64 left = c->dst->iov_left;
	__u64 want;
	long err;

	if (i >= c->count || pos >= REC_PAYLOAD_MAX - sizeof(elem))
		return 1;
	if (bpf_probe_read_user(&one, sizeof(one), c->iov + i))
		return 1;
	elem.base = (__u64)one.iov_base;
	elem.len = one.iov_len;
	want = one.iov_len;
	if (left >= 0 && want > (__u64)left)
		want = left;
	if (want > max_strlen)
		want = max_strlen;
	if (want > REC_BLOB_MAX - 1)
		want = REC_BLOB_MAX - 1;
	barrier_var(want);
	err = bpf_probe_read_user(buf_payload(c->dst) + pos + sizeof(elem),
				  want & (REC_BLOB_MAX - 1), one.iov_base);
	elem.captured = err ? err : (__s32)want;
	__builtin_memcpy(buf_payload(c->dst) + pos, &elem, sizeof(elem));
	c->dst->used = pos + sizeof(elem) + (err ? 0 : want);
	if (left >= 0)
		c->dst->iov_left = left - (one.iov_len < (__u64)left ? one.iov_len : left);
	c->shown++;
	return 0;
}

/*
 * An iovec array: the iovecs, then up to -s bytes of each buffer, and no
 * more than total bytes in all (readv's return value).  A bpf_loop, not an
 * unrolled loop: verifying 64 unrolled copies took 130 ms at start-up.  A
 * global function, verified once: inlined, its loop was verified again for
 * each caller and each state the caller reached it in.
 */
__noinline int put_iov(struct capture_buf *dst, struct rec_blob *blob, __u64 iov, __u64 count,
		       __s64 total)
{
	struct rec_iov_head head = {};
	struct iov_ctx c = { .dst = dst, .iov = (const struct iovec *)iov, .count = count };
	__u32 off;

	if (!dst || !blob)
		return 0;
	off = dst->used;
	if (off >= REC_PAYLOAD_MAX - sizeof(head)) {
		blob->len = -ENOSPC;
		return 0;
	}
	dst->used = off + sizeof(head);
	dst->iov_left = total;
	bpf_loop(REC_IOV_MAX, put_one_iov, &c, 0);
	head.count = c.shown;
	if (off >= REC_PAYLOAD_MAX - sizeof(head))
		return 0;
	__builtin_memcpy(buf_payload(dst) + off, &head, sizeof(head));
	blob->off = off;
	blob->len = dst->used - off;
	return 0;
}

/*
 * The inode of the current task's fd (for -y: pipe:[N], socket:[N]), or 0.
 * The fd was installed by the call that returned it, so the table holds it.
 */
static __always_inline __u64 fd_inode(long fd)
{
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	struct fdtable *fdt = BPF_CORE_READ(task, files, fdt);
	struct file **fds = BPF_CORE_READ(fdt, fd);
	struct file *file = NULL;

	if (fd < 0 || fd >= BPF_CORE_READ(fdt, max_fds))
		return 0;
	if (bpf_probe_read_kernel(&file, sizeof(file), fds + fd) || !file)
		return 0;
	return BPF_CORE_READ(file, f_inode, i_ino);
}

/* A call returning an fd: remember what it refers to. */
static __always_inline void capture_ret_inode(struct capture_buf *src)
{
	struct rec_call *rec = buf_rec(src);

	if (rec->ret >= 0)
		rec->ret_ino = fd_inode(rec->ret);
}

/* pipe, socketpair: the two fds the kernel wrote, and their inodes. */
static __always_inline void put_fdpair(struct capture_buf *dst, struct rec_blob *blob,
				       const void *uptr)
{
	struct rec_fdpair pair = {};
	__u32 off = dst->used;
	long err;

	if (off >= REC_PAYLOAD_MAX - sizeof(pair)) {
		blob->len = -ENOSPC;
		return;
	}
	err = bpf_probe_read_user(pair.fd, sizeof(pair.fd), uptr);
	if (err) {
		blob->len = err;
		return;
	}
	pair.ino[0] = fd_inode(pair.fd[0]);
	pair.ino[1] = fd_inode(pair.fd[1]);
	__builtin_memcpy(buf_payload(dst) + off, &pair, sizeof(pair));
	blob->off = off;
	blob->len = sizeof(pair);
	dst->used = off + sizeof(pair);
}

/*
 * sendmsg, recvmsg: the struct msghdr, the address it names, and its
 * iovecs with their bytes (no more than total in all, when total >= 0).
 * A global function, verified once: sendmsg's, recvmsg's and each of
 * sendmmsg's messages share it (inlined in the mmsghdr loop, it cost 24K
 * more instructions to verify).
 */
__noinline int put_msghdr(struct capture_buf *dst, struct rec_blob *blob, __u64 uptr,
			  __s64 total)
{
	struct rec_msghdr_head head = {};
	struct rec_blob iov_blob = { .off = REC_BLOB_NONE };
	struct user_msghdr m;
	__u32 off, pos, n;
	long err;

	if (!dst || !blob)
		return 0;
	off = dst->used;
	if (off >= REC_PAYLOAD_MAX - sizeof(head) - REC_SOCKADDR_MAX) {
		blob->len = -ENOSPC;
		return 0;
	}
	err = bpf_probe_read_user(&m, sizeof(m), (const void *)uptr);
	if (err) {
		blob->len = err;
		return 0;
	}
	head.name = (__u64)m.msg_name;
	head.namelen = m.msg_namelen;
	head.iov = (__u64)m.msg_iov;
	head.iovlen = m.msg_iovlen;
	head.control = (__u64)m.msg_control;
	head.controllen = m.msg_controllen;
	head.flags = m.msg_flags;
	pos = off + sizeof(head);
	n = m.msg_namelen;
	if (n > REC_SOCKADDR_MAX)
		n = REC_SOCKADDR_MAX;
	barrier_var(n);
	if (m.msg_name && n) {
		err = bpf_probe_read_user(buf_payload(dst) + pos, n & (2 * REC_SOCKADDR_MAX - 1),
					  m.msg_name);
		head.name_captured = err ? err : n;
		if (!err)
			pos += n;
	}
	dst->used = pos;
	if (m.msg_iov)
		put_iov(dst, &iov_blob, (__u64)m.msg_iov, m.msg_iovlen, total);
	head.iov_captured = iov_blob.off == REC_BLOB_NONE && iov_blob.len >= 0 ? -EFAULT : iov_blob.len;
	if (off >= REC_PAYLOAD_MAX - sizeof(head))
		return 0;
	__builtin_memcpy(buf_payload(dst) + off, &head, sizeof(head));
	blob->off = off;
	blob->len = dst->used - off;
	return 0;
}

/*
 * clone3: struct clone_args, then the parent tid and pidfd the kernel
 * wrote where it points (strace's "=> {parent_tid=[N]}").
 */
static __always_inline void put_clone3(struct capture_buf *dst, struct rec_blob *blob,
				       const void *uptr)
{
	struct rec_clone3_tail tail = { -EFAULT, -EFAULT };
	__u64 args[REC_CLONE_ARGS_SIZE / 8];
	__u32 off = dst->used;
	long err;

	if (off >= REC_PAYLOAD_MAX - sizeof(args) - sizeof(tail)) {
		blob->len = -ENOSPC;
		return;
	}
	err = bpf_probe_read_user(args, sizeof(args), uptr);
	if (err) {
		blob->len = err;
		return;
	}
	/* args[3] is parent_tid, args[1] pidfd. */
	if (!args[3] || bpf_probe_read_user(&tail.parent_tid, sizeof(tail.parent_tid),
					    (const void *)args[3]))
		tail.parent_tid = -EFAULT;
	if (!args[1] || bpf_probe_read_user(&tail.pidfd, sizeof(tail.pidfd), (const void *)args[1]))
		tail.pidfd = -EFAULT;
	__builtin_memcpy(buf_payload(dst) + off, args, sizeof(args));
	__builtin_memcpy(buf_payload(dst) + off + sizeof(args), &tail, sizeof(tail));
	blob->off = off;
	blob->len = sizeof(args) + sizeof(tail);
	dst->used = off + sizeof(args) + sizeof(tail);
}

struct mmsg_ctx {
	struct capture_buf *dst;
	const struct mmsghdr *msgs;
	__u32 count;
	__u32 shown;
	bool received;		/* recvmmsg: each message's data is its msg_len */
};

/* One struct mmsghdr: its msg_len, then its msghdr (a bpf_loop callback). */
static long put_one_mmsg(__u32 i, void *data)
{
	struct mmsg_ctx *c = data;
	struct rec_mmsg_elem elem = {};
	struct rec_blob blob = { .off = REC_BLOB_NONE };
	const struct mmsghdr *m = c->msgs + i;
	__u32 pos = c->dst->used;

	if (i >= c->count || pos >= REC_PAYLOAD_MAX - sizeof(elem))
		return 1;
	if (bpf_probe_read_user(&elem.msg_len, sizeof(elem.msg_len), &m->msg_len))
		return 1;
	c->dst->used = pos + sizeof(elem);
	put_msghdr(c->dst, &blob, (__u64)&m->msg_hdr, c->received ? elem.msg_len : -1);
	elem.len = blob.off == REC_BLOB_NONE ? (blob.len < 0 ? blob.len : -EFAULT) : blob.len;
	if (pos < REC_PAYLOAD_MAX - sizeof(elem))
		__builtin_memcpy(buf_payload(c->dst) + pos, &elem, sizeof(elem));
	c->shown++;
	return 0;
}

/*
 * sendmmsg, recvmmsg: the messages the call moved (its return value).  A
 * global function, verified once (see put_iov).
 */
__noinline int put_mmsghdr(struct capture_buf *dst, struct rec_blob *blob, __u64 uptr, __s64 ret,
			   bool received)
{
	struct rec_mmsg_head head = {};
	struct mmsg_ctx c = { .dst = dst, .msgs = (const struct mmsghdr *)uptr, .received = received };
	__u32 off;

	if (!dst || !blob)
		return 0;
	off = dst->used;
	if (ret <= 0 || off >= REC_PAYLOAD_MAX - sizeof(head)) {
		blob->len = ret <= 0 ? 0 : -ENOSPC;
		return 0;
	}
	c.count = ret > REC_MMSG_MAX ? REC_MMSG_MAX : ret;
	dst->used = off + sizeof(head);
	bpf_loop(REC_MMSG_MAX, put_one_mmsg, &c, 0);
	head.count = c.shown;
	head.flags = ret > REC_MMSG_MAX;
	if (off >= REC_PAYLOAD_MAX - sizeof(head))
		return 0;
	__builtin_memcpy(buf_payload(dst) + off, &head, sizeof(head));
	blob->off = off;
	blob->len = dst->used - off;
	return 0;
}

/*
 * rt_sigreturn takes no argument: the mask it restores is in the signal
 * frame on the user stack, which starts at the stack pointer on entry
 * (the handler's return popped the frame's return address).  x86_64: the
 * ucontext's uc_sigmask is 296 bytes in (flags, link, stack_t, sigcontext).
 */
static __always_inline void put_sigframe_mask(struct capture_buf *dst, struct rec_blob *blob)
{
#if defined(__TARGET_ARCH_x86)
	__u64 sp = PT_REGS_SP_CORE(current_user_regs());

	put_bytes(dst, blob, (const void *)(sp + 296), 8, 8);
#else
	blob->len = -EFAULT;
#endif
}

/*
 * Read argument arg of the call in src into slot of dst, as op says.  The
 * generated programs call it with constants, so each keeps only its case.
 */
/* The plain ops (CAP_PLAIN_OPS) but CAP_RET_INODE: bytes or a string at uptr. */
static __always_inline void capture_plain(struct capture_buf *dst, struct rec_blob *blob,
					  const struct rec_call *rec, const void *uptr, int op,
					  int size_arg, __u32 elem, __u32 limit)
{
	__u64 len = 0;
	__s32 deref;

	switch (op) {
	case CAP_STR:
		put_str(dst, blob, uptr, limit);
		return;
	case CAP_BYTES_ARG:
		len = rec->args[size_arg];
		break;
	case CAP_BYTES_ARG_MUL:
		len = rec->args[size_arg] * elem;
		break;
	case CAP_BYTES_RET:
		len = rec->ret;
		break;
	case CAP_BYTES_RET_MUL:
		len = rec->ret * elem;
		break;
	case CAP_FIXED:
		len = limit;
		break;
	case CAP_MSGBUF:
		/* mtype, then the text; -s applies to the text. */
		len = rec->args[size_arg] + sizeof(long);
		limit += sizeof(long);
		break;
	case CAP_BYTES_DEREF:
		if (bpf_probe_read_user(&deref, sizeof(deref), (const void *)rec->args[size_arg]))
			return;
		len = deref < 0 ? 0 : deref;
		break;
	default:
		return;
	}
	put_bytes(dst, blob, uptr, len, limit);
}

/* Start a slot empty; false if the capture is not to be made at all. */
static __always_inline bool capture_wanted(struct rec_blob *blob, const struct rec_call *rec,
					   const void *uptr, int on_success)
{
	blob->off = REC_BLOB_NONE;
	blob->flags = 0;
	blob->len = 0;
	return !(on_success && rec->ret < 0) && uptr;
}

/*
 * The ops that follow pointers.  ops is a constant: a family's step
 * function compiles only its family's cases (CAP_MSG_OPS and the like).
 * Their limit is always -s (syscalls/gen checks), which the helpers read
 * as the constant it is to the verifier: an unknown limit made it walk
 * every loop's bound and took verifying the msg family from 8K to 49K
 * instructions.
 */
static __always_inline bool capture_followed(struct capture_buf *dst, struct rec_blob *blob,
					     const struct rec_call *rec, const void *uptr, int op,
					     int size_arg, unsigned int ops)
{
	__s64 ret = rec->ret;

#define HAS(o)	((ops & (1u << (o))) && op == (o))
	/* One call site per helper: each inlined copy costs its own verifying. */
	if (HAS(CAP_ARGV) || HAS(CAP_ARGV_COUNT)) {
		put_argv(dst, blob, (__u64)uptr, op == CAP_ARGV || show_environment);
		return true;
	}
	if (HAS(CAP_IOV) || HAS(CAP_IOV_RET)) {
		put_iov(dst, blob, (__u64)uptr, rec->args[size_arg], op == CAP_IOV_RET ? ret : -1);
		return true;
	}
	if (HAS(CAP_MSGHDR) || HAS(CAP_MSGHDR_RET)) {
		put_msghdr(dst, blob, (__u64)uptr, op == CAP_MSGHDR ? -1 : ret < 0 ? 0 : ret);
		return true;
	}
	if (HAS(CAP_MMSGHDR) || HAS(CAP_MMSGHDR_RECV)) {
		put_mmsghdr(dst, blob, (__u64)uptr, ret, op == CAP_MMSGHDR_RECV);
		return true;
	}
	if (HAS(CAP_FDPAIR)) {
		put_fdpair(dst, blob, uptr);
		return true;
	}
	if (HAS(CAP_CLONE3)) {
		put_clone3(dst, blob, uptr);
		return true;
	}
#undef HAS
	return false;
}

/* One capture of a program of its own: op and the rest are constants there. */
static __always_inline void capture_arg(struct capture_buf *dst,
					struct capture_buf *src, int slot, int op,
					int size_arg, __u32 elem, __u32 limit, int on_success)
{
	struct rec_call *rec = buf_rec(src);
	struct rec_blob *blob = &buf_rec(dst)->blob[slot];
	const void *uptr = (const void *)rec->args[slot % REC_ARGS];

	if (op == CAP_SIGFRAME_MASK) {
		put_sigframe_mask(dst, blob);
		return;
	}
	if (!capture_wanted(blob, rec, uptr, on_success))
		return;
	if (!capture_followed(dst, blob, rec, uptr, op, size_arg, ~0u))
		capture_plain(dst, blob, rec, uptr, op, size_arg, elem, limit);
}

union packed_step {
	struct capture_step step;
	__u64 bits;
};

/* One capture of a table row, of the family whose ops are ops. */
static __always_inline int run_step(struct capture_buf *dst, struct capture_buf *src,
					__u64 bits, unsigned int ops)
{
	union packed_step packed = { .bits = bits };
	const struct capture_step *step = &packed.step;
	struct rec_call *rec;
	struct rec_blob *blob;
	__u32 slot, arg, size_arg, limit;
	const void *uptr;

	if (!dst || !src)
		return 0;
	rec = buf_rec(src);
	if (step->op == CAP_RET_INODE) {
		capture_ret_inode(src);
		return 0;
	}
	slot = step->slot;
	arg = slot < REC_ARGS ? slot : slot - REC_ARGS;
	size_arg = step->size_arg;
	if (slot >= REC_SLOTS || arg >= REC_ARGS || size_arg >= REC_ARGS)
		return 0;
	blob = &buf_rec(dst)->blob[slot];
	uptr = (const void *)rec->args[arg];
	if (!capture_wanted(blob, rec, uptr, step->on_success))
		return 0;
	limit = step->limit == STEP_LIMIT_STRLEN ? max_strlen : step->limit;
	if (!capture_followed(dst, blob, rec, uptr, step->op, size_arg, ops))
		capture_plain(dst, blob, rec, uptr, step->op, size_arg, step->elem, limit);
	return 0;
}

/*
 * The per-thread buffer for arguments read at entry.  It is created on
 * first use and deleted at the call's exit, so only threads inside such a
 * call hold one.
 */
static __always_inline struct capture_buf *entry_buf(void)
{
	__u32 tid = (__u32)bpf_get_current_pid_tgid();
	struct capture_buf *buf = bpf_map_lookup_elem(&entry_bufs, &tid);
	struct capture_buf *template;

	if (!buf) {
		template = scratch_buf();
		if (!template)
			return NULL;
		if (!bpf_map_update_elem(&entry_bufs, &tid, template, BPF_NOEXIST))
			__sync_fetch_and_add(&entry_bufs_live, 1);
		buf = bpf_map_lookup_elem(&entry_bufs, &tid);
		if (!buf) {
			/* The call is still shown, with addresses for these arguments. */
			count_lost(LOST_ENTRY_BUFS_FULL);
			return NULL;
		}
	}
	buf->used = 0;
	clear_blobs(buf_rec(buf), REC_ARGS, REC_ARGS);
	return buf;
}

/*
 * Every capture program comes in two flavours with one body, name_run: a
 * raw_tp one (cap_name), tail-called by the dispatchers on the raw syscall
 * tracepoints, and a tracepoint one (tp_name), by those on the syscalls'
 * own events.  The front end loads the flavour it attaches.
 */
#define CAPTURE_PROGRAM(name)								\
SEC("raw_tp")										\
int cap_##name(void *ctx)								\
{											\
	return name##_run();								\
}											\
SEC("tracepoint")									\
int tp_##name(void *ctx)								\
{											\
	return name##_run();								\
}

#include "capture.gen.h"

/*
 * Each family (CAPTURE_FAMILIES): its step function, and a program per side
 * that runs the row of the syscall being captured.  The step function is
 * global, so the verifier checks it once whatever the rows say, instead of
 * once per row.  The step comes by value: the verifier takes a pointer
 * argument for one it may write through, and the table is read-only.
 */
#define FAMILY_PROGRAMS(family, ops, exit)						\
__noinline int capture_step_##family(struct capture_buf *dst, struct capture_buf *src,	\
				     __u64 bits)					\
{											\
	return run_step(dst, src, bits, ops);						\
}											\
											\
static __always_inline void capture_row_##family(					\
	const struct capture_step (*rows)[CAPTURE_STEPS_MAX],				\
	struct capture_buf *dst, struct capture_buf *src)				\
{											\
	__u32 nr = buf_rec(src)->nr & (SYSCALL_NR_MAX - 1);				\
											\
	for (int i = 0; i < CAPTURE_STEPS_MAX; i++) {					\
		union packed_step packed = { .step = rows[nr][i] };			\
											\
		if (packed.step.op == CAP_NONE)						\
			break;								\
		capture_step_##family(dst, src, packed.bits);				\
	}										\
}											\
											\
static __always_inline int entry_##family##_run(void)					\
{											\
	struct capture_buf *dst = entry_buf();						\
	struct capture_buf *src = scratch_buf();					\
											\
	if (dst && src)									\
		capture_row_##family(entry_steps, dst, src);				\
	return 0;									\
}											\
CAPTURE_PROGRAM(entry_##family)								\
											\
FAMILY_EXIT_##exit(family)

/*
 * An INLINE family's exit rows run in on_sys_exit (one family at most: a
 * second would define this twice); a TAIL_CALL one's in its own program.
 */
#define FAMILY_EXIT_INLINE(family)							\
static __always_inline void capture_exit_row_inline(struct capture_buf *buf)		\
{											\
	capture_row_##family(exit_steps, buf, buf);					\
}
#define FAMILY_EXIT_TAIL_CALL(family)							\
static __always_inline int exit_##family##_run(void)					\
{											\
	struct capture_buf *src = scratch_buf();					\
											\
	if (!src)									\
		return 0;								\
	capture_row_##family(exit_steps, src, src);					\
	return submit_call(src);							\
}											\
CAPTURE_PROGRAM(exit_##family)

/* A family no syscall uses on a side leaves that program unloaded. */
CAPTURE_FAMILIES(FAMILY_PROGRAMS)

_Static_assert(SYSCALL_ARGS == REC_ARGS, "a record holds every argument fill_args reads");

/* Start a record in the per-CPU scratch buffer. */
static __always_inline struct capture_buf *begin_record(__u64 pid_tgid, const struct inflight *in)
{
	struct capture_buf *buf = scratch_buf();
	struct rec_call *rec;

	if (!buf)
		return NULL;
	rec = buf_rec(buf);
	buf->used = 0;
	rec->tid = (__u32)pid_tgid;
	rec->tgid = pid_tgid >> 32;
	rec->nr = in->nr;
	rec->flags = 0;
	rec->enter_ns = in->enter_ns;
	rec->exit_ns = 0;
	rec->ret = 0;
	rec->ret_ino = 0;
	__builtin_memcpy(rec->args, in->args, sizeof(rec->args));
	/* strace's lines never show it: a helper call per record saved. */
	if (send_comm)
		bpf_get_current_comm(rec->comm, sizeof(rec->comm));
	else
		__builtin_memset(rec->comm, 0, sizeof(rec->comm));
	clear_blobs(rec, 0, REC_SLOTS);
	return buf;
}

/* --comm NAME: the current task's command name is NAME. */
static __always_inline bool comm_matches(void)
{
	char comm[16];

	if (bpf_get_current_comm(comm, sizeof(comm)))
		return false;
	for (int i = 0; i < 16; i++) {
		if (comm[i] != comm_filter[i])
			return false;
		if (!comm[i])
			break;
	}
	return true;
}

/*
 * A thread not yet traced that --cgroup or --comm selects starts being
 * traced at its first syscall, so processes that start later are caught.
 */
static __always_inline struct task_state *task_adopted(__u32 tid)
{
	struct task_state fresh = { .flags = TASK_TRACED };

	if (!cgroup_filter && !comm_filter_on)
		return NULL;
	if (cgroup_filter && bpf_get_current_cgroup_id() != cgroup_filter)
		return NULL;
	if (comm_filter_on && !comm_matches())
		return NULL;
	task_insert(tid, &fresh);
	return task_lookup(tid);
}

/*
 * The state of this thread if it is traced and nr is to be traced in it;
 * a launched command is traced from its execve on, as with strace.
 */
static __always_inline struct task_state *traced_task(__u32 tid, long nr)
{
	struct task_state *task = task_lookup(tid);

	if (!task)
		task = task_adopted(tid);
	if (!task)
		return NULL;
	if (task->flags & TASK_WAIT_EXEC) {
		if (nr != SYS_execve && nr != SYS_execveat)
			return NULL;
		task->flags &= ~TASK_WAIT_EXEC;
	}
	if (!bit_is_set(selected_syscalls, nr))
		return NULL;
	return task;
}

/*
 * A syscall's entry, on either flavour's tracepoint; the entry capture
 * programs are in progs.  The raw sys_enter tracepoint runs it for every
 * syscall; a syscall's own event only for that one, so syscalls that are
 * not selected cost nothing when few are.
 */
static __always_inline int sys_enter(void *ctx, long nr, struct pt_regs *regs, void *progs)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	struct task_state *task = traced_task((__u32)pid_tgid, nr);
	struct inflight *in;
	struct capture_buf *buf;

	if (!task)
		return 0;
	in = &task->call;
	in->nr = nr;
	in->flags = 0;
	/* -c sends no records: the arguments are never looked at. */
	if (summary_mode == SUMMARY_ONLY) {
		task->flags |= TASK_IN_CALL;
		if (!summary_call_timed(task, nr))
			return 0;
		in->flags = INFLIGHT_TIMED;
	}
	in->enter_ns = event_stamp();
	in->cpu_mark = summary_entry_mark(in->enter_ns);
	if (summary_mode == SUMMARY_ONLY)
		return 0;
	fill_args(in->args, regs ? regs : current_user_regs());

	/*
	 * These never return: their line is complete now.  They have no
	 * duration, so --min-duration never shows them.
	 */
	if (nr == SYS_exit || nr == SYS_exit_group) {
		if (min_duration_ns || !(status_filter & FILTER_UNFINISHED))
			return 0;
		buf = begin_record(pid_tgid, in);
		if (!buf)
			return 0;
		buf_rec(buf)->flags = CALL_NO_RETURN;
		buf_rec(buf)->exit_ns = in->enter_ns;
		return submit_call(buf);
	}
	task->flags |= TASK_IN_CALL;
	if (bit_is_set(entry_capture, nr)) {
		in->flags |= INFLIGHT_ENTRY_CAPTURED;
		if (!begin_record(pid_tgid, in))
			return 0;
		bpf_tail_call(ctx, progs, nr);
	}
	return 0;
}

SEC("raw_tp/sys_enter")
int on_sys_enter(struct bpf_raw_tracepoint_args *ctx)
{
	return sys_enter(ctx, ctx->args[1], (struct pt_regs *)ctx->args[0], &entry_progs);
}

/*
 * What the kernel passes a program on a syscall's own events, as their
 * format files lay it out; the first word (a pointer to pt_regs the kernel
 * makes up for perf) is not the syscall's registers.
 */
struct syscall_event_enter {
	__u64 common;
	__s32 nr;
	__u64 args[SYSCALL_ARGS];
};

struct syscall_event_exit {
	__u64 common;
	__s32 nr;
	__s64 ret;
};

SEC("tracepoint")
int tp_sys_enter(struct syscall_event_enter *ctx)
{
	/* Unsigned: a valid nr, checked as 64 bits (an int's check is 32). */
	return sys_enter(ctx, (__u32)ctx->nr, NULL, &event_entry_progs);
}

/* Move what was read at entry into the record being built. */
static __always_inline void merge_entry(struct capture_buf *buf, __u32 tid)
{
	struct capture_buf *entry = bpf_map_lookup_elem(&entry_bufs, &tid);
	struct rec_call *rec = buf_rec(buf);
	__u32 used;

	if (!entry)
		return;
	used = entry->used;
	if (used > REC_PAYLOAD_MAX)
		used = REC_PAYLOAD_MAX;
	barrier_var(used);
	if (!bpf_probe_read_kernel(buf_payload(buf), used, buf_payload(entry))) {
		__builtin_memcpy(&rec->blob[REC_ARGS], &buf_rec(entry)->blob[REC_ARGS],
				 REC_ARGS * sizeof(struct rec_blob));
		buf->used = used;
	}
	entry_buf_release(tid);
}

/* -z, -Z, -e status=: a call is sent only if its outcome is selected. */
static __always_inline bool call_status_selected(long ret)
{
	/* Errors are -4095..-1, as the kernel's IS_ERR_VALUE. */
	bool failed = ret < 0 && ret >= -4095;

	return status_filter & (failed ? FILTER_FAILED : FILTER_SUCCESSFUL);
}

/*
 * The call a thread was inside when bstrace attached ends here if this is
 * its exit: the thread may have left it and entered another before its
 * state was written.  A selected syscall's only.
 */
static __always_inline bool attached_call_ends(const struct inflight *in)
{
	return syscall_nr_of(current_user_regs()) == in->nr &&
	       bit_is_set(selected_syscalls, in->nr);
}

/* A syscall's exit, returning ret, on either flavour's tracepoint. */
static __always_inline int sys_exit(void *ctx, long ret, void *progs)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	__u32 tid = (__u32)pid_tgid;
	struct task_state *task = task_lookup(tid);
	struct inflight *in;
	struct capture_buf *buf;
	struct rec_call *rec;
	bool followed;
	__u64 now;
	__u32 nr;

	if (!task || !(task->flags & TASK_IN_CALL))
		return 0;
	task->flags &= ~TASK_IN_CALL;
	in = &task->call;
	if ((in->flags & INFLIGHT_ATTACHED) && !attached_call_ends(in))
		return 0;
	/* -c's untimed calls are counted without a clock read. */
	if (summary_mode == SUMMARY_ONLY && !(in->flags & INFLIGHT_TIMED)) {
		if (call_status_selected(ret))
			count_untimed_call(pid_tgid >> 32, in->nr, ret);
		return 0;
	}
	now = event_stamp();
	followed = follow_any && bit_is_set(follow_only, in->nr);
	/* Fast calls are dropped here, before anything is counted or copied. */
	if (!followed && (now - in->enter_ns < min_duration_ns || !call_status_selected(ret)))
		goto drop;
	if (summary_mode != SUMMARY_OFF && !followed)
		count_call(pid_tgid >> 32, in->nr, ret, now - in->enter_ns,
			   in->cpu_mark, now);
	if (summary_mode == SUMMARY_ONLY)
		return 0;
	buf = begin_record(pid_tgid, in);
	if (!buf)
		goto drop;
	rec = buf_rec(buf);
	rec->exit_ns = now;
	rec->ret = ret;
	nr = in->nr;
	if (in->flags & INFLIGHT_ENTRY_CAPTURED)
		merge_entry(buf, tid);
	if (bit_is_set(exit_rows_inline, nr)) {
		capture_exit_row_inline(buf);
		return submit_call(buf);
	}
	bpf_tail_call(ctx, progs, nr & (SYSCALL_NR_MAX - 1));
	return submit_call(buf);
drop:
	if (in->flags & INFLIGHT_ENTRY_CAPTURED)
		entry_buf_release(tid);
	return 0;
}

SEC("raw_tp/sys_exit")
int on_sys_exit(struct bpf_raw_tracepoint_args *ctx)
{
	return sys_exit(ctx, ctx->args[1], &exit_progs);
}

SEC("tracepoint")
int tp_sys_exit(struct syscall_event_exit *ctx)
{
	return sys_exit(ctx, ctx->ret, &event_exit_progs);
}

SEC("raw_tp/sched_process_fork")
int on_fork(struct bpf_raw_tracepoint_args *ctx)
{
	struct task_struct *parent = (struct task_struct *)ctx->args[0];
	struct task_struct *child = (struct task_struct *)ctx->args[1];
	struct rec_proc_fork rec = { .hdr = { .type = REC_PROC_FORK, .size = sizeof(rec) } };
	__u32 parent_tid = BPF_CORE_READ(parent, pid);
	struct task_state state = { .flags = TASK_TRACED };

	if (!follow_forks || !task_lookup(parent_tid))
		return 0;
	rec.parent_tid = parent_tid;
	rec.parent_tgid = BPF_CORE_READ(parent, tgid);
	rec.child_tid = BPF_CORE_READ(child, pid);
	rec.child_tgid = BPF_CORE_READ(child, tgid);
	rec.ts_ns = event_stamp();
	bpf_get_current_comm(rec.comm, sizeof(rec.comm));
	task_insert(rec.child_tid, &state);
	submit(&rec, sizeof(rec));
	return 0;
}

/*
 * The thread whose execve is killing this leader (strace's "superseded by
 * execve in pid N"), or 0.
 */
static __always_inline __u32 exec_superseding(struct task_struct *task, __u32 tid, __u32 tgid)
{
	struct task_struct *exec_task = BPF_CORE_READ(task, signal, group_exec_task);

	if (tid != tgid || !exec_task || exec_task == task)
		return 0;
	return BPF_CORE_READ(exec_task, pid);
}

/*
 * A thread other than the leader exec'd: it now has the leader's pid.  Its
 * state (and the execve in flight) moves to that pid, and its old tid is
 * forgotten before the kernel can give it to another process.
 */
SEC("raw_tp/sched_process_exec")
int on_exec(struct bpf_raw_tracepoint_args *ctx)
{
	struct task_struct *task = (struct task_struct *)ctx->args[0];
	__u32 old_tid = (__u32)ctx->args[1];
	__u32 tid = BPF_CORE_READ(task, pid);
	struct task_state *state, moved;
	struct capture_buf *entry;

	if (old_tid == tid)
		return 0;
	state = task_lookup(old_tid);
	if (!state)
		return 0;
	moved = *state;
	task_forget(old_tid);
	task_insert(tid, &moved);
	entry = bpf_map_lookup_elem(&entry_bufs, &old_tid);
	if (entry) {
		entry_buf_forget(tid);
		if (!bpf_map_update_elem(&entry_bufs, &tid, entry, BPF_NOEXIST))
			__sync_fetch_and_add(&entry_bufs_live, 1);
		entry_buf_forget(old_tid);
	}
	return 0;
}

SEC("raw_tp/sched_process_exit")
int on_exit(struct bpf_raw_tracepoint_args *ctx)
{
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	__u32 tid = (__u32)pid_tgid;
	struct rec_proc_exit rec = { .hdr = { .type = REC_PROC_EXIT, .size = sizeof(rec) } };
	struct task_state *state = task_lookup(tid);

	if (!state)
		return 0;
	rec.tid = tid;
	rec.tgid = pid_tgid >> 32;
	rec.ts_ns = event_stamp();
	rec.exit_code = BPF_CORE_READ(task, exit_code);
	rec.group_dead = BPF_CORE_READ(task, signal, live.counter) == 0;
	rec.superseded_by = exec_superseding(task, tid, rec.tgid);
	bpf_get_current_comm(rec.comm, sizeof(rec.comm));
	if (!(state->flags & TASK_WAIT_EXEC))
		submit(&rec, sizeof(rec));
	task_forget(tid);
	entry_buf_forget(tid);
	return 0;
}

static __always_inline bool signal_is_selected(int sig)
{
	__u32 n = sig;

	if (n >= 256)
		return false;
	/* The bounded register, not a recomputation from the 64-bit argument. */
	barrier_var(n);
	return (signal_selected[n / 64] >> (n % 64)) & 1;
}

/* A signal about to be acted on by a traced thread: strace's "--- SIGX {...} ---". */
SEC("raw_tp/signal_deliver")
int on_signal_deliver(struct bpf_raw_tracepoint_args *ctx)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	__u32 tid = (__u32)pid_tgid;
	int sig = (int)ctx->args[0];
	struct rec_signal rec = { .hdr = { .type = REC_SIGNAL, .size = sizeof(rec) } };
	struct task_state *task = task_lookup(tid);

	if (!task || (task->flags & TASK_WAIT_EXEC) || !signal_is_selected(sig))
		return 0;
	rec.tid = tid;
	rec.tgid = pid_tgid >> 32;
	rec.ts_ns = event_stamp();
	rec.signo = sig;
	bpf_probe_read_kernel(rec.siginfo, sizeof(rec.siginfo), (void *)ctx->args[1]);
	submit(&rec, sizeof(rec));
	return 0;
}

/*
 * Signals no thread dequeues, which strace, whose tracees stop for every
 * signal, still shows: report them from the sender's side.
 * - One whose action is to be ignored (SIGCHLD by default) is dropped when
 *   it is sent.
 * - A fatal one that does not dump core (SIGTERM, SIGPIPE) turns into a
 *   group exit when it is sent (complete_signal's shortcut, taken when the
 *   process is not ptraced): its threads then dequeue only SIGKILL.
 */
#define TRACE_SIGNAL_IGNORED	1
#define SIGNAL_GROUP_EXIT	0x00000004	/* signal_struct.flags */
#define SIGKILL_NR		9

static __always_inline bool fatal_when_sent(struct task_struct *task, int sig)
{
	return sig != SIGKILL_NR && (BPF_CORE_READ(task, signal, flags) & SIGNAL_GROUP_EXIT) &&
	       BPF_CORE_READ(task, signal, group_exit_code) == sig;
}

/*
 * The siginfo a signal is queued with.  SEND_SIG_NOINFO (0) and
 * SEND_SIG_PRIV (1) are not pointers: the kernel fills in the sender
 * (SI_USER, the sending process and its uid) or SI_KERNEL itself.
 */
#define SI_KERNEL_CODE	0x80
static __always_inline void put_sent_siginfo(struct rec_signal *rec, int sig, __u64 info)
{
	struct {
		int si_signo, si_errno, si_code;
		int pad;
		int si_pid;
		__u32 si_uid;
	} made = { .si_signo = sig };

	if (info > 1) {
		bpf_probe_read_kernel(rec->siginfo, sizeof(rec->siginfo), (void *)info);
		return;
	}
	if (info == 0) {
		made.si_pid = bpf_get_current_pid_tgid() >> 32;
		made.si_uid = (__u32)bpf_get_current_uid_gid();
	} else {
		made.si_code = SI_KERNEL_CODE;
	}
	__builtin_memcpy(rec->siginfo, &made, sizeof(made));
}

SEC("raw_tp/signal_generate")
int on_signal_generate(struct bpf_raw_tracepoint_args *ctx)
{
	struct task_struct *task = (struct task_struct *)ctx->args[2];
	struct rec_signal rec = { .hdr = { .type = REC_SIGNAL, .size = sizeof(rec) } };
	int sig = (int)ctx->args[0];
	__u64 info = ctx->args[1];
	struct task_state *state;
	__u32 tid;

	int result = (int)ctx->args[4];

	if (!signal_is_selected(sig))
		return 0;
	if (result != TRACE_SIGNAL_IGNORED &&
	    !(result == TRACE_SIGNAL_DELIVERED && fatal_when_sent(task, sig)))
		return 0;
	tid = BPF_CORE_READ(task, pid);
	state = task_lookup(tid);
	if (!state || (state->flags & TASK_WAIT_EXEC))
		return 0;
	rec.tid = tid;
	rec.tgid = BPF_CORE_READ(task, tgid);
	rec.ts_ns = event_stamp();
	rec.signo = sig;
	rec.flags = SIGNAL_AT_RETURN | (result == TRACE_SIGNAL_IGNORED ? SIGNAL_IGNORED : 0);
	put_sent_siginfo(&rec, sig, info);
	submit(&rec, sizeof(rec));
	return 0;
}
