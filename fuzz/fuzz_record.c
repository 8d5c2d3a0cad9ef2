// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer target: one ring-buffer record, as the kernel could send it
 * (or a bug in the BPF side could), through the consumer: decoder, every
 * printer its syscall's table entry names, and the line formatter.
 *
 * Input: one settings byte, then the record.  The settings pick the print
 * options and whether to repair the record's size and syscall number, so
 * the fuzzer reaches the printers without first having to guess a
 * consistent header (unrepaired records test the validation itself).
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "consumer.h"
#include "../bpf/record.h"

#define FIX_SIZE	0x10	/* hdr.size = the input's size */
#define FIX_NR		0x20	/* nr modulo the table's size */
#define FIX_TYPE	0x40	/* a call record */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int null_fd = -1;
	static struct consumer consumer;
	/* The ring buffer hands out 8-byte aligned records. */
	static uint64_t record[(REC_PAYLOAD_MAX + sizeof(struct rec_call)) / 8 + 1];
	struct print_opts print = { 0 };
	uint8_t settings;

	if (size < 1 || size - 1 > sizeof(record))
		return 0;
	if (null_fd < 0)
		null_fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
	settings = data[0];
	data++;
	size--;
	memcpy(record, data, size);

	print.hex_strings = settings & 3;
	print.verbose = settings & 4;
	print.max_strlen = (settings & 8) ? 4 : 32;
	if (size >= sizeof(struct rec_header)) {
		struct rec_header *hdr = (struct rec_header *)record;

		if (settings & FIX_SIZE)
			hdr->size = (uint32_t)size;
		if (settings & FIX_TYPE)
			hdr->type = REC_CALL;
	}
	if ((settings & FIX_NR) && size >= sizeof(struct rec_call)) {
		struct rec_call *call = (struct rec_call *)record;

		call->nr = (int32_t)((uint32_t)call->nr % SYSCALL_NR_MAX);
	}
	consumer_init(&consumer, null_fd, &print, settings & 0x80, 1);
	consumer_handle(&consumer, record, size);
	out_flush(&consumer.out);
	return 0;
}
