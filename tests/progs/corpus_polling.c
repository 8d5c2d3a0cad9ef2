// SPDX-License-Identifier: GPL-2.0-or-later
/* Corpus, polling: poll, select, epoll, eventfd, inotify, aio. */
#include "corpus.h"
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/select.h>
#include <linux/aio_abi.h>

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "/tmp";
	int pfd[2], efd, ep, in, wd;
	struct pollfd pf[2];
	struct epoll_event ev, evs[4];
	struct timespec zero = { 0, 0 };
	struct timeval tv = { 0, 0 };
	fd_set rd, wr;
	unsigned long long count = 1;
	unsigned long sigmask = 0;
	aio_context_t ctx = 0;

	syscall(SYS_pipe2, pfd, 0);
	syscall(SYS_write, pfd[1], "x", 1);
	pf[0].fd = pfd[0];
	pf[0].events = POLLIN | POLLPRI;
	pf[1].fd = pfd[1];
	pf[1].events = POLLOUT;
	syscall(SYS_poll, pf, 2, 0);
	syscall(SYS_poll, pf, 1, 10);
	syscall(SYS_ppoll, pf, 2, &zero, NULL, 8);
	syscall(SYS_ppoll, pf, 1, &zero, &sigmask, 8);
	FD_ZERO(&rd);
	FD_ZERO(&wr);
	FD_SET(pfd[0], &rd);
	FD_SET(pfd[1], &wr);
	syscall(SYS_select, pfd[1] + 1, &rd, &wr, NULL, &tv);
	FD_ZERO(&rd);
	FD_SET(0, &rd);
	syscall(SYS_select, 1, NULL, NULL, NULL, &tv);
	syscall(SYS_pselect6, pfd[1] + 1, &rd, NULL, NULL, &zero, NULL);
	ep = syscall(SYS_epoll_create1, EPOLL_CLOEXEC);
	ev.events = EPOLLIN | EPOLLET;
	ev.data.u64 = 42;
	syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, pfd[0], &ev);
	ev.events = EPOLLOUT;
	ev.data.fd = pfd[1];
	syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, pfd[1], &ev);
	syscall(SYS_epoll_ctl, ep, EPOLL_CTL_DEL, pfd[1], NULL);
	syscall(SYS_epoll_wait, ep, evs, 4, 0);
	syscall(SYS_epoll_pwait, ep, evs, 4, 0, NULL, 8);
	syscall(SYS_epoll_pwait2, ep, evs, 4, &zero, NULL, 8);
	syscall(SYS_epoll_create, 10);
	efd = syscall(SYS_eventfd2, 0, EFD_CLOEXEC | EFD_NONBLOCK);
	syscall(SYS_write, efd, &count, sizeof(count));
	syscall(SYS_read, efd, &count, sizeof(count));
	syscall(SYS_read, efd, &count, sizeof(count));
	in = syscall(SYS_inotify_init1, IN_NONBLOCK | IN_CLOEXEC);
	wd = syscall(SYS_inotify_add_watch, in, dir, IN_CREATE | IN_DELETE | IN_MODIFY);
	syscall(SYS_inotify_rm_watch, in, wd);
	syscall(SYS_io_setup, 4, &ctx);
	syscall(SYS_io_destroy, ctx);
	syscall(SYS_io_setup, 4, NULL);
	syscall(SYS_close, in);
	syscall(SYS_close, efd);
	syscall(SYS_close, ep);
	syscall(SYS_close, pfd[0]);
	syscall(SYS_close, pfd[1]);
	return 0;
}
