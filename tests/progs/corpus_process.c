// SPDX-License-Identifier: GPL-2.0-or-later
/* Corpus, process: ids, credentials, limits, scheduling, a child. */
#include "corpus.h"
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <asm/prctl.h>
#include <linux/capability.h>
#include <linux/sched.h>
#include <stdint.h>

int main(void)
{
	struct __user_cap_header_struct caph = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct capd[2];
	struct rlimit rl = { 1024, 4096 }, old;
	struct rusage ru;
	struct tms tms;
	struct utsname uts;
	struct sysinfo si;
	struct sched_param sp = { 0 };
	struct timespec ts;
	unsigned int cpu, node, groups[64];
	unsigned long affinity[16], fsbase;
	char name[16];
	int status, r, e, s;
	sigset_t chld;
	pid_t pid;
	int parent_tid = 0;

	syscall(SYS_getpid);
	syscall(SYS_getppid);
	syscall(SYS_gettid);
	syscall(SYS_getpgrp);
	syscall(SYS_getpgid, 0);
	syscall(SYS_getsid, 0);
	syscall(SYS_setpgid, 0, 0);
	syscall(SYS_getuid);
	syscall(SYS_geteuid);
	syscall(SYS_getgid);
	syscall(SYS_getegid);
	syscall(SYS_setuid, 0);
	syscall(SYS_setgid, 0);
	syscall(SYS_setreuid, -1, -1);
	syscall(SYS_setregid, -1, -1);
	syscall(SYS_setresuid, -1, -1, -1);
	syscall(SYS_setresgid, -1, -1, -1);
	syscall(SYS_getresuid, &r, &e, &s);
	syscall(SYS_getresgid, &r, &e, &s);
	syscall(SYS_setfsuid, 0);
	syscall(SYS_setfsgid, 0);
	syscall(SYS_getgroups, 0, NULL);
	syscall(SYS_getgroups, 64, groups);
	syscall(SYS_setgroups, 0, NULL);
	syscall(SYS_capget, &caph, capd);
	syscall(SYS_prctl, PR_SET_NAME, "corpus", 0, 0, 0);
	syscall(SYS_prctl, PR_GET_NAME, name, 0, 0, 0);
	syscall(SYS_prctl, PR_GET_DUMPABLE, 0, 0, 0, 0);
	syscall(SYS_prctl, PR_SET_NO_NEW_PRIVS, 0, 0, 0, 0);
	syscall(SYS_arch_prctl, ARCH_GET_FS, &fsbase);
	syscall(SYS_personality, 0xffffffff);
	syscall(SYS_getrlimit, RLIMIT_NOFILE, &old);
	syscall(SYS_setrlimit, RLIMIT_CORE, &rl);
	syscall(SYS_prlimit64, 0, RLIMIT_STACK, NULL, &old);
	syscall(SYS_prlimit64, 0, RLIMIT_CORE, &rl, NULL);
	syscall(SYS_getrusage, RUSAGE_SELF, &ru);
	syscall(SYS_getrusage, RUSAGE_CHILDREN, &ru);
	syscall(SYS_times, &tms);
	syscall(SYS_getpriority, PRIO_PROCESS, 0);
	syscall(SYS_setpriority, PRIO_PROCESS, 0, 0);
	syscall(SYS_sched_yield);
	syscall(SYS_sched_getparam, 0, &sp);
	syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, &sp);
	syscall(SYS_sched_getscheduler, 0);
	syscall(SYS_sched_get_priority_max, SCHED_FIFO);
	syscall(SYS_sched_get_priority_min, SCHED_RR);
	syscall(SYS_sched_rr_get_interval, 0, &ts);
	syscall(SYS_sched_getaffinity, 0, sizeof(affinity), affinity);
	syscall(SYS_getcpu, &cpu, &node, NULL);
	syscall(SYS_uname, &uts);
	syscall(SYS_sysinfo, &si);
	syscall(SYS_umask, 077);
	syscall(SYS_ioprio_get, 1, 0);
	/* A child, with SIGCHLD blocked so no signal line depends on timing. */
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	pid = syscall(SYS_clone, CLONE_CHILD_SETTID | SIGCHLD, NULL, NULL, NULL, 0);
	if (pid == 0)
		syscall(SYS_exit_group, 3);
	syscall(SYS_wait4, pid, &status, 0, NULL);
	syscall(SYS_wait4, -1, &status, WNOHANG, &ru);
	syscall(SYS_kill, pid, 0);
	/* clone3, as pthread_create and newer forks make it. */
	{
		struct clone_args args;

		memset(&args, 0, sizeof(args));
		args.flags = CLONE_PARENT_SETTID;
		args.parent_tid = (uint64_t)(uintptr_t)&parent_tid;
		args.exit_signal = SIGCHLD;
		pid = syscall(SYS_clone3, &args, sizeof(args));
		if (pid == 0)
			syscall(SYS_exit_group, 0);
		syscall(SYS_wait4, pid, &status, 0, NULL);
	}
	return 0;
}
