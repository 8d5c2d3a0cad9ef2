// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
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

int ring_reader_open(struct ring_reader *r, int map_fd, ring_record_fn handle, void *ctx)
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
	page = mmap(NULL, r->page_size, PROT_READ | PROT_WRITE, MAP_SHARED, map_fd, 0);
	if (page == MAP_FAILED)
		return -errno;
	r->consumer_pos = page;
	/* The producer's page, then the data twice over. */
	r->data_map_size = r->page_size + 2 * (size_t)info.max_entries;
	page = mmap(NULL, r->data_map_size, PROT_READ, MAP_SHARED, map_fd, (off_t)r->page_size);
	if (page == MAP_FAILED) {
		int err = -errno;

		munmap(r->consumer_pos, r->page_size);
		r->consumer_pos = NULL;
		return err;
	}
	r->producer_pos = page;
	r->data = (const uint8_t *)page + r->page_size;
	return 0;
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
				if (r->handle(r->ctx, (uint8_t *)hdr + BPF_RINGBUF_HDR_SZ, len) < 0) {
					cons += record_room(len);
					__atomic_store_n(r->consumer_pos, cons, __ATOMIC_RELEASE);
					return -1;
				}
				count++;
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
	r->producer_pos = NULL;
	r->consumer_pos = NULL;
}
