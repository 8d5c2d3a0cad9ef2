// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "outbuf.h"

void line_reset(struct linebuf *lb)
{
	lb->len = 0;
}

void line_puts(struct linebuf *lb, const char *s)
{
	line_write(lb, s, strlen(s));
}

#define DIGITS_MAX	24	/* of a 64-bit number in base 8 and up */

/* Digits of v in base, most significant first, at the end of tmp; how many. */
static size_t format_digits(char tmp[DIGITS_MAX], uint64_t v, unsigned int base)
{
	size_t n = 0;

	/*
	 * Decimal, most numbers a trace prints, divides by a constant (no div
	 * instruction), two digits a step.
	 */
	if (base == 10) {
		static const char pairs[] =
			"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
			"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
			"8081828384858687888990919293949596979899";

		while (v >= 10) {
			const char *pair = pairs + 2 * (v % 100);

			if (v < 100) {
				n += 2;
				tmp[DIGITS_MAX - n] = pair[0];
				tmp[DIGITS_MAX - n + 1] = pair[1];
				return n;
			}
			n += 2;
			tmp[DIGITS_MAX - n] = pair[0];
			tmp[DIGITS_MAX - n + 1] = pair[1];
			v /= 100;
		}
		tmp[DIGITS_MAX - ++n] = (char)('0' + v);
		return n;
	}
	do {
		tmp[DIGITS_MAX - ++n] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	return n;
}

static void put_digits(struct linebuf *lb, uint64_t v, unsigned int base)
{
	char tmp[DIGITS_MAX];
	size_t n;

	/* fds, small counts and returns: one digit, most often. */
	if (v < 10) {
		line_putc(lb, (char)('0' + v));
		return;
	}
	n = format_digits(tmp, v, base);

	line_write(lb, tmp + DIGITS_MAX - n, n);
}

void line_udec(struct linebuf *lb, uint64_t v)
{
	put_digits(lb, v, 10);
}

void line_dec(struct linebuf *lb, int64_t v)
{
	if (v < 0) {
		line_putc(lb, '-');
		put_digits(lb, -(uint64_t)v, 10);
	} else {
		put_digits(lb, (uint64_t)v, 10);
	}
}

void line_hex(struct linebuf *lb, uint64_t v)
{
	if (v)
		line_write(lb, "0x", 2);
	put_digits(lb, v, 16);
}

void line_oct(struct linebuf *lb, uint64_t v)
{
	line_putc(lb, '0');
	if (v < 010)
		line_putc(lb, '0');
	put_digits(lb, v, 8);
}

void line_printf(struct linebuf *lb, const char *fmt, ...)
{
	size_t room = sizeof(lb->data) - lb->len;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(lb->data + lb->len, room, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	lb->len += (size_t)n < room ? (size_t)n : room - 1;
}

void line_pad_to(struct linebuf *lb, size_t col)
{
	if (col > sizeof(lb->data) - 1)
		col = sizeof(lb->data) - 1;
	if (lb->len >= col)
		return;
	memset(lb->data + lb->len, ' ', col - lb->len);
	lb->len = col;
}

void line_udec_right(struct linebuf *lb, uint64_t v, size_t width)
{
	char tmp[DIGITS_MAX];
	size_t n = format_digits(tmp, v, 10);

	if (n < width)
		line_pad_to(lb, lb->len + width - n);
	line_write(lb, tmp + DIGITS_MAX - n, n);
}

const char *line_cstr(struct linebuf *lb)
{
	lb->data[lb->len] = '\0';
	return lb->data;
}

void out_init(struct outbuf *out, int fd)
{
	out->fd = fd;
	out->len = 0;
	out->error = 0;
}

bool out_flush(struct outbuf *out)
{
	size_t done = 0;

	while (done < out->len && !out->error) {
		ssize_t n = write(out->fd, out->data + done, out->len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			out->error = n < 0 ? errno : EIO;
		else
			done += (size_t)n;
	}
	out->len = 0;
	return !out->error;
}

void out_write(struct outbuf *out, const char *s, size_t n)
{
	while (n) {
		size_t room = sizeof(out->data) - out->len;
		size_t chunk = n < room ? n : room;

		memcpy(out->data + out->len, s, chunk);
		out->len += chunk;
		s += chunk;
		n -= chunk;
		if (out->len == sizeof(out->data))
			out_flush(out);
	}
}

void out_line(struct outbuf *out, const struct linebuf *lb)
{
	out_write(out, lb->data, lb->len);
}
