// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The --json and --perf printers: JSON escaping of every byte, typed
 * values, perf's beautifiers and line layout, and perf's summary numbers.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "decode.h"
#include "format.h"
#include "options.h"
#include "printers_json.h"
#include "printers_perf.h"
#include "summary_perf.h"
#include "xlat.gen.h"

static struct linebuf lb;
static const struct print_opts defaults = { .max_strlen = 32 };

/* A record with room for its payload after the header. */
struct test_record {
	union {
		struct rec_call rec;
		uint8_t bytes[sizeof(struct rec_call) + 512];
	};
};

static void init_record(struct test_record *r, const char *name, int64_t ret)
{
	memset(r, 0, sizeof(*r));
	r->rec.hdr.type = REC_CALL;
	r->rec.hdr.size = sizeof(r->rec);
	r->rec.nr = syscall_by_name(name);
	assert_true(r->rec.nr >= 0);
	r->rec.ret = ret;
	r->rec.tid = r->rec.tgid = 42;
	memcpy(r->rec.comm, "true", 5);
	for (int i = 0; i < REC_SLOTS; i++)
		r->rec.blob[i].off = REC_BLOB_NONE;
}

static void add_blob(struct test_record *r, int slot, const void *data, size_t len)
{
	size_t off = r->rec.hdr.size - sizeof(r->rec);

	memcpy(r->rec.payload + off, data, len);
	r->rec.blob[slot].off = (uint16_t)off;
	r->rec.blob[slot].len = (int32_t)len;
	r->rec.hdr.size += (uint32_t)len;
}

static struct decoded_call decoded(struct test_record *r)
{
	struct decoded_call call;

	assert_int_equal(decode_call(r, sizeof(*r), &call), 0);
	return call;
}

static const char *json_value(struct test_record *r, int i)
{
	struct decoded_call call = decoded(r);

	line_reset(&lb);
	json_print_value(&lb, &call, i, &defaults);
	return line_cstr(&lb);
}

/* The printer's own result: the value, or NULL when perf leaves it out. */
static const char *perf_value(struct test_record *r, int i)
{
	struct decoded_call call = decoded(r);

	line_reset(&lb);
	if (!perf_print_value(&lb, &call, i, &defaults))
		return NULL;
	return line_cstr(&lb);
}

static void test_json_bytes(void **state)
{
	uint8_t all[256];
	const char *out;

	(void)state;
	for (int i = 0; i < 256; i++)
		all[i] = (uint8_t)i;
	line_reset(&lb);
	json_bytes(&lb, all, sizeof(all));
	out = line_cstr(&lb);
	/* Only printable ASCII comes out, whatever went in. */
	for (const char *p = out; *p; p++)
		assert_true(*p >= ' ' && *p < 0x7f);
	assert_non_null(strstr(out, "\\u0000\\u0001"));
	assert_non_null(strstr(out, "\\t\\n\\u000b\\u000c\\r"));
	assert_non_null(strstr(out, " !\\\"#"));
	assert_non_null(strstr(out, "[\\\\]"));
	assert_non_null(strstr(out, "~\\u007f\\u0080"));
	assert_non_null(strstr(out, "\\u00ff\""));
	line_reset(&lb);
	json_bytes(&lb, (const uint8_t *)"", 0);
	assert_string_equal(line_cstr(&lb), "\"\"");
}

static void test_json_values(void **state)
{
	struct test_record r;

	(void)state;
	init_record(&r, "openat", 3);
	r.rec.args[0] = (uint64_t)-100;
	r.rec.args[1] = 0x7f0000001000;
	r.rec.args[2] = 02000000;		/* O_CLOEXEC */
	add_blob(&r, 1, "/etc/ld.so.cache", 16);
	assert_string_equal(json_value(&r, 0), "\"AT_FDCWD\"");
	assert_string_equal(json_value(&r, 1), "\"/etc/ld.so.cache\"");
	assert_string_equal(json_value(&r, 2), "[\"O_RDONLY\",\"O_CLOEXEC\"]");
	r.rec.args[2] = 02000000 | 0x40000000;	/* a bit nobody names */
	assert_string_equal(json_value(&r, 2), "[\"O_RDONLY\",\"O_CLOEXEC\",\"0x40000000\"]");

	/* An unreadable or NULL pointer has no value; the raw one stays. */
	init_record(&r, "openat", -14);
	r.rec.args[1] = 0x10;
	r.rec.blob[1].len = -14;
	assert_string_equal(json_value(&r, 1), "null");

	/* Structs are objects, from the field table. */
	init_record(&r, "nanosleep", 0);
	{
		struct timespec ts = { .tv_sec = 1, .tv_nsec = 500 };

		r.rec.args[0] = 0x7ffd0000;
		add_blob(&r, 0, &ts, sizeof(ts));
	}
	assert_string_equal(json_value(&r, 0), "{\"tv_sec\":1,\"tv_nsec\":500}");
}

/* String arrays and iovecs, through the decoder's views, lies included. */
static void test_json_arrays(void **state)
{
	struct test_record r;
	uint8_t buf[128];
	size_t n = 0;
	struct rec_argv_head head = { .count = 3, .shown = 2 };
	struct rec_argv_elem elem = { .len = 2 };
	struct rec_iov_head iov_head = { .count = 1 };
	struct rec_iov_elem iov = { .base = 0x1000, .len = 5, .captured = 3 };

	(void)state;
	memcpy(buf + n, &head, sizeof(head)), n += sizeof(head);
	memcpy(buf + n, &elem, sizeof(elem)), n += sizeof(elem);
	memcpy(buf + n, "ls", 2), n += 2;
	elem.len = -14;
	memcpy(buf + n, &elem, sizeof(elem)), n += sizeof(elem);
	init_record(&r, "execve", 0);
	r.rec.args[1] = 0x7ffd0000;
	add_blob(&r, REC_ENTRY_SLOT(1), buf, n);
	assert_string_equal(json_value(&r, 1), "{\"count\":3,\"items\":[\"ls\",null]}");
	/* An element longer than the payload is unreadable, not read past. */
	elem.len = 100;
	memcpy(buf + sizeof(head), &elem, sizeof(elem));
	init_record(&r, "execve", 0);
	r.rec.args[1] = 0x7ffd0000;
	add_blob(&r, REC_ENTRY_SLOT(1), buf, sizeof(head) + sizeof(elem) + 2);
	assert_string_equal(json_value(&r, 1), "{\"count\":3,\"items\":[null]}");

	n = 0;
	memcpy(buf + n, &iov_head, sizeof(iov_head)), n += sizeof(iov_head);
	memcpy(buf + n, &iov, sizeof(iov)), n += sizeof(iov);
	memcpy(buf + n, "abc", 3), n += 3;
	init_record(&r, "writev", 5);
	r.rec.args[1] = 0x7ffd0000;
	r.rec.args[2] = 1;
	add_blob(&r, 1, buf, n);
	assert_string_equal(json_value(&r, 1),
			    "[{\"iov_base\":\"0x1000\",\"iov_len\":5,\"data\":\"abc\"}]");
}

static void test_json_call_line(void **state)
{
	struct test_record r;
	struct decoded_call call;
	const char *line;

	(void)state;
	init_record(&r, "close", -9);
	r.rec.args[0] = 3;
	r.rec.enter_ns = 1000;
	r.rec.exit_ns = 1500;
	call = decoded(&r);
	line_reset(&lb);
	format_json_call(&lb, &call, &defaults);
	line = line_cstr(&lb);
	assert_string_equal(line,
		"{\"v\":1,\"type\":\"call\",\"ts_ns\":1000,\"dur_ns\":500,\"pid\":42,\"tid\":42,"
		"\"comm\":\"true\",\"nr\":3,\"syscall\":\"close\",\"args\":[{\"name\":\"fd\","
		"\"type\":\"fd\",\"raw\":\"0x3\",\"value\":3}],\"ret\":-1,\"errno\":\"EBADF\","
		"\"errno_code\":9}\n");
}

static void test_perf_names(void **state)
{
	size_t len;
	const char *s;

	(void)state;
	printers_perf_init();
	s = perf_xlat_name(&xlat_open_flags, 0100, &len);
	assert_int_equal(len, 5);
	assert_memory_equal(s, "CREAT", 5);
	s = perf_xlat_name(&xlat_access_mode, 4, &len);
	assert_int_equal(len, 1);
	assert_memory_equal(s, "R", 1);
	s = perf_xlat_name(&xlat_epoll_ctl_ops, 1, &len);
	assert_int_equal(len, 3);
	assert_memory_equal(s, "ADD", 3);
	s = perf_xlat_name(&xlat_rlimit_resource, 3, &len);
	assert_int_equal(len, 5);
	assert_memory_equal(s, "STACK", 5);
}

static void test_perf_values(void **state)
{
	struct test_record r;

	(void)state;
	printers_perf_init();
	init_record(&r, "openat", 3);
	r.rec.args[0] = (uint64_t)-100;
	r.rec.args[1] = 0x7f0000001000;
	r.rec.args[2] = 02000000;
	add_blob(&r, 1, "/etc/ld.so.cache", 16);
	assert_string_equal(perf_value(&r, 0), "CWD");
	assert_string_equal(perf_value(&r, 1), "\"/etc/ld.so.cache\"");
	assert_string_equal(perf_value(&r, 2), "RDONLY|CLOEXEC");
	assert_null(perf_value(&r, 3));			/* mode: no O_CREAT */
	/* perf's order: the other flags, then the access mode; modes by name. */
	r.rec.args[2] = 01 | 0100 | 01000;		/* WRONLY|CREAT|TRUNC */
	r.rec.args[3] = 0644;
	assert_string_equal(perf_value(&r, 2), "CREAT|TRUNC|WRONLY");
	assert_string_equal(perf_value(&r, 3), "IRUGO|IWUSR");
	/* Flags lowest bit first, whatever the table's order; the rest in hex. */
	init_record(&r, "mmap", 0x7f0000000000);
	r.rec.args[2] = 3;
	r.rec.args[3] = 0x22 | 0x80000000;
	assert_string_equal(perf_value(&r, 2), "READ|WRITE");
	assert_string_equal(perf_value(&r, 3), "PRIVATE|ANONYMOUS|0x80000000");
	init_record(&r, "pipe2", 0);
	r.rec.args[1] = 02000000 | 04000;
	assert_string_equal(perf_value(&r, 1), "NONBLOCK|CLOEXEC");
	/* Zero is left out, unless an enum has a name for it. */
	init_record(&r, "lseek", 0);
	assert_null(perf_value(&r, 0));
	assert_null(perf_value(&r, 1));
	assert_string_equal(perf_value(&r, 2), "SET");
}

static void test_perf_line(void **state)
{
	static struct perf_format pf;
	struct test_record r;
	struct decoded_call call;
	const char *line;

	(void)state;
	format_perf_init(&pf, true, false);
	init_record(&r, "brk", 0x557f6ebc0000);
	r.rec.enter_ns = 5000000;
	r.rec.exit_ns = 5011000;
	call = decoded(&r);
	line_reset(&lb);
	format_perf_call(&lb, &call, &pf, &defaults);
	line = line_cstr(&lb);
	/* The first event is time 0; "= " 70 columns after the head. */
	assert_string_equal(line, "     0.000 ( 0.011 ms): true/42 brk()"
			    "                                                                 "
			    "= 0x557f6ebc0000\n");
	init_record(&r, "set_tid_address", 42);
	r.rec.enter_ns = 5351000;
	r.rec.exit_ns = 5352000;
	call = decoded(&r);
	line_reset(&lb);
	format_perf_call(&lb, &call, &pf, &defaults);
	assert_non_null(strstr(line_cstr(&lb), "     0.351 ( 0.001 ms): true/42 set_tid_address()"));
	assert_non_null(strstr(line_cstr(&lb), " = 42 (true)\n"));
	init_record(&r, "exit_group", 0);
	r.rec.flags = CALL_NO_RETURN;
	r.rec.enter_ns = 6000000;
	call = decoded(&r);
	line_reset(&lb);
	format_perf_call(&lb, &call, &pf, &defaults);
	assert_non_null(strstr(line_cstr(&lb), "     1.000 (         ): true/42 exit_group()"));
	assert_non_null(strstr(line_cstr(&lb), " = ?\n"));
}

/* Write the summary to a pipe and read it back. */
static void test_perf_summary(void **state)
{
	struct perf_summary *s = summary_perf_new(true);
	struct test_record r;
	struct outbuf *out = malloc(sizeof(*out));
	char text[8192];
	int fds[2];
	ssize_t n;

	(void)state;
	assert_non_null(s);
	assert_non_null(out);
	for (int i = 1; i <= 3; i++) {
		struct decoded_call call;

		init_record(&r, "openat", i == 3 ? -2 : 3);
		r.rec.enter_ns = 0;
		r.rec.exit_ns = (uint64_t)i * 1000000;	/* 1, 2, 3 ms */
		call = decoded(&r);
		summary_perf_add(s, &call);
	}
	assert_int_equal(pipe(fds), 0);
	out_init(out, fds[1]);
	summary_perf_print(s, out);
	out_flush(out);
	close(fds[1]);
	n = read(fds[0], text, sizeof(text) - 1);
	close(fds[0]);
	assert_true(n > 0);
	text[n] = '\0';
	assert_non_null(strstr(text, "\n Summary of events:\n\n true (42), 6 events, 100.0%\n\n"));
	/* stddev: sqrt(1 / 3) ms of a 2 ms mean is 28.87%. */
	assert_non_null(strstr(text,
		"   openat                 3      1     6.000     1.000     2.000     3.000     28.87%\n"
		"\t\t\t\tENOENT: 1\n"));
	summary_perf_free(s);
	free(out);
}

static bool selected(const struct options *o, const char *name)
{
	int nr = syscall_by_name(name);

	return (o->expr.syscalls[nr / 64] >> (nr % 64)) & 1;
}

static enum parse_result parse(struct options *o, int argc, char **argv)
{
	return options_parse(o, argc, argv);
}

static void test_perf_options(void **state)
{
	static struct options o;
	char *globs[] = { "bstrace", "--perf", "-e", "open*,close", "--duration", "1.5", "-s",
			  "--errno-summary", "--max-events", "7", "-T", "--no-comm", "--", "ls", NULL };
	char *negated[] = { "bstrace", "--perf", "--expr", "!mmap,munmap", "--failure", "ls", NULL };
	char *json[] = { "bstrace", "--perf", "--json", "--failure", "ls", NULL };
	char *json_summary[] = { "bstrace", "--perf", "--json", "-S", "ls", NULL };
	char *late[] = { "bstrace", "-f", "--perf", "ls", NULL };
	char *unknown[] = { "bstrace", "--perf", "-e", "nosuchcall", "ls", NULL };
	char *lonely[] = { "bstrace", "--perf", "--errno-summary", "ls", NULL };
	char *pid[] = { "bstrace", "--perf", "-p", "1,2", NULL };
	char *tid[] = { "bstrace", "--perf", "-t", "3", NULL };
	char *user[] = { "bstrace", "--perf", "-u", "root", NULL };

	(void)state;
	assert_int_equal(parse(&o, 14, globs), PARSE_RUN);
	assert_int_equal(o.format, OUTPUT_PERF);
	assert_true(selected(&o, "open") && selected(&o, "openat") && selected(&o, "close"));
	assert_false(selected(&o, "read"));
	assert_int_equal(o.summary.min_duration_ns, 1500000);
	assert_true(o.perf.summary && o.perf.summary_only && o.perf.errno_summary);
	assert_int_equal(o.perf.max_events, 7);
	assert_true(o.perf.full_time);
	assert_false(o.perf.show_comm);
	assert_true(o.follow_forks);
	assert_string_equal(o.command[0], "ls");

	assert_int_equal(parse(&o, 6, negated), PARSE_RUN);
	assert_false(selected(&o, "mmap") || selected(&o, "munmap"));
	assert_true(selected(&o, "read") && o.perf.failure_only && o.perf.show_comm);

	assert_int_equal(parse(&o, 5, json), PARSE_RUN);
	assert_int_equal(o.format, OUTPUT_JSON);
	assert_true(o.perf.failure_only);
	assert_int_equal(parse(&o, 5, json_summary), PARSE_ERROR);

	assert_int_equal(parse(&o, 4, late), PARSE_ERROR);
	assert_int_equal(parse(&o, 5, unknown), PARSE_ERROR);
	assert_int_equal(parse(&o, 4, lonely), PARSE_ERROR);
	assert_int_equal(parse(&o, 4, pid), PARSE_RUN);
	assert_int_equal(o.nattach, 2);
	assert_null(o.command);
	assert_true(o.follow_forks);
	assert_int_equal(parse(&o, 4, tid), PARSE_RUN);
	assert_int_equal(o.attach[0], 3);
	assert_false(o.follow_forks);
	assert_int_equal(parse(&o, 4, user), PARSE_ERROR);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_bytes),
		cmocka_unit_test(test_json_values),
		cmocka_unit_test(test_json_arrays),
		cmocka_unit_test(test_json_call_line),
		cmocka_unit_test(test_perf_names),
		cmocka_unit_test(test_perf_values),
		cmocka_unit_test(test_perf_line),
		cmocka_unit_test(test_perf_summary),
		cmocka_unit_test(test_perf_options),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
