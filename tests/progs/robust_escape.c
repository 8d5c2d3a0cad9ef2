// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A hostile tracee: writes terminal control sequences (set the window
 * title, ring the bell, clear the screen) that must reach the trace only
 * escaped, never as raw bytes on the user's terminal.
 */
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	static const char title[] = "\033]0;pwned\007";
	static const char clear[] = "\033[2J\033[H\r\b\x9b" "31m";
	int fd = open("/dev/null", O_WRONLY);

	if (fd < 0)
		return 1;
	if (write(fd, title, sizeof(title) - 1) < 0 || write(fd, clear, sizeof(clear) - 1) < 0)
		return 1;
	/* In a path too: paths print in full, whatever -s says. */
	open("/nonexistent/\033]0;pwned\007", O_RDONLY);
	return 0;
}
