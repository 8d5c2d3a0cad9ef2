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
#include "fdtrack.h"
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int null_fd = -1;
	static struct consumer consumer;
	/* The ring buffer hands out 8-byte aligned records. */
	static uint64_t record[(REC_PAYLOAD_MAX + sizeof(struct rec_call)) / 8 + 1];
	const struct options *opts;
	struct print_opts print;
	uint8_t settings;

	if (size < 1 || size - 1 > sizeof(record))
		return 0;
	if (null_fd < 0)
		null_fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
	settings = data[0];
	data++;
	size--;
	memcpy(record, data, size);

	opts = format_options(settings >> FORMAT_SHIFT);
	print = opts->print;
	print.hex_strings = settings & HEX_MASK;
	print.verbose = settings & VERBOSE;
	print.max_strlen = (settings & SHORT_STRINGS) ? 4 : 32;
	if ((settings & FIX_SIZE) && size >= sizeof(struct rec_header))
		((struct rec_header *)record)->size = (uint32_t)size;
	if ((settings & FIX_NR) && size >= sizeof(struct rec_call)) {
		struct rec_call *call = (struct rec_call *)record;

		call->nr = (int32_t)((uint32_t)call->nr % SYSCALL_NR_MAX);
	}
	consumer_init(&consumer, null_fd, &print, opts->follow_forks, 1000);
	if (!consumer_set_format(&consumer, opts))
		abort();
	consumer_handle(&consumer, record, size);
	consumer_finish(&consumer);
	out_flush(&consumer.out);
	/* consumer_init's -y table lives until exit in bstrace: free it here. */
	if (print.decode_fds)
		fdtrack_free();
	return 0;
}
