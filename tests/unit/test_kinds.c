// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * One test per argument kind family, each line checked against what
 * strace 6.1 prints for the same call, and each with the hostile cases a
 * record can carry: NULL, failed reads, payloads shorter than the struct,
 * counts and lengths larger than what was captured.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <linux/futex.h>
#include <linux/prctl.h>
#include <arpa/inet.h>
#include <netinet/in.h>

#include "printers.h"
#include "records.h"
#include "structs.h"

static struct linebuf lb;
static const struct print_opts defaults = { .max_strlen = 32 };
static struct test_record r;

static const char *line(void)
{
	const char *s = format_with(&lb, &r, &defaults);
	static char copy[4096];

	/* Drop the padding before " = " so expectations read naturally. */
	snprintf(copy, sizeof(copy), "%s", s);
	for (char *eq = strstr(copy, ") "); eq; eq = strstr(eq + 1, ") ")) {
		char *p = eq + 1;

		while (*p == ' ')
			p++;
		if (*p == '=' && p > eq + 2)
			memmove(eq + 2, p, strlen(p) + 1);
	}
	copy[strcspn(copy, "\n")] = '\0';
	return copy;
}

static void call(const char *name, int64_t ret, uint64_t a0, uint64_t a1, uint64_t a2,
		 uint64_t a3, uint64_t a4, uint64_t a5)
{
	int nr = syscall_by_name(name);

	assert_true(nr >= 0);
	init_record(&r, nr, ret);
	r.rec.args[0] = a0;
	r.rec.args[1] = a1;
	r.rec.args[2] = a2;
	r.rec.args[3] = a3;
	r.rec.args[4] = a4;
	r.rec.args[5] = a5;
}

/* Calls whose arguments are all in the registers: one line each. */
static const struct register_case {
	const char *name;
	int64_t ret;
	uint64_t args[6];
	const char *expected;
} register_cases[] = {
	{ "lseek", 0, { 3, (uint64_t)-2, 2 }, "lseek(3, -2, SEEK_END) = 0" },
	/* An int enum arrives zero-extended: RUSAGE_CHILDREN is -1. */
	{ "getrusage", -14, { 0xffffffff, 0x1000 },
	  "getrusage(RUSAGE_CHILDREN, 0x1000) = -1 EFAULT (Bad address)" },
	/* Unknown values: hex with strace's comment where its table has one. */
	{ "socket", -97, { 12345, 1 }, "socket(0x3039 /* AF_??? */, SOCK_STREAM, 0) = -1 "
	  "EAFNOSUPPORT (Address family not supported by protocol)" },
	{ "kill", 0, { 42, 0 }, "kill(42, 0) = 0" },
	/* strace's signal names, not glibc's aliases. */
	{ "kill", 0, { 42, 29 }, "kill(42, SIGIO) = 0" },
	{ "kill", 0, { 42, 6 }, "kill(42, SIGABRT) = 0" },
	{ "umask", 022, { 077 }, "umask(077) = 022" },
	/* mknod's dev shows only for device files. */
	{ "mknod", 0, { 0, S_IFIFO | 0644, 5 }, "mknod(NULL, S_IFIFO|0644) = 0" },
	{ "mknod", 0, { 0, S_IFCHR | 0600, (1 << 8) | 3 },
	  "mknod(NULL, S_IFCHR|0600, makedev(0x1, 0x3)) = 0" },
	/* clone: named, in strace's order, the exit signal in the low byte. */
	{ "clone", 42, { 0x01000000 | SIGCHLD, 0, 0, 0x2000, 0 },
	  "clone(child_stack=NULL, flags=CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x2000) = 42" },
	{ "clone", -11, { 0 }, "clone(child_stack=NULL, flags=0) = -1 EAGAIN "
	  "(Resource temporarily unavailable)" },
	{ "semget", 2, { 0, 1, 01000 | 0600 }, "semget(IPC_PRIVATE, 1, IPC_CREAT|0600) = 2" },
	{ "semget", -2, { 0x1234, 1, 0 },
	  "semget(0x1234, 1, 000) = -1 ENOENT (No such file or directory)" },
	{ "dup3", 11, { 4, 11, O_CLOEXEC }, "dup3(4, 11, O_CLOEXEC) = 11" },
	{ "pipe2", 0, { 0 }, "pipe2(NULL, 0) = 0" },
	/* ioctl: strace's names (two where drivers share a number), _IOC() where none. */
	{ "ioctl", -18, { 3, 0x40049409, 4 },
	  "ioctl(3, BTRFS_IOC_CLONE or FICLONE, 4) = -1 EXDEV (Invalid cross-device link)" },
	{ "ioctl", -25, { 3, 0x5402, 0 },
	  "ioctl(3, SNDCTL_TMR_START or TCSETS, NULL) = -1 ENOTTY (Inappropriate ioctl for device)" },
	{ "ioctl", -25, { 3, 0xc0189999, 0x10 }, "ioctl(3, _IOC(_IOC_READ|_IOC_WRITE, 0x99, 0x99, "
	  "0x18), 0x10) = -1 ENOTTY (Inappropriate ioctl for device)" },
	{ "ioctl", -25, { 3, 0x9999, 0 },
	  "ioctl(3, _IOC(_IOC_NONE, 0x99, 0x99, 0), 0) = -1 ENOTTY (Inappropriate ioctl for device)" },
	/* ps probes the last capability: strace comments the ones past it. */
	{ "prctl", -22, { 23, 0x30 },
	  "prctl(PR_CAPBSET_READ, 0x30 /* CAP_??? */) = -1 EINVAL (Invalid argument)" },
	{ "prctl", 0, { 24, 21 }, "prctl(PR_CAPBSET_DROP, CAP_SYS_ADMIN) = 0" },
	/* Return values strace explains. */
	{ "sched_getscheduler", 0, { 0 }, "sched_getscheduler(0) = 0 (SCHED_OTHER)" },
	{ "membarrier", 0x3, { 0 }, "membarrier(MEMBARRIER_CMD_QUERY, 0) = 0x3 "
	  "(MEMBARRIER_CMD_GLOBAL|MEMBARRIER_CMD_GLOBAL_EXPEDITED)" },
	{ "rt_sigtimedwait", 10, { 0, 0, 0, 8 },
	  "rt_sigtimedwait(NULL, NULL, NULL, 8) = 10 (SIGUSR1)" },
	{ "personality", 0, { 0xffffffff }, "personality(0xffffffff) = 0 (PER_LINUX)" },
	/* Errors win over every decoration. */
	{ "sched_getscheduler", -3, { 99 }, "sched_getscheduler(99) = -1 ESRCH (No such process)" },
};

static void test_register_kinds(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(register_cases) / sizeof(register_cases[0]); i++) {
		const struct register_case *c = &register_cases[i];

		call(c->name, c->ret, c->args[0], c->args[1], c->args[2], c->args[3], c->args[4],
		     c->args[5]);
		assert_string_equal(line(), c->expected);
	}
}

/* clone with CLONE_PARENT_SETTID: the tid the kernel wrote, read at exit. */
static void test_clone_parent_tid(void **state)
{
	int32_t tid = 1235;

	(void)state;
	call("clone", 1235, 0x00100000 | 0x00080000 | 0x00200000, 0x7000, 0x3000, 0x4000, 0x5000, 0);
	add_blob(&r, 2, &tid, sizeof(tid));
	assert_string_equal(line(), "clone(child_stack=0x7000, flags=CLONE_SETTLS|"
				    "CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID, parent_tid=[1235], "
				    "tls=0x5000, child_tidptr=0x4000) = 1235");
}

/* by:N arguments: what follows the selector depends on its value. */
static void test_selectors(void **state)
{
	(void)state;
	call("fcntl", 0x8002, 3, F_GETFL, 0xdead, 0, 0, 0);
	assert_string_equal(line(), "fcntl(3, F_GETFL) = 0x8002 (flags O_RDWR|O_LARGEFILE)");
	call("fcntl", 0, 3, F_SETFD, FD_CLOEXEC, 0, 0, 0);
	assert_string_equal(line(), "fcntl(3, F_SETFD, FD_CLOEXEC) = 0");
	call("fcntl", 1, 3, F_GETFD, 0, 0, 0, 0);
	assert_string_equal(line(), "fcntl(3, F_GETFD) = 0x1 (flags FD_CLOEXEC)");
	call("fcntl", 20, 3, F_DUPFD_CLOEXEC, 20, 0, 0, 0);
	assert_string_equal(line(), "fcntl(3, F_DUPFD_CLOEXEC, 20) = 20");
	/* An unknown command: every argument after it in hex. */
	call("fcntl", -22, 3, 0x7777, 0x10, 0, 0, 0);
	assert_string_equal(line(), "fcntl(3, 0x7777, 0x10) = -1 EINVAL (Invalid argument)");
	/* A struct flock that could not be read prints its address. */
	call("fcntl", 0, 3, F_SETLK, 0x1000, 0, 0, 0);
	r.rec.blob[2].len = -EFAULT;
	assert_string_equal(line(), "fcntl(3, F_SETLK, 0x1000) = 0");

	call("futex", -11, 0x1000, FUTEX_WAIT_PRIVATE, 0, 0, 0, 0);
	assert_string_equal(line(), "futex(0x1000, FUTEX_WAIT_PRIVATE, 0, NULL) = -1 EAGAIN "
				    "(Resource temporarily unavailable)");
	call("futex", 1, 0x1000, FUTEX_WAKE_PRIVATE, 1, 0x55, 0x66, 0x77);
	assert_string_equal(line(), "futex(0x1000, FUTEX_WAKE_PRIVATE, 1) = 1");
	call("futex", 0, 0x1000, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME, 0, 0, 0, 0xffffffff);
	assert_string_equal(line(), "futex(0x1000, FUTEX_WAIT_BITSET|FUTEX_CLOCK_REALTIME, 0, NULL, "
				    "FUTEX_BITSET_MATCH_ANY) = 0");
	call("futex", 0, 0x1000, FUTEX_WAKE_OP_PRIVATE, 1, 1, 0x2000,
	     FUTEX_OP(FUTEX_OP_ADD, 1, FUTEX_OP_CMP_GT, 2));
	assert_string_equal(line(), "futex(0x1000, FUTEX_WAKE_OP_PRIVATE, 1, 1, 0x2000, "
				    "FUTEX_OP_ADD<<28|0x1<<12|FUTEX_OP_CMP_GT<<24|0x2) = 0");

	call("prctl", 1, PR_GET_DUMPABLE, 0, 0, 0, 0, 0);
	assert_string_equal(line(), "prctl(PR_GET_DUMPABLE) = 1 (SUID_DUMP_USER)");
	call("prctl", 0, PR_SET_NAME, 0x1000, 0, 0, 0, 0);
	add_blob(&r, 1, "name\0garbage", 12);
	assert_string_equal(line(), "prctl(PR_SET_NAME, \"name\") = 0");
	/* A fixed read with no NUL in it: cut, and marked as going on. */
	call("prctl", 0, PR_SET_NAME, 0x1000, 0, 0, 0, 0);
	add_blob(&r, 1, "abcd", 4);
	assert_string_equal(line(), "prctl(PR_SET_NAME, \"abcd\"...) = 0");
}

static void test_structs(void **state)
{
	struct kernel_rlimit64 rl = { 8192 * 1024, UINT64_MAX };
	struct timespec ts = { 1, 500 };
	struct itimerval itv = { { 0, 0 }, { 100, 5 } };
	struct stat st = { .st_mode = S_IFREG | 0644, .st_size = 42 };

	(void)state;
	call("prlimit64", 0, 0, 3, 0, 0x1000, 0, 0);
	add_blob(&r, 3, &rl, sizeof(rl));
	assert_string_equal(line(), "prlimit64(0, RLIMIT_STACK, NULL, "
				    "{rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}) = 0");
	/* Written by the kernel: on failure, only the address. */
	r.rec.ret = -1;
	assert_string_equal(line(), "prlimit64(0, RLIMIT_STACK, NULL, 0x1000) = -1 EPERM "
				    "(Operation not permitted)");
	call("nanosleep", 0, 0x1000, 0, 0, 0, 0, 0);
	add_blob(&r, 0, &ts, sizeof(ts));
	assert_string_equal(line(), "nanosleep({tv_sec=1, tv_nsec=500}, NULL) = 0");
	/* Shorter than the struct: the address, never a read past the payload. */
	call("nanosleep", 0, 0x1000, 0, 0, 0, 0, 0);
	add_blob(&r, 0, &ts, sizeof(ts) - 1);
	assert_string_equal(line(), "nanosleep(0x1000, NULL) = 0");
	call("setitimer", 0, 0, 0x1000, 0, 0, 0, 0);
	add_blob(&r, 1, &itv, sizeof(itv));
	assert_string_equal(line(), "setitimer(ITIMER_REAL, {it_interval={tv_sec=0, tv_usec=0}, "
				    "it_value={tv_sec=100, tv_usec=5}}, NULL) = 0");
	call("fstat", 0, 3, 0x1000, 0, 0, 0, 0);
	add_blob(&r, 1, &st, sizeof(st));
	assert_string_equal(line(), "fstat(3, {st_mode=S_IFREG|0644, st_size=42, ...}) = 0");
}

/*
 * Date comments as strace's sprinttime_ex writes them: the fraction only
 * when it is not zero, and no comment for time zero or a bogus fraction.
 */
static void test_date_comments(void **state)
{
	struct kernel_timespec2 ts = { { { 1577836800, 0 }, { 7, 500000000 } } };
	struct kernel_timeval2 tv = { { { 0, 0 }, { 5, 1000000 } } };

	(void)state;
	setenv("TZ", "UTC0", 1);
	tzset();
	call("utimensat", 0, (uint64_t)AT_FDCWD, 0, 0x1000, 0, 0, 0);
	add_blob(&r, 2, &ts, sizeof(ts));
	assert_string_equal(line(), "utimensat(AT_FDCWD, NULL, [{tv_sec=1577836800, tv_nsec=0} "
				    "/* 2020-01-01T00:00:00+0000 */, {tv_sec=7, tv_nsec=500000000} "
				    "/* 1970-01-01T00:00:07.500000000+0000 */], 0) = 0");
	ts.ts[0].tv_sec = 0;
	call("utimensat", 0, (uint64_t)AT_FDCWD, 0, 0x1000, 0, 0, 0);
	add_blob(&r, 2, &ts, sizeof(ts));
	assert_string_equal(line(), "utimensat(AT_FDCWD, NULL, [{tv_sec=0, tv_nsec=0}, "
				    "{tv_sec=7, tv_nsec=500000000} "
				    "/* 1970-01-01T00:00:07.500000000+0000 */], 0) = 0");
	call("utimes", 0, 0, 0x1000, 0, 0, 0, 0);
	add_blob(&r, 1, &tv, sizeof(tv));
	assert_string_equal(line(), "utimes(NULL, [{tv_sec=0, tv_usec=0}, {tv_sec=5, tv_usec=1000000}]) = 0");
	call("time", 0, 0, 0, 0, 0, 0, 0);
	assert_string_equal(line(), "time(NULL) = 0");
	call("time", 7, 0, 0, 0, 0, 0, 0);
	assert_string_equal(line(), "time(NULL) = 7 (1970-01-01T00:00:07+0000)");
}

/* A sigevent's value only when it is not 0, as strace prints timeout's timer. */
static void test_sigevent(void **state)
{
	struct sigevent sev = { .sigev_signo = SIGALRM, .sigev_notify = SIGEV_SIGNAL };

	(void)state;
	call("timer_create", -22, 0, 0x1000, 0x2000, 0, 0, 0);
	add_blob(&r, 1, &sev, sizeof(sev));
	assert_string_equal(line(), "timer_create(CLOCK_REALTIME, {sigev_signo=SIGALRM, "
				    "sigev_notify=SIGEV_SIGNAL}, 0x2000) = -1 EINVAL (Invalid argument)");
	sev.sigev_value.sival_int = 7;
	call("timer_create", -22, 0, 0x1000, 0x2000, 0, 0, 0);
	add_blob(&r, 1, &sev, sizeof(sev));
	assert_string_equal(line(), "timer_create(CLOCK_REALTIME, {sigev_value={sival_int=7, "
				    "sival_ptr=0x7}, sigev_signo=SIGALRM, sigev_notify=SIGEV_SIGNAL}, "
				    "0x2000) = -1 EINVAL (Invalid argument)");
}

/* Socket options by level: SOL_NETLINK's, as ip and ss set them. */
static void test_sockopts(void **state)
{
	int one = 1;

	(void)state;
	call("setsockopt", 0, 3, 0x10e, 11, 0x1000, 4, 0);
	add_blob(&r, 3, &one, sizeof(one));
	assert_string_equal(line(), "setsockopt(3, SOL_NETLINK, NETLINK_EXT_ACK, [1], 4) = 0");
}

static void test_arrays(void **state)
{
	struct pollfd fds[2] = { { 3, POLLIN, POLLIN }, { 4, POLLOUT, 0 } };
	uint32_t groups[3] = { 0, 4, 27 };

	(void)state;
	call("poll", 1, 0x1000, 2, 0, 0, 0, 0);
	add_blob(&r, 0, fds, sizeof(fds));
	assert_string_equal(line(), "poll([{fd=3, events=POLLIN}, {fd=4, events=POLLOUT}], 2, 0) = 1 "
				    "([{fd=3, revents=POLLIN}])");
	/* A payload that is not a whole number of structs: whole ones only. */
	call("poll", 0, 0x1000, 2, 0, 0, 0, 0);
	add_blob(&r, 0, fds, sizeof(fds[0]) + 3);
	assert_string_equal(line(), "poll([{fd=3, events=POLLIN}], 2, 0) = 0");
	call("getgroups", 3, 64, 0x1000, 0, 0, 0, 0);
	add_blob(&r, 1, groups, sizeof(groups));
	assert_string_equal(line(), "getgroups(64, [0, 4, 27]) = 3");
	call("epoll_wait", 0, 5, 0x1000, 4, 0, 0, 0);
	add_blob(&r, 1, "", 0);
	assert_string_equal(line(), "epoll_wait(5, [], 4, 0) = 0");
}

static void test_wait_status(void **state)
{
	int exited = 3 << 8, killed = SIGKILL | 0x80;

	(void)state;
	call("wait4", 42, 42, 0x1000, 0, 0, 0, 0);
	add_blob(&r, 1, &exited, sizeof(exited));
	assert_string_equal(line(), "wait4(42, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL) = 42");
	call("wait4", 42, 42, 0x1000, 0, 0, 0, 0);
	add_blob(&r, 1, &killed, sizeof(killed));
	assert_string_equal(line(), "wait4(42, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL && "
				    "WCOREDUMP(s)}], 0, NULL) = 42");
	/* Two bytes of an int: the address. */
	call("wait4", 42, 42, 0x1000, 0, 0, 0, 0);
	add_blob(&r, 1, &exited, 2);
	assert_string_equal(line(), "wait4(42, 0x1000, 0, NULL) = 42");
	/* WNOHANG with no child ready: the kernel left the int alone. */
	call("wait4", 0, -1, 0x1000, WNOHANG, 0, 0, 0);
	add_blob(&r, 1, &killed, sizeof(killed));
	assert_string_equal(line(), "wait4(-1, 0x1000, WNOHANG, NULL) = 0");
}

static void put_dirent(uint8_t *buf, size_t *pos, const char *name, uint16_t reclen)
{
	uint64_t ino = 1;
	int64_t off = 2;

	memcpy(buf + *pos, &ino, 8);
	memcpy(buf + *pos + 8, &off, 8);
	memcpy(buf + *pos + 16, &reclen, 2);
	buf[*pos + 18] = 4;	/* DT_DIR */
	strcpy((char *)buf + *pos + 19, name);
	*pos += reclen;
}

static void test_dirents(void **state)
{
	uint8_t buf[128] = { 0 };
	size_t n = 0;

	(void)state;
	put_dirent(buf, &n, ".", 24);
	put_dirent(buf, &n, "..", 24);
	call("getdents64", 48, 3, 0x1000, 512, 0, 0, 0);
	add_blob(&r, 1, buf, n);
	assert_string_equal(line(), "getdents64(3, 0x1000 /* 2 entries */, 512) = 48");
	/* A record length of 0 would loop for ever; one too long overruns. */
	n = 0;
	put_dirent(buf, &n, ".", 24);
	memset(buf + 16, 0, 2);
	call("getdents64", 48, 3, 0x1000, 512, 0, 0, 0);
	add_blob(&r, 1, buf, 48);
	assert_string_equal(line(), "getdents64(3, 0x1000 /* 0 entries */, 512) = 48");
	buf[16] = 200;
	call("getdents64", 48, 3, 0x1000, 512, 0, 0, 0);
	add_blob(&r, 1, buf, 48);
	assert_string_equal(line(), "getdents64(3, 0x1000 /* 0 entries */, 512) = 48");
}

static void test_select_and_timeouts(void **state)
{
	uint8_t in = 1 << 3, out = 1 << 4, none = 0;
	struct timeval left = { 0, 250 }, given = { 1, 0 };

	(void)state;
	call("select", 2, 5, 0x1000, 0x2000, 0, 0x3000, 0);
	add_blob(&r, REC_ENTRY_SLOT(1), &in, 1);
	add_blob(&r, REC_ENTRY_SLOT(2), &out, 1);
	add_blob(&r, REC_ENTRY_SLOT(4), &given, sizeof(given));
	add_blob(&r, 1, &in, 1);
	add_blob(&r, 2, &out, 1);
	add_blob(&r, 4, &left, sizeof(left));
	assert_string_equal(line(), "select(5, [3], [4], NULL, {tv_sec=1, tv_usec=0}) = 2 "
				    "(in [3], out [4], left {tv_sec=0, tv_usec=250})");
	r.rec.ret = 0;
	r.rec.blob[1].len = 1;
	memcpy(r.rec.payload + r.rec.blob[1].off, &none, 1);
	assert_string_equal(line(), "select(5, [3], [4], NULL, {tv_sec=1, tv_usec=0}) = 0 (Timeout)");
	/* nfds far past what was captured: only the captured bytes are read. */
	call("select", 0, 100000, 0x1000, 0, 0, 0, 0);
	add_blob(&r, REC_ENTRY_SLOT(1), &in, 1);
	assert_string_equal(line(), "select(100000, [3], NULL, NULL, NULL) = 0");
}

static void test_memory_kinds(void **state)
{
	struct rec_fdpair pair = { { 3, 4 }, { 0, 0 } };
	struct print_opts five = { .max_strlen = 5 };

	(void)state;
	call("getrandom", 4, 0x1000, 4, 1, 0, 0, 0);
	add_blob(&r, 0, "ab\1\377", 4);
	assert_string_equal(line(), "getrandom(\"\\x61\\x62\\x01\\xff\", 4, GRND_NONBLOCK) = 4");
	call("pipe", 0, 0x1000, 0, 0, 0, 0, 0);
	add_blob(&r, 0, &pair, sizeof(pair));
	assert_string_equal(line(), "pipe([3, 4]) = 0");
	/* A pair cut short prints the address. */
	call("pipe", 0, 0x1000, 0, 0, 0, 0, 0);
	add_blob(&r, 0, &pair, 4);
	assert_string_equal(line(), "pipe(0x1000) = 0");
	call("write", 11, 1, 0x1000, 11, 0, 0, 0);
	add_blob(&r, 1, "hello world", 11);
	assert_string_equal(format_with(&lb, &r, &five), "write(1, \"hello\"..., 11)                = 11\n");
	/* A huge length with a few bytes captured: cut, marked, never overread. */
	call("write", 3, 1, 0x1000, (uint64_t)1 << 40, 0, 0, 0);
	add_blob(&r, 1, "abc", 3);
	assert_string_equal(line(), "write(1, \"abc\"..., 1099511627776) = 3");
	/* A one-byte sockaddr: the address. */
	call("connect", 0, 3, 0x1000, 1, 0, 0, 0);
	add_blob(&r, 1, "\2", 1);
	assert_string_equal(line(), "connect(3, 0x1000, 1) = 0");
}

/* Nested payloads (msghdr, mmsghdr, clone3) whose inner lengths lie. */
static void test_nested_payloads(void **state)
{
	struct {
		struct rec_msghdr_head head;
		struct rec_iov_head iov;
		struct rec_iov_elem elem;
		char data[2];
	} __attribute__((packed)) msg = {
		.head = { .iovlen = 1, .iov = 0x5000, .iov_captured = sizeof(struct rec_iov_head) +
			  sizeof(struct rec_iov_elem) + 2 },
		.iov = { .count = 1 },
		.elem = { .base = 0x6000, .len = 2, .captured = 2 },
		.data = { 'h', 'i' },
	};
	struct {
		struct rec_mmsg_head head;
		struct rec_mmsg_elem elem;
	} mmsg = { { 5, 0 }, { 3, 1000 } };
	uint8_t clone3[REC_CLONE_ARGS_SIZE + sizeof(struct rec_clone3_tail)] = { 0 };

	(void)state;
	call("sendmsg", 2, 3, 0x1000, 0, 0, 0, 0);
	add_blob(&r, 1, &msg, sizeof(msg));
	assert_string_equal(line(), "sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hi\", "
				    "iov_len=2}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = 2");
	/* iovecs said to be longer than the payload: the address instead. */
	msg.head.iov_captured = 4000;
	call("sendmsg", 2, 3, 0x1000, 0, 0, 0, 0);
	add_blob(&r, 1, &msg, sizeof(msg));
	assert_string_equal(line(), "sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=0x5000, "
				    "msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = 2");
	/* Five messages announced, one elem whose payload is not there. */
	call("sendmmsg", 5, 3, 0x1000, 5, 0, 0, 0);
	add_blob(&r, 1, &mmsg, sizeof(mmsg));
	assert_string_equal(line(), "sendmmsg(3, [{msg_hdr=???, msg_len=3}], 5, 0) = 5");
	/* clone3 cut short prints the address. */
	call("clone3", 42, 0x1000, 88, 0, 0, 0, 0);
	add_blob(&r, 0, clone3, sizeof(clone3) - 1);
	assert_string_equal(line(), "clone3(0x1000, 88) = 42");
	call("clone3", 42, 0x1000, 88, 0, 0, 0, 0);
	add_blob(&r, 0, clone3, sizeof(clone3));
	assert_string_equal(line(), "clone3({flags=0, exit_signal=0, stack=NULL, stack_size=0}, 88) = 42");
}

/* -X, -n, -e raw=, -e verbose= through the options of one call. */
static void test_styles(void **state)
{
	struct print_opts opts = defaults;
	static struct syscall_sets sets;
	int lseek_nr = syscall_by_name("lseek");

	(void)state;
	call("lseek", 0, 3, 0, 2, 0, 0, 0);
	print_set_xlat_style(XLAT_RAW);
	assert_string_equal(line(), "lseek(3, 0, 0x2) = 0");
	print_set_xlat_style(XLAT_VERBOSE);
	assert_string_equal(line(), "lseek(3, 0, 0x2 /* SEEK_END */) = 0");
	/* -X raw: signals by number in arguments and structures, by name after the return. */
	print_set_xlat_style(XLAT_RAW);
	call("kill", 0, 42, SIGUSR1, 0, 0, 0, 0);
	assert_string_equal(line(), "kill(42, 10) = 0");
	call("rt_sigtimedwait", SIGUSR2, 0x1000, 0, 0, 8, 0, 0);
	add_blob(&r, REC_ENTRY_SLOT(0), "\0\x0a\0\0\0\0\0\0", 8);
	add_blob(&r, 0, "\0\x0a\0\0\0\0\0\0", 8);
	assert_string_equal(line(), "rt_sigtimedwait([10 12], NULL, NULL, 8) = 12 (SIGUSR2)");
	/* -X verbose: the number, the name in a comment, in sets too. */
	print_set_xlat_style(XLAT_VERBOSE);
	assert_string_equal(line(),
			    "rt_sigtimedwait([10 /* USR1 */ 12 /* USR2 */], NULL, NULL, 8) = 12 (SIGUSR2)");
	call("kill", 0, 42, SIGUSR1, 0, 0, 0, 0);
	assert_string_equal(line(), "kill(42, 10 /* SIGUSR1 */) = 0");
	/* Flags with a field inside: the field and the other bits, each a number. */
	call("socket", 3, 2, 0x80002, 0, 0, 0, 0);
	assert_string_equal(line(), "socket(0x2 /* AF_INET */, 0x2 /* SOCK_DGRAM */|0x80000 "
				    "/* SOCK_CLOEXEC */, 0 /* IPPROTO_IP */) = 3");
	print_set_xlat_style(XLAT_RAW);
	assert_string_equal(line(), "socket(0x2, 0x2|0x80000, 0) = 3");
	call("socket", 3, 2, 0x2, 0, 0, 0, 0);
	assert_string_equal(line(), "socket(0x2, 0x2, 0) = 3");
	print_set_xlat_style(XLAT_ABBREV);
	call("socket", 3, 2, 0x80002, 0, 0, 0, 0);
	assert_string_equal(line(), "socket(AF_INET, SOCK_DGRAM|SOCK_CLOEXEC, IPPROTO_IP) = 3");
	/* A sockaddr_in's network-order fields: bytes under -X raw, decoded in a comment under verbose. */
	{
		struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = htons(53),
					   .sin_addr.s_addr = htonl(0x0a010203) };

		call("connect", 0, 3, 0x1000, sizeof(sin), 0, 0, 0);
		add_blob(&r, 1, &sin, sizeof(sin));
		assert_string_equal(line(), "connect(3, {sa_family=AF_INET, sin_port=htons(53), "
					    "sin_addr=inet_addr(\"10.1.2.3\")}, 16) = 0");
		print_set_xlat_style(XLAT_RAW);
		assert_string_equal(line(), "connect(3, {sa_family=0x2, sin_port=\"\\x00\\x35\", "
					    "sin_addr=\"\\x0a\\x01\\x02\\x03\"}, 16) = 0");
		print_set_xlat_style(XLAT_VERBOSE);
		assert_string_equal(line(), "connect(3, {sa_family=0x2 /* AF_INET */, sin_port=\"\\x00\\x35\" "
					    "/* htons(53) */, sin_addr=\"\\x0a\\x01\\x02\\x03\" "
					    "/* inet_addr(\"10.1.2.3\") */}, 16) = 0");
		/* print_dev_t: the number, makedev() in a comment. */
		call("mknod", 0, 0, S_IFCHR | 0600, (1 << 8) | 3, 0, 0, 0);
		assert_string_equal(line(), "mknod(NULL, 020600 /* S_IFCHR|0600 */, 0x103 /* makedev(0x1, 0x3) */) = 0");
		print_set_xlat_style(XLAT_RAW);
		assert_string_equal(line(), "mknod(NULL, 020600, 0x103) = 0");
		print_set_xlat_style(XLAT_ABBREV);
	}
	call("lseek", 0, 3, 0, 2, 0, 0, 0);
	opts.syscall_numbers = true;
	assert_string_equal(format_with(&lb, &r, &opts), "[   8] lseek(3, 0, SEEK_END)            = 0\n");
	opts.syscall_numbers = false;
	memset(sets.abbrev, 0xff, sizeof(sets.abbrev));
	memset(sets.verbose, 0xff, sizeof(sets.verbose));
	sets.raw[lseek_nr / 64] |= 1ULL << (lseek_nr % 64);
	opts.sets = &sets;
	assert_string_equal(format_with(&lb, &r, &opts), "lseek(0x3, 0, 0x2)                      = 0\n");
}

/* -e verbose=none: what strace 6.1 still reads, and what it shows as an address. */
static void test_not_verbose(void **state)
{
	struct print_opts opts = defaults;
	static struct syscall_sets sets;
	struct pollfd fds[1] = { { 3, POLLIN, POLLIN } };
	uint64_t mask = 1ULL << (SIGUSR1 - 1);
	struct timespec left = { 1, 5 };

	(void)state;
	memset(sets.abbrev, 0xff, sizeof(sets.abbrev));
	opts.sets = &sets;
	/* Signal sets and socket addresses are structures too. */
	call("rt_sigprocmask", 0, SIG_BLOCK, 0x1000, 0, 8, 0, 0);
	add_blob(&r, 1, &mask, sizeof(mask));
	assert_string_equal(line(), "rt_sigprocmask(SIG_BLOCK, [USR1], NULL, 8) = 0");
	assert_string_equal(format_with(&lb, &r, &opts),
			    "rt_sigprocmask(SIG_BLOCK, 0x1000, NULL, 8) = 0\n");
	/* An empty array is read from nowhere: "[]". */
	call("epoll_wait", 0, 5, 0x2000, 4, 0, 0, 0);
	add_blob(&r, 1, "", 0);
	assert_string_equal(format_with(&lb, &r, &opts), "epoll_wait(5, [], 4, 0)                 = 0\n");
	/* poll's revents come from its array: left out with it. */
	call("poll", 1, 0x3000, 1, 0, 0, 0, 0);
	add_blob(&r, 0, fds, sizeof(fds));
	assert_string_equal(format_with(&lb, &r, &opts), "poll(0x3000, 1, 0)                      = 1\n");
	/* pselect6's time left is its address. */
	call("pselect6", 1, 0, 0, 0, 0, 0x4000, 0);
	add_blob(&r, 4, &left, sizeof(left));
	add_blob(&r, REC_ENTRY_SLOT(4), &left, sizeof(left));
	assert_string_equal(format_with(&lb, &r, &opts),
			    "pselect6(0, NULL, NULL, NULL, 0x4000, NULL) = 1 (left 0x4000)\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_register_kinds),
		cmocka_unit_test(test_clone_parent_tid),
		cmocka_unit_test(test_selectors),
		cmocka_unit_test(test_structs),
		cmocka_unit_test(test_date_comments),
		cmocka_unit_test(test_sockopts),
		cmocka_unit_test(test_sigevent),
		cmocka_unit_test(test_arrays),
		cmocka_unit_test(test_wait_status),
		cmocka_unit_test(test_dirents),
		cmocka_unit_test(test_select_and_timeouts),
		cmocka_unit_test(test_memory_kinds),
		cmocka_unit_test(test_nested_payloads),
		cmocka_unit_test(test_styles),
		cmocka_unit_test(test_not_verbose),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
