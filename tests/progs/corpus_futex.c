// SPDX-License-Identifier: GPL-2.0-or-later
/* Corpus, futex: waits that fail at once, wakes, robust lists, rseq. */
#include "corpus.h"
#include <linux/futex.h>
#include <stdint.h>
#include <time.h>

int main(void)
{
	uint32_t word = 1, word2 = 0;
	struct timespec ts = { 0, 1000 };
	void *head;
	size_t len;

	syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
	syscall(SYS_futex, &word, FUTEX_WAIT, 1, &ts, NULL, 0);
	syscall(SYS_futex, &word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
	syscall(SYS_futex, &word, FUTEX_WAKE, INT32_MAX, NULL, NULL, 0);
	syscall(SYS_futex, &word, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME, 0, &ts, NULL, FUTEX_BITSET_MATCH_ANY);
	syscall(SYS_futex, &word, FUTEX_WAKE_BITSET_PRIVATE, 1, NULL, NULL, 0xff);
	syscall(SYS_futex, &word, FUTEX_REQUEUE_PRIVATE, 1, 2, &word2, 0);
	syscall(SYS_futex, &word, FUTEX_CMP_REQUEUE_PRIVATE, 1, 2, &word2, 1);
	syscall(SYS_futex, &word, FUTEX_WAKE_OP_PRIVATE, 1, 1, &word2, FUTEX_OP(FUTEX_OP_SET, 1, FUTEX_OP_CMP_EQ, 0));
	syscall(SYS_futex, &word, FUTEX_UNLOCK_PI_PRIVATE, 0, NULL, NULL, 0);
	syscall(SYS_get_robust_list, 0, &head, &len);
	syscall(SYS_set_robust_list, head, len);
	syscall(SYS_set_robust_list, head, 1);
	return 0;
}
