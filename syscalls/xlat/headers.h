/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * headers.h — the system headers behind the flag and enum tables.
 *
 * The generated xlat.gen.c includes this file first, then takes every NAME
 * listed in xlat/TABLE.in from here (a fallback VALUE from the list is used
 * only when these headers lack NAME).  It exists so that one place decides
 * which headers are included and in which order: glibc's headers are
 * preferred, and <linux/...> headers that clash with them (<linux/fcntl.h>,
 * <linux/socket.h>, <linux/signal.h>, <linux/mount.h>, <linux/mman.h>,
 * <linux/ptrace.h>, <linux/eventpoll.h>, <linux/inotify.h>, <linux/tcp.h>,
 * <asm/termbits.h> ...) are left out; the VALUE column of the lists covers
 * what glibc lacks.  Only <linux/...> headers that glibc has no version of
 * are included.
 *
 * A few glibc definitions are not what strace prints, and are replaced at
 * the end of this file.  Include it only where the tables are built: it
 * changes O_LARGEFILE, O_TMPFILE, F_GETLK*, MS_NOUSER, SIGRTMIN and a few
 * ioctl numbers to the kernel's view of them.
 */
#ifndef BSTRACE_XLAT_HEADERS_H
#define BSTRACE_XLAT_HEADERS_H

#ifndef _GNU_SOURCE
# define _GNU_SOURCE
#endif

/* files, descriptors */
#include <fcntl.h>		/* O_*, AT_*, F_*, FD_CLOEXEC, SPLICE_F_*, FALLOC_FL_*, POSIX_FADV_* */
#include <unistd.h>		/* F_OK.., SEEK_*, CLOSE_RANGE_* */
#include <stdio.h>		/* RENAME_* */
#include <sys/stat.h>		/* AT_STATX_*, STATX_* (via <linux/stat.h>) */
#include <sys/file.h>		/* LOCK_* */
#include <sys/xattr.h>		/* XATTR_* */
#include <sys/mount.h>		/* MS_*, MNT_*, UMOUNT_NOFOLLOW, MOVE_MOUNT_*, OPEN_TREE_* */
#include <sys/swap.h>		/* SWAP_FLAG_* */
#include <sys/inotify.h>	/* IN_* */
#include <sys/eventfd.h>	/* EFD_* */
#include <sys/signalfd.h>	/* SFD_* */
#include <sys/timerfd.h>	/* TFD_* */
#include <sys/epoll.h>		/* EPOLL* */
#include <poll.h>		/* POLL* */
#include <sys/ioctl.h>		/* TC*, TIOC*, FIO* (asm/ioctls.h) */
#include <sys/uio.h>		/* RWF_* */

/* memory */
#include <sys/mman.h>		/* PROT_*, MAP_*, MREMAP_*, MADV_*, MS_*, MCL_*, MLOCK_ONFAULT, MFD_* */

/* processes, signals, time */
#include <signal.h>		/* SIG*, SA_*, SS_* */
#include <sys/wait.h>		/* W*, __W*, P_* */
#include <sched.h>		/* CLONE_*, SCHED_* */
#include <time.h>		/* CLOCK_*, TIMER_ABSTIME */
#include <sys/time.h>		/* ITIMER_* */
#include <sys/resource.h>	/* RLIMIT_*, RUSAGE_*, PRIO_* */
#include <sys/prctl.h>		/* PR_* (includes <linux/prctl.h>) */
#include <sys/ptrace.h>		/* PTRACE_* */
#include <sys/personality.h>	/* PER_*, ADDR_NO_RANDOMIZE ... */
#include <sys/random.h>		/* GRND_* */
#include <sys/ipc.h>		/* IPC_* */
#include <sys/msg.h>		/* MSG_STAT, MSG_INFO, MSG_NOERROR ... */
#include <sys/sem.h>		/* GETPID ... SEM_STAT */
#include <sys/shm.h>		/* SHM_* */
#if defined __x86_64__ || defined __i386__
# include <asm/prctl.h>		/* ARCH_* */
#endif

/* sockets */
#include <sys/socket.h>		/* AF_*, SOCK_*, MSG_*, SOL_*, SO_* (asm/socket.h), SHUT_* */
#include <netinet/in.h>		/* IPPROTO_*, IP_*, IPV6_*, MCAST_* */
#include <netinet/tcp.h>	/* TCP_*, SOL_TCP */
#include <netinet/udp.h>	/* SOL_UDP */

/* Linux-only interfaces that glibc has no header for; none clashes with the above */
#include <linux/futex.h>	/* FUTEX_* */
#include <linux/keyctl.h>	/* KEYCTL_* */
#include <linux/seccomp.h>	/* SECCOMP_* */
#include <linux/bpf.h>		/* BPF_* */
#include <linux/ioprio.h>	/* IOPRIO_WHO_* */
#include <linux/kcmp.h>		/* KCMP_* */
#include <linux/membarrier.h>	/* MEMBARRIER_CMD_* */

/*
 * Where glibc's definition is not the kernel's, strace prints the kernel's.
 */

/* glibc defines O_LARGEFILE as 0 on 64-bit ABIs; the flag still has its
 * kernel bit, which strace prints (openat(..., O_RDONLY|O_LARGEFILE)). */
#if defined O_LARGEFILE && O_LARGEFILE == 0
# undef O_LARGEFILE
#endif
#ifndef O_LARGEFILE
# if defined __aarch64__ || defined __arm__ || defined __powerpc__ \
  || defined __m68k__
#  define O_LARGEFILE 0400000
# elif defined __mips__
#  define O_LARGEFILE 0x2000
# elif defined __sparc__
#  define O_LARGEFILE 0x40000
# else
#  define O_LARGEFILE 0100000	/* asm-generic, x86 */
# endif
#endif

/* glibc's __O_TMPFILE includes O_DIRECTORY; the kernel's (printed by strace
 * for the bit alone) does not.  O_TMPFILE keeps its value. */
#ifdef __O_TMPFILE
# undef O_TMPFILE
# undef __O_TMPFILE
# define __O_TMPFILE 020000000
# define O_TMPFILE (__O_TMPFILE | O_DIRECTORY)
#endif

/* glibc defines F_GETLK64.. as F_GETLK.. (5..7) on 64-bit ABIs, and may
 * define F_GETLK.. as F_GETLK64..; the kernel's numbers, which strace
 * prints, are 5..7 and 12..14. */
#undef F_GETLK
#undef F_SETLK
#undef F_SETLKW
#undef F_GETLK64
#undef F_SETLK64
#undef F_SETLKW64
#define F_GETLK 5
#define F_SETLK 6
#define F_SETLKW 7
#define F_GETLK64 12
#define F_SETLK64 13
#define F_SETLKW64 14

/* glibc's MS_NOUSER is the int 1 << 31, which becomes 0xffffffff80000000
 * in a 64-bit table; strace's table holds 0x80000000. */
#undef MS_NOUSER
#define MS_NOUSER 0x80000000U

/* glibc's SIGRTMIN is a function call (the first real-time signal libc
 * leaves to applications); strace names the kernel's first one, 32. */
#undef SIGRTMIN
#define SIGRTMIN 32

/* These ioctl numbers are built with sizeof(struct termios2) and
 * sizeof(struct serial_iso7816), whose headers clash with glibc's
 * <termios.h>; the lists give their values (the same on x86_64 and aarch64). */
#undef TCGETS2
#undef TCSETS2
#undef TCSETSW2
#undef TCSETSF2
#undef TIOCGISO7816
#undef TIOCSISO7816

#endif /* BSTRACE_XLAT_HEADERS_H */
