// SPDX-License-Identifier: GPL-2.0-or-later
/* Corpus, sockets: unix and inet sockets, addresses, messages, options. */
#include "corpus.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <linux/netlink.h>

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "/tmp";
	struct sockaddr_un un = { .sun_family = AF_UNIX };
	struct sockaddr_in in = { .sin_family = AF_INET, .sin_port = 0 };
	struct sockaddr_in6 in6 = { .sin6_family = AF_INET6 };
	struct sockaddr_storage ss;
	socklen_t len;
	int sv[2], lfd, cfd, afd, one = 1, val;
	char buf[64];
	struct iovec iov[2] = { { "hello ", 6 }, { "msg", 3 } };
	struct iovec riov = { buf, sizeof(buf) };
	struct msghdr msg = { .msg_iov = iov, .msg_iovlen = 2 };
	struct msghdr rmsg = { .msg_iov = &riov, .msg_iovlen = 1 };
	struct mmsghdr mm[2];
	struct timeval tv = { 5, 0 };

	snprintf(un.sun_path, sizeof(un.sun_path), "%s/sock", dir);
	syscall(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, sv);
	syscall(SYS_sendto, sv[0], "ping", 4, MSG_DONTWAIT, NULL, 0);
	syscall(SYS_recvfrom, sv[1], buf, sizeof(buf), 0, NULL, NULL);
	syscall(SYS_sendmsg, sv[0], &msg, 0);
	syscall(SYS_recvmsg, sv[1], &rmsg, 0);
	syscall(SYS_recvmsg, sv[1], &rmsg, MSG_DONTWAIT);
	syscall(SYS_shutdown, sv[0], SHUT_WR);
	syscall(SYS_close, sv[0]);
	syscall(SYS_close, sv[1]);
	syscall(SYS_socketpair, AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0, sv);
	memset(mm, 0, sizeof(mm));
	mm[0].msg_hdr.msg_iov = iov;
	mm[0].msg_hdr.msg_iovlen = 1;
	mm[1].msg_hdr.msg_iov = iov + 1;
	mm[1].msg_hdr.msg_iovlen = 1;
	syscall(SYS_sendmmsg, sv[0], mm, 2, 0);
	syscall(SYS_close, sv[0]);
	syscall(SYS_close, sv[1]);

	lfd = syscall(SYS_socket, AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
	syscall(SYS_bind, lfd, &un, sizeof(un));
	syscall(SYS_listen, lfd, 5);
	cfd = syscall(SYS_socket, AF_UNIX, SOCK_STREAM, 0);
	syscall(SYS_connect, cfd, &un, sizeof(un));
	len = sizeof(ss);
	afd = syscall(SYS_accept4, lfd, &ss, &len, SOCK_CLOEXEC);
	len = sizeof(ss);
	syscall(SYS_getsockname, lfd, &ss, &len);
	len = sizeof(ss);
	syscall(SYS_getpeername, cfd, &ss, &len);
	syscall(SYS_close, afd);
	syscall(SYS_close, cfd);
	syscall(SYS_close, lfd);
	syscall(SYS_unlink, un.sun_path);

	/* ip and ss ask their netlink socket for extended acks first. */
	lfd = syscall(SYS_socket, AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	syscall(SYS_setsockopt, lfd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	syscall(SYS_close, lfd);

	lfd = syscall(SYS_socket, AF_INET, SOCK_STREAM, IPPROTO_TCP);
	syscall(SYS_setsockopt, lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	syscall(SYS_bind, lfd, &in, sizeof(in));
	len = sizeof(in);
	syscall(SYS_getsockname, lfd, &in, &len);
	syscall(SYS_listen, lfd, 1);
	cfd = syscall(SYS_socket, AF_INET, SOCK_STREAM, 0);
	syscall(SYS_setsockopt, cfd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	syscall(SYS_setsockopt, cfd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	syscall(SYS_connect, cfd, &in, sizeof(in));
	len = sizeof(val);
	syscall(SYS_getsockopt, cfd, SOL_SOCKET, SO_ERROR, &val, &len);
	len = sizeof(val);
	syscall(SYS_getsockopt, cfd, SOL_SOCKET, SO_TYPE, &val, &len);
	len = sizeof(ss);
	afd = syscall(SYS_accept, lfd, &ss, &len);
	syscall(SYS_sendto, afd, "abc", 3, MSG_NOSIGNAL, NULL, 0);
	syscall(SYS_recvfrom, cfd, buf, sizeof(buf), MSG_PEEK, NULL, NULL);
	syscall(SYS_close, afd);
	syscall(SYS_close, cfd);
	syscall(SYS_close, lfd);

	lfd = syscall(SYS_socket, AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	in.sin_port = htons(9);
	syscall(SYS_sendto, lfd, "x", 1, 0, &in, sizeof(in));
	syscall(SYS_close, lfd);
	lfd = syscall(SYS_socket, AF_INET6, SOCK_DGRAM, 0);
	in6.sin6_addr = in6addr_loopback;
	syscall(SYS_bind, lfd, &in6, sizeof(in6));
	syscall(SYS_close, lfd);
	syscall(SYS_socket, AF_NETLINK, SOCK_RAW, 0);
	syscall(SYS_socket, 12345, SOCK_STREAM, 0);
	return 0;
}
