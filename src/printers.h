/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * One printer per argument kind, in strace's notation.  Every printer
 * composes the same small pieces (quoted strings, flags, enums, struct
 * fields), so a syscall is printed by its table entry, not by code of its
 * own.
 */
#ifndef BSTRACE_PRINTERS_H
#define BSTRACE_PRINTERS_H

#include <stdbool.h>

#include "decode.h"
#include "outbuf.h"

struct print_opts {
	unsigned int max_strlen;	/* -s */
	int hex_strings;		/* -x: 1 non-printables, 2 all, in hex */
	bool verbose;			/* -v: structs in full */
};

/* Print argument i of call; false when strace leaves it out entirely. */
bool print_arg(struct linebuf *lb, const struct decoded_call *call, int i,
	       const struct print_opts *opts);

/* A syscall's return value, from " = " on, as strace prints it. */
void print_return(struct linebuf *lb, const struct decoded_call *call);

/* Pieces shared by the printers (and tested on their own). */
void print_quoted(struct linebuf *lb, const uint8_t *s, size_t n, bool truncated,
		  const struct print_opts *opts);
void print_flags(struct linebuf *lb, const struct xlat *table, uint64_t value);
void print_enum(struct linebuf *lb, const struct xlat *table, uint64_t value);
void print_signal(struct linebuf *lb, int sig);
void print_pointer(struct linebuf *lb, uint64_t addr);
void print_sigset(struct linebuf *lb, const uint8_t *bytes, size_t n);
void print_file_mode(struct linebuf *lb, uint64_t mode);
void print_open_flags(struct linebuf *lb, uint64_t flags);
void print_dev(struct linebuf *lb, uint64_t dev);

/* printers_struct.c: structs by structs.def name, and struct-like kinds. */
size_t struct_size(enum struct_id id);
/* false when len cannot hold the struct or nobody prints it. */
bool print_struct(struct linebuf *lb, enum struct_id id, const uint8_t *data, size_t len,
		  const struct print_opts *opts);
/* The same, for a struct the kernel wrote (F_GETLK's flock adds l_pid). */
bool print_struct_out(struct linebuf *lb, enum struct_id id, const uint8_t *data, size_t len,
		      const struct print_opts *opts);
bool print_struct_array(struct linebuf *lb, enum struct_id id, const uint8_t *data, size_t len,
			bool truncated, const struct print_opts *opts);
bool print_wait_status_ref(struct linebuf *lb, const struct captured *mem);
bool print_dirents(struct linebuf *lb, uint64_t addr, const struct captured *mem,
		   const struct print_opts *opts);
bool print_fdset_arg(struct linebuf *lb, const struct decoded_call *call, int i);
void print_ipc_flags(struct linebuf *lb, const struct xlat *table, uint64_t value);
void print_clone_flags(struct linebuf *lb, uint64_t value);
void print_futex_wake_op(struct linebuf *lb, uint32_t value);
/* After the return value: revents, ready sets, time left, a date. */
void print_return_detail(struct linebuf *lb, const struct decoded_call *call);

#endif
