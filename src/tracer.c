// SPDX-License-Identifier: GPL-2.0-or-later
#define _GNU_SOURCE	/* memfd_create */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/utsname.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <bpf/bpf.h>

#include "bstrace.skel.h"
#include "fdtrack.h"
#include "link_release.h"
#include "probe.h"
#include "summary.h"
#include "syscall_table.h"
#include "tracer.h"

static bool debug_output;

/* libbpf prints the verifier's log at WARN level: keep it for -d only. */
static int libbpf_print(enum libbpf_print_level level, const char *fmt, va_list args)
{
	if (!debug_output || level == LIBBPF_DEBUG)
		return 0;
	return vfprintf(stderr, fmt, args);
}

static const char *permission_hint(int err)
{
	const char *lockdown;

	if (err != EPERM && err != EACCES)
		return "";
	lockdown = probe_lockdown();
	if (lockdown && !strcmp(lockdown, "confidentiality"))
		return " (the kernel is locked down for confidentiality, which forbids "
		       "BPF tracing: boot with lockdown=integrity or none)";
	return " (run as root, or with CAP_BPF and CAP_PERFMON)";
}

/* -d: how long each start-up phase took, since the previous one. */
static void debug_phase(const char *phase)
{
	static struct timespec last;
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (debug_output && last.tv_sec)
		fprintf(stderr, "bstrace: %s in %.1f ms\n", phase,
			(double)(now.tv_sec - last.tv_sec) * 1e3 +
			(double)(now.tv_nsec - last.tv_nsec) / 1e6);
	last = now;
}

/* gen/min_core_btf.gen.c */
extern const char min_core_btf_release[], min_core_btf_version[];
extern const unsigned char min_core_btf[];
extern const size_t min_core_btf_size;

/*
 * On the kernel bstrace was built on, hand libbpf the types the programs
 * use instead of the whole vmlinux BTF (tens of milliseconds to parse):
 * through a memfd, since libbpf takes a path.  Elsewhere, -1: libbpf reads
 * /sys/kernel/btf/vmlinux as usual.
 */
static int built_kernel_btf(char *path, size_t size)
{
	struct utsname u;
	int fd;

	if (uname(&u) || strcmp(u.release, min_core_btf_release) ||
	    strcmp(u.version, min_core_btf_version))
		return -1;
	fd = memfd_create("bstrace-btf", MFD_CLOEXEC);
	if (fd < 0)
		return -1;
	if (write(fd, min_core_btf, min_core_btf_size) != (ssize_t)min_core_btf_size) {
		close(fd);
		return -1;
	}
	snprintf(path, size, "/proc/self/fd/%d", fd);
	return fd;
}

static int fail(const char *what, int err)
{
	fprintf(stderr, "bstrace: %s: %s%s\n", what, strerror(err), permission_hint(err));
	return -1;
}

/* The ring buffer must be a power of two of pages. */
static unsigned long ring_size(unsigned long want)
{
	unsigned long size = 4096;

	while (size < want)
		size <<= 1;
	return size;
}

/*
 * A capture program's name in the flavour in use: syscall_table names the
 * raw_tp one, cap_NAME; its twin for the syscalls' own events is tp_NAME.
 */
static const char *flavoured(const char *cap_name, bool events, char *buf, size_t size)
{
	if (!events)
		return cap_name;
	snprintf(buf, size, "tp_%s", cap_name + strlen("cap_"));
	return buf;
}

/* Whether a selected syscall tail-calls the capture program name. */
static bool capture_needed(const char *name, const struct options *opts, bool events)
{
	char buf[64];

	/* -c reads no arguments. */
	if (opts->summary.mode == SUMMARY_ONLY)
		return false;
	for (int nr = 0; nr < SYSCALL_NR_MAX; nr++) {
		const struct syscall_desc *d = &syscall_table[nr];

		if (!d->name || !syscall_sent(opts, nr))
			continue;
		if ((d->entry_prog && !strcmp(flavoured(d->entry_prog, events, buf, sizeof(buf)), name)) ||
		    (d->exit_prog && !strcmp(flavoured(d->exit_prog, events, buf, sizeof(buf)), name)))
			return true;
	}
	return false;
}

/* cap_NAME and tp_NAME, but not the dispatchers tp_sys_enter and tp_sys_exit. */
static bool is_capture_program(const struct bstrace_bpf *skel, const struct bpf_program *prog)
{
	const char *name = bpf_program__name(prog);

	if (prog == skel->progs.tp_sys_enter || prog == skel->progs.tp_sys_exit)
		return false;
	return !strncmp(name, "cap_", 4) || !strncmp(name, "tp_", 3);
}

/*
 * Load the dispatchers of the flavour in use, and a capture program only if
 * a selected syscall tail-calls it.
 */
static void choose_programs(struct bstrace_bpf *skel, const struct options *opts, bool events)
{
	struct bpf_program *prog;

	bpf_program__set_autoload(skel->progs.on_sys_enter, !events);
	bpf_program__set_autoload(skel->progs.on_sys_exit, !events);
	bpf_program__set_autoload(skel->progs.tp_sys_enter, events);
	bpf_program__set_autoload(skel->progs.tp_sys_exit, events);
	/* syscall_events_attach attaches them, one event at a time. */
	bpf_program__set_autoattach(skel->progs.tp_sys_enter, false);
	bpf_program__set_autoattach(skel->progs.tp_sys_exit, false);
	bpf_object__for_each_program(prog, skel->obj) {
		if (!is_capture_program(skel, prog))
			continue;
		bpf_program__set_autoattach(prog, false);
		bpf_program__set_autoload(prog, capture_needed(bpf_program__name(prog), opts, events));
	}
}

/*
 * BSTRACE_TASK_SLOTS, BSTRACE_TASK_TABLE, BSTRACE_ENTRY_BUFS and
 * BSTRACE_PROCESS_ROWS make the kernel tables smaller than they are, so
 * that the tests can share slots and fill tables on any machine; 0 when
 * var is unset or not a size.
 */
static unsigned int forced_size(const char *var)
{
	const char *value = getenv(var);
	unsigned long n;
	char *end;

	if (!value)
		return 0;
	n = strtoul(value, &end, 10);
	return *end || n > UINT32_MAX ? 0 : (unsigned int)n;
}

/* Ring size when only process events travel through it (-c). */
#define EVENTS_ONLY_RING	(256UL << 10)

static void set_summary_settings(struct bstrace_bpf *skel, const struct summary_opts *o)
{
	unsigned int forced_rows = forced_size("BSTRACE_PROCESS_ROWS");

	skel->rodata->summary_mode = o->mode;
	skel->rodata->summary_wall_clock = o->wall_clock;
	skel->rodata->summary_per_process = o->per_process;
	skel->rodata->summary_histogram = o->histogram;
	skel->rodata->summary_overhead_ns = o->overhead_ns;
	skel->rodata->min_duration_ns = o->min_duration_ns;
	skel->rodata->summary_sample_shift = summary_samples_times(o) ? SUMMARY_SAMPLE_SHIFT : 0;
	if (!o->per_process)
		bpf_map__set_max_entries(skel->maps.process_stats, 1);
	else if (forced_rows)
		bpf_map__set_max_entries(skel->maps.process_stats, forced_rows);
	if (o->mode == SUMMARY_ONLY) {
		bpf_map__set_max_entries(skel->maps.events, EVENTS_ONLY_RING);
		bpf_map__set_max_entries(skel->maps.scratch, 1);
	}
}

/* The filters the kernel applies before anything is copied or sent. */
static void set_filters(struct bstrace_bpf *skel, const struct options *opts)
{
	unsigned int status = opts->expr.status;

	skel->rodata->status_filter = (status & STATUS_SUCCESSFUL ? FILTER_SUCCESSFUL : 0) |
				      (status & STATUS_FAILED ? FILTER_FAILED : 0) |
				      (status & STATUS_UNFINISHED ? FILTER_UNFINISHED : 0);
	memcpy((void *)skel->rodata->signal_selected, opts->expr.signals,
	       sizeof(skel->rodata->signal_selected));
	skel->rodata->cgroup_filter = opts->cgroup_id;
	if (opts->comm) {
		snprintf((char *)skel->rodata->comm_filter, sizeof(skel->rodata->comm_filter),
			 "%s", opts->comm);
		skel->rodata->comm_filter_on = 1;
	}
}

/*
 * traced_tasks never holds more threads than there can be tids: below
 * pid_max (32768 on a small machine).  Its bucket array is allocated and
 * zeroed at start-up whatever it holds: 1 MiB for the 65536 it is
 * declared with, 1.9 ms.  The task slots are one per possible tid when
 * pid_max allows (2.9 MiB for 32768), else tids share them and the few
 * traced tids whose slot is taken keep their state in traced_tasks.
 */
static void size_task_table(struct bstrace_bpf *skel)
{
	FILE *f = fopen("/proc/sys/kernel/pid_max", "r");
	unsigned int pid_max = 0, slots = 1, forced;

	if (f) {
		if (fscanf(f, "%u", &pid_max) != 1)
			pid_max = 0;
		fclose(f);
	}
	if (pid_max > 0 && pid_max < bpf_map__max_entries(skel->maps.traced_tasks))
		bpf_map__set_max_entries(skel->maps.traced_tasks, pid_max);
	forced = forced_size("BSTRACE_TASK_TABLE");
	if (forced)
		bpf_map__set_max_entries(skel->maps.traced_tasks, forced);
	while (slots < TASK_SLOTS_MAX && (!pid_max || slots < pid_max))
		slots <<= 1;
	forced = forced_size("BSTRACE_TASK_SLOTS");
	if (forced && forced <= TASK_SLOTS_MAX && !(forced & (forced - 1)))
		slots = forced;
	bpf_map__set_max_entries(skel->maps.task_slots, slots);
	skel->rodata->task_slot_mask = slots - 1;
	if (debug_output)
		fprintf(stderr, "bstrace: %u task slots (pid_max %u)\n", slots, pid_max);
}

/*
 * Whether execve's environment strings are printed, so captured: under -v,
 * and when -e abbrev= leaves execve or execveat out.
 */
static bool environment_shown(const struct options *opts)
{
	static const long execs[] = { SYS_execve, SYS_execveat };
	struct print_opts call;

	for (size_t i = 0; i < sizeof(execs) / sizeof(execs[0]); i++) {
		print_opts_for_call(&call, &opts->print, execs[i]);
		if (call.verbose)
			return true;
	}
	return false;
}

static void set_settings(struct bstrace_bpf *skel, const struct options *opts)
{
	unsigned long size = ring_size(opts->buffer_size);
	unsigned int forced_bufs = forced_size("BSTRACE_ENTRY_BUFS");

	size_task_table(skel);

	skel->rodata->max_strlen = opts->print.max_strlen;
	skel->rodata->show_environment = environment_shown(opts);
	skel->rodata->follow_forks = opts->follow_forks;
	skel->rodata->stack_size = opts->stack_size;
	/* Wake the reader when a quarter of the ring is waiting. */
	skel->rodata->wakeup_bytes = size / 4;
	/* --perf and --json print comm; strace's lines do not. */
	skel->rodata->send_comm = opts->format != OUTPUT_STRACE;
	/* A clock read per event costs a full trace a tenth of its time. */
	skel->rodata->stamp_precise = options_time_shown(opts);
	for (int nr = 0; nr < SYSCALL_NR_MAX; nr++) {
		skel->rodata->compact_args[nr] = (__u8)syscall_nargs(nr);
		if (!syscall_sent(opts, nr))
			continue;
		skel->rodata->selected_syscalls[nr / 64] |= 1ULL << (nr % 64);
		if (fdtrack_follow_only(opts, nr)) {
			skel->rodata->follow_only[nr / 64] |= 1ULL << (nr % 64);
			skel->rodata->follow_any = 1;
		}
		if (syscall_table[nr].entry_prog)
			skel->rodata->entry_capture[nr / 64] |= 1ULL << (nr % 64);
	}
	set_filters(skel, opts);
	bpf_map__set_max_entries(skel->maps.events, size);
	bpf_map__set_max_entries(skel->maps.scratch, (__u32)libbpf_num_possible_cpus());
	if (forced_bufs)
		bpf_map__set_max_entries(skel->maps.entry_bufs, forced_bufs);
	set_summary_settings(skel, &opts->summary);
}

static int fill_tail_calls(struct bstrace_bpf *skel, const struct options *opts, bool events)
{
	int entry_fd = bpf_map__fd(events ? skel->maps.event_entry_progs : skel->maps.entry_progs);
	int exit_fd = bpf_map__fd(events ? skel->maps.event_exit_progs : skel->maps.exit_progs);
	char buf[64];

	for (int nr = 0; nr < SYSCALL_NR_MAX; nr++) {
		const struct syscall_desc *d = &syscall_table[nr];
		const char *names[2] = { d->entry_prog, d->exit_prog };
		int map_fds[2] = { entry_fd, exit_fd };

		if (!d->name || !syscall_sent(opts, nr) || opts->summary.mode == SUMMARY_ONLY)
			continue;
		for (int i = 0; i < 2; i++) {
			struct bpf_program *prog;
			int prog_fd;
			__u32 key = (__u32)nr;

			if (!names[i])
				continue;
			prog = bpf_object__find_program_by_name(
				skel->obj, flavoured(names[i], events, buf, sizeof(buf)));
			prog_fd = prog ? bpf_program__fd(prog) : -1;
			if (prog_fd < 0) {
				fprintf(stderr, "bstrace: capture program %s for %s is missing\n",
					names[i], d->name);
				return -1;
			}
			if (bpf_map_update_elem(map_fds[i], &key, &prog_fd, BPF_ANY))
				return fail("cannot fill the tail-call table", errno);
		}
	}
	return 0;
}

/* Signals that end or interrupt tracing arrive on a signalfd, not a handler. */
static int setup_events(struct tracer *t)
{
	struct epoll_event ev = { .events = EPOLLIN };
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGQUIT);
	sigaddset(&set, SIGPIPE);
	sigprocmask(SIG_BLOCK, &set, NULL);
	t->signal_fd = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
	t->epoll_fd = epoll_create1(EPOLL_CLOEXEC);
	if (t->signal_fd < 0 || t->epoll_fd < 0)
		return fail("cannot set up event polling", errno);
	ev.data.fd = t->signal_fd;
	if (epoll_ctl(t->epoll_fd, EPOLL_CTL_ADD, t->signal_fd, &ev))
		return fail("epoll", errno);
	ev.data.fd = t->ring.map_fd;
	if (epoll_ctl(t->epoll_fd, EPOLL_CTL_ADD, ev.data.fd, &ev))
		return fail("epoll", errno);
	return 0;
}

int tracer_start(struct tracer *t, const struct options *opts,
		 ring_record_fn handle, void *ctx)
{
	LIBBPF_OPTS(bpf_object_open_opts, open_opts);
	struct kernel_features features;
	char btf_path[64];
	int btf_fd;
	const char *missing;
	char line[256];
	int err;

	memset(t, 0, sizeof(*t));
	t->epoll_fd = t->signal_fd = -1;
	debug_output = opts->debug;
	libbpf_set_print(libbpf_print);

	debug_phase("start");
	probe_kernel(&features);
	debug_phase("probed the kernel");
	if (opts->debug) {
		probe_describe(&features, line, sizeof(line));
		fprintf(stderr, "bstrace: %s\n", line);
	}
	missing = probe_missing(&features);
	if (missing) {
		if (!features.capable)
			return fail("cannot use BPF", EPERM);
		fprintf(stderr, "bstrace: %s\n", missing);
		return -1;
	}

	t->ncpus = libbpf_num_possible_cpus();
	if (t->ncpus <= 0)
		return fail("cannot count the CPUs", t->ncpus ? -t->ncpus : EINVAL);
	if (opts->summary.mode != SUMMARY_OFF) {
		/* Values of 64 array entries on every CPU: one batch read. */
		t->batch = calloc((size_t)t->ncpus * 64, sizeof(*t->batch));
		if (!t->batch)
			return fail("cannot allocate", ENOMEM);
	}
	btf_fd = built_kernel_btf(btf_path, sizeof(btf_path));
	open_opts.btf_custom_path = btf_fd >= 0 ? btf_path : NULL;
	t->skel = bstrace_bpf__open_opts(&open_opts);
	if (!t->skel) {
		err = errno;
		if (btf_fd >= 0)
			close(btf_fd);
		return fail("cannot open the BPF object", err);
	}
	set_settings(t->skel, opts);
	syscall_events_choose(&t->events, opts);
	choose_programs(t->skel, opts, t->events.on);
	debug_phase("opened the BPF object");
	err = bstrace_bpf__load(t->skel);
	if (btf_fd >= 0)
		close(btf_fd);
	debug_phase(btf_fd >= 0 ? "loaded (build kernel's BTF, maps, verifier)"
				: "loaded (vmlinux BTF, maps, verifier)");
	if (err)
		return fail("cannot load the BPF programs", -err);
	if (fill_tail_calls(t->skel, opts, t->events.on))
		return -1;
	err = bstrace_bpf__attach(t->skel);
	if (!err)
		err = syscall_events_attach(&t->events, t->skel->progs.tp_sys_enter,
					    t->skel->progs.tp_sys_exit);
	debug_phase(t->events.on ? "attached to the selected syscalls' events"
				 : "attached to the raw syscall tracepoints");
	if (err)
		return fail("cannot attach to the syscall tracepoints", -err);
	err = ring_reader_open(&t->ring, bpf_map__fd(t->skel->maps.events), REC_SIZE_MAX,
			       handle, ctx);
	if (err)
		return fail("cannot read the ring buffer", -err);
	return setup_events(t);
}

/*
 * As the BPF side's task_insert: the state goes in the tid's slot unless
 * another traced tid holds it, and traced_tasks lists the tid.
 */
int tracer_watch_task(struct tracer *t, pid_t tid, uint32_t flags, const struct inflight *call)
{
	int tasks = bpf_map__fd(t->skel->maps.traced_tasks);
	int slots = bpf_map__fd(t->skel->maps.task_slots);
	__u32 tid_key = (__u32)tid, key = tid_key & t->skel->rodata->task_slot_mask;
	struct task_slot slot = { 0 };
	struct task_state slotted = { .flags = TASK_SLOTTED };
	struct task_state state = { .flags = flags };

	if (call) {
		state.flags |= TASK_IN_CALL;
		state.call = *call;
	}

	if (bpf_map_lookup_elem(slots, &key, &slot))
		return fail("cannot watch the process", errno);
	if (!slot.tid || slot.tid == tid_key) {
		slot.tid = tid_key;
		slot.state = state;
		if (bpf_map_update_elem(slots, &key, &slot, BPF_ANY) ||
		    bpf_map_update_elem(tasks, &tid_key, &slotted, BPF_ANY))
			return fail("cannot watch the process", errno);
		return 0;
	}
	if (!bpf_map_update_elem(tasks, &tid_key, &state, BPF_NOEXIST))
		__atomic_fetch_add(&t->skel->bss->overflow_tasks, 1, __ATOMIC_SEQ_CST);
	else if (errno != EEXIST || bpf_map_update_elem(tasks, &tid_key, &state, BPF_ANY))
		return fail("cannot watch the process", errno);
	return 0;
}

/* A traced tid's state: in its slot, or in its traced_tasks entry. */
static bool read_task_state(struct tracer *t, __u32 tid, struct task_state *state)
{
	__u32 key = tid & t->skel->rodata->task_slot_mask;
	struct task_slot slot;

	if (bpf_map_lookup_elem(bpf_map__fd(t->skel->maps.traced_tasks), &tid, state))
		return false;
	if (!(state->flags & TASK_SLOTTED))
		return true;
	if (bpf_map_lookup_elem(bpf_map__fd(t->skel->maps.task_slots), &key, &slot) ||
	    slot.tid != tid)
		return false;
	*state = slot.state;
	return true;
}

/* The calls in flight live in the traced threads' task_state. */
size_t tracer_read_inflight(struct tracer *t, struct inflight_call *out, size_t max,
			    bool *tasks_left)
{
	int fd = bpf_map__fd(t->skel->maps.traced_tasks);
	__u32 key, next;
	__u32 *prev = NULL;
	size_t n = 0;

	*tasks_left = false;
	while (n < max && !bpf_map_get_next_key(fd, prev, &next)) {
		struct task_state state;

		key = next;
		prev = &key;
		*tasks_left = true;
		if (!read_task_state(t, key, &state) || !(state.flags & TASK_IN_CALL))
			continue;
		out[n].tid = key;
		out[n].nr = state.call.nr;
		out[n].enter_ns = state.call.enter_ns;
		memcpy(out[n].args, state.call.args, sizeof(state.call.args));
		n++;
	}
	return n;
}

int tracer_poll(struct tracer *t, int timeout_ms)
{
	struct epoll_event ev[2];
	struct signalfd_siginfo si;
	int n, sig = 0;

	/* Records wake us above the mark only while we say we sleep. */
	t->skel->bss->reader_asleep = 1;
	n = epoll_wait(t->epoll_fd, ev, 2, timeout_ms);
	t->skel->bss->reader_asleep = 0;
	if (n < 0 && errno != EINTR)
		return fail("epoll_wait", errno);
	/* Records are submitted without wakeups: read them on every turn. */
	ring_reader_consume(&t->ring);
	while (read(t->signal_fd, &si, sizeof(si)) == sizeof(si)) {
		if (si.ssi_signo != SIGCHLD || !sig)
			sig = (int)si.ssi_signo;
	}
	return sig;
}

void tracer_drain(struct tracer *t)
{
	if (t->ring.consumer_pos)
		ring_reader_consume(&t->ring);
}

/*
 * Calls the kernel did not hand a program: it skips a program while another
 * tracing program runs on the same CPU (rare).
 */
static uint64_t program_misses(const struct bpf_program *prog)
{
	struct bpf_prog_info info;
	__u32 len = sizeof(info);

	memset(&info, 0, sizeof(info));
	if (bpf_program__fd(prog) < 0 || bpf_obj_get_info_by_fd(bpf_program__fd(prog), &info, &len))
		return 0;
	return info.recursion_misses;
}

void tracer_losses(const struct tracer *t, uint64_t lost[LOST_REASONS])
{
	struct bpf_program *prog;

	memset(lost, 0, LOST_REASONS * sizeof(lost[0]));
	if (!t->skel || !t->skel->bss)
		return;
	memcpy(lost, (const void *)t->skel->bss->lost_by_reason, LOST_REASONS * sizeof(lost[0]));
	/* Only attached programs are entered by the kernel; tail calls are not counted. */
	bpf_object__for_each_program(prog, t->skel->obj)
		lost[LOST_SKIPPED] += program_misses(prog);
}

size_t tracer_stats_capacity(const struct tracer *t)
{
	__u32 per_process;

	if (!t->skel)
		return 0;
	per_process = bpf_map__max_entries(t->skel->maps.process_stats);
	return per_process > 1 ? per_process : SYSCALL_NR_MAX;
}

/* The per-syscall array in one batch: 512 lookups would cost 15 ms. */
static size_t read_syscall_stats(struct tracer *t, struct summary_row *rows, size_t max)
{
	int fd = bpf_map__fd(t->skel->maps.stats);
	__u32 keys[64] = { 0 }, out_batch = 0, count;
	size_t n = 0;
	void *in = NULL;
	int err;

	do {
		count = sizeof(keys) / sizeof(keys[0]);
		err = bpf_map_lookup_batch(fd, in, &out_batch, keys, t->batch, &count, NULL);
		if (err && errno != ENOENT)
			break;
		for (__u32 i = 0; i < count && n < max; i++) {
			struct summary_row *row = &rows[n];

			row->tgid = 0;
			row->nr = keys[i];
			memset(&row->st, 0, sizeof(row->st));
			summary_add_cpu_values(&row->st, t->batch + (size_t)i * t->ncpus, t->ncpus);
			if (row->st.calls)
				n++;
		}
		in = &out_batch;
	} while (!err);
	return n;
}

size_t tracer_read_stats(struct tracer *t, struct summary_row *rows, size_t max)
{
	struct bpf_map *per_process = t->skel->maps.process_stats;
	struct stats_key key, next;
	const void *prev = NULL;
	size_t n = 0;

	if (!t->batch)
		return 0;
	if (bpf_map__max_entries(per_process) <= 1)
		return read_syscall_stats(t, rows, max);
	while (n < max && !bpf_map__get_next_key(per_process, prev, &next, sizeof(next))) {
		struct summary_row *row = &rows[n];
		size_t size = (size_t)t->ncpus * sizeof(*t->batch);

		key = next;
		prev = &key;
		if (bpf_map__lookup_elem(per_process, &key, sizeof(key), t->batch, size, 0))
			continue;
		row->tgid = key.tgid;
		row->nr = key.nr;
		memset(&row->st, 0, sizeof(row->st));
		summary_add_cpu_values(&row->st, t->batch, t->ncpus);
		if (row->st.calls)
			n++;
	}
	summary_sort_by_process(rows, n);
	return n;
}

/*
 * Stop the programs now (an output error: the command runs on untraced).
 * Releasing the events' links takes 50 ms each; it happens once.
 */
void tracer_detach(struct tracer *t)
{
	for (int i = 0; i < t->events.nlinks; i++)
		bpf_link__destroy(t->events.links[i]);
	t->events.nlinks = 0;
	if (t->skel)
		bstrace_bpf__detach(t->skel);
}

/*
 * Every link, the events' and the skeleton's, to one holder
 * (link_release.h): releasing them took 2.6-4 ms of each trace's end, and
 * 50 ms per syscall event.
 */
static void release_links_after_exit(struct tracer *t)
{
	const struct bpf_object_skeleton *s = t->skel ? t->skel->skeleton : NULL;
	int cap = t->events.nlinks + (s ? s->prog_cnt : 0);
	struct bpf_link **links = calloc(cap ? cap : 1, sizeof(*links));
	int n = 0;

	if (!links) {
		tracer_detach(t);
		return;
	}
	for (int i = 0; i < t->events.nlinks; i++)
		links[n++] = t->events.links[i];
	t->events.nlinks = 0;
	for (int i = 0; s && i < s->prog_cnt; i++) {
		if (*s->progs[i].link)
			links[n++] = *s->progs[i].link;
		*s->progs[i].link = NULL;
	}
	links_release_after_exit(links, n);
	free(links);
}

void tracer_stop(struct tracer *t)
{
	debug_phase("traced");
	ring_reader_close(&t->ring);
	release_links_after_exit(t);
	bstrace_bpf__destroy(t->skel);
	if (t->epoll_fd >= 0)
		close(t->epoll_fd);
	if (t->signal_fd >= 0)
		close(t->signal_fd);
	free(t->batch);
	t->batch = NULL;
	t->skel = NULL;
	t->epoll_fd = t->signal_fd = -1;
	debug_phase("detached");
}
