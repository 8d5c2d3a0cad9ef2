// SPDX-License-Identifier: GPL-2.0-or-later
/* Corpus, ipc: System V semaphores, shared memory, queues; POSIX queues. */
#include "corpus.h"
#include <fcntl.h>
#include <mqueue.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <time.h>

int main(void)
{
	struct sembuf op = { 0, 1, IPC_NOWAIT };
	struct { long type; char text[16]; } m = { 1, "hello" };
	struct mq_attr attr = { .mq_maxmsg = 4, .mq_msgsize = 32 }, oattr;
	struct timespec ts = { 0, 0 };
	char buf[64];
	unsigned int prio;
	int sem, shm, msq, mq;
	void *addr;

	sem = syscall(SYS_semget, IPC_PRIVATE, 1, IPC_CREAT | 0600);
	syscall(SYS_semop, sem, &op, 1);
	syscall(SYS_semtimedop, sem, &op, 1, &ts);
	syscall(SYS_semctl, sem, 0, GETVAL, 0);
	syscall(SYS_semctl, sem, 0, IPC_RMID, 0);
	syscall(SYS_semget, 0x1234, 1, 0);
	shm = syscall(SYS_shmget, IPC_PRIVATE, 4096, IPC_CREAT | IPC_EXCL | 0600);
	addr = (void *)syscall(SYS_shmat, shm, NULL, SHM_RDONLY);
	syscall(SYS_shmdt, addr);
	syscall(SYS_shmctl, shm, IPC_RMID, NULL);
	msq = syscall(SYS_msgget, IPC_PRIVATE, IPC_CREAT | 0600);
	syscall(SYS_msgsnd, msq, &m, 6, 0);
	syscall(SYS_msgrcv, msq, &m, sizeof(m.text), 0, IPC_NOWAIT);
	syscall(SYS_msgrcv, msq, &m, sizeof(m.text), 0, IPC_NOWAIT);
	syscall(SYS_msgctl, msq, IPC_RMID, NULL);
	mq = syscall(SYS_mq_open, "corpus-mq", O_RDWR | O_CREAT | O_EXCL, 0600, &attr);
	syscall(SYS_mq_timedsend, mq, "message", 7, 3, NULL);
	syscall(SYS_mq_timedreceive, mq, buf, sizeof(buf), &prio, NULL);
	syscall(SYS_mq_timedreceive, mq, buf, sizeof(buf), &prio, &ts);
	syscall(SYS_mq_getsetattr, mq, NULL, &oattr);
	syscall(SYS_mq_notify, mq, NULL);
	syscall(SYS_close, mq);
	syscall(SYS_mq_unlink, "corpus-mq");
	syscall(SYS_mq_open, "corpus-none", O_RDONLY, 0, NULL);
	return 0;
}
