// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include <linux/bpf.h>

#include "ring_reader.h"

/*
 * Read records are given back to the kernel every this many bytes, and
 * when a turn ends: far below the ring's size, so the producer never sees
 * it fuller than a moment's reading leaves it.
 */
#define RELEASE_BYTES	(64UL << 10)

int ring_reader_open(struct ring_reader *r, int map_fd, size_t max_record,
		     ring_record_fn handle, void *ctx)
{
	struct bpf_map_info info;
	__u32 len = sizeof(info);
	void *page;

	memset(r, 0, sizeof(*r));
	memset(&info, 0, sizeof(info));
	if (bpf_obj_get_info_by_fd(map_fd, &info, &len))
		return -errno;
	r->map_fd = map_fd;
	r->handle = handle;
	r->ctx = ctx;
	r->page_size = (size_t)sysconf(_SC_PAGESIZE);
	r->mask = info.max_entries - 1;
	r->wrapped_size = max_record < info.max_entries ? max_record : info.max_entries;
	r->wrapped = malloc(r->wrapped_size);
	if (!r->wrapped)
		return -ENOMEM;
	page = mmap(NULL, r->page_size, PROT_READ | PROT_WRITE, MAP_SHARED, map_fd, 0);
	if (page == MAP_FAILED)
		goto fail;
	r->consumer_pos = page;
	/* The producer's page, then the data once. */
	r->data_map_size = r->page_size + (size_t)info.max_entries;
	page = mmap(NULL, r->data_map_size, PROT_READ, MAP_SHARED, map_fd, (off_t)r->page_size);
	if (page == MAP_FAILED)
		goto fail;
	r->producer_pos = page;
	r->data = (const uint8_t *)page + r->page_size;
	return 0;
fail:
	{
		int err = -errno;

		ring_reader_close(r);
		return err;
	}
}

/*
 * The record whose header is at pos: in place, or, when it runs past the
 * ring's end, its two parts copied together.  NULL if that does not fit.
 */
static const uint8_t *record_at(struct ring_reader *r, unsigned long pos, size_t len)
{
	size_t start = (pos & r->mask) + BPF_RINGBUF_HDR_SZ;
	size_t ring_size = r->mask + 1, first;

	/* Headers are 8-byte aligned in a ring of pages: one never wraps. */
	if (start + len <= ring_size)
		return r->data + start;
	if (len > r->wrapped_size)
		return NULL;
	first = ring_size - start;
	memcpy(r->wrapped, r->data + start, first);
	memcpy(r->wrapped + first, r->data, len - first);
	return r->wrapped;
}

/* A record's room in the ring: its header and length, 8-byte aligned. */
static size_t record_room(uint32_t len)
{
	len &= ~(BPF_RINGBUF_BUSY_BIT | BPF_RINGBUF_DISCARD_BIT);
	return ((size_t)len + BPF_RINGBUF_HDR_SZ + 7) & ~(size_t)7;
}

long ring_reader_consume(struct ring_reader *r)
{
	unsigned long cons = __atomic_load_n(r->consumer_pos, __ATOMIC_ACQUIRE);
	unsigned long released = cons, prod;
	long count = 0;

	while (cons < (prod = __atomic_load_n(r->producer_pos, __ATOMIC_ACQUIRE))) {
		while (cons < prod) {
			const uint32_t *hdr = (const uint32_t *)(r->data + (cons & r->mask));
			uint32_t len = __atomic_load_n(hdr, __ATOMIC_ACQUIRE);

			/* Reserved, not yet committed: the rest waits for the next turn. */
			if (len & BPF_RINGBUF_BUSY_BIT)
				goto done;
			if (!(len & BPF_RINGBUF_DISCARD_BIT)) {
				const uint8_t *rec = record_at(r, cons, len);

				if (!rec) {
					r->oversized++;
				} else if (r->handle(r->ctx, (void *)rec, len) < 0) {
					cons += record_room(len);
					__atomic_store_n(r->consumer_pos, cons, __ATOMIC_RELEASE);
					return -1;
				} else {
					count++;
				}
			}
			cons += record_room(len);
			if (cons - released >= RELEASE_BYTES) {
				__atomic_store_n(r->consumer_pos, cons, __ATOMIC_RELEASE);
				released = cons;
			}
		}
	}
done:
	if (cons != released)
		__atomic_store_n(r->consumer_pos, cons, __ATOMIC_RELEASE);
	return count;
}

void ring_reader_close(struct ring_reader *r)
{
	if (r->producer_pos)
		munmap((void *)r->producer_pos, r->data_map_size);
	if (r->consumer_pos)
		munmap(r->consumer_pos, r->page_size);
	free(r->wrapped);
	r->producer_pos = NULL;
	r->consumer_pos = NULL;
	r->wrapped = NULL;
}
