// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Struct printers, one per structs.def name, in strace 6.1's notation, and
 * the pieces the struct-like kinds share (wait status, dirents, IPC and
 * clone flags, what strace adds after some return values).  Each printer
 * gets bytes already checked to hold the whole struct.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <time.h>

#include "errnames.h"
#include "printers.h"
#include "structs.h"
#include "xlat.gen.h"

static void field(struct linebuf *lb, const char *name, bool *first)
{
	if (!*first)
		line_write(lb, ", ", 2);
	*first = false;
	line_puts(lb, name);
	line_putc(lb, '=');
}

static void field_dec(struct linebuf *lb, const char *name, int64_t v, bool *first)
{
	field(lb, name, first);
	line_dec(lb, v);
}

static void field_udec(struct linebuf *lb, const char *name, uint64_t v, bool *first)
{
	field(lb, name, first);
	line_udec(lb, v);
}

/* strace's print_dev_t: makedev(0x1, 0x3); under -X raw and verbose the number first. */
void print_dev(struct linebuf *lb, uint64_t dev)
{
	if (xlat_number_begin(lb, dev, false))
		return;
	line_puts(lb, "makedev(");
	line_hex(lb, major(dev));
	line_write(lb, ", ", 2);
	line_hex(lb, minor(dev));
	line_putc(lb, ')');
	xlat_number_end(lb);
}

/*
 * strace's date: 1970-01-01T00:00:07+0000, with the fraction of a second
 * (digits 6 or 9) when it is not zero.  False, and nothing in buf, where
 * strace shows no date: for time zero, for a fraction past its unit (a
 * bogus tv_nsec), and for a time localtime cannot convert.
 */
static bool format_date(char *buf, size_t size, int64_t sec, uint64_t frac, int digits)
{
	uint64_t frac_max = digits == 9 ? 999999999 : digits == 6 ? 999999 : 0;
	time_t t = (time_t)sec;
	struct tm tm;
	size_t pos;

	if ((sec == 0 && frac == 0) || frac > frac_max || !localtime_r(&t, &tm))
		return false;
	pos = strftime(buf, size, "%FT%T", &tm);
	if (!pos)
		return false;
	if (frac)
		pos += (size_t)snprintf(buf + pos, size - pos, ".%0*llu", digits,
					(unsigned long long)frac);
	return pos < size && strftime(buf + pos, size - pos, "%z", &tm);
}

static void print_date_comment(struct linebuf *lb, int64_t sec, uint64_t frac, int digits)
{
	char date[64];

	if (!format_date(date, sizeof(date), sec, frac, digits))
		return;
	line_puts(lb, " /* ");
	line_puts(lb, date);
	line_puts(lb, " */");
}

/* --- stat family ----------------------------------------------------------- */

/* -v: each time as seconds with a date comment, then its nanoseconds. */
static void print_stat_time(struct linebuf *lb, const char *name, int64_t sec, int64_t nsec)
{
	line_printf(lb, ", %s=%lld", name, (long long)sec);
	print_date_comment(lb, sec, (uint64_t)nsec, 9);
	line_printf(lb, ", %s_nsec=%lld", name, (long long)nsec);
}

static void print_stat(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	const struct stat *st = data;
	bool first = true;

	line_putc(lb, '{');
	if (opts->verbose) {
		field(lb, "st_dev", &first);
		print_dev(lb, st->st_dev);
		field_udec(lb, "st_ino", st->st_ino, &first);
	}
	field(lb, "st_mode", &first);
	print_file_mode(lb, st->st_mode);
	if (opts->verbose) {
		field_udec(lb, "st_nlink", st->st_nlink, &first);
		field_udec(lb, "st_uid", st->st_uid, &first);
		field_udec(lb, "st_gid", st->st_gid, &first);
		field_dec(lb, "st_blksize", st->st_blksize, &first);
		field_dec(lb, "st_blocks", st->st_blocks, &first);
	}
	if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode)) {
		field(lb, "st_rdev", &first);
		print_dev(lb, st->st_rdev);
	} else {
		field_dec(lb, "st_size", st->st_size, &first);
	}
	if (!opts->verbose) {
		line_write(lb, ", ...}", 6);
		return;
	}
	print_stat_time(lb, "st_atime", st->st_atim.tv_sec, st->st_atim.tv_nsec);
	print_stat_time(lb, "st_mtime", st->st_mtim.tv_sec, st->st_mtim.tv_nsec);
	print_stat_time(lb, "st_ctime", st->st_ctim.tv_sec, st->st_ctim.tv_nsec);
	line_putc(lb, '}');
}

static void print_timespec_value(struct linebuf *lb, int64_t sec, int64_t nsec);

/* -v: {tv_sec=S, tv_nsec=N} with a date comment, as strace's statx prints. */
static void print_statx_time(struct linebuf *lb, const char *name,
			     const struct kernel_statx_timestamp *t, bool *first)
{
	field(lb, name, first);
	print_timespec_value(lb, t->tv_sec, t->tv_nsec);
	print_date_comment(lb, t->tv_sec, t->tv_nsec, 9);
}

/* strace 6.1's order: blksize comes before attributes, and only with -v. */
static void print_statx(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	const struct kernel_statx *stx = data;
	bool first = true;

	line_putc(lb, '{');
	field(lb, "stx_mask", &first);
	print_flags(lb, &xlat_statx_mask, stx->stx_mask);
	if (opts->verbose)
		field_udec(lb, "stx_blksize", stx->stx_blksize, &first);
	field(lb, "stx_attributes", &first);
	print_flags(lb, &xlat_statx_attrs, stx->stx_attributes);
	if (opts->verbose) {
		field_udec(lb, "stx_nlink", stx->stx_nlink, &first);
		field_udec(lb, "stx_uid", stx->stx_uid, &first);
		field_udec(lb, "stx_gid", stx->stx_gid, &first);
	}
	field(lb, "stx_mode", &first);
	print_file_mode(lb, stx->stx_mode);
	if (opts->verbose)
		field_udec(lb, "stx_ino", stx->stx_ino, &first);
	field_udec(lb, "stx_size", stx->stx_size, &first);
	if (!opts->verbose) {
		line_write(lb, ", ...}", 6);
		return;
	}
	field_udec(lb, "stx_blocks", stx->stx_blocks, &first);
	field(lb, "stx_attributes_mask", &first);
	print_flags(lb, &xlat_statx_attrs, stx->stx_attributes_mask);
	print_statx_time(lb, "stx_atime", &stx->stx_atime, &first);
	if (stx->stx_mask & STATX_BTIME)
		print_statx_time(lb, "stx_btime", &stx->stx_btime, &first);
	print_statx_time(lb, "stx_ctime", &stx->stx_ctime, &first);
	print_statx_time(lb, "stx_mtime", &stx->stx_mtime, &first);
	field_udec(lb, "stx_rdev_major", stx->stx_rdev_major, &first);
	field_udec(lb, "stx_rdev_minor", stx->stx_rdev_minor, &first);
	field_udec(lb, "stx_dev_major", stx->stx_dev_major, &first);
	field_udec(lb, "stx_dev_minor", stx->stx_dev_minor, &first);
	if (stx->stx_mask & STATX_MNT_ID) {
		field(lb, "stx_mnt_id", &first);
		line_hex(lb, stx->stx_mnt_id);
	}
	line_putc(lb, '}');
}

static void print_statfs(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	const struct statfs *sf = data;
	int fsid[2];
	bool first = true;

	(void)opts;
	memcpy(fsid, &sf->f_fsid, sizeof(fsid));
	line_putc(lb, '{');
	field(lb, "f_type", &first);
	print_enum(lb, &xlat_fs_magic, (uint64_t)sf->f_type);
	field_dec(lb, "f_bsize", sf->f_bsize, &first);
	field_udec(lb, "f_blocks", sf->f_blocks, &first);
	field_udec(lb, "f_bfree", sf->f_bfree, &first);
	field_udec(lb, "f_bavail", sf->f_bavail, &first);
	field_udec(lb, "f_files", sf->f_files, &first);
	field_udec(lb, "f_ffree", sf->f_ffree, &first);
	field(lb, "f_fsid", &first);
	line_puts(lb, "{val=[");
	line_hex(lb, (uint32_t)fsid[0]);
	line_write(lb, ", ", 2);
	line_hex(lb, (uint32_t)fsid[1]);
	line_puts(lb, "]}");
	field_dec(lb, "f_namelen", sf->f_namelen, &first);
	field_dec(lb, "f_frsize", sf->f_frsize, &first);
	field(lb, "f_flags", &first);
	print_flags(lb, &xlat_statfs_flags, (uint64_t)sf->f_flags);
	line_putc(lb, '}');
}

/* --- times ------------------------------------------------------------------- */

static void print_timespec_value(struct linebuf *lb, int64_t sec, int64_t nsec)
{
	line_puts(lb, "{tv_sec=");
	line_dec(lb, sec);
	line_puts(lb, ", tv_nsec=");
	line_dec(lb, nsec);
	line_putc(lb, '}');
}

static void print_timeval_value(struct linebuf *lb, int64_t sec, int64_t usec)
{
	line_puts(lb, "{tv_sec=");
	line_dec(lb, sec);
	line_puts(lb, ", tv_usec=");
	line_dec(lb, usec);
	line_putc(lb, '}');
}

static void print_timespec(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	const struct timespec *ts = data;

	(void)opts;
	print_timespec_value(lb, ts->tv_sec, ts->tv_nsec);
}

static void print_timeval(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	const struct timeval *tv = data;

	(void)opts;
	print_timeval_value(lb, tv->tv_sec, tv->tv_usec);
}

static void print_timezone(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	const struct timezone *tz = data;

	(void)opts;
	line_printf(lb, "{tz_minuteswest=%d, tz_dsttime=%d}", tz->tz_minuteswest, tz->tz_dsttime);
}

static void print_timeval2(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	const struct kernel_timeval2 *t = data;

	(void)opts;
	line_putc(lb, '[');
	for (int i = 0; i < 2; i++) {
		if (i)
			line_write(lb, ", ", 2);
		print_timeval_value(lb, t->tv[i].tv_sec, t->tv[i].tv_usec);
		print_date_comment(lb, t->tv[i].tv_sec, (uint64_t)t->tv[i].tv_usec, 6);
	}
	line_putc(lb, ']');
}

static void print_timespec2(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	const struct kernel_timespec2 *t = data;

	(void)opts;
	line_putc(lb, '[');
	for (int i = 0; i < 2; i++) {
		if (i)
			line_write(lb, ", ", 2);
		if (t->ts[i].tv_nsec == UTIME_NOW) {
			line_puts(lb, "UTIME_NOW");
		} else if (t->ts[i].tv_nsec == UTIME_OMIT) {
			line_puts(lb, "UTIME_OMIT");
		} else {
			print_timespec_value(lb, t->ts[i].tv_sec, t->ts[i].tv_nsec);
			print_date_comment(lb, t->ts[i].tv_sec, (uint64_t)t->ts[i].tv_nsec, 9);
		}
	}
	line_putc(lb, ']');
}

static void print_utimbuf(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	const struct kernel_utimbuf *u = data;

	(void)opts;
	line_puts(lb, "{actime=");
	line_dec(lb, u->actime);
	print_date_comment(lb, u->actime, 0, 0);
	line_puts(lb, ", modtime=");
	line_dec(lb, u->modtime);
	print_date_comment(lb, u->modtime, 0, 0);
	line_putc(lb, '}');
}

static void print_time_t(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	int64_t t;

	(void)opts;
	memcpy(&t, data, sizeof(t));
	line_putc(lb, '[');
	line_dec(lb, t);
	print_date_comment(lb, t, 0, 0);
	line_putc(lb, ']');
}

static void print_itimerval(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	const struct itimerval *it = data;

	(void)opts;
	line_puts(lb, "{it_interval=");
	print_timeval_value(lb, it->it_interval.tv_sec, it->it_interval.tv_usec);
	line_puts(lb, ", it_value=");
	print_timeval_value(lb, it->it_value.tv_sec, it->it_value.tv_usec);
	line_putc(lb, '}');
}

static void print_itimerspec(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	const struct itimerspec *it = data;

	(void)opts;
	line_puts(lb, "{it_interval=");
	print_timespec_value(lb, it->it_interval.tv_sec, it->it_interval.tv_nsec);
	line_puts(lb, ", it_value=");
	print_timespec_value(lb, it->it_value.tv_sec, it->it_value.tv_nsec);
	line_putc(lb, '}');
}

static void print_timex(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	const struct timex *tx = data;
	bool first = true;

	(void)opts;
	line_putc(lb, '{');
	field(lb, "modes", &first);
	print_flags(lb, &xlat_adjtimex_modes, tx->modes);
	field_dec(lb, "offset", tx->offset, &first);
	field_dec(lb, "freq", tx->freq, &first);
	field_dec(lb, "maxerror", tx->maxerror, &first);
	field_dec(lb, "esterror", tx->esterror, &first);
	field(lb, "status", &first);
	print_flags(lb, &xlat_adjtimex_status, (uint32_t)tx->status);
	field_dec(lb, "constant", tx->constant, &first);
	field_dec(lb, "precision", tx->precision, &first);
	field_dec(lb, "tolerance", tx->tolerance, &first);
	field(lb, "time", &first);
	print_timeval_value(lb, tx->time.tv_sec, tx->time.tv_usec);
	field_dec(lb, "tick", tx->tick, &first);
	field_dec(lb, "ppsfreq", tx->ppsfreq, &first);
	field_dec(lb, "jitter", tx->jitter, &first);
	field_dec(lb, "shift", tx->shift, &first);
	field_dec(lb, "stabil", tx->stabil, &first);
	field_dec(lb, "jitcnt", tx->jitcnt, &first);
	field_dec(lb, "calcnt", tx->calcnt, &first);
	field_dec(lb, "errcnt", tx->errcnt, &first);
	field_dec(lb, "stbcnt", tx->stbcnt, &first);
	field_dec(lb, "tai", tx->tai, &first);
	line_putc(lb, '}');
}

/* --- processes, resources ------------------------------------------------- */

/* strace writes limits that are whole KiB (above 1 KiB) as N*1024. */
static void print_rlim(struct linebuf *lb, uint64_t v)
{
	enum xlat_style style = print_xlat_style();
	bool named = v == UINT64_MAX || (v > 1024 && v % 1024 == 0);

	/* -X raw and verbose: the number first, the name in a comment. */
	if (style != XLAT_ABBREV || !named)
		line_udec(lb, v);
	if (!named || style == XLAT_RAW)
		return;
	if (style == XLAT_VERBOSE)
		line_puts(lb, " /* ");
	if (v == UINT64_MAX) {
		line_puts(lb, "RLIM64_INFINITY");
	} else {
		line_udec(lb, v / 1024);
		line_puts(lb, "*1024");
	}
	if (style == XLAT_VERBOSE)
		line_puts(lb, " */");
}

static void print_rlimit64(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	const struct kernel_rlimit64 *r = data;

	(void)opts;
	line_puts(lb, "{rlim_cur=");
	print_rlim(lb, r->rlim_cur);
	line_puts(lb, ", rlim_max=");
	print_rlim(lb, r->rlim_max);
	line_putc(lb, '}');
}

static void print_rusage(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	const struct rusage *ru = data;
	bool first = true;

	line_puts(lb, "{ru_utime=");
	print_timeval_value(lb, ru->ru_utime.tv_sec, ru->ru_utime.tv_usec);
	line_puts(lb, ", ru_stime=");
	print_timeval_value(lb, ru->ru_stime.tv_sec, ru->ru_stime.tv_usec);
	if (!opts->verbose) {
		line_puts(lb, ", ...}");
		return;
	}
	first = false;
	field_dec(lb, "ru_maxrss", ru->ru_maxrss, &first);
	field_dec(lb, "ru_ixrss", ru->ru_ixrss, &first);
	field_dec(lb, "ru_idrss", ru->ru_idrss, &first);
	field_dec(lb, "ru_isrss", ru->ru_isrss, &first);
	field_dec(lb, "ru_minflt", ru->ru_minflt, &first);
	field_dec(lb, "ru_majflt", ru->ru_majflt, &first);
	field_dec(lb, "ru_nswap", ru->ru_nswap, &first);
	field_dec(lb, "ru_inblock", ru->ru_inblock, &first);
	field_dec(lb, "ru_oublock", ru->ru_oublock, &first);
	field_dec(lb, "ru_msgsnd", ru->ru_msgsnd, &first);
	field_dec(lb, "ru_msgrcv", ru->ru_msgrcv, &first);
	field_dec(lb, "ru_nsignals", ru->ru_nsignals, &first);
	field_dec(lb, "ru_nvcsw", ru->ru_nvcsw, &first);
	field_dec(lb, "ru_nivcsw", ru->ru_nivcsw, &first);
	line_putc(lb, '}');
}

static void print_tms(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	const struct tms *t = data;

	(void)opts;
	line_printf(lb, "{tms_utime=%ld, tms_stime=%ld, tms_cutime=%ld, tms_cstime=%ld}",
		    (long)t->tms_utime, (long)t->tms_stime, (long)t->tms_cutime, (long)t->tms_cstime);
}

static void print_utsname(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	const struct utsname *u = data;
	const char *const fields[] = { u->sysname, u->nodename, u->release, u->version,
				       u->machine, u->domainname };
	const char *const names[] = { "sysname", "nodename", "release", "version",
				      "machine", "domainname" };
	struct print_opts unlimited = *opts;
	bool first = true;

	unlimited.max_strlen = sizeof(u->sysname);
	line_putc(lb, '{');
	for (int i = 0; i < (opts->verbose ? 6 : 2); i++) {
		field(lb, names[i], &first);
		print_quoted(lb, (const uint8_t *)fields[i], strnlen(fields[i], sizeof(u->sysname)),
			     false, &unlimited);
	}
	line_puts(lb, opts->verbose ? "}" : ", ...}");
}

static void print_sysinfo(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	const struct sysinfo *si = data;
	bool first = true;

	(void)opts;
	line_putc(lb, '{');
	field_dec(lb, "uptime", si->uptime, &first);
	line_printf(lb, ", loads=[%lu, %lu, %lu]", si->loads[0], si->loads[1], si->loads[2]);
	field_udec(lb, "totalram", si->totalram, &first);
	field_udec(lb, "freeram", si->freeram, &first);
	field_udec(lb, "sharedram", si->sharedram, &first);
	field_udec(lb, "bufferram", si->bufferram, &first);
	field_udec(lb, "totalswap", si->totalswap, &first);
	field_udec(lb, "freeswap", si->freeswap, &first);
	field_udec(lb, "procs", si->procs, &first);
	field_udec(lb, "totalhigh", si->totalhigh, &first);
	field_udec(lb, "freehigh", si->freehigh, &first);
	field_udec(lb, "mem_unit", si->mem_unit, &first);
	line_putc(lb, '}');
}

static void print_sched_param(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	const struct sched_param *sp = data;

	(void)opts;
	line_printf(lb, "[%d]", sp->sched_priority);
}

static void print_cap_header(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	const struct __user_cap_header_struct *h = data;

	(void)opts;
	line_puts(lb, "{version=");
	print_enum(lb, &xlat_cap_versions, h->version);
	line_printf(lb, ", pid=%d}", h->pid);
}

/* A capability set as strace writes it: 1<<CAP_CHOWN|1<<CAP_KILL. */
static void print_cap_set(struct linebuf *lb, uint64_t set)
{
	bool any = false;

	if (!set) {
		line_putc(lb, '0');
		return;
	}
	for (unsigned int bit = 0; bit < 64; bit++) {
		const char *name;

		if (!(set >> bit & 1))
			continue;
		if (any)
			line_putc(lb, '|');
		any = true;
		name = xlat_name(&xlat_capabilities, bit);
		if (name)
			line_printf(lb, "1<<%s", name);
		else
			line_printf(lb, "1<<%u", bit);
	}
}

static void print_cap_data(struct linebuf *lb, const struct __user_cap_data_struct *d, int n)
{
	uint64_t sets[3] = { 0 };

	for (int i = 0; i < n; i++) {
		sets[0] |= (uint64_t)d[i].effective << (32 * i);
		sets[1] |= (uint64_t)d[i].permitted << (32 * i);
		sets[2] |= (uint64_t)d[i].inheritable << (32 * i);
	}
	line_puts(lb, "{effective=");
	print_cap_set(lb, sets[0]);
	line_puts(lb, ", permitted=");
	print_cap_set(lb, sets[1]);
	line_puts(lb, ", inheritable=");
	print_cap_set(lb, sets[2]);
	line_putc(lb, '}');
}

static void print_cap_data1(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	(void)opts;
	print_cap_data(lb, data, 1);
}

static void print_cap_data2(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	(void)opts;
	print_cap_data(lb, ((const struct kernel_cap_data2 *)data)->half, 2);
}

/* --- signals ----------------------------------------------------------------- */

static void print_sigaction(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	const struct kernel_sigaction *sa = data;
	const char *handler = NULL;

	(void)opts;
	line_puts(lb, "{sa_handler=");
	if (sa->handler == (uint64_t)(uintptr_t)SIG_DFL)
		handler = "SIG_DFL";
	else if (sa->handler == (uint64_t)(uintptr_t)SIG_IGN)
		handler = "SIG_IGN";
	if (!handler) {
		line_hex(lb, sa->handler);
	} else if (!xlat_number_begin(lb, sa->handler, false)) {
		line_puts(lb, handler);
		xlat_number_end(lb);
	}
	line_puts(lb, ", sa_mask=");
	print_sigset(lb, (const uint8_t *)&sa->mask, sizeof(sa->mask));
	line_puts(lb, ", sa_flags=");
	print_flags(lb, &xlat_sa_flags, sa->flags);
	if (sa->flags & 0x04000000) {	/* SA_RESTORER */
		line_puts(lb, ", sa_restorer=");
		line_hex(lb, sa->restorer);
	}
	line_putc(lb, '}');
}

static void print_stack_t(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	const stack_t *ss = data;

	(void)opts;
	line_puts(lb, "{ss_sp=");
	print_pointer(lb, (uint64_t)(uintptr_t)ss->ss_sp);
	line_puts(lb, ", ss_flags=");
	print_flags(lb, &xlat_sigaltstack_flags, (uint32_t)ss->ss_flags);
	line_printf(lb, ", ss_size=%zu}", ss->ss_size);
}

/* The si_code values of one signal, beside those every signal shares. */
static const struct xlat *signal_codes(int sig)
{
	switch (sig) {
	case SIGCHLD: return &xlat_sigchld_codes;
	case SIGSEGV: return &xlat_segv_codes;
	case SIGBUS: return &xlat_bus_codes;
	case SIGILL: return &xlat_ill_codes;
	case SIGFPE: return &xlat_fpe_codes;
	case SIGTRAP: return &xlat_trap_codes;
	case SIGIO: return &xlat_sigpoll_codes;
	default: return NULL;
	}
}

void print_si_code(struct linebuf *lb, int sig, int code)
{
	const struct xlat *own = signal_codes(sig);
	const char *name = NULL;

	/* The signal's own codes are positive; the senders' are not (but SI_KERNEL). */
	if (code <= 0 || code == SI_KERNEL)
		name = xlat_name(&xlat_siginfo_codes, (uint64_t)(int64_t)code);
	else if (own)
		name = xlat_name(own, (uint64_t)code);
	if (!name) {
		if (print_xlat_style() == XLAT_ABBREV)
			line_dec(lb, code);
		else
			line_hex(lb, (uint32_t)code);
		return;
	}
	if (xlat_number_begin(lb, (uint32_t)code, false))
		return;
	line_puts(lb, name);
	xlat_number_end(lb);
}

static void print_siginfo(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	const siginfo_t *si = data;

	(void)opts;
	/* strace shows a siginfo that names no signal as {}. */
	if (!si->si_signo) {
		line_puts(lb, "{}");
		return;
	}
	line_puts(lb, "{si_signo=");
	print_signal(lb, si->si_signo);
	line_puts(lb, ", si_code=");
	print_si_code(lb, si->si_signo, si->si_code);
	if (si->si_code == SI_USER || si->si_code == SI_TKILL || si->si_code == SI_QUEUE ||
	    si->si_signo == SIGCHLD)
		line_printf(lb, ", si_pid=%d, si_uid=%u", si->si_pid, si->si_uid);
	if (si->si_code == SI_QUEUE) {
		line_printf(lb, ", si_int=%d, si_ptr=", si->si_int);
		print_pointer(lb, (uint64_t)(uintptr_t)si->si_ptr);
	} else if (si->si_signo == SIGCHLD && si->si_code > 0) {
		line_puts(lb, ", si_status=");
		if (si->si_code == CLD_EXITED)
			line_dec(lb, si->si_status);
		else
			print_signal(lb, si->si_status);
		line_printf(lb, ", si_utime=%ld, si_stime=%ld", (long)si->si_utime, (long)si->si_stime);
	}
	line_putc(lb, '}');
}

static void print_sigevent(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	const struct sigevent *sev = data;

	(void)opts;
	line_putc(lb, '{');
	/* strace leaves out a value of 0 (timeout's timer_create). */
	if ((sev->sigev_notify == SIGEV_SIGNAL || sev->sigev_notify == SIGEV_THREAD_ID) &&
	    sev->sigev_value.sival_ptr) {
		line_printf(lb, "sigev_value={sival_int=%d, sival_ptr=", sev->sigev_value.sival_int);
		print_pointer(lb, (uint64_t)(uintptr_t)sev->sigev_value.sival_ptr);
		line_puts(lb, "}, ");
	}
	line_puts(lb, "sigev_signo=");
	if (sev->sigev_signo)
		print_signal(lb, sev->sigev_signo);
	else
		line_putc(lb, '0');
	line_puts(lb, ", sigev_notify=");
	print_enum(lb, &xlat_sigev_notify, (uint32_t)sev->sigev_notify);
	if (sev->sigev_notify == SIGEV_THREAD_ID)
		line_printf(lb, ", sigev_notify_thread_id=%d", sev->_sigev_un._tid);
	line_putc(lb, '}');
}

/* --- descriptors, ipc --------------------------------------------------------- */

static void print_flock(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	const struct flock *fl = data;

	(void)opts;
	line_puts(lb, "{l_type=");
	print_enum(lb, &xlat_flock_types, (uint16_t)fl->l_type);
	line_puts(lb, ", l_whence=");
	print_enum(lb, &xlat_seek_whence, (uint16_t)fl->l_whence);
	line_printf(lb, ", l_start=%lld, l_len=%lld", (long long)fl->l_start, (long long)fl->l_len);
	line_putc(lb, '}');
}

/* F_GETLK's answer also says which process holds the lock. */
static void print_flock_out(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	const struct flock *fl = data;

	print_flock(lb, data, opts);
	lb->len--;
	line_printf(lb, ", l_pid=%d}", fl->l_pid);
}

static void print_mq_attr(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	const struct kernel_mq_attr *a = data;

	(void)opts;
	line_puts(lb, "{mq_flags=");
	if (a->mq_flags)
		print_flags(lb, &xlat_open_flags, (uint64_t)a->mq_flags);
	else
		line_putc(lb, '0');
	line_printf(lb, ", mq_maxmsg=%lld, mq_msgsize=%lld, mq_curmsgs=%lld}",
		    (long long)a->mq_maxmsg, (long long)a->mq_msgsize, (long long)a->mq_curmsgs);
}

static void print_sembuf(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	const struct kernel_sembuf *b = data;

	(void)opts;
	line_printf(lb, "{sem_num=%u, sem_op=%d, sem_flg=", b->sem_num, b->sem_op);
	print_flags(lb, &xlat_sem_flags, (uint16_t)b->sem_flg);
	line_putc(lb, '}');
}

static void print_pollfd(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	const struct pollfd *p = data;

	line_puts(lb, "{fd=");
	if (opts->call)
		print_fd(lb, opts->call, p->fd, opts);
	else
		line_dec(lb, p->fd);
	line_puts(lb, ", events=");
	print_flags(lb, &xlat_poll_events, (uint16_t)p->events);
	line_putc(lb, '}');
}

static void print_epoll_event(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	const struct epoll_event *ev = data;

	(void)opts;
	line_puts(lb, "{events=");
	print_flags(lb, &xlat_epoll_events, ev->events);
	line_printf(lb, ", data={u32=%u, u64=%llu}}", (uint32_t)ev->data.u64,
		    (unsigned long long)ev->data.u64);
}

/* --- scalars behind pointers -------------------------------------------------- */

static void print_int(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	int v;

	(void)opts;
	memcpy(&v, data, sizeof(v));
	line_printf(lb, "[%d]", v);
}

static void print_u64(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	uint64_t v;

	(void)opts;
	memcpy(&v, data, sizeof(v));
	line_printf(lb, "[%llu]", (unsigned long long)v);
}

static void print_ptrval(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	uint64_t v;

	(void)opts;
	memcpy(&v, data, sizeof(v));
	line_putc(lb, '[');
	print_pointer(lb, v);
	line_putc(lb, ']');
}

static void print_uint(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	uint32_t v;

	(void)opts;
	memcpy(&v, data, sizeof(v));
	line_printf(lb, "[%u]", v);
}

static void print_mpol(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	int v;

	(void)opts;
	memcpy(&v, data, sizeof(v));
	line_putc(lb, '[');
	print_enum(lb, &xlat_mpol_mode, (uint32_t)v);
	line_putc(lb, ']');
}

static void print_clone_args_struct(struct linebuf *lb, const void *data,
				    const struct print_opts *opts)
{
	const struct kernel_clone_args *a = data;

	(void)opts;
	line_puts(lb, "{flags=");
	print_flags(lb, &xlat_clone_flags, a->flags);
	if (a->flags & CLONE_PIDFD) {
		line_puts(lb, ", pidfd=");
		print_pointer(lb, a->pidfd);
	}
	if (a->flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) {
		line_puts(lb, ", child_tid=");
		print_pointer(lb, a->child_tid);
	}
	if (a->flags & CLONE_PARENT_SETTID) {
		line_puts(lb, ", parent_tid=");
		print_pointer(lb, a->parent_tid);
	}
	line_puts(lb, ", exit_signal=");
	if (a->exit_signal)
		print_signal(lb, (int)a->exit_signal);
	else
		line_putc(lb, '0');
	line_puts(lb, ", stack=");
	print_pointer(lb, a->stack);
	line_puts(lb, ", stack_size=");
	line_hex(lb, a->stack_size);
	if (a->flags & CLONE_SETTLS) {
		line_puts(lb, ", tls=");
		print_pointer(lb, a->tls);
	}
	line_putc(lb, '}');
}

/* TCGETS: the four flag words, then with -v the line discipline and c_cc. */
static void print_termios(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	const struct kernel_termios *t = data;

	line_puts(lb, "{c_iflag=");
	print_flags(lb, &xlat_termios_iflag, t->c_iflag);
	line_puts(lb, ", c_oflag=");
	print_flags(lb, &xlat_termios_oflag, t->c_oflag);
	line_puts(lb, ", c_cflag=");
	print_flags(lb, &xlat_termios_cflag, t->c_cflag);
	line_puts(lb, ", c_lflag=");
	print_flags(lb, &xlat_termios_lflag, t->c_lflag);
	if (!opts->verbose) {
		line_puts(lb, ", ...}");
		return;
	}
	line_puts(lb, ", c_line=");
	print_enum(lb, &xlat_tty_ldiscs, t->c_line);
	line_puts(lb, ", c_cc=[");
	for (unsigned int i = 0; i < sizeof(t->c_cc); i++) {
		const char *name = xlat_name(&xlat_termios_cc, i);

		if (i)
			line_write(lb, ", ", 2);
		if (name)
			line_printf(lb, "[%s]=", name);
		else
			line_printf(lb, "[%u]=", i);
		line_hex(lb, t->c_cc[i]);
	}
	line_puts(lb, "]}");
}

static void print_winsize(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	const struct kernel_winsize *w = data;

	(void)opts;
	line_printf(lb, "{ws_row=%u, ws_col=%u, ws_xpixel=%u, ws_ypixel=%u}",
		    w->ws_row, w->ws_col, w->ws_xpixel, w->ws_ypixel);
}

static void print_iovec_struct(struct linebuf *lb, const void *data, const struct print_opts *opts)
{
	const struct iovec *iov = data;

	(void)opts;
	line_puts(lb, "{iov_base=");
	print_pointer(lb, (uint64_t)(uintptr_t)iov->iov_base);
	line_printf(lb, ", iov_len=%zu}", iov->iov_len);
}

/* --- the table ---------------------------------------------------------------- */

typedef void struct_printer(struct linebuf *lb, const void *data, const struct print_opts *opts);

static const struct {
	size_t size;
	struct_printer *print;
	struct_printer *print_out;	/* when the kernel wrote it, if it differs */
} struct_printers[STRUCT_ID_COUNT] = {
#define STRUCT(name, type) [STRUCT_ID_##name] = { .size = sizeof(type) },
#include "structs.def"
#undef STRUCT
};

/* Printers by struct name; sizes above come from structs.def. */
static struct_printer *const printer_of[STRUCT_ID_COUNT] = {
	[STRUCT_ID_stat] = print_stat,
	[STRUCT_ID_statx] = print_statx,
	[STRUCT_ID_statfs] = print_statfs,
	[STRUCT_ID_timespec] = print_timespec,
	[STRUCT_ID_timeval] = print_timeval,
	[STRUCT_ID_timezone] = print_timezone,
	[STRUCT_ID_itimerspec] = print_itimerspec,
	[STRUCT_ID_itimerval] = print_itimerval,
	[STRUCT_ID_rlimit] = print_rlimit64,
	[STRUCT_ID_rlimit64] = print_rlimit64,
	[STRUCT_ID_rusage] = print_rusage,
	[STRUCT_ID_tms] = print_tms,
	[STRUCT_ID_utsname] = print_utsname,
	[STRUCT_ID_sysinfo] = print_sysinfo,
	[STRUCT_ID_sigaction] = print_sigaction,
	[STRUCT_ID_stack_t] = print_stack_t,
	[STRUCT_ID_siginfo] = print_siginfo,
	[STRUCT_ID_pollfd] = print_pollfd,
	[STRUCT_ID_epoll_event] = print_epoll_event,
	[STRUCT_ID_sched_param] = print_sched_param,
	[STRUCT_ID_timex] = print_timex,
	[STRUCT_ID_cap_user_header] = print_cap_header,
	[STRUCT_ID_cap_user_data] = print_cap_data1,
	[STRUCT_ID_int] = print_int,
	[STRUCT_ID_long] = print_u64,
	[STRUCT_ID_u64] = print_u64,
	[STRUCT_ID_timeval2] = print_timeval2,
	[STRUCT_ID_timespec2] = print_timespec2,
	[STRUCT_ID_utimbuf] = print_utimbuf,
	[STRUCT_ID_time_t] = print_time_t,
	[STRUCT_ID_ptrval] = print_ptrval,
	[STRUCT_ID_uint] = print_uint,
	[STRUCT_ID_flock] = print_flock,
	[STRUCT_ID_sigevent] = print_sigevent,
	[STRUCT_ID_mq_attr] = print_mq_attr,
	[STRUCT_ID_cap_data2] = print_cap_data2,
	[STRUCT_ID_sembuf] = print_sembuf,
	[STRUCT_ID_mpol] = print_mpol,
	[STRUCT_ID_clone_args] = print_clone_args_struct,
	[STRUCT_ID_termios] = print_termios,
	[STRUCT_ID_iovec] = print_iovec_struct,
	[STRUCT_ID_winsize] = print_winsize,
};

static bool struct_known(enum struct_id id)
{
	return id > STRUCT_ID_NONE && id < STRUCT_ID_COUNT && printer_of[id];
}

size_t struct_size(enum struct_id id)
{
	return id > STRUCT_ID_NONE && id < STRUCT_ID_COUNT ? struct_printers[id].size : 0;
}

/*
 * Copy into an aligned buffer first: payload bytes have no alignment.
 * The union covers every struct in structs.def (checked below).
 */
union struct_storage {
	struct kernel_statx stx;
	struct utsname uts;
	struct rusage ru;
	struct timex tx;
	siginfo_t si;
	struct sigevent sev;
	uint8_t bytes[512];
};

bool print_struct(struct linebuf *lb, enum struct_id id, const uint8_t *data, size_t len,
		  const struct print_opts *opts)
{
	union struct_storage v;
	size_t size = struct_size(id);

	if (!struct_known(id) || len < size || size > sizeof(v))
		return false;
	memcpy(&v, data, size);
	printer_of[id](lb, &v, opts);
	return true;
}

bool print_struct_out(struct linebuf *lb, enum struct_id id, const uint8_t *data, size_t len,
		      const struct print_opts *opts)
{
	union struct_storage v;

	if (id != STRUCT_ID_flock)
		return print_struct(lb, id, data, len, opts);
	if (len < sizeof(struct flock))
		return false;
	memcpy(&v, data, sizeof(struct flock));
	print_flock_out(lb, &v, opts);
	return true;
}

/* Arrays: [elem, elem], strace's "..." past -s elements, scalars bare. */
bool print_struct_array(struct linebuf *lb, enum struct_id id, const uint8_t *data, size_t len,
			bool truncated, const struct print_opts *opts)
{
	size_t size = struct_size(id), count;
	union struct_storage v;

	if (!struct_known(id) || !size || size > sizeof(v))
		return false;
	count = len / size;
	line_putc(lb, '[');
	for (size_t i = 0; i < count; i++) {
		size_t mark;

		if (i)
			line_write(lb, ", ", 2);
		if (i >= opts->max_strlen) {
			line_puts(lb, "...");
			break;
		}
		memcpy(&v, data + i * size, size);
		mark = lb->len;
		printer_of[id](lb, &v, opts);
		/* Scalars in an array lose their brackets: [1, 2], not [[1], [2]]. */
		if (lb->data[mark] == '[' && lb->data[lb->len - 1] == ']' &&
		    (id == STRUCT_ID_int || id == STRUCT_ID_uint || id == STRUCT_ID_u64)) {
			memmove(lb->data + mark, lb->data + mark + 1, lb->len - mark - 2);
			lb->len -= 2;
		}
	}
	if (truncated && count < opts->max_strlen)
		line_puts(lb, count ? ", ..." : "...");
	line_putc(lb, ']');
	return true;
}

/* --- kinds with a shape of their own --------------------------------------- */

/* [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], as strace decodes a wait status. */
bool print_wait_status_ref(struct linebuf *lb, const struct captured *mem)
{
	int status;

	if (mem->len < (int32_t)sizeof(status))
		return false;
	memcpy(&status, mem->data, sizeof(status));
	line_puts(lb, "[{");
	if (WIFEXITED(status)) {
		line_printf(lb, "WIFEXITED(s) && WEXITSTATUS(s) == %d", WEXITSTATUS(status));
	} else if (WIFSIGNALED(status)) {
		line_puts(lb, "WIFSIGNALED(s) && WTERMSIG(s) == ");
		print_signal(lb, WTERMSIG(status));
		if (WCOREDUMP(status))
			line_puts(lb, " && WCOREDUMP(s)");
	} else if (WIFSTOPPED(status)) {
		line_puts(lb, "WIFSTOPPED(s) && WSTOPSIG(s) == ");
		print_signal(lb, WSTOPSIG(status));
	} else if (WIFCONTINUED(status)) {
		line_puts(lb, "WIFCONTINUED(s)");
	} else {
		line_hex(lb, (uint32_t)status);
	}
	line_puts(lb, "}]");
	return true;
}

struct dirent64_head {
	uint64_t d_ino;
	int64_t d_off;
	uint16_t d_reclen;
	uint8_t d_type;
} __attribute__((packed));

/* getdents64: the address and an entry count, or the entries in full with -v. */
bool print_dirents(struct linebuf *lb, uint64_t addr, const struct captured *mem,
		   const struct print_opts *opts)
{
	size_t pos = 0, count = 0;
	struct print_opts names = *opts;

	names.max_strlen = 256;
	if (opts->verbose)
		line_putc(lb, '[');
	while (pos + sizeof(struct dirent64_head) <= (size_t)mem->len) {
		struct dirent64_head d;
		size_t name_len;

		memcpy(&d, mem->data + pos, sizeof(d));
		/* A record that does not fit ends the walk rather than loop or overrun. */
		if (d.d_reclen < sizeof(d) || d.d_reclen > (size_t)mem->len - pos)
			break;
		if (opts->verbose) {
			if (count)
				line_write(lb, ", ", 2);
			line_printf(lb, "{d_ino=%llu, d_off=%lld, d_reclen=%u, d_type=",
				    (unsigned long long)d.d_ino, (long long)d.d_off, d.d_reclen);
			print_enum(lb, &xlat_dirent_types, d.d_type);
			line_puts(lb, ", d_name=");
			name_len = strnlen((const char *)mem->data + pos + sizeof(d),
					   d.d_reclen - sizeof(d));
			print_quoted(lb, mem->data + pos + sizeof(d), name_len, false, &names);
			line_putc(lb, '}');
		}
		pos += d.d_reclen;
		count++;
	}
	if (opts->verbose) {
		line_putc(lb, ']');
		return true;
	}
	print_pointer(lb, addr);
	line_printf(lb, " /* %zu entries */", count);
	return true;
}

/* IPC_CREAT|IPC_EXCL|0600: flags, then the permission bits in octal. */
void print_ipc_flags(struct linebuf *lb, const struct xlat *table, uint64_t value)
{
	uint64_t flags = value & ~(uint64_t)0777;

	if (flags) {
		print_flags(lb, table, flags);
		line_putc(lb, '|');
	}
	line_oct(lb, value & 0777);
}

static int arg_named(const struct decoded_call *call, const char *name)
{
	for (int i = 0; i < call->nargs; i++)
		if (!strcmp(call->desc->args[i].name, name))
			return i;
	return -1;
}

static void print_clone_pointer(struct linebuf *lb, const struct decoded_call *call,
				const char *label, const char *arg)
{
	int i = arg_named(call, arg);

	line_printf(lb, ", %s=", label);
	print_pointer(lb, i < 0 ? 0 : call->args[i].raw);
}

/*
 * clone as strace prints it: child_stack=, flags=, then parent_tid=[N],
 * tls=, child_tidptr= when the flags use them.  The other arguments are
 * found by their kernel names, whatever the architecture's order.
 */
void print_clone_call(struct linebuf *lb, const struct decoded_call *call)
{
	uint64_t flags = call->args[0].raw;
	int parent = arg_named(call, "parent_tidptr");

	line_puts(lb, "child_stack=");
	print_pointer(lb, arg_named(call, "newsp") < 0 ? 0 : call->args[arg_named(call, "newsp")].raw);
	line_puts(lb, ", flags=");
	print_clone_flags(lb, flags);
	if ((flags & CLONE_PARENT_SETTID) && parent >= 0) {
		const struct captured *mem = &call->args[parent].mem;
		int32_t tid;

		line_puts(lb, ", parent_tid=");
		if (captured_ok(mem) && mem->len >= 4 && !RET_IS_ERROR(call->rec->ret)) {
			memcpy(&tid, mem->data, sizeof(tid));
			line_printf(lb, "[%d]", tid);
		} else {
			print_pointer(lb, call->args[parent].raw);
		}
	}
	if (flags & CLONE_SETTLS)
		print_clone_pointer(lb, call, "tls", "tls");
	if (flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID))
		print_clone_pointer(lb, call, "child_tidptr", "child_tidptr");
}

/* clone3: the struct it was given, then " => {parent_tid=[N]}" if it worked. */
bool print_clone3_args(struct linebuf *lb, const struct decoded_call *call,
		       const struct captured *mem, const struct print_opts *opts)
{
	struct kernel_clone_args args;
	struct rec_clone3_tail tail;
	bool pidfd, parent;

	if ((size_t)mem->len < REC_CLONE_ARGS_SIZE + sizeof(tail))
		return false;
	memcpy(&args, mem->data, sizeof(args));
	memcpy(&tail, mem->data + REC_CLONE_ARGS_SIZE, sizeof(tail));
	print_clone_args_struct(lb, &args, opts);
	pidfd = (args.flags & CLONE_PIDFD) && tail.pidfd >= 0;
	parent = (args.flags & CLONE_PARENT_SETTID) && tail.parent_tid >= 0;
	if (RET_IS_ERROR(call->rec->ret) || (!pidfd && !parent))
		return true;
	line_puts(lb, " => {");
	if (pidfd)
		line_printf(lb, "pidfd=[%d]", tail.pidfd);
	if (parent)
		line_printf(lb, "%sparent_tid=[%d]", pidfd ? ", " : "", tail.parent_tid);
	line_putc(lb, '}');
	return true;
}

/* IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4): the class above bit 13, the level below. */
void print_ioprio(struct linebuf *lb, uint64_t value)
{
	line_puts(lb, "IOPRIO_PRIO_VALUE(");
	print_enum(lb, &xlat_ioprio_class, (value >> 13) & 7);
	line_printf(lb, ", %llu)", (unsigned long long)(value & 0x1fff));
}

/* CLONE_ flags with the signal sent at exit in the low byte. */
void print_clone_flags(struct linebuf *lb, uint64_t value)
{
	uint64_t flags = value & ~(uint64_t)0xff;

	if (flags)
		print_flags(lb, &xlat_clone_flags, flags);
	if (value & 0xff) {
		if (flags)
			line_putc(lb, '|');
		print_signal(lb, (int)(value & 0xff));
	}
	if (!value)
		line_putc(lb, '0');
}

/* FUTEX_WAKE_OP's val3: FUTEX_OP_SET<<28|0x1<<12|FUTEX_OP_CMP_EQ<<24|0. */
void print_futex_wake_op(struct linebuf *lb, uint32_t v)
{
	if ((v >> 28) & 8)
		line_puts(lb, "FUTEX_OP_OPARG_SHIFT<<28|");
	print_enum(lb, &xlat_futex_wake_ops, (v >> 28) & 7);
	line_printf(lb, "<<28|%#x<<12|", (v >> 12) & 0xfff);
	print_enum(lb, &xlat_futex_wake_cmps, (v >> 24) & 0xf);
	line_printf(lb, "<<24|%#x", v & 0xfff);
}

/* The bits set in a mask, below nbits: [3 4] (CPU sets; fd sets with -y paths). */
static void print_bits(struct linebuf *lb, const uint8_t *data, size_t len, uint64_t nbits,
		       const struct decoded_call *fds_of, const struct print_opts *opts)
{
	bool first = true;

	line_putc(lb, '[');
	for (uint64_t bit = 0; bit < nbits && bit / 8 < len; bit++) {
		if (!(data[bit / 8] >> (bit % 8) & 1))
			continue;
		if (!first)
			line_putc(lb, ' ');
		if (fds_of)
			print_fd(lb, fds_of, (int)bit, opts);
		else
			line_udec(lb, bit);
		first = false;
	}
	line_putc(lb, ']');
}

void print_bit_list(struct linebuf *lb, const uint8_t *data, size_t len, uint64_t nbits)
{
	print_bits(lb, data, len, nbits, NULL, NULL);
}

bool print_fdset_arg(struct linebuf *lb, const struct decoded_call *call, int i,
		     const struct print_opts *opts)
{
	const struct captured *mem = &call->args[i].entry;

	if (!captured_ok(mem))
		return false;
	print_bits(lb, mem->data, (size_t)mem->len, call->args[call->desc->args[i].size_arg].raw,
		   call, opts);
	return true;
}

/*
 * What strace adds after some return values: poll's revents, select's
 * ready sets, the time left of a timeout, time()'s date.
 */
void print_return_detail(struct linebuf *lb, const struct decoded_call *call, bool no_structs)
{
	static const char *const set_names[] = { "in", "out", "except" };
	int64_t ret = call->rec->ret;
	bool open = false;
	int sets = 0;

	if (!call->desc || ret < 0)
		return;
	if (call->desc->ret == RET_TIME) {
		char date[64];

		if (format_date(date, sizeof(date), ret, 0, 0)) {
			line_puts(lb, " (");
			line_puts(lb, date);
			line_putc(lb, ')');
		}
		return;
	}
	for (int i = 0; i < call->nargs; i++) {
		const struct syscall_arg *desc = &call->desc->args[i];
		const struct captured *mem = &call->args[i].mem;
		bool pollfds = desc->kind == KIND_STRUCTARR && desc->struct_id == STRUCT_ID_pollfd;

		/*
		 * poll's detail is read from its pollfd array (its first
		 * argument): none at all when that is not shown.
		 */
		if (pollfds && no_structs)
			return;
		if (pollfds && captured_ok(mem) && ret > 0) {
			size_t count = (size_t)mem->len / sizeof(struct pollfd);
			bool first = true;

			line_puts(lb, " ([");
			open = true;
			for (size_t k = 0; k < count; k++) {
				struct pollfd p;

				memcpy(&p, mem->data + k * sizeof(p), sizeof(p));
				if (!p.revents)
					continue;
				line_printf(lb, "%s{fd=%d, revents=", first ? "" : ", ", p.fd);
				print_flags(lb, &xlat_poll_events, (uint16_t)p.revents);
				line_putc(lb, '}');
				first = false;
			}
			line_putc(lb, ']');
		} else if (desc->kind == KIND_FDSET) {
			int which = sets++;

			if (!captured_ok(mem) || ret == 0 || which > 2)
				continue;
			line_puts(lb, open ? ", " : " (");
			open = true;
			line_puts(lb, set_names[which]);
			line_putc(lb, ' ');
			print_bit_list(lb, mem->data, (size_t)mem->len, call->args[desc->size_arg].raw);
		} else if (desc->kind == KIND_TIMEOUT && captured_ok(mem) && call->args[i].raw) {
			if (ret == 0 && !open) {
				line_puts(lb, " (Timeout)");
				return;
			}
			if (ret == 0)
				continue;
			line_puts(lb, open ? ", left " : " (left ");
			open = true;
			if (no_structs)
				line_hex(lb, call->args[i].raw);
			else
				print_struct(lb, desc->struct_id, mem->data, (size_t)mem->len, NULL);
		}
	}
	if (open)
		line_putc(lb, ')');
}
