// SPDX-License-Identifier: GPL-2.0-or-later
/* -y's fd table, driven by call records as the consumer would drive it. */
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <linux/memfd.h>
#include <unistd.h>
#include <cmocka.h>

#include "fdtrack.h"
#include "printers.h"
#include "records.h"

#define TGID 4242	/* not a live process: /proc has nothing to add */

static struct linebuf lb;
static const struct print_opts with_y = { .max_strlen = 32, .decode_fds = 1 };
static struct test_record r;

static void call(const char *name, int64_t ret, uint64_t a0, uint64_t a1, uint64_t a2)
{
	init_record(&r, syscall_by_name(name), ret);
	r.rec.tgid = TGID;
	r.rec.tid = TGID;
	r.rec.args[0] = a0;
	r.rec.args[1] = a1;
	r.rec.args[2] = a2;
}

/* Format the call (which also applies it to the table), padding squeezed. */
static const char *apply(void)
{
	const char *s = format_with(&lb, &r, &with_y);
	static char copy[4096];
	char *eq;

	snprintf(copy, sizeof(copy), "%s", s);
	eq = strstr(copy, ")  ");
	if (eq) {
		char *p = eq + 1;

		while (*p == ' ')
			p++;
		memmove(eq + 2, p, strlen(p) + 1);
	}
	copy[strcspn(copy, "\n")] = '\0';
	return copy;
}

static int setup(void **state)
{
	(void)state;
	return fdtrack_init(TGID);
}

static int teardown(void **state)
{
	(void)state;
	fdtrack_free();
	return 0;
}

static void test_open_dup_close(void **state)
{
	(void)state;
	call("openat", 3, (uint64_t)AT_FDCWD, 0x1000, O_RDONLY);
	add_blob(&r, 1, "/nonexistent-dir/file", 21);
	assert_string_equal(apply(), "openat(AT_FDCWD, \"/nonexistent-dir/file\", O_RDONLY) = "
				     "3</nonexistent-dir/file>");
	call("dup2", 7, 3, 7, 0);
	assert_string_equal(apply(), "dup2(3</nonexistent-dir/file>, 7) = 7</nonexistent-dir/file>");
	/* Relative to a directory fd, with "." and ".." taken out. */
	call("openat", 4, 7, 0x1000, O_RDONLY);
	add_blob(&r, 1, "./../x", 6);
	assert_string_equal(apply(), "openat(7</nonexistent-dir/file>, \"./../x\", O_RDONLY) = "
				     "4</nonexistent-dir/x>");
	call("close", 0, 3, 0, 0);
	assert_string_equal(apply(), "close(3</nonexistent-dir/file>) = 0");
	call("close", -9, 3, 0, 0);
	assert_string_equal(apply(), "close(3) = -1 EBADF (Bad file descriptor)");
	/* A failed open leaves the number as it was. */
	call("openat", -2, (uint64_t)AT_FDCWD, 0x1000, O_RDONLY);
	add_blob(&r, 1, "/y", 2);
	assert_string_equal(apply(), "openat(AT_FDCWD, \"/y\", O_RDONLY) = -1 ENOENT (No such file or directory)");
	assert_string_equal(fdtrack_path(TGID, 7), "/nonexistent-dir/file");
}

static void test_cloexec_and_fork(void **state)
{
	(void)state;
	call("openat", 5, (uint64_t)AT_FDCWD, 0x1000, O_RDONLY | O_CLOEXEC);
	add_blob(&r, 1, "/a", 2);
	apply();
	call("openat", 6, (uint64_t)AT_FDCWD, 0x1000, O_RDONLY);
	add_blob(&r, 1, "/b", 2);
	apply();
	fdtrack_fork(TGID, TGID + 1);
	assert_string_equal(fdtrack_path(TGID + 1, 6), "/b");
	/* execve drops close-on-exec fds, and only in the process that ran it. */
	call("execve", 0, 0, 0, 0);
	apply();
	assert_null(fdtrack_path(TGID, 5));
	assert_string_equal(fdtrack_path(TGID, 6), "/b");
	assert_string_equal(fdtrack_path(TGID + 1, 5), "/a");
	call("close_range", 0, 0, 100, 0);
	apply();
	assert_null(fdtrack_path(TGID, 6));
	/* An exited process's fds go with it, and only its own. */
	fdtrack_fork(TGID + 1, TGID + 2);
	fdtrack_exit(TGID + 1);
	assert_null(fdtrack_path(TGID + 1, 5));
	assert_null(fdtrack_path(TGID + 1, 6));
	assert_string_equal(fdtrack_path(TGID + 2, 5), "/a");
	fdtrack_exit(TGID + 2);
}

/* Files with a name of their own kind: memfds, secret memory, message queues. */
static void test_named_files(void **state)
{
	(void)state;
	call("memfd_create", 3, 0x1000, MFD_CLOEXEC, 0);
	add_blob(&r, 0, "buf", 3);
	assert_string_equal(apply(), "memfd_create(\"buf\", MFD_CLOEXEC) = 3</memfd:buf>(deleted)");
	call("memfd_secret", 4, 0, 0, 0);
	assert_string_equal(apply(), "memfd_secret(0) = 4</secretmem>(deleted)");
	call("mq_open", 5, 0x1000, O_RDWR, 0);
	add_blob(&r, 0, "queue", 5);
	assert_string_equal(apply(), "mq_open(\"queue\", O_RDWR) = 5</queue>");
	/* Their flags' close-on-exec bits are seen, MFD_CLOEXEC as O_CLOEXEC. */
	call("execve", 0, 0, 0, 0);
	apply();
	assert_null(fdtrack_path(TGID, 3));
	assert_string_equal(fdtrack_path(TGID, 4), "/secretmem");
	assert_string_equal(fdtrack_path(TGID, 5), "/queue");
}

static void open_named(int fd)
{
	char name[32];

	call("openat", fd, (uint64_t)AT_FDCWD, 0x1000, O_RDONLY);
	snprintf(name, sizeof(name), "/f%d", fd);
	add_blob(&r, 1, name, strlen(name));
	apply();
}

/* More fds than slots: the extra ones print bare, nothing breaks. */
static void test_full_table(void **state)
{
	(void)state;
	for (int fd = 10; fd < 10 + 5000; fd++)
		open_named(fd);
	assert_string_equal(fdtrack_path(TGID, 10), "/f10");
	call("read", 0, 5009, 0, 0);
	assert_string_equal(apply(), "read(5009, NULL, 0) = 0");
	/* A close makes room again. */
	call("close", 0, 10, 0, 0);
	apply();
	open_named(6000);
	assert_string_equal(fdtrack_path(TGID, 6000), "/f6000");
	/* A fork into the full table copies what fits and keeps the parent's. */
	fdtrack_fork(TGID, TGID + 1);
	assert_string_equal(fdtrack_path(TGID, 6000), "/f6000");
	fdtrack_exit(TGID + 1);
}

static void assert_named(uint32_t tgid, int fd, bool open)
{
	char name[32];

	snprintf(name, sizeof(name), "/f%d", fd);
	if (open)
		assert_string_equal(fdtrack_path(tgid, fd), name);
	else
		assert_null(fdtrack_path(tgid, fd));
}

/*
 * Closing moves later entries of a run back into the freed slots: every fd
 * still open keeps its name through churn.  Three processes with the same
 * fds fill the table with runs (one process's fds alone all hash apart),
 * then one exits (a sweep), one closes every other fd (one at a time), and
 * the third must keep all of its fds.  Then a full table, emptied.
 */
static void test_churn(void **state)
{
	(void)state;
	/* Start empty: the earlier tests filled the table. */
	call("close_range", 0, 0, 100000, 0);
	apply();
	for (int round = 0; round < 3; round++) {
		for (int fd = 10; fd < 10 + 1000; fd++)
			open_named(fd);
		fdtrack_fork(TGID, TGID + 1);
		fdtrack_fork(TGID, TGID + 2);
		fdtrack_exit(TGID + 1);
		for (int fd = 10; fd < 10 + 1000; fd += 2) {
			call("close", 0, (uint64_t)fd, 0, 0);
			apply();
		}
		for (int fd = 10; fd < 10 + 1000; fd++) {
			assert_named(TGID, fd, fd % 2);
			assert_named(TGID + 1, fd, false);
			assert_named(TGID + 2, fd, true);
		}
		fdtrack_exit(TGID + 2);
		call("close_range", 0, 0, 100000, 0);
		apply();
	}
	for (int fd = 10; fd < 10 + 5000; fd++)
		open_named(fd);
	call("close_range", 0, 10, 1509, 0);
	apply();
	for (int fd = 10; fd < 3000; fd++)
		assert_named(TGID, fd, fd >= 1510);
	call("close_range", 0, 0, 100000, 0);
	apply();
	assert_null(fdtrack_path(TGID, 1511));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_open_dup_close),
		cmocka_unit_test(test_cloexec_and_fork),
		cmocka_unit_test(test_named_files),
		cmocka_unit_test(test_full_table),
		cmocka_unit_test(test_churn),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
