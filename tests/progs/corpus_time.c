// SPDX-License-Identifier: GPL-2.0-or-later
/* Corpus, time: clocks, sleeps, interval timers, POSIX timers, timerfd. */
#include "corpus.h"
#include <signal.h>
#include <string.h>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <sys/timex.h>
#include <time.h>

int main(void)
{
	struct timespec ts, req = { 0, 1000 };
	struct timeval tv;
	struct itimerval itv = { { 0, 0 }, { 100, 0 } }, oitv;
	struct itimerspec its = { { 0, 0 }, { 100, 0 } }, oits;
	struct sigevent sev;
	struct timex tx;
	int timer, fd;
	time_t t;

	syscall(SYS_clock_gettime, CLOCK_REALTIME, &ts);
	syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts);
	syscall(SYS_clock_gettime, CLOCK_BOOTTIME, &ts);
	syscall(SYS_clock_getres, CLOCK_MONOTONIC, &ts);
	syscall(SYS_clock_getres, CLOCK_PROCESS_CPUTIME_ID, NULL);
	syscall(SYS_gettimeofday, &tv, NULL);
	syscall(SYS_time, NULL);
	syscall(SYS_time, &t);
	syscall(SYS_nanosleep, &req, NULL);
	syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &req, &ts);
	syscall(SYS_clock_nanosleep, CLOCK_REALTIME, TIMER_ABSTIME, &req, NULL);
	syscall(SYS_getitimer, ITIMER_REAL, &oitv);
	syscall(SYS_setitimer, ITIMER_REAL, &itv, NULL);
	memset(&itv, 0, sizeof(itv));
	syscall(SYS_setitimer, ITIMER_REAL, &itv, &oitv);
	memset(&sev, 0, sizeof(sev));
	sev.sigev_notify = SIGEV_NONE;
	syscall(SYS_timer_create, CLOCK_MONOTONIC, &sev, &timer);
	syscall(SYS_timer_settime, timer, 0, &its, NULL);
	syscall(SYS_timer_gettime, timer, &oits);
	syscall(SYS_timer_getoverrun, timer);
	syscall(SYS_timer_delete, timer);
	fd = syscall(SYS_timerfd_create, CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
	syscall(SYS_timerfd_settime, fd, 0, &its, &oits);
	syscall(SYS_timerfd_gettime, fd, &oits);
	syscall(SYS_close, fd);
	memset(&tx, 0, sizeof(tx));
	syscall(SYS_adjtimex, &tx);
	syscall(SYS_clock_adjtime, CLOCK_REALTIME, &tx);
	syscall(SYS_settimeofday, NULL, NULL);
	syscall(SYS_clock_settime, CLOCK_MONOTONIC, &req);
	return 0;
}
