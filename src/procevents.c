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

struct code_name {
	int code;
	const char *name;
};

/* si_code values any signal may carry (the sender's kind). */
static const struct code_name generic_codes[] = {
	{ SI_USER, "SI_USER" }, { SI_KERNEL, "SI_KERNEL" }, { SI_QUEUE, "SI_QUEUE" },
	{ SI_TIMER, "SI_TIMER" }, { SI_MESGQ, "SI_MESGQ" }, { SI_ASYNCIO, "SI_ASYNCIO" },
	{ SI_SIGIO, "SI_SIGIO" }, { SI_TKILL, "SI_TKILL" }, { SI_ASYNCNL, "SI_ASYNCNL" },
};

static const struct code_name chld_codes[] = {
	{ CLD_EXITED, "CLD_EXITED" }, { CLD_KILLED, "CLD_KILLED" }, { CLD_DUMPED, "CLD_DUMPED" },
	{ CLD_TRAPPED, "CLD_TRAPPED" }, { CLD_STOPPED, "CLD_STOPPED" },
	{ CLD_CONTINUED, "CLD_CONTINUED" },
};

static const struct code_name segv_codes[] = {
	{ SEGV_MAPERR, "SEGV_MAPERR" }, { SEGV_ACCERR, "SEGV_ACCERR" },
	{ SEGV_BNDERR, "SEGV_BNDERR" }, { SEGV_PKUERR, "SEGV_PKUERR" },
};

static const struct code_name bus_codes[] = {
	{ BUS_ADRALN, "BUS_ADRALN" }, { BUS_ADRERR, "BUS_ADRERR" }, { BUS_OBJERR, "BUS_OBJERR" },
	{ BUS_MCEERR_AR, "BUS_MCEERR_AR" }, { BUS_MCEERR_AO, "BUS_MCEERR_AO" },
};

static const struct code_name ill_codes[] = {
	{ ILL_ILLOPC, "ILL_ILLOPC" }, { ILL_ILLOPN, "ILL_ILLOPN" }, { ILL_ILLADR, "ILL_ILLADR" },
	{ ILL_ILLTRP, "ILL_ILLTRP" }, { ILL_PRVOPC, "ILL_PRVOPC" }, { ILL_PRVREG, "ILL_PRVREG" },
	{ ILL_COPROC, "ILL_COPROC" }, { ILL_BADSTK, "ILL_BADSTK" },
};

static const struct code_name fpe_codes[] = {
	{ FPE_INTDIV, "FPE_INTDIV" }, { FPE_INTOVF, "FPE_INTOVF" }, { FPE_FLTDIV, "FPE_FLTDIV" },
	{ FPE_FLTOVF, "FPE_FLTOVF" }, { FPE_FLTUND, "FPE_FLTUND" }, { FPE_FLTRES, "FPE_FLTRES" },
	{ FPE_FLTINV, "FPE_FLTINV" }, { FPE_FLTSUB, "FPE_FLTSUB" },
};

static const struct code_name trap_codes[] = {
	{ TRAP_BRKPT, "TRAP_BRKPT" }, { TRAP_TRACE, "TRAP_TRACE" },
};

static const struct code_name poll_codes[] = {
	{ POLL_IN, "POLL_IN" }, { POLL_OUT, "POLL_OUT" }, { POLL_MSG, "POLL_MSG" },
	{ POLL_ERR, "POLL_ERR" }, { POLL_PRI, "POLL_PRI" }, { POLL_HUP, "POLL_HUP" },
};

#define CODES(table) table, sizeof(table) / sizeof(table[0])

static const char *code_lookup(const struct code_name *table, size_t n, int code)
{
	for (size_t i = 0; i < n; i++)
		if (table[i].code == code)
			return table[i].name;
	return NULL;
}

/* The signal-specific codes are positive; the sender kinds are not (but SI_KERNEL). */
static const char *code_name(int sig, int code)
{
	if (code <= 0 || code == SI_KERNEL)
		return code_lookup(CODES(generic_codes), code);
	switch (sig) {
	case SIGCHLD: return code_lookup(CODES(chld_codes), code);
	case SIGSEGV: return code_lookup(CODES(segv_codes), code);
	case SIGBUS: return code_lookup(CODES(bus_codes), code);
	case SIGILL: return code_lookup(CODES(ill_codes), code);
	case SIGFPE: return code_lookup(CODES(fpe_codes), code);
	case SIGTRAP: return code_lookup(CODES(trap_codes), code);
	case SIGIO: return code_lookup(CODES(poll_codes), code);
	}
	return NULL;
}

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
	const char *code;

	memset(&si, 0, sizeof(si));
	memcpy(&si, rec->siginfo, sizeof(rec->siginfo) < sizeof(si) ? sizeof(rec->siginfo) : sizeof(si));
	line_puts(lb, "--- ");
	print_signal_name(lb, rec->signo);
	line_puts(lb, " {si_signo=");
	print_signal(lb, rec->signo);
	code = code_name(rec->signo, si.si_code);
	line_puts(lb, ", si_code=");
	if (print_xlat_style() == XLAT_RAW)
		line_hex(lb, (uint32_t)si.si_code);
	else if (code)
		line_puts(lb, code);
	else
		line_dec(lb, si.si_code);
	put_fields(lb, rec->signo, &si);
	line_puts(lb, "} ---");
}
