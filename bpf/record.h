/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The records the BPF programs send through the ring buffer, and the
 * settings they share with the front end.  Included by both compilers, so
 * plain C types and #defines only: the BPF side includes vmlinux.h (which
 * gives __u64 and friends) first, the front end <linux/types.h>.
 *
 * Every record starts with struct rec_header; the consumer switches on its
 * type.  A call record carries the raw arguments and up to REC_SLOTS
 * captured payloads: slot i is argument i read at exit (or the only read of
 * that argument), slot REC_ENTRY_SLOT(i) is argument i read at entry.
 */
#ifndef BSTRACE_RECORD_H
#define BSTRACE_RECORD_H

#define REC_ARGS		6
#define REC_SLOTS		(2 * REC_ARGS)
#define REC_ENTRY_SLOT(i)	(REC_ARGS + (i))

/* Largest payload of one call record, and of one captured argument. */
#define REC_PAYLOAD_MAX		32768
#define REC_BLOB_MAX		16384
/* A path is read in full, as strace does, up to PATH_MAX. */
#define REC_PATH_MAX		4096
/* A sockaddr is at most sizeof(struct sockaddr_storage). */
#define REC_SOCKADDR_MAX	128
/* A signal or fd set: at most 1024 bits. */
#define REC_SET_MAX		128
/* How many elements of an argv-like array are looked at at most. */
#define REC_ARGV_MAX		64
/* How many pointers of an envp-like array are counted at most. */
#define REC_ARGV_COUNT_MAX	4096
#define REC_IOV_MAX		64
/* What a by:N argument (its meaning depends on another) reads: the largest
 * of its variants' structs (termios, flock, timespec, a short string). */
#define REC_BY_BYTES		64

#define SYSCALL_NR_MAX		512
/* A task's command name, as the kernel keeps it (TASK_COMM_LEN). */
#define REC_COMM_LEN		16

enum rec_type {
	REC_CALL = 1,		/* one finished (or never-returning) syscall */
	REC_PROC_EXIT,		/* a thread or process ended */
	REC_PROC_FORK,		/* a followed process made a child */
	REC_LOST,		/* records the ring could not take */
	REC_SIGNAL,		/* a signal delivered to a traced thread */
};

struct rec_header {
	__u32 type;		/* enum rec_type */
	__u32 size;		/* bytes in the record, payload included */
};

/*
 * A captured argument: where its bytes start in the payload and how many
 * there are.  len < 0 is a failed read, -errno (the printer shows the
 * address); len == 0 with off == REC_BLOB_NONE means nothing was read.
 */
#define REC_BLOB_NONE		0xffff
struct rec_blob {
	__u16 off;
	__u16 flags;		/* REC_BLOB_* */
	__s32 len;
};

/* The copy stopped at its limit: the value goes on past what was read. */
#define REC_BLOB_TRUNCATED	0x1

/* rec_call.flags */
#define CALL_NO_RETURN		0x1	/* exit, exit_group: printed as "= ?" */
#define CALL_EXEC_LEADER	0x2	/* execve by a non-leader thread */
#define CALL_STACK		0x4	/* rec_call.stack holds a struct rec_stack */
/*
 * Sent short: nothing was captured, so the record ends after the arguments
 * its syscall has (or after comm, when the front end asks for comm), and
 * the blob table is left out.  Most calls are sent so; the front end puts
 * the full layout back (record_expand) before anything else reads it.
 */
#define CALL_COMPACT		0x8
/*
 * Sent short with a small payload: the record is the call's head up to
 * args, the arguments its syscall has (n, in the flags' CALL_SHORT_ARGS
 * bits), the exit half of the blob table for those n (blob[0..n-1]), then
 * at most REC_SHORT_PAYLOAD_MAX bytes of payload: no comm, no entry slots,
 * no stack, which a strace line without them never reads.  A read or write
 * of one byte is 105 bytes instead of 225.  record_expand puts the full
 * layout back, as for CALL_COMPACT.
 */
#define CALL_SHORT		0x10
#define CALL_SHORT_ARGS_SHIFT	8
#define CALL_SHORT_ARGS_MASK	(7u << CALL_SHORT_ARGS_SHIFT)
#define REC_SHORT_HEAD		__builtin_offsetof(struct rec_call, args)
#define REC_SHORT_BLOBS_AT(n)	(REC_SHORT_HEAD + (n) * sizeof(__u64))
#define REC_SHORT_PAYLOAD_AT(n)	(REC_SHORT_BLOBS_AT(n) + (n) * sizeof(struct rec_blob))
#define REC_SHORT_PAYLOAD_MAX	64

struct rec_call {
	struct rec_header hdr;
	__u32 tid;
	__u32 tgid;
	__s32 nr;
	__u32 flags;		/* CALL_* */
	__u64 enter_ns;		/* CLOCK_MONOTONIC, at sys_enter */
	__u64 exit_ns;		/* CLOCK_MONOTONIC, at sys_exit */
	__s64 ret;
	__u64 ret_ino;		/* -y: inode of the fd returned, 0 if none */
	__u64 args[REC_ARGS];		/* CALL_COMPACT keeps the first ones, then comm */
	char comm[REC_COMM_LEN];	/* at exit: --perf and --json print it */
	struct rec_blob blob[REC_SLOTS];
	struct rec_blob stack;	/* valid only with CALL_STACK */
	__u8 payload[];
};

/*
 * A user stack snapshot, for -k, --folded and --flamegraph: the registers
 * and the bytes of the stack from the stack pointer up, taken when the
 * call's record is sent (the return addresses and saved registers a
 * syscall's frames hold do not change during the call; execve's are the
 * new image's, as strace -k shows them).  It is the last thing in the
 * payload, so the arguments keep all of REC_PAYLOAD_MAX.  The front end
 * unwinds it with libunwind.  regs[] is in libunwind's numbering:
 * x86_64 rax rdx rcx rbx rsi rdi rbp rsp r8-r15 rip (0-16), aarch64
 * x0-x30 sp pc (0-32).
 */
#define REC_STACK_REGS		33
#define REC_STACK_COMM		16
struct rec_stack {
	__u64 regs[REC_STACK_REGS];
	__u64 sp;		/* user address of data[0] */
	__u32 len;		/* bytes of stack in data[] */
	__u32 flags;		/* REC_STACK_* */
	char comm[REC_STACK_COMM];
	__u8 data[];
};
/* The copy stopped at an unreadable page before the size asked for. */
#define REC_STACK_FAULTED	0x1
/* Largest stack copy: what is left of one blob after the header. */
#define REC_STACK_DATA_MAX	(REC_BLOB_MAX - sizeof(struct rec_stack))
/*
 * The largest record: a call with all its payload, then a stack snapshot
 * of at most one blob.
 */
#define REC_SIZE_MAX		(sizeof(struct rec_call) + REC_PAYLOAD_MAX + REC_BLOB_MAX)

/*
 * The payload of an argv-like array: how many pointers the array holds (up
 * to REC_ARGV_COUNT_MAX), then the first elements, each a struct
 * rec_argv_elem followed by its bytes.
 */
struct rec_argv_head {
	__u32 count;		/* elements in the array, NULL excluded */
	__u16 shown;		/* elements that follow */
	__u16 flags;		/* REC_ARGV_* */
};
#define REC_ARGV_COUNT_TRUNCATED	0x1	/* more than REC_ARGV_COUNT_MAX */
#define REC_ARGV_UNREADABLE		0x2	/* reading a pointer failed */

struct rec_argv_elem {
	__s16 len;		/* bytes that follow, or -errno */
	__u16 flags;		/* REC_BLOB_TRUNCATED */
};

/*
 * The payload of an iovec array: the iovecs themselves, then the bytes of
 * each buffer in turn, as much as the limit allows.
 */
struct rec_iov_elem {
	__u64 base;
	__u64 len;
	__s32 captured;		/* bytes of this buffer that follow, or -errno */
	__u32 pad;
};
struct rec_iov_head {
	__u32 count;		/* iovecs that follow */
	__u32 flags;
};

struct rec_proc_exit {
	struct rec_header hdr;
	__u32 tid;
	__u32 tgid;
	__u64 ts_ns;
	__u32 exit_code;	/* wait status: (code << 8) | signal | 0x80 core */
	__u32 group_dead;	/* the last thread of its process */
	char comm[REC_COMM_LEN];
	__u32 superseded_by;	/* a leader killed by the exec of this thread; or 0 */
	__u32 pad;
};

struct rec_proc_fork {
	struct rec_header hdr;
	__u32 parent_tid;
	__u32 parent_tgid;
	__u32 child_tid;
	__u32 child_tgid;
	__u64 ts_ns;
	char comm[REC_COMM_LEN];	/* the parent's, which the child inherits */
};

struct rec_lost {
	struct rec_header hdr;
	__u64 count;
};

/*
 * What the kernel side could not do, counted by reason in lost_by_reason
 * and reported at the end: nothing is dropped without a count.
 */
enum lost_reason {
	LOST_RING_FULL,		/* records the ring had no room for */
	LOST_TASK_TABLE_FULL,	/* threads to trace with no room in the task table */
	LOST_ENTRY_BUFS_FULL,	/* calls whose entry arguments had no buffer to wait in */
	LOST_STATS_FULL,	/* calls --per-process had no row to count in */
	/*
	 * Calls the kernel did not hand a program at all (while another
	 * tracing program ran on the CPU): the kernel counts them per program
	 * and the front end reads them there.
	 */
	LOST_SKIPPED,
	LOST_REASONS
};

/* A signal being delivered, with the kernel's siginfo as it stands. */
#define REC_SIGINFO_SIZE	48	/* sizeof(struct kernel_siginfo) */
struct rec_signal {
	struct rec_header hdr;
	__u32 tid;
	__u32 tgid;
	__u64 ts_ns;
	__s32 signo;
	__u32 flags;
	__u8 siginfo[REC_SIGINFO_SIZE];	/* laid out as the user's siginfo_t */
};
/* rec_signal.flags */
#define SIGNAL_IGNORED		0x1	/* discarded when sent */
#define SIGNAL_AT_RETURN	0x2	/* reported when sent, never dequeued (ignored, or
					   fatal at once): the line goes after the thread's
					   current call, where ptrace shows it */

/* status_filter bits: which calls are sent, by how they ended (-z, -Z). */
#define FILTER_SUCCESSFUL	0x1
#define FILTER_FAILED		0x2
#define FILTER_UNFINISHED	0x4	/* exit, exit_group: "= ?" */

/* task_state.flags */
#define TASK_TRACED		0x1
#define TASK_WAIT_EXEC		0x2	/* not yet: trace starts at its execve */
#define TASK_IN_CALL		0x4	/* call holds the syscall it is inside */
/* A traced_tasks entry whose state lives in the tid's task slot. */
#define TASK_SLOTTED		0x8

/* What sys_enter knows about a call, until sys_exit. */
struct inflight {
	__s32 nr;
	__u32 flags;		/* INFLIGHT_* */
	__u64 enter_ns;
	__u64 cpu_mark;		/* the task's CPU clock at entry, for -c */
	__u64 args[REC_ARGS];
};
#define INFLIGHT_ENTRY_CAPTURED	0x1
#define INFLIGHT_TIMED		0x2	/* -c: this call's time is measured */
/*
 * The call the thread was inside when bstrace attached to it, as
 * /proc/TID/syscall showed it; entered before the attach, so its exit
 * is taken only if it is the same syscall's.
 */
#define INFLIGHT_ATTACHED	0x4

/*
 * A traced thread's state, in its task slot (or, when another tid holds
 * that slot, in its traced_tasks entry).  The call in flight lives in it,
 * so a traced call costs one array lookup at entry and one at exit, and no
 * map update or delete.
 */
struct task_state {
	__u32 flags;		/* TASK_* */
	__u32 draw;		/* -c: the thread's last random draw (xorshift32), 0 before its first */
	struct inflight call;
};

/*
 * The task_slots array's value: slot tid % slots.  A hash lookup costs
 * about 45 ns here, an array's 10 ns, and every syscall of every thread on
 * the machine pays one at entry, a traced one another at exit.
 */
#define TASK_SLOTS_MAX		32768
struct task_slot {
	__u32 tid;		/* 0: free */
	__u32 pad;
	struct task_state state;
};

/*
 * What a captured argument is, as the generated capture programs and the
 * front end both know it.
 */
enum capture_op {
	CAP_NONE = 0,
	CAP_STR,		/* NUL-terminated string, limit in param */
	CAP_BYTES_ARG,		/* bytes, length = arg[size_arg] */
	CAP_BYTES_ARG_MUL,	/* bytes, length = arg[size_arg] * param */
	CAP_BYTES_RET,		/* bytes, length = return value */
	CAP_BYTES_RET_MUL,	/* bytes, length = return value * param */
	CAP_FIXED,		/* param bytes */
	CAP_BYTES_DEREF,	/* bytes, length = *(int *)arg[size_arg] */
	CAP_ARGV,		/* argv-like array of strings */
	CAP_ARGV_COUNT,		/* argv-like array, counted only */
	CAP_IOV,		/* iovec array, count = arg[size_arg] */
	CAP_IOV_RET,		/* iovec array, ret bytes in all */
	CAP_FDPAIR,		/* two fds the kernel wrote, then their inodes */
	CAP_MSGHDR,		/* struct msghdr, its name and its iovecs */
	CAP_MSGHDR_RET,		/* the same, ret bytes of iovec data in all */
	CAP_CLONE3,		/* struct clone_args, then the tids it points at */
	CAP_SIGFRAME_MASK,	/* rt_sigreturn: the mask in the signal frame */
	CAP_MSGBUF,		/* SysV struct msgbuf: a long, then arg[size_arg] bytes */
	CAP_MMSGHDR,		/* ret struct mmsghdr, each as CAP_MSGHDR */
	CAP_MMSGHDR_RECV,	/* the same, each message's data msg_len bytes */
	CAP_RET_INODE,		/* no memory: the inode of the fd returned (-y) */
};

/*
 * Syscalls whose captures are all of one family have no program of their
 * own: a table row (capture.gen.h) lists the captures, and one program per
 * family and side runs the rows, so start-up verifies a few programs
 * instead of a hundred and thirty.  Plain ops copy bytes or a string; the
 * other families add the ops that follow pointers.
 */
#define CAP_PLAIN_OPS	((1u << CAP_STR) | (1u << CAP_BYTES_ARG) | (1u << CAP_BYTES_ARG_MUL) | \
			 (1u << CAP_BYTES_RET) | (1u << CAP_BYTES_RET_MUL) | (1u << CAP_FIXED) | \
			 (1u << CAP_BYTES_DEREF) | (1u << CAP_MSGBUF) | (1u << CAP_RET_INODE))
#define CAP_MSG_OPS	(CAP_PLAIN_OPS | (1u << CAP_IOV) | (1u << CAP_IOV_RET) | \
			 (1u << CAP_MSGHDR) | (1u << CAP_MSGHDR_RET) | (1u << CAP_MMSGHDR) | \
			 (1u << CAP_MMSGHDR_RECV))
#define CAP_ARGV_OPS	(CAP_PLAIN_OPS | (1u << CAP_ARGV) | (1u << CAP_ARGV_COUNT))

/*
 * The families, each with its ops and how its exit rows run: the one list
 * syscalls/gen (which gives a syscall the first family holding all its ops)
 * and bstrace.bpf.c (which makes each family's step function and programs)
 * both expand.  INLINE rows run in the sys_exit dispatcher itself: most
 * calls' captures are plain, and a tail call costs an indirect jump per
 * call (a retpoline where the CPU needs one).  TAIL_CALL rows run in the
 * family's own exit program, which keeps the dispatcher small.
 */
#define CAPTURE_FAMILIES(FAMILY)		\
	FAMILY(plain, CAP_PLAIN_OPS, INLINE)	\
	FAMILY(msg, CAP_MSG_OPS, TAIL_CALL)	\
	FAMILY(argv, CAP_ARGV_OPS, TAIL_CALL)

/* One capture of a table row (capture.gen.h); CAP_NONE ends the row. */
struct capture_step {
	__u8 op;		/* enum capture_op */
	__u8 slot;		/* blob slot: the argument, or REC_ENTRY_SLOT(it) */
	__u8 size_arg;		/* the argument holding the length */
	__u8 on_success;	/* only if the call did not fail */
	__u16 elem;		/* the size of one element (the _MUL ops) */
	__u16 limit;		/* at most this many bytes; STEP_LIMIT_STRLEN: -s */
};
#define STEP_LIMIT_STRLEN	0xffff
#define CAPTURE_STEPS_MAX	4

/*
 * The payload of CAP_MMSGHDR: count, then per message its msg_len and the
 * length of the CAP_MSGHDR payload that follows (negative: unreadable).
 */
#define REC_MMSG_MAX		16
struct rec_mmsg_head {
	__u32 count;
	__u32 flags;
};
struct rec_mmsg_elem {
	__u32 msg_len;
	__s32 len;
};

/* After CAP_CLONE3's struct clone_args (88 bytes): what the kernel wrote. */
struct rec_clone3_tail {
	__s32 parent_tid;	/* -errno when it could not be read */
	__s32 pidfd;
};
#define REC_CLONE_ARGS_SIZE	88

/*
 * The payload of CAP_MSGHDR: the struct's fields, then name_captured bytes
 * of msg_name, then an iovec array as CAP_IOV writes it (iov_captured
 * bytes; negative when the array could not be read).
 */
struct rec_msghdr_head {
	__u64 name;
	__u64 iov;
	__u64 iovlen;
	__u64 control;
	__u64 controllen;
	__u32 namelen;
	__u32 flags;
	__s32 name_captured;
	__s32 iov_captured;
};

/* The payload of CAP_FDPAIR (pipe, socketpair): -y names them by inode. */
struct rec_fdpair {
	__s32 fd[2];
	__u64 ino[2];
};

/* When a capture happens. */
#define CAP_AT_ENTRY		0x1
#define CAP_ON_SUCCESS		0x2	/* at exit, only if ret >= 0 */

/*
 * -c / -C / --histogram: per-syscall statistics kept by the kernel side in
 * per-CPU maps (summed by the front end), so they stay exact when the ring
 * buffer drops records and cost no record at all under -c.
 */
#define SUMMARY_HIST_SLOTS	32	/* log2 buckets of microseconds */

enum summary_mode {
	SUMMARY_OFF = 0,
	SUMMARY_ALSO,		/* -C: count, and send the records too */
	SUMMARY_ONLY,		/* -c: count only */
};

/*
 * time_ns, min_ns and max_ns are those of the timed calls: all of them,
 * unless -c samples (summary_sample_shift), when the front end scales
 * time_ns up by calls / timed.
 */
struct syscall_stats {
	__u64 calls;
	__u64 errors;
	__u64 timed;		/* calls whose time was measured */
	__u64 time_ns;		/* system time in the call, or wall time with -w */
	__u64 min_ns;		/* valid once timed > 0 */
	__u64 max_ns;
	__u64 hist[SUMMARY_HIST_SLOTS];	/* slot 0: < 1 us; slot i: [2^(i-1), 2^i) us */
};

/* Key of the per-process statistics (--per-process). */
struct stats_key {
	__u32 tgid;
	__u32 nr;
};

#endif /* BSTRACE_RECORD_H */
