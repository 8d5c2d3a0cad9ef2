// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A program doing ordinary file work on real files: open, read, write,
 * stat, mmap, close.  Traced by strace and by bstrace and compared.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "/tmp";
	char path[4096], buf[256];
	struct stat st;
	ssize_t n;
	void *map;
	int fd;

	snprintf(path, sizeof(path), "%s/fileio.txt", dir);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return 1;
	static const char text[] = "hello, world\n\tline two \"quoted\" \\ \001\377\n";
	n = write(fd, text, sizeof(text) - 1);
	(void)!write(fd, "", 0);
	close(fd);

	fd = openat(AT_FDCWD, path, O_RDONLY | O_CLOEXEC);
	n = read(fd, buf, sizeof(buf));
	n = read(fd, buf, sizeof(buf));
	fstat(fd, &st);
	map = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 0);
	munmap(map, 4096);
	lseek(fd, 0, SEEK_SET);
	n = pread(fd, buf, 5, 7);
	close(fd);

	stat(path, &st);
	lstat("/etc/passwd", &st);
	access("/nonexistent/file", F_OK);
	open("/nonexistent/file", O_RDONLY);
	fd = open("/etc/passwd", O_RDONLY);
	n = read(fd, buf, 100);
	close(fd);
	close(fd);
	unlink(path);
	(void)n;
	return 0;
}
