// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer target: one ring-buffer record, as the kernel could send it
 * (or a bug in the BPF side could), through the consumer: decoder, every
 * printer its syscall's table entry names, and the line formatter of the
 * strace, --json or --perf output.
 *
 * Input: one settings byte, then the record.  The settings pick the output
 * and print options, and whether to repair the record's size and syscall
 * number, so the fuzzer reaches the printers without first having to guess
 * a consistent header (unrepaired records test the validation itself).
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "consumer.h"
#include "options.h"
#include "../bpf/record.h"

#define HEX_MASK	0x03	/* -x, -xx */
#define VERBOSE		0x04	/* -v */
#define SHORT_STRINGS	0x08	/* -s 4 */
#define FIX_SIZE	0x10	/* hdr.size = the input's size */
#define FIX_NR		0x20	/* nr modulo the table's size */
#define FORMAT_SHIFT	6	/* strace, strace -f -y, --json, --perf */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The options of one output format, as its command line gives them. */
static const struct options *format_options(unsigned int format)
{
	static struct options opts[4];
	static bool parsed[4];
	static char *argvs[4][5] = {
		{ "bstrace", "true", NULL },
		{ "bstrace", "-f", "-yy", "true", NULL },
		{ "bstrace", "--json", "-f", "true", NULL },
		{ "bstrace", "--perf", "true", NULL },
	};

	if (!parsed[format]) {
		int argc = 0;

		while (argvs[format][argc])
			argc++;
		if (options_parse(&opts[format], argc, argvs[format]) != PARSE_RUN)
			abort();
		parsed[format] = true;
	}
	return &opts[format];
}

/*
 * One consumer per output format, set up on first use and kept: -yy's fd
 * table and --perf's tables are built once per run in bstrace too, and
 * rebuilding them for every input would slow the fuzzer a hundredfold.
 */
static struct consumer *format_consumer(unsigned int format)
{
	static struct consumer consumers[4];
	static bool ready[4];
	const struct options *opts = format_options(format);
	int null_fd;

	if (!ready[format]) {
		null_fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
		if (!consumer_init(&consumers[format], null_fd, opts, 1000) ||
		    !consumer_set_format(&consumers[format], opts))
			abort();
		ready[format] = true;
	}
	return &consumers[format];
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The ring buffer hands out 8-byte aligned records. */
	static uint64_t record[(REC_PAYLOAD_MAX + sizeof(struct rec_call)) / 8 + 1];
	struct consumer *consumer;
	uint8_t settings;

	if (size < 1 || size - 1 > sizeof(record))
		return 0;
	settings = data[0];
	data++;
	size--;
	memcpy(record, data, size);

	consumer = format_consumer(settings >> FORMAT_SHIFT);
	consumer->print.hex_strings = settings & HEX_MASK;
	consumer->print.verbose = settings & VERBOSE;
	consumer->print.max_strlen = (settings & SHORT_STRINGS) ? 4 : 32;
	if ((settings & FIX_SIZE) && size >= sizeof(struct rec_header))
		((struct rec_header *)record)->size = (uint32_t)size;
	if ((settings & FIX_NR) && size >= sizeof(struct rec_call)) {
		struct rec_call *call = (struct rec_call *)record;

		call->nr = (int32_t)((uint32_t)call->nr % SYSCALL_NR_MAX);
	}
	consumer_handle(consumer, record, size);
	out_flush(&consumer->out);
	return 0;
}
