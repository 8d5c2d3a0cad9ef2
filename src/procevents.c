// SPDX-License-Identifier: GPL-2.0-or-later
#define _GNU_SOURCE
/*
 * strace's siginfo notation (its printsiginfo.c): the fields a signal's
 * si_code says are valid, in strace's order.
 */
#include <signal.h>
#include <stddef.h>
#include <string.h>
#include <linux/types.h>

#include "printers.h"
#include "procevents.h"

/* Clock ticks, with strace's comment in seconds when not zero. */
static void put_ticks(struct linebuf *lb, const char *field, long ticks)
{
	line_printf(lb, ", %s=%ld", field, ticks);
	if (ticks)
		line_printf(lb, " /* %ld.%02ld s */", ticks / 100, ticks % 100);
}

static void put_child(struct linebuf *lb, const siginfo_t *si)
{
	line_printf(lb, ", si_pid=%d, si_uid=%u, si_status=", si->si_pid, si->si_uid);
	if (si->si_code == CLD_EXITED)
		line_dec(lb, si->si_status);
	else
		print_signal(lb, si->si_status);
	put_ticks(lb, "si_utime", (long)si->si_utime);
	put_ticks(lb, "si_stime", (long)si->si_stime);
}

static void put_fault(struct linebuf *lb, const siginfo_t *si)
{
	line_puts(lb, ", si_addr=");
	print_pointer(lb, (uint64_t)(uintptr_t)si->si_addr);
}

/* The fields after si_code, which si_code (and the signal) select. */
static void put_fields(struct linebuf *lb, int sig, const siginfo_t *si)
{
	switch (si->si_code) {
	case SI_USER:
	case SI_TKILL:
		line_printf(lb, ", si_pid=%d, si_uid=%u", si->si_pid, si->si_uid);
		return;
	case SI_QUEUE:
	case SI_MESGQ:
		line_printf(lb, ", si_pid=%d, si_uid=%u, si_int=%d, si_ptr=", si->si_pid,
			    si->si_uid, si->si_int);
		print_pointer(lb, (uint64_t)(uintptr_t)si->si_ptr);
		return;
	case SI_TIMER:
		line_printf(lb, ", si_timerid=%#x, si_overrun=%d, si_int=%d, si_ptr=",
			    (unsigned int)si->si_timerid, si->si_overrun, si->si_int);
		print_pointer(lb, (uint64_t)(uintptr_t)si->si_ptr);
		return;
	case SI_KERNEL:
		return;
	}
	if (si->si_code <= 0)
		return;
	switch (sig) {
	case SIGCHLD:
		put_child(lb, si);
		return;
	case SIGSEGV:
	case SIGBUS:
	case SIGILL:
	case SIGFPE:
	case SIGTRAP:
		put_fault(lb, si);
		return;
	case SIGIO:
		line_printf(lb, ", si_band=%ld, si_fd=%d", si->si_band, si->si_fd);
		return;
	}
}

void format_signal(struct linebuf *lb, const struct rec_signal *rec)
{
	siginfo_t si;

	memset(&si, 0, sizeof(si));
	memcpy(&si, rec->siginfo, sizeof(rec->siginfo) < sizeof(si) ? sizeof(rec->siginfo) : sizeof(si));
	line_puts(lb, "--- ");
	print_signal_name(lb, rec->signo);
	line_puts(lb, " {si_signo=");
	print_signal(lb, rec->signo);
	line_puts(lb, ", si_code=");
	print_si_code(lb, rec->signo, si.si_code);
	put_fields(lb, rec->signo, &si);
	line_puts(lb, "} ---");
}
