// SPDX-License-Identifier: GPL-2.0-or-later
/* Corpus, files: paths, metadata, directories, links, xattrs. */
#include "corpus.h"
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/time.h>
#include <sys/xattr.h>
#include <utime.h>
#include <linux/stat.h>

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "/tmp";
	PATHBUF(sub, dir, "sub");
	PATHBUF(file, dir, "sub/file");
	PATHBUF(file2, dir, "sub/file2");
	PATHBUF(hard, dir, "sub/hard");
	PATHBUF(soft, dir, "sub/soft");
	PATHBUF(fifo, dir, "sub/fifo");
	struct stat st;
	struct statfs sfs;
	char buf[512];
	struct timeval tv[2] = { { 1, 2 }, { 3, 4 } };
	struct timespec ts[2] = { { 5, 6 }, { 0, UTIME_OMIT } };
	struct utimbuf ub = { 7, 8 };
	/* Whole seconds and time zero: strace's dates drop the fraction, or the comment. */
	struct timespec whole_ts[2] = { { 1577836800, 0 }, { 0, 0 } };
	struct timeval whole_tv[2] = { { 0, 0 }, { 9, 0 } };
	int fd, dfd;

	syscall(SYS_umask, 022);
	syscall(SYS_mkdir, sub, 0755);
	syscall(SYS_mkdir, sub, 0755);
	dfd = syscall(SYS_open, sub, O_RDONLY | O_DIRECTORY);
	fd = syscall(SYS_creat, file, 0644);
	syscall(SYS_write, fd, "data\n", 5);
	syscall(SYS_close, fd);
	fd = syscall(SYS_openat, dfd, "file", O_RDWR | O_APPEND | O_NOFOLLOW);
	syscall(SYS_openat, AT_FDCWD, "/nonexistent", O_RDONLY);
	syscall(SYS_openat, dfd, "new", O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	syscall(SYS_stat, file, &st);
	syscall(SYS_lstat, file, &st);
	syscall(SYS_fstat, fd, &st);
	syscall(SYS_newfstatat, dfd, "file", &st, 0);
	syscall(SYS_newfstatat, fd, "", &st, AT_EMPTY_PATH);
	syscall(SYS_statx, dfd, "file", AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, buf);
	syscall(SYS_statfs, dir, &sfs);
	syscall(SYS_fstatfs, fd, &sfs);
	syscall(SYS_access, file, R_OK | W_OK);
	syscall(SYS_faccessat, dfd, "file", X_OK);
	syscall(SYS_faccessat2, dfd, "file", F_OK, AT_EACCESS);
	syscall(SYS_getcwd, buf, sizeof(buf));
	syscall(SYS_chdir, sub);
	syscall(SYS_fchdir, dfd);
	syscall(SYS_mkdirat, dfd, "d2", 0700);
	syscall(SYS_rmdir, "d2");
	syscall(SYS_mknod, fifo, S_IFIFO | 0644, 0);
	syscall(SYS_mknodat, dfd, "fifo2", S_IFIFO | 0600, 0);
	syscall(SYS_link, file, hard);
	syscall(SYS_linkat, dfd, "file", dfd, "hard2", 0);
	syscall(SYS_symlink, "file", soft);
	syscall(SYS_symlinkat, "file2", dfd, "soft2");
	syscall(SYS_readlink, soft, buf, sizeof(buf));
	syscall(SYS_readlinkat, dfd, "soft2", buf, 3);
	syscall(SYS_rename, hard, file2);
	syscall(SYS_renameat, dfd, "file2", dfd, "file3");
	syscall(SYS_renameat2, dfd, "file3", dfd, "file", RENAME_NOREPLACE);
	syscall(SYS_chmod, file, 0640);
	syscall(SYS_fchmod, fd, 04755);
	syscall(SYS_fchmodat, dfd, "file", 0600);
	syscall(SYS_chown, file, 0, 0);
	syscall(SYS_fchown, fd, -1, -1);
	syscall(SYS_lchown, soft, 0, 0);
	syscall(SYS_fchownat, dfd, "soft", 0, 0, AT_SYMLINK_NOFOLLOW);
	syscall(SYS_truncate, file, 100);
	syscall(SYS_ftruncate, fd, 10);
	syscall(SYS_utime, file, &ub);
	syscall(SYS_utimes, file, tv);
	syscall(SYS_futimesat, dfd, "file", tv);
	syscall(SYS_utimensat, dfd, "file", ts, 0);
	syscall(SYS_utimensat, dfd, "file", whole_ts, 0);
	syscall(SYS_utimes, file, whole_tv);
	syscall(SYS_utimensat, fd, NULL, NULL, 0);
	syscall(SYS_getdents64, dfd, buf, sizeof(buf));
	syscall(SYS_setxattr, file, "user.test", "value", 5, XATTR_CREATE);
	syscall(SYS_lsetxattr, file, "user.t2", "v2", 2, 0);
	syscall(SYS_fsetxattr, fd, "user.t3", "v3", 2, XATTR_REPLACE);
	syscall(SYS_getxattr, file, "user.test", buf, sizeof(buf));
	syscall(SYS_lgetxattr, file, "user.none", buf, sizeof(buf));
	syscall(SYS_fgetxattr, fd, "user.t2", buf, sizeof(buf));
	syscall(SYS_listxattr, file, buf, sizeof(buf));
	syscall(SYS_llistxattr, file, NULL, 0);
	syscall(SYS_flistxattr, fd, buf, sizeof(buf));
	syscall(SYS_removexattr, file, "user.test");
	syscall(SYS_lremovexattr, file, "user.t2");
	syscall(SYS_fremovexattr, fd, "user.none");
	syscall(SYS_chroot, "/nonexistent");
	syscall(SYS_sync);
	syscall(SYS_syncfs, fd);
	syscall(SYS_unlink, soft);
	syscall(SYS_unlinkat, dfd, "soft2", 0);
	syscall(SYS_unlinkat, dfd, "fifo", 0);
	syscall(SYS_unlinkat, dfd, "fifo2", 0);
	syscall(SYS_unlinkat, dfd, "hard2", 0);
	syscall(SYS_unlinkat, dfd, "new", 0);
	syscall(SYS_unlinkat, dfd, "file", 0);
	syscall(SYS_close, fd);
	syscall(SYS_close, dfd);
	syscall(SYS_chdir, "/");
	syscall(SYS_unlinkat, AT_FDCWD, sub, AT_REMOVEDIR);
	return 0;
}
