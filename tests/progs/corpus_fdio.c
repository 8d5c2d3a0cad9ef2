// SPDX-License-Identifier: GPL-2.0-or-later
/* Corpus, fd I/O: reading, writing, descriptors, pipes, splicing. */
#include "corpus.h"
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/uio.h>
#include <termios.h>
#include <linux/fs.h>

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "/tmp";
	PATHBUF(file, dir, "fdio.txt");
	PATHBUF(file2, dir, "fdio2.txt");
	char a[16], b[16], big[100];
	struct iovec iov[2] = { { a, sizeof(a) }, { b, sizeof(b) } };
	struct iovec wiov[2] = { { "first ", 6 }, { "second\n", 7 } };
	struct iovec null_iov = { NULL, 0 };
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 10 };
	struct termios tio;
	int fds[2], fd, fd2, n = 0;
	long long off_in = 0, off_out = 0;

	memset(big, 'x', sizeof(big));
	fd = syscall(SYS_openat, AT_FDCWD, file, O_RDWR | O_CREAT | O_TRUNC, 0644);
	syscall(SYS_write, fd, "hello world\n", 12);
	syscall(SYS_write, fd, big, sizeof(big));
	syscall(SYS_pwrite64, fd, "HELLO", 5, 0);
	syscall(SYS_lseek, fd, 0, SEEK_SET);
	syscall(SYS_read, fd, a, sizeof(a));
	syscall(SYS_pread64, fd, b, 5, 6);
	syscall(SYS_lseek, fd, -2, SEEK_END);
	syscall(SYS_lseek, fd, 0, SEEK_SET);
	syscall(SYS_readv, fd, iov, 2);
	/* An empty buffer at NULL: strace prints NULL, not "". */
	syscall(SYS_readv, fd, &null_iov, 1);
	syscall(SYS_writev, fd, wiov, 2);
	syscall(SYS_preadv, fd, iov, 1, 0, 0);
	syscall(SYS_pwritev, fd, wiov, 2, 3, 0);
	syscall(SYS_preadv2, fd, iov, 2, 0, 0, RWF_HIPRI);
	syscall(SYS_pwritev2, fd, wiov, 1, -1, -1, RWF_DSYNC);
	fd2 = syscall(SYS_dup, fd);
	syscall(SYS_dup2, fd2, 10);
	syscall(SYS_dup3, fd2, 11, O_CLOEXEC);
	syscall(SYS_close, 10);
	syscall(SYS_close, 11);
	syscall(SYS_fcntl, fd, F_GETFL);
	syscall(SYS_fcntl, fd, F_SETFL, O_NONBLOCK | O_APPEND);
	syscall(SYS_fcntl, fd, F_GETFD);
	syscall(SYS_fcntl, fd, F_SETFD, FD_CLOEXEC);
	syscall(SYS_fcntl, fd, F_DUPFD_CLOEXEC, 20);
	syscall(SYS_close, 20);
	syscall(SYS_fcntl, fd, F_SETLK, &fl);
	syscall(SYS_fcntl, fd, F_GETLK, &fl);
	syscall(SYS_flock, fd, LOCK_EX | LOCK_NB);
	syscall(SYS_flock, fd, LOCK_UN);
	syscall(SYS_ioctl, fd, TCGETS, &tio);
	syscall(SYS_ioctl, fd, FIONREAD, &n);
	/* cp's first try at a copy; and a command no table names: _IOC(...). */
	syscall(SYS_ioctl, fd, FICLONE, fd);
	syscall(SYS_ioctl, fd, _IOC(_IOC_READ | _IOC_WRITE, 0x99, 0x99, 0x18), 0);
	syscall(SYS_fsync, fd);
	syscall(SYS_fdatasync, fd);
	syscall(SYS_sync_file_range, fd, 0, 10, SYNC_FILE_RANGE_WRITE);
	syscall(SYS_readahead, fd, 0, 100);
	syscall(SYS_fadvise64, fd, 0, 0, POSIX_FADV_SEQUENTIAL);
	syscall(SYS_fallocate, fd, 0, 0, 200);
	syscall(SYS_fallocate, fd, FALLOC_FL_KEEP_SIZE | FALLOC_FL_PUNCH_HOLE, 0, 10);
	syscall(SYS_pipe, fds);
	syscall(SYS_close, fds[0]);
	syscall(SYS_close, fds[1]);
	syscall(SYS_pipe2, fds, O_CLOEXEC | O_NONBLOCK);
	syscall(SYS_ioctl, fds[0], FIONREAD, &n);
	fd2 = syscall(SYS_openat, AT_FDCWD, file2, O_RDWR | O_CREAT | O_TRUNC, 0600);
	syscall(SYS_sendfile, fd2, fd, &off_in, 8);
	syscall(SYS_sendfile, fd2, fd, NULL, 4);
	syscall(SYS_splice, fd, &off_in, fds[1], NULL, 6, SPLICE_F_NONBLOCK);
	syscall(SYS_tee, fds[0], fds[1], 6, SPLICE_F_NONBLOCK);
	syscall(SYS_splice, fds[0], NULL, fd2, &off_out, 12, 0);
	syscall(SYS_vmsplice, fds[1], wiov, 2, 0);
	syscall(SYS_read, fds[0], big, sizeof(big));
	syscall(SYS_read, fds[0], big, sizeof(big));
	off_in = 0;
	off_out = 0;
	syscall(SYS_copy_file_range, fd, &off_in, fd2, &off_out, 5, 0);
	n = syscall(SYS_memfd_create, "corpus", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	syscall(SYS_fcntl, n, F_ADD_SEALS, F_SEAL_SHRINK);
	syscall(SYS_fcntl, n, F_GET_SEALS);
	syscall(SYS_read, 99, a, 1);
	syscall(SYS_write, 99, "x", 1);
	syscall(SYS_close_range, 50, 60, 0);
	syscall(SYS_close, n);
	syscall(SYS_close, fds[0]);
	syscall(SYS_close, fds[1]);
	syscall(SYS_close, fd2);
	syscall(SYS_close, fd);
	syscall(SYS_unlink, file);
	syscall(SYS_unlink, file2);
	return 0;
}
