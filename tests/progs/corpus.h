/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Shared by the corpus programs: each makes a fixed list of syscalls with
 * fixed arguments, so two runs (under strace and under bstrace) differ
 * only in addresses, pids and times.  Calls go through syscall(2) where
 * glibc would pick another syscall or a vDSO.
 */
#ifndef BSTRACE_CORPUS_H
#define BSTRACE_CORPUS_H

#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

/* DIR/name, in a static buffer per call site's slot. */
static inline const char *corpus_path(char *buf, size_t size, const char *dir, const char *name)
{
	snprintf(buf, size, "%s/%s", dir, name);
	return buf;
}

#define PATHBUF(var, dir, name) char var[4096]; corpus_path(var, sizeof(var), dir, name)

#endif
