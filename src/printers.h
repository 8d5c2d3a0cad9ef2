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
#include "syscall_table.h"

/* -X: how flag and enum values print. */
enum xlat_style {
	XLAT_ABBREV = 0,	/* names: O_RDONLY|O_CLOEXEC */
	XLAT_RAW,		/* numbers: 0x80000 */
	XLAT_VERBOSE,		/* both: the number, then the names in a comment */
};

/* Syscall sets of -e raw=, -e abbrev=, -e verbose= (bit nr: syscall nr). */
struct syscall_sets {
	uint64_t raw[SYSCALL_NR_MAX / 64];
	uint64_t abbrev[SYSCALL_NR_MAX / 64];
	uint64_t verbose[SYSCALL_NR_MAX / 64];
};

struct print_opts {
	unsigned int max_strlen;	/* -s */
	int hex_strings;		/* -x: 1 non-printables, 2 all, in hex */
	bool verbose;			/* -v, or not in -e abbrev=: structs in full */
	bool raw;			/* in -e raw=: every argument in hex */
	bool no_structs;		/* not in -e verbose=: structs as addresses */
	bool syscall_numbers;		/* -n: "[ 257] " before the name */
	int decode_fds;			/* -y 1, -yy 2: fds with their paths */
	enum xlat_style xlat_style;	/* -X */
	const struct syscall_sets *sets;	/* NULL: the defaults */
	const struct decoded_call *call;	/* the call being printed, for -y in structs */
};

/* The options for one call: -v, raw=, abbrev=, verbose= as they apply to nr. */
void print_opts_for_call(struct print_opts *out, const struct print_opts *opts, long nr);
/* -X for every flag and enum printer; set once at start-up. */
void print_set_xlat_style(enum xlat_style style);
enum xlat_style print_xlat_style(void);
/*
 * The number of a named value as -X wants it before the name: nothing
 * (abbrev), the number alone (raw: returns true, print no name), or the
 * number and the opening of the comment the name goes in (verbose), which
 * xlat_number_end closes.  In hex, or in decimal (signals).
 */
bool xlat_number_begin(struct linebuf *lb, uint64_t value, bool decimal);
void xlat_number_end(struct linebuf *lb);

/* Print argument i of call; false when strace leaves it out entirely. */
bool print_arg(struct linebuf *lb, const struct decoded_call *call, int i,
	       const struct print_opts *opts);

/* A syscall's return value, from " = " on, as strace prints it. */
void print_return(struct linebuf *lb, const struct decoded_call *call, const struct print_opts *opts);

/* fdtrack.c, for -y: an fd, then "<path>" when its path is known. */
void print_fd(struct linebuf *lb, const struct decoded_call *call, int fd,
	      const struct print_opts *opts);
void print_fd_path(struct linebuf *lb, const struct decoded_call *call, int fd,
		   const struct print_opts *opts);
/* [3, 4], or with -y [3<pipe:[N]>, 4<pipe:[N]>] (the call has just made them). */
void print_fd_pair(struct linebuf *lb, const struct decoded_call *call,
		   const struct rec_fdpair *pair, const struct print_opts *opts);

/* Pieces shared by the printers (and tested on their own). */
void print_quoted(struct linebuf *lb, const uint8_t *s, size_t n, bool truncated,
		  const struct print_opts *opts);
void print_flags(struct linebuf *lb, const struct xlat *table, uint64_t value);
void print_enum(struct linebuf *lb, const struct xlat *table, uint64_t value);
/* A signal's name, whatever -X says: lines like "+++ killed by SIGKILL +++". */
void print_signal_name(struct linebuf *lb, int sig);
/* A signal in an argument or a structure field, as -X says: SIGUSR1, 10, or 10 with its name in a comment. */
void print_signal(struct linebuf *lb, int sig);
/* A siginfo's si_code as strace names it for signal sig (hex under -X raw). */
void print_si_code(struct linebuf *lb, int sig, int code);
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
bool print_fdset_arg(struct linebuf *lb, const struct decoded_call *call, int i,
		     const struct print_opts *opts);
void print_ipc_flags(struct linebuf *lb, const struct xlat *table, uint64_t value);
void print_clone_flags(struct linebuf *lb, uint64_t value);
void print_clone_call(struct linebuf *lb, const struct decoded_call *call);
void print_ioprio(struct linebuf *lb, uint64_t value);
bool print_clone3_args(struct linebuf *lb, const struct decoded_call *call,
		       const struct captured *mem, const struct print_opts *opts);
void print_bit_list(struct linebuf *lb, const uint8_t *data, size_t len, uint64_t nbits);
void print_futex_wake_op(struct linebuf *lb, uint32_t value);
/*
 * After the return value: revents, ready sets, time left, a date.  Without
 * -e verbose= for the call (no_structs), revents are left out and the time
 * left is its address, as strace prints them.
 */
void print_return_detail(struct linebuf *lb, const struct decoded_call *call, bool no_structs);

#endif
