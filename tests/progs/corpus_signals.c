// SPDX-License-Identifier: GPL-2.0-or-later
/* Corpus, signals: actions, masks, queued signals taken synchronously. */
#include "corpus.h"
#include <signal.h>
#include <string.h>
#include <sys/signalfd.h>

static void handler(int sig)
{
	(void)sig;
}

struct kernel_sigaction {
	void (*handler)(int);
	unsigned long flags;
	void (*restorer)(void);
	unsigned long mask;
};

int main(void)
{
	struct kernel_sigaction sa = { handler, SA_RESTART | 0x04000000, NULL, 1UL << (SIGUSR2 - 1) }, old;
	unsigned long set = (1UL << (SIGUSR1 - 1)) | (1UL << (SIGUSR2 - 1)) | (1UL << (SIGRTMIN + 1 - 1));
	unsigned long oldset, all = ~0UL;
	struct timespec zero = { 0, 0 };
	siginfo_t info;
	stack_t ss = { .ss_sp = malloc(65536), .ss_flags = 0, .ss_size = 65536 }, oss;
	int fd;
	char buf[128];

	sa.restorer = (void (*)(void))handler;
	syscall(SYS_rt_sigaction, SIGUSR1, &sa, &old, 8);
	syscall(SYS_rt_sigaction, SIGUSR1, NULL, &old, 8);
	syscall(SYS_rt_sigaction, SIGKILL, &sa, NULL, 8);
	sa.handler = SIG_IGN;
	sa.flags = 0x04000000;
	syscall(SYS_rt_sigaction, SIGPIPE, &sa, NULL, 8);
	syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, &oldset, 8);
	syscall(SYS_rt_sigprocmask, SIG_SETMASK, NULL, &oldset, 8);
	syscall(SYS_rt_sigprocmask, SIG_UNBLOCK, &all, NULL, 8);
	syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, NULL, 8);
	syscall(SYS_kill, getpid(), SIGUSR1);
	syscall(SYS_tgkill, getpid(), syscall(SYS_gettid), SIGUSR2);
	syscall(SYS_rt_sigpending, &oldset, 8);
	syscall(SYS_rt_sigtimedwait, &set, &info, &zero, 8);
	syscall(SYS_rt_sigtimedwait, &set, NULL, &zero, 8);
	syscall(SYS_rt_sigtimedwait, &set, NULL, &zero, 8);
	syscall(SYS_tkill, syscall(SYS_gettid), SIGUSR1);
	fd = syscall(SYS_signalfd4, -1, &set, 8, SFD_CLOEXEC | SFD_NONBLOCK);
	/* Reading it would print this process's pid inside the bytes. */
	(void)buf;
	syscall(SYS_close, fd);
	syscall(SYS_kill, getpid(), 0);
	syscall(SYS_kill, 0x7ffffff0, SIGTERM);
	syscall(SYS_sigaltstack, &ss, &oss);
	syscall(SYS_sigaltstack, NULL, &oss);
	ss.ss_flags = SS_DISABLE;
	syscall(SYS_sigaltstack, &ss, NULL);
	syscall(SYS_alarm, 100);
	syscall(SYS_alarm, 0);
	memset(&info, 0, sizeof(info));
	info.si_code = SI_QUEUE;
	info.si_pid = 1;
	syscall(SYS_rt_sigqueueinfo, 0x7ffffff0, SIGUSR1, &info);
	return 0;
}
