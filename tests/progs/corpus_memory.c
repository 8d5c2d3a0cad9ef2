// SPDX-License-Identifier: GPL-2.0-or-later
/* Corpus, memory: mappings, protections, advice, locking, policies. */
#include "corpus.h"
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/uio.h>
#include <linux/mempolicy.h>
#include <linux/membarrier.h>

int main(void)
{
	char *p, *q, vec[4], local[8], remote[8] = "remote";
	struct iovec liov = { local, sizeof(local) }, riov = { remote, sizeof(remote) };
	unsigned long mask = 1;
	unsigned long nodes[3] = { 0 };
	int mode;

	p = (char *)syscall(SYS_mmap, NULL, 16384, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	syscall(SYS_mmap, NULL, 4096, PROT_READ, MAP_SHARED, 99, 0);
	syscall(SYS_mmap, NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
	syscall(SYS_mprotect, p, 4096, PROT_READ);
	syscall(SYS_mprotect, p, 4096, PROT_READ | PROT_WRITE | PROT_EXEC);
	syscall(SYS_madvise, p, 4096, MADV_DONTNEED);
	syscall(SYS_madvise, p, 8192, MADV_WILLNEED);
	syscall(SYS_madvise, p, 4096, MADV_HUGEPAGE);
	syscall(SYS_msync, p, 4096, MS_SYNC);
	syscall(SYS_msync, p, 4096, MS_ASYNC | MS_INVALIDATE);
	syscall(SYS_mincore, p, 16384, vec);
	syscall(SYS_mlock, p, 4096);
	syscall(SYS_munlock, p, 4096);
	syscall(SYS_mlock2, p, 4096, MLOCK_ONFAULT);
	syscall(SYS_munlock, p, 4096);
	syscall(SYS_mlockall, MCL_CURRENT | MCL_FUTURE);
	syscall(SYS_munlockall);
	q = (char *)syscall(SYS_mremap, p, 16384, 32768, MREMAP_MAYMOVE);
	syscall(SYS_mremap, q, 32768, 8192, 0);
	syscall(SYS_munmap, q, 8192);
	syscall(SYS_brk, NULL);
	syscall(SYS_get_mempolicy, &mode, NULL, 0, NULL, 0);
	/* The node mask the kernel writes back, as ps asks for it (1025 bits there). */
	syscall(SYS_get_mempolicy, &mode, nodes, 129, NULL, 0);
	syscall(SYS_set_mempolicy, MPOL_DEFAULT, NULL, 0);
	syscall(SYS_set_mempolicy, MPOL_PREFERRED, &mask, 2);
	syscall(SYS_set_mempolicy, MPOL_DEFAULT, NULL, 0);
	syscall(SYS_membarrier, MEMBARRIER_CMD_QUERY, 0, 0);
	syscall(SYS_memfd_secret, 0);
	syscall(SYS_pkey_alloc, 0, 0);
	syscall(SYS_process_vm_readv, getpid(), &liov, 1, &riov, 1, 0);
	syscall(SYS_munmap, NULL, 4096);
	return 0;
}
