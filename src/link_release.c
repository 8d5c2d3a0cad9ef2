// SPDX-License-Identifier: GPL-2.0-or-later
#define _GNU_SOURCE	/* clone, pipe2, syscall */
#include <fcntl.h>
#include <sched.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "link_release.h"

/*
 * valgrind aborts on a clone that is neither a thread nor a fork: under it
 * the links are released here.  Its header comes with valgrind itself.
 */
#if defined(__has_include) && __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#define UNDER_VALGRIND	RUNNING_ON_VALGRIND
#else
#define UNDER_VALGRIND	0
#endif

/* The holder's stack, with the fds it keeps at its bottom. */
#define HOLDER_STACK	(64 * 1024)

struct holder {
	int gate;		/* EOF once bstrace has exited */
	int nfds;
	int fds[];		/* the links' and the gate's, ascending */
};

static int by_value(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

/*
 * The holder shares bstrace's memory (a fork would copy its page tables,
 * and every page bstrace then wrote would fault: 16 us each on this VM,
 * more than the release it saves) and its thread pointer.  So it touches
 * nothing but its stack, and makes bare system calls that do not fail
 * here (errno is bstrace's) and that no sanitizer intercepts.
 */
static int hold_links(void *arg)
{
	const struct holder *h = arg;
	unsigned int from = 0;
	char byte;

	for (int i = 0; i < h->nfds; i++) {
		if ((unsigned int)h->fds[i] > from)
			syscall(SYS_close_range, from, (unsigned int)h->fds[i] - 1, 0);
		from = (unsigned int)h->fds[i] + 1;
	}
	syscall(SYS_close_range, from, ~0U, 0);
	/* EOF when bstrace exits: its copy of the pipe's end closes. */
	while (syscall(SYS_read, h->gate, &byte, 1) > 0)
		;
	return 0;	/* the kernel releases the links here */
}

/*
 * Fill the holder's record at the bottom of its stack, gate included, the
 * fds ascending.  false when they do not fit.
 */
static bool describe_holder(struct holder *h, struct bpf_link **links, int n, int gate)
{
	if (sizeof(*h) + (size_t)(n + 1) * sizeof(int) > HOLDER_STACK / 2)
		return false;
	h->gate = gate;
	h->nfds = 0;
	h->fds[h->nfds++] = gate;
	for (int i = 0; i < n; i++)
		h->fds[h->nfds++] = bpf_link__fd(links[i]);
	qsort(h->fds, (size_t)h->nfds, sizeof(int), by_value);
	return true;
}

void links_release_after_exit(struct bpf_link **links, int n)
{
	int gate[2] = { -1, -1 };
	char *stack = MAP_FAILED;

	if (n > 0 && !UNDER_VALGRIND && pipe2(gate, O_CLOEXEC) == 0)
		stack = mmap(NULL, HOLDER_STACK, PROT_READ | PROT_WRITE,
			     MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
	/*
	 * No exit signal: bstrace waits for its own children by pid only, and
	 * once it exits init reaps the holder.  Its stack stays mapped: the
	 * holder outlives this call.
	 */
	if (stack != MAP_FAILED &&
	    (!describe_holder((struct holder *)stack, links, n, gate[0]) ||
	     clone(hold_links, stack + HOLDER_STACK, CLONE_VM, stack) < 0))
		munmap(stack, HOLDER_STACK);
	for (int i = 0; i < n; i++)
		bpf_link__destroy(links[i]);
	if (gate[0] >= 0)
		close(gate[0]);
	/*
	 * gate[1] closes when bstrace exits: until then the holder sleeps, and
	 * does not compete with bstrace's last steps for the CPU or its memory.
	 */
}
