/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The C types behind the struct names that syscalls.tbl uses.  Included by
 * the generator (to learn each size the BPF side copies) and by the front
 * end (to print them), both compiled for the traced architecture.
 */
#ifndef BSTRACE_SYSCALL_STRUCTS_H
#define BSTRACE_SYSCALL_STRUCTS_H

#define _GNU_SOURCE
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <sys/socket.h>
#include <sys/timex.h>
#include <sched.h>
#include <time.h>
#include <fcntl.h>
#include <linux/capability.h>

/*
 * The kernel's struct sigaction for rt_sigaction, which is not glibc's: the
 * mask comes last and is sigsetsize (8) bytes.
 */
struct kernel_sigaction {
	uint64_t handler;
	uint64_t flags;
	uint64_t restorer;
	uint64_t mask;
};

/* struct rlimit64 as prlimit64 sees it. */
struct kernel_rlimit64 {
	uint64_t rlim_cur;
	uint64_t rlim_max;
};

/* struct statx, spelled out because glibc 2.36 hides it behind _GNU_SOURCE
 * in <sys/stat.h> only with newer headers. 256 bytes. */
struct kernel_statx_timestamp {
	int64_t tv_sec;
	uint32_t tv_nsec;
	int32_t reserved;
};

struct kernel_statx {
	uint32_t stx_mask, stx_blksize;
	uint64_t stx_attributes;
	uint32_t stx_nlink, stx_uid, stx_gid;
	uint16_t stx_mode, spare0;
	uint64_t stx_ino, stx_size, stx_blocks, stx_attributes_mask;
	struct kernel_statx_timestamp stx_atime, stx_btime, stx_ctime, stx_mtime;
	uint32_t stx_rdev_major, stx_rdev_minor, stx_dev_major, stx_dev_minor;
	uint64_t stx_mnt_id;
	uint32_t stx_dio_mem_align, stx_dio_offset_align;
	uint64_t spare3[12];
};

/* utimes' and utimensat's pair of times, utime's struct utimbuf. */
struct kernel_timeval2 {
	struct timeval tv[2];
};

struct kernel_timespec2 {
	struct timespec ts[2];
};

struct kernel_utimbuf {
	int64_t actime;
	int64_t modtime;
};

struct kernel_mq_attr {
	int64_t mq_flags, mq_maxmsg, mq_msgsize, mq_curmsgs;
	int64_t reserved[4];
};

/* capget/capset with _LINUX_CAPABILITY_VERSION_3: two 32-bit halves. */
struct kernel_cap_data2 {
	struct __user_cap_data_struct half[2];
};

struct kernel_sembuf {
	unsigned short sem_num;
	short sem_op;
	short sem_flg;
};

/* The kernel's struct termios (TCGETS), not glibc's: 19 control chars. */
struct kernel_termios {
	uint32_t c_iflag, c_oflag, c_cflag, c_lflag;
	uint8_t c_line;
	uint8_t c_cc[19];
};

struct kernel_winsize {
	uint16_t ws_row, ws_col, ws_xpixel, ws_ypixel;
};

/* clone3's struct clone_args, as of Linux 5.7 (88 bytes). */
struct kernel_clone_args {
	uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls;
	uint64_t set_tid, set_tid_size, cgroup;
};

#endif
