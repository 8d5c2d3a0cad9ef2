/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Letting go of BPF links without waiting for the kernel.  Releasing a link
 * unregisters a tracepoint probe: grace periods, and on a VM an IPI to every
 * CPU to patch the tracepoint's static call.  A syscall event takes about
 * 50 ms here, a raw tracepoint 0.5-2 ms, all of it added to the end of
 * every trace.  A holder process with copies of the links takes that wait
 * off bstrace's path.
 */
#ifndef BSTRACE_LINK_RELEASE_H
#define BSTRACE_LINK_RELEASE_H

#include <bpf/libbpf.h>

/*
 * Destroy the n links; the kernel releases them once bstrace has exited.
 * The programs run on until then; what they send is never read (an
 * attached process runs on, a launched command has ended).  For bstrace's
 * last steps only.  Without a holder (no memory) the release
 * happens here.
 */
void links_release_after_exit(struct bpf_link **links, int n);

#endif
