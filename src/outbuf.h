/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Two buffers for the hot path, neither of which allocates: a line being
 * formatted (fixed size, silently cut when full) and the output stream it
 * is appended to (written with one write(2) per 64 KiB, not per line).
 */
#ifndef BSTRACE_OUTBUF_H
#define BSTRACE_OUTBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define LINE_MAX_BYTES	(256 * 1024)

struct linebuf {
	size_t len;
	char data[LINE_MAX_BYTES];
};

void line_reset(struct linebuf *lb);

/*
 * n <= 16 bytes, as most pieces of a line are, without a call into libc:
 * two fixed-size copies that overlap in the middle, reading and writing
 * only the n bytes.  A call to memcpy per piece was 9% of the reader's time.
 */
static inline void copy_short(char *dst, const char *src, size_t n)
{
	if (n >= 8) {
		uint64_t head, tail;

		memcpy(&head, src, 8);
		memcpy(&tail, src + n - 8, 8);
		memcpy(dst, &head, 8);
		memcpy(dst + n - 8, &tail, 8);
	} else if (n >= 4) {
		uint32_t head, tail;

		memcpy(&head, src, 4);
		memcpy(&tail, src + n - 4, 4);
		memcpy(dst, &head, 4);
		memcpy(dst + n - 4, &tail, 4);
	} else if (n) {
		dst[0] = src[0];
		dst[n / 2] = src[n / 2];
		dst[n - 1] = src[n - 1];
	}
}

/* Inline: every printer calls these for each piece of every line. */
static inline void line_write(struct linebuf *lb, const char *s, size_t n)
{
	size_t room = sizeof(lb->data) - 1 - lb->len;

	if (n > room)
		n = room;
	if (n <= 16)
		copy_short(lb->data + lb->len, s, n);
	else
		memcpy(lb->data + lb->len, s, n);
	lb->len += n;
}

static inline void line_putc(struct linebuf *lb, char c)
{
	if (lb->len < sizeof(lb->data) - 1)
		lb->data[lb->len++] = c;
}

void line_puts(struct linebuf *lb, const char *s);
void line_dec(struct linebuf *lb, int64_t v);
void line_udec(struct linebuf *lb, uint64_t v);
/* v right-aligned in width columns, as printf's "%5u". */
void line_udec_right(struct linebuf *lb, uint64_t v, size_t width);
void line_hex(struct linebuf *lb, uint64_t v);		/* 0x1f, and 0 as 0 */
void line_oct(struct linebuf *lb, uint64_t v);		/* 0644, and 0 as 000 */
void line_printf(struct linebuf *lb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Pad with spaces up to column col (no-op when already past it). */
void line_pad_to(struct linebuf *lb, size_t col);
const char *line_cstr(struct linebuf *lb);

struct outbuf {
	int fd;
	size_t len;
	int error;		/* first write error, as an errno */
	char data[64 * 1024];
};

void out_init(struct outbuf *out, int fd);
void out_write(struct outbuf *out, const char *s, size_t n);
void out_line(struct outbuf *out, const struct linebuf *lb);
/* Write what is buffered; false (and out->error set) if the write failed. */
bool out_flush(struct outbuf *out);

#endif
