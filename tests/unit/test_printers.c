// SPDX-License-Identifier: GPL-2.0-or-later
/* Printers and the record decoder, including records that lie. */
#define _GNU_SOURCE
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "decode.h"
#include "errnames.h"
#include "format.h"
#include "printers.h"
#include "xlat.gen.h"
#include "records.h"

static struct linebuf lb;
static const struct print_opts defaults = { .max_strlen = 32 };

static const char *quoted(const char *s, size_t n, bool truncated, const struct print_opts *o)
{
	line_reset(&lb);
	print_quoted(&lb, (const uint8_t *)s, n, truncated, o);
	return line_cstr(&lb);
}

/*
 * Pieces of every length from 0 to 40 (the short ones are copied without
 * memcpy): each lands whole after the last, and nothing past it changes.
 */
static void test_line_write_lengths(void **state)
{
	static const char text[] = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH";
	size_t at = 0;

	(void)state;
	line_reset(&lb);
	memset(lb.data, '#', 2048);
	for (size_t n = 0; n <= 40; n++) {
		line_write(&lb, text + n % 4, n);
		assert_int_equal(lb.len, at + n);
		assert_memory_equal(lb.data + at, text + n % 4, n);
		assert_int_equal(lb.data[at + n], '#');
		at += n;
	}
}

/* The line buffer's number and padding primitives, against printf's. */
static void test_line_numbers(void **state)
{
	static const uint64_t values[] = { 0, 7, 42, 12345, 123456, 4294967295u, UINT64_MAX };
	char want[64];

	(void)state;
	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		line_reset(&lb);
		line_write(&lb, "[pid ", 5);
		line_udec_right(&lb, values[i], 5);
		line_write(&lb, "] ", 2);
		snprintf(want, sizeof(want), "[pid %5llu] ", (unsigned long long)values[i]);
		assert_string_equal(line_cstr(&lb), want);
		line_reset(&lb);
		line_udec(&lb, values[i]);
		line_pad_to(&lb, 5);
		line_putc(&lb, ' ');
		snprintf(want, sizeof(want), "%-5llu ", (unsigned long long)values[i]);
		assert_string_equal(line_cstr(&lb), want);
		line_reset(&lb);
		line_hex(&lb, values[i]);
		snprintf(want, sizeof(want), values[i] ? "%#llx" : "0", (unsigned long long)values[i]);
		assert_string_equal(line_cstr(&lb), want);
	}
	/* Every decimal length, on both sides of each power of ten. */
	for (uint64_t p = 1, i = 0; i < 20; i++, p *= 10) {
		for (uint64_t v = p - 1 - (p > 1); v <= p + 1; v++) {
			line_reset(&lb);
			line_udec(&lb, v);
			snprintf(want, sizeof(want), "%llu", (unsigned long long)v);
			assert_string_equal(line_cstr(&lb), want);
			if (v > INT64_MAX)
				continue;
			line_reset(&lb);
			line_dec(&lb, -(int64_t)v);
			snprintf(want, sizeof(want), "%lld", -(long long)v);
			assert_string_equal(line_cstr(&lb), want);
		}
	}
	/* Padding stops at the end of the buffer. */
	line_reset(&lb);
	line_pad_to(&lb, sizeof(lb.data) + 10);
	assert_int_equal(lb.len, sizeof(lb.data) - 1);
}

static void test_escaping(void **state)
{
	struct print_opts x = { .max_strlen = 32, .hex_strings = 1 };
	struct print_opts xx = { .max_strlen = 32, .hex_strings = 2 };

	(void)state;
	assert_string_equal(quoted("abc", 3, false, &defaults), "\"abc\"");
	assert_string_equal(quoted("a\"b\\c\n\t\r\v\f", 10, false, &defaults),
			    "\"a\\\"b\\\\c\\n\\t\\r\\v\\f\"");
	/* Octal as short as possible, unless a digit follows. */
	assert_string_equal(quoted("\0\1x", 3, false, &defaults), "\"\\0\\1x\"");
	assert_string_equal(quoted("\0" "1", 2, false, &defaults), "\"\\0001\"");
	assert_string_equal(quoted("\177ELF\2", 5, false, &defaults), "\"\\177ELF\\2\"");
	assert_string_equal(quoted("\377\033", 2, false, &defaults), "\"\\377\\33\"");
	/* -x: one byte that needs hex puts the whole string in hex, as strace does. */
	assert_string_equal(quoted("a\001", 2, false, &x), "\"\\x61\\x01\"");
	assert_string_equal(quoted("a\tb", 3, false, &x), "\"a\\tb\"");
	assert_string_equal(quoted("ab", 2, false, &xx), "\"\\x61\\x62\"");
	assert_string_equal(quoted("", 0, false, &defaults), "\"\"");
}

static void test_truncation(void **state)
{
	struct print_opts five = { .max_strlen = 5 };

	(void)state;
	assert_string_equal(quoted("hello, world", 12, false, &five), "\"hello\"...");
	assert_string_equal(quoted("hello", 5, false, &five), "\"hello\"");
	assert_string_equal(quoted("hel", 3, true, &five), "\"hel\"...");
}

static const char *flags(const struct xlat *t, uint64_t v)
{
	line_reset(&lb);
	print_flags(&lb, t, v);
	return line_cstr(&lb);
}

static void test_flags(void **state)
{
	(void)state;
	assert_string_equal(flags(&xlat_mmap_prot, 3), "PROT_READ|PROT_WRITE");
	assert_string_equal(flags(&xlat_mmap_prot, 0), "PROT_NONE");
	assert_string_equal(flags(&xlat_mmap_prot, 0x1 | 0x100000), "PROT_READ|0x100000");
	assert_string_equal(flags(&xlat_mmap_flags, 0x22), "MAP_PRIVATE|MAP_ANONYMOUS");
	assert_string_equal(flags(&xlat_at_flags, 0x1000), "AT_EMPTY_PATH");
	line_reset(&lb);
	print_enum(&lb, &xlat_seek_whence, 1);
	assert_string_equal(line_cstr(&lb), "SEEK_CUR");
	line_reset(&lb);
	print_enum(&lb, &xlat_seek_whence, 77);
	assert_string_equal(line_cstr(&lb), "0x4d");
}

static void test_signals(void **state)
{
	uint8_t set[8] = { 0 };

	(void)state;
	line_reset(&lb);
	print_signal(&lb, 17);
	assert_string_equal(line_cstr(&lb), "SIGCHLD");
	line_reset(&lb);
	print_signal(&lb, 34);
	assert_string_equal(line_cstr(&lb), "SIGRT_2");
	set[(10 - 1) / 8] |= 1 << ((10 - 1) % 8);	/* USR1 */
	set[(12 - 1) / 8] |= 1 << ((12 - 1) % 8);	/* USR2 */
	set[(17 - 1) / 8] |= 1 << ((17 - 1) % 8);	/* CHLD */
	line_reset(&lb);
	print_sigset(&lb, set, sizeof(set));
	assert_string_equal(line_cstr(&lb), "[USR1 USR2 CHLD]");
	memset(set, 0xff, sizeof(set));
	set[(9 - 1) / 8] &= ~(1 << ((9 - 1) % 8));	/* all but KILL */
	line_reset(&lb);
	print_sigset(&lb, set, sizeof(set));
	assert_string_equal(line_cstr(&lb), "~[KILL]");
	memset(set, 0, sizeof(set));
	line_reset(&lb);
	print_sigset(&lb, set, sizeof(set));
	assert_string_equal(line_cstr(&lb), "[]");
}

/* si_code: the senders' codes for any signal, the signal's own positive ones. */
static void test_si_codes(void **state)
{
	static const struct {
		int sig, code;
		const char *want;
	} cases[] = {
		{ SIGSEGV, SEGV_MAPERR, "SEGV_MAPERR" }, { SIGBUS, BUS_ADRERR, "BUS_ADRERR" },
		{ SIGILL, ILL_ILLOPC, "ILL_ILLOPC" }, { SIGFPE, FPE_INTDIV, "FPE_INTDIV" },
		{ SIGTRAP, TRAP_BRKPT, "TRAP_BRKPT" }, { SIGIO, POLL_IN, "POLL_IN" },
		{ SIGCHLD, CLD_EXITED, "CLD_EXITED" }, { SIGSEGV, SI_USER, "SI_USER" },
		{ SIGUSR1, SI_TKILL, "SI_TKILL" }, { SIGSEGV, SI_KERNEL, "SI_KERNEL" },
		{ SIGUSR1, 1, "1" }, { SIGSEGV, 99, "99" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		line_reset(&lb);
		print_si_code(&lb, cases[i].sig, cases[i].code);
		assert_string_equal(line_cstr(&lb), cases[i].want);
	}
	print_set_xlat_style(XLAT_RAW);
	line_reset(&lb);
	print_si_code(&lb, SIGUSR1, SI_TKILL);
	assert_string_equal(line_cstr(&lb), "0xfffffffa");
	print_set_xlat_style(XLAT_VERBOSE);
	line_reset(&lb);
	print_si_code(&lb, SIGUSR1, SI_TKILL);
	assert_string_equal(line_cstr(&lb), "0xfffffffa /* SI_TKILL */");
	line_reset(&lb);
	print_si_code(&lb, SIGUSR1, 1);
	print_set_xlat_style(XLAT_ABBREV);
	assert_string_equal(line_cstr(&lb), "0x1");
}

static void test_errors(void **state)
{
	(void)state;
	assert_string_equal(errno_name(2), "ENOENT");
	assert_string_equal(errno_name(11), "EAGAIN");
	assert_string_equal(errno_name(512), "ERESTARTSYS");
	assert_string_equal(errno_text(512), "To be restarted if SA_RESTART is set");
	assert_true(RET_IS_ERROR(-1));
	assert_false(RET_IS_ERROR(-4096));
}

static const char *format(struct test_record *r)
{
	return format_with(&lb, r, &defaults);
}

static void test_format_lines(void **state)
{
	struct test_record r;
	int openat = syscall_by_name("openat"), close_nr = syscall_by_name("close");

	(void)state;
	init_record(&r, close_nr, 0);
	r.rec.args[0] = 3;
	assert_string_equal(format(&r), "close(3)                                = 0\n");

	init_record(&r, openat, -2);
	r.rec.args[0] = (uint64_t)-100;
	r.rec.args[1] = 0x1000;
	r.rec.args[2] = 0;
	add_blob(&r, 1, "/nonexistent", 12);
	assert_string_equal(format(&r),
		"openat(AT_FDCWD, \"/nonexistent\", O_RDONLY) = -1 ENOENT (No such file or directory)\n");

	/* The mode shows only with O_CREAT, as in strace. */
	r.rec.args[2] = 0101;	/* O_WRONLY|O_CREAT */
	r.rec.args[3] = 0644;
	r.rec.ret = 3;
	assert_string_equal(format(&r),
		"openat(AT_FDCWD, \"/nonexistent\", O_WRONLY|O_CREAT, 0644) = 3\n");

	/* A read into an unreadable buffer prints the address. */
	init_record(&r, syscall_by_name("read"), -14);
	r.rec.args[0] = 3;
	r.rec.args[1] = 0x7ffd1234;
	r.rec.args[2] = 10;
	assert_string_equal(format(&r),
		"read(3, 0x7ffd1234, 10)                 = -1 EFAULT (Bad address)\n");

	/* exit_group never returns. */
	init_record(&r, syscall_by_name("exit_group"), 0);
	r.rec.flags = CALL_NO_RETURN;
	assert_string_equal(format(&r), "exit_group(0)                           = ?\n");

	/* A number nobody describes prints raw, as strace does. */
	init_record(&r, 0x1ce, -38);
	r.rec.args[4] = 0x7f00;
	assert_string_equal(format(&r),
		"syscall_0x1ce(0, 0, 0, 0, 0x7f00, 0)    = -1 ENOSYS (Function not implemented)\n");
}

/* A record the kernel sent short prints as the full one would. */
static void test_compact_records(void **state)
{
	struct test_record r;
	struct expanded_call out;
	struct rec_call *full = &out.rec;
	size_t two_args = offsetof(struct rec_call, args) + 2 * sizeof(uint64_t);

	(void)state;
	init_record(&r, syscall_by_name("kill"), 0);
	r.rec.args[0] = 42;
	r.rec.args[1] = 9;
	r.rec.args[2] = 0xdead;		/* beyond kill's arguments: not sent */
	r.rec.flags = CALL_COMPACT;
	r.rec.hdr.size = (uint32_t)two_args;
	assert_true(record_expand(&r, two_args, &out));
	assert_int_equal(full->hdr.size, sizeof(*full));
	assert_int_equal(full->flags, 0);
	assert_int_equal(full->args[1], 9);
	assert_int_equal(full->args[2], 0);
	assert_int_equal(full->blob[0].off, REC_BLOB_NONE);
	assert_int_equal(full->blob[REC_SLOTS - 1].off, REC_BLOB_NONE);
	memcpy(&r.rec, full, sizeof(*full));
	assert_string_equal(format(&r), "kill(42, SIGKILL)                       = 0\n");

	/* Not compact, shorter than it says, or longer than a compact one can be. */
	init_record(&r, syscall_by_name("kill"), 0);
	assert_false(record_expand(&r, sizeof(r.rec), &out));
	r.rec.flags = CALL_COMPACT;
	r.rec.hdr.size = (uint32_t)two_args;
	assert_false(record_expand(&r, two_args - 1, &out));
	r.rec.hdr.size = offsetof(struct rec_call, blob) + 1;
	assert_false(record_expand(&r, sizeof(r.rec), &out));
}

/*
 * CALL_SHORT, as the BPF side lays it out: the head, write's three
 * arguments, their exit slots, the payload after them.
 */
static void test_short_records(void **state)
{
	struct test_record full_form, r;
	struct expanded_call out;
	uint8_t *raw = (uint8_t *)&r.rec;
	size_t size = REC_SHORT_PAYLOAD_AT(3) + 3;

	(void)state;
	init_record(&full_form, syscall_by_name("write"), 3);
	full_form.rec.args[0] = 1;
	full_form.rec.args[1] = 0x1000;
	full_form.rec.args[2] = 3;
	add_blob(&full_form, 1, "hi\n", 3);
	memset(&r, 0xee, sizeof(r));
	memcpy(&r, &full_form, REC_SHORT_BLOBS_AT(3));
	memcpy(raw + REC_SHORT_BLOBS_AT(3), full_form.rec.blob, 3 * sizeof(struct rec_blob));
	memcpy(raw + REC_SHORT_PAYLOAD_AT(3), "hi\n", 3);
	r.rec.flags = CALL_SHORT | (3 << CALL_SHORT_ARGS_SHIFT);
	r.rec.hdr.size = (uint32_t)size;
	assert_int_equal(size, 107);
	assert_true(record_expand(&r, size, &out));
	assert_int_equal(out.rec.flags, 0);
	assert_int_equal(out.rec.hdr.size, sizeof(struct rec_call) + 3);
	assert_int_equal(out.rec.args[3], 0);
	assert_int_equal(out.rec.blob[1].len, 3);
	assert_int_equal(out.rec.blob[3].off, REC_BLOB_NONE);
	assert_int_equal(out.rec.blob[REC_ENTRY_SLOT(1)].off, REC_BLOB_NONE);
	assert_int_equal(out.rec.stack.off, REC_BLOB_NONE);
	memcpy(&r.rec, &out.rec, out.rec.hdr.size);
	assert_string_equal(format(&full_form), "write(1, \"hi\\n\", 3)                     = 3\n");
	assert_string_equal(format(&r), "write(1, \"hi\\n\", 3)                     = 3\n");

	/* Shorter than its slots, a payload over the limit, longer than sent, 7 arguments. */
	memcpy(&r, &full_form, sizeof(r));
	r.rec.flags = CALL_SHORT | (3 << CALL_SHORT_ARGS_SHIFT);
	r.rec.hdr.size = REC_SHORT_PAYLOAD_AT(3) - 1;
	assert_false(record_expand(&r, sizeof(r.rec), &out));
	r.rec.hdr.size = REC_SHORT_PAYLOAD_AT(3) + REC_SHORT_PAYLOAD_MAX + 1;
	assert_false(record_expand(&r, sizeof(r.rec), &out));
	r.rec.flags = CALL_SHORT | CALL_SHORT_ARGS_MASK;
	r.rec.hdr.size = (uint32_t)size;
	assert_false(record_expand(&r, sizeof(r.rec), &out));
	r.rec.flags = CALL_SHORT | (3 << CALL_SHORT_ARGS_SHIFT);
	assert_false(record_expand(&r, size - 1, &out));
}

static void test_hostile_records(void **state)
{
	struct test_record r;
	struct decoded_call call;

	(void)state;
	init_record(&r, syscall_by_name("write"), 5);
	r.rec.args[1] = 0x1000;
	r.rec.args[2] = 5;
	add_blob(&r, 1, "hello", 5);
	/* Shorter than its header says. */
	assert_int_equal(decode_call(&r, sizeof(r.rec) - 1, &call), -EINVAL);
	r.rec.hdr.size = sizeof(r) + 1;
	assert_int_equal(decode_call(&r, sizeof(r), &call), -EINVAL);
	r.rec.hdr.size = sizeof(r.rec) + 5;
	/* A blob pointing past the record is not trusted. */
	r.rec.blob[1].off = 250;
	r.rec.blob[1].len = 100;
	assert_string_equal(format(&r), "write(0, 0x1000, 5)                     = 5\n");
	r.rec.blob[1].off = 0;
	r.rec.blob[1].len = INT32_MAX;
	assert_string_equal(format(&r), "write(0, 0x1000, 5)                     = 5\n");
	/* A failed read of user memory prints the address. */
	r.rec.blob[1].len = -14;
	assert_string_equal(format(&r), "write(0, 0x1000, 5)                     = 5\n");
	r.rec.blob[1].len = 5;
	assert_string_equal(format(&r), "write(0, \"hello\", 5)                    = 5\n");
}

static void test_argv(void **state)
{
	struct test_record r;
	uint8_t payload[64];
	struct rec_argv_head head = { .count = 3, .shown = 2 };
	struct rec_argv_elem a = { .len = 2 }, b = { .len = 1 };
	size_t n = 0;

	(void)state;
	memcpy(payload + n, &head, sizeof(head)); n += sizeof(head);
	memcpy(payload + n, &a, sizeof(a)); n += sizeof(a);
	memcpy(payload + n, "ls", 2); n += 2;
	memcpy(payload + n, &b, sizeof(b)); n += sizeof(b);
	memcpy(payload + n, "-", 1); n += 1;
	init_record(&r, syscall_by_name("execve"), 0);
	r.rec.args[0] = 0x1000;
	r.rec.args[1] = 0x2000;
	r.rec.args[2] = 0x3000;
	add_blob(&r, REC_ENTRY_SLOT(0), "/bin/ls", 7);
	add_blob(&r, REC_ENTRY_SLOT(1), payload, n);
	head.count = 41;
	head.shown = 0;
	add_blob(&r, REC_ENTRY_SLOT(2), &head, sizeof(head));
	assert_string_equal(format(&r),
		"execve(\"/bin/ls\", [\"ls\", \"-\", ...], 0x3000 /* 41 vars */) = 0\n");
	/* An element count larger than the payload stops at the payload. */
	head.count = 1000;
	head.shown = 1000;
	memcpy(payload, &head, sizeof(head));
	init_record(&r, syscall_by_name("execve"), 0);
	r.rec.args[0] = 0x1000;
	r.rec.args[1] = 0x2000;
	add_blob(&r, REC_ENTRY_SLOT(1), payload, n);
	format(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_line_write_lengths),
		cmocka_unit_test(test_line_numbers),
		cmocka_unit_test(test_escaping),
		cmocka_unit_test(test_truncation),
		cmocka_unit_test(test_flags),
		cmocka_unit_test(test_signals),
		cmocka_unit_test(test_si_codes),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_format_lines),
		cmocka_unit_test(test_hostile_records),
		cmocka_unit_test(test_compact_records),
		cmocka_unit_test(test_short_records),
		cmocka_unit_test(test_argv),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
