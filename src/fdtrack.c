// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The fd table behind -y.  Entries live in one array allocated when
 * tracing starts (pages are touched only as fds are opened), keyed by
 * (process, fd) with open addressing, so the hot path never allocates.
 * What a call does to the table is looked up once per syscall number at
 * start-up from the small list below and from the description (a call
 * returning an fd with a path argument opens that path).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "errnames.h"
#include "fdtrack.h"
#include "printers.h"
#include "xlat.gen.h"

#define FDTRACK_SLOTS	4096	/* (process, fd) pairs, a power of two */
#define FDTRACK_LOAD_MAX (FDTRACK_SLOTS / 4 * 3)	/* keeps probe runs short */
#define FDTRACK_PROCS	256	/* processes with a known cwd */

enum slot_state { SLOT_FREE = 0, SLOT_USED };

/*
 * A slot's key and flags.  The paths sit in a parallel array: probes and
 * the sweeps at exit, exec and fork then walk 48 KiB of keys instead of
 * 16 MiB of paths, one page per slot.
 */
struct fd_key {
	uint32_t tgid;
	int32_t fd;
	uint8_t state;		/* enum slot_state */
	bool cloexec;
	bool deleted;		/* memfd: strace adds "(deleted)" after the '>' */
	uint8_t device;		/* enum device_kind: -yy's <char 1:3>, stat'ed once */
	dev_t rdev;
};

enum device_kind { DEVICE_UNCHECKED = 0, DEVICE_NONE, DEVICE_CHAR, DEVICE_BLOCK };

struct proc_cwd {
	uint32_t tgid;
	char path[PATH_MAX];
};

enum fd_action {
	FDACT_NONE = 0,
	FDACT_OPEN,		/* returns an fd for its path argument */
	FDACT_DUP,		/* returns a copy of its first fd argument */
	FDACT_ANON,		/* returns an fd with a fixed name */
	FDACT_PAIR,		/* writes two fds (pipe, socketpair) */
	FDACT_CLOSE,
	FDACT_CLOSE_RANGE,
	FDACT_CHDIR,
	FDACT_FCHDIR,
	FDACT_EXEC,		/* drops close-on-exec fds */
	FDACT_NAMED,		/* the table's name, then argument 0's string if captured */
	FDACT_NAMED_DELETED,	/* the same, a file with no name left: "(deleted)" */
	FDACT_UNLINK,		/* open fds of the file now show "(deleted)" */
};

/* Calls whose effect the description alone does not say, with strace's names. */
static const struct {
	const char *syscall;
	enum fd_action action;
	const char *name;	/* FDACT_ANON, FDACT_PAIR, FDACT_NAMED*: what the fd shows */
} fd_calls[] = {
	{ "dup", FDACT_DUP, NULL }, { "dup2", FDACT_DUP, NULL }, { "dup3", FDACT_DUP, NULL },
	{ "fcntl", FDACT_DUP, NULL },
	{ "close", FDACT_CLOSE, NULL }, { "close_range", FDACT_CLOSE_RANGE, NULL },
	{ "chdir", FDACT_CHDIR, NULL }, { "fchdir", FDACT_FCHDIR, NULL },
	{ "execve", FDACT_EXEC, NULL }, { "execveat", FDACT_EXEC, NULL },
	{ "memfd_create", FDACT_NAMED_DELETED, "/memfd:" },
	{ "memfd_secret", FDACT_NAMED_DELETED, "/secretmem" },
	{ "mq_open", FDACT_NAMED, "/" },
	{ "unlink", FDACT_UNLINK, NULL }, { "unlinkat", FDACT_UNLINK, NULL },
	{ "pipe", FDACT_PAIR, "pipe" }, { "pipe2", FDACT_PAIR, "pipe" },
	{ "socketpair", FDACT_PAIR, "socket" },
	{ "eventfd", FDACT_ANON, "anon_inode:[eventfd]" },
	{ "eventfd2", FDACT_ANON, "anon_inode:[eventfd]" },
	{ "epoll_create", FDACT_ANON, "anon_inode:[eventpoll]" },
	{ "epoll_create1", FDACT_ANON, "anon_inode:[eventpoll]" },
	{ "timerfd_create", FDACT_ANON, "anon_inode:[timerfd]" },
	{ "signalfd", FDACT_ANON, "anon_inode:[signalfd]" },
	{ "signalfd4", FDACT_ANON, "anon_inode:[signalfd]" },
	{ "inotify_init", FDACT_ANON, "anon_inode:inotify" },
	{ "inotify_init1", FDACT_ANON, "anon_inode:inotify" },
	{ "pidfd_open", FDACT_ANON, "anon_inode:[pidfd]" },
	{ "userfaultfd", FDACT_ANON, "anon_inode:[userfaultfd]" },
	{ "io_uring_setup", FDACT_ANON, "anon_inode:[io_uring]" },
	{ "perf_event_open", FDACT_ANON, "anon_inode:[perf_event]" },
	{ "bpf", FDACT_NONE, NULL },
};

static struct fd_key *keys;
static char (*paths)[PATH_MAX];
static uint32_t used_slots;
static struct proc_cwd *cwds;
static uint8_t actions[SYSCALL_NR_MAX];
static const char *anon_names[SYSCALL_NR_MAX];
/* The bit of a flags argument that sets close-on-exec (O_CLOEXEC, MFD_CLOEXEC...), or 0. */
static uint64_t cloexec_flag[SYSCALL_NR_MAX];
static int8_t cloexec_flag_arg[SYSCALL_NR_MAX];

static uint32_t slot_hash(uint32_t tgid, int32_t fd)
{
	return (tgid * 2654435761u ^ (uint32_t)fd * 40503u) & (FDTRACK_SLOTS - 1);
}

/* The slot holding (tgid, fd), or -1. */
static int find_slot(uint32_t tgid, int32_t fd)
{
	uint32_t h = slot_hash(tgid, fd);

	for (uint32_t n = 0; n < FDTRACK_SLOTS; n++, h = (h + 1) & (FDTRACK_SLOTS - 1)) {
		if (keys[h].state == SLOT_FREE)
			return -1;
		if (keys[h].tgid == tgid && keys[h].fd == fd)
			return (int)h;
	}
	return -1;
}

static void move_slot(uint32_t to, uint32_t from)
{
	keys[to] = keys[from];
	memcpy(paths[to], paths[from], strlen(paths[from]) + 1);
	keys[from].state = SLOT_FREE;
}

/*
 * Empty slot h, moving back the later slots of its run that hash at or
 * before it, so that a run never has a hole and no deleted-slot markers
 * pile up: with them, a long trace that opens and closes many fds ended
 * with no free slot, and every lookup scanned the whole table.
 */
static void free_slot(uint32_t h)
{
	const uint32_t mask = FDTRACK_SLOTS - 1;
	uint32_t j = (h + 1) & mask;

	keys[h].state = SLOT_FREE;
	used_slots--;
	/* The load limit leaves a free slot to end the run. */
	for (; keys[j].state == SLOT_USED; j = (j + 1) & mask) {
		uint32_t home = slot_hash(keys[j].tgid, keys[j].fd);

		/* j's entry may fill h if its home is not cyclically in (h, j]. */
		if (((j - home) & mask) >= ((j - h) & mask)) {
			move_slot(h, j);
			h = j;
		}
	}
}

static void forget_fd(uint32_t tgid, int32_t fd)
{
	int h = find_slot(tgid, fd);

	if (h >= 0)
		free_slot((uint32_t)h);
}

/*
 * After slots were freed in a sweep: move every entry to the first free
 * slot from its home, walking from a free slot so that each run is already
 * closed up before the entries after it are moved.  One pass: freeing the
 * slots one by one, each with a shift along its run, cost a full table up
 * to 4096 x 4096 steps per exit.
 */
static void close_holes(void)
{
	const uint32_t mask = FDTRACK_SLOTS - 1;
	uint32_t start = 0;

	while (start < FDTRACK_SLOTS && keys[start].state == SLOT_USED)
		start++;
	if (start == FDTRACK_SLOTS)
		return;
	for (uint32_t n = 1; n < FDTRACK_SLOTS; n++) {
		uint32_t h = (start + n) & mask, t;

		if (keys[h].state != SLOT_USED)
			continue;
		t = slot_hash(keys[h].tgid, keys[h].fd);
		while (t != h && keys[t].state == SLOT_USED)
			t = (t + 1) & mask;
		if (t != h)
			move_slot(t, h);
	}
}

/* Free every slot of tgid that drop says to. */
static void forget_fds_where(uint32_t tgid, bool (*drop)(const struct fd_key *key, const void *arg),
			     const void *arg)
{
	bool freed = false;

	for (uint32_t h = 0; h < FDTRACK_SLOTS; h++)
		if (keys[h].state == SLOT_USED && keys[h].tgid == tgid && drop(&keys[h], arg)) {
			keys[h].state = SLOT_FREE;
			used_slots--;
			freed = true;
		}
	if (freed)
		close_holes();
}

/*
 * Record fd's path and return its slot, or -1 when the table is at its
 * load limit: the fd then prints bare, and no insert or lookup ever has
 * to walk a table with no free slot.
 */
static int remember_fd(uint32_t tgid, int32_t fd, const char *path, bool cloexec)
{
	uint32_t h = slot_hash(tgid, fd);

	forget_fd(tgid, fd);
	if (used_slots >= FDTRACK_LOAD_MAX)
		return -1;
	while (keys[h].state == SLOT_USED)
		h = (h + 1) & (FDTRACK_SLOTS - 1);
	keys[h] = (struct fd_key){ .tgid = tgid, .fd = fd, .state = SLOT_USED, .cloexec = cloexec };
	snprintf(paths[h], PATH_MAX, "%s", path);
	used_slots++;
	return (int)h;
}

/* An fd known only by its inode: "pipe:[N]", "socket:[N]". */
static void remember_inode(uint32_t tgid, int32_t fd, const char *type, uint64_t ino)
{
	char name[64];

	if (!ino) {
		forget_fd(tgid, fd);
		return;
	}
	snprintf(name, sizeof(name), "%s:[%llu]", type, (unsigned long long)ino);
	remember_fd(tgid, fd, name, false);
}

static struct proc_cwd *find_cwd(uint32_t tgid, bool create)
{
	struct proc_cwd *free_slot = NULL;

	for (int i = 0; i < FDTRACK_PROCS; i++) {
		if (cwds[i].tgid == tgid)
			return &cwds[i];
		if (!cwds[i].tgid && !free_slot)
			free_slot = &cwds[i];
	}
	if (create && free_slot)
		free_slot->tgid = tgid;
	return create ? free_slot : NULL;
}

const char *fdtrack_path(uint32_t tgid, int fd)
{
	struct proc_cwd *cwd;
	int h;

	if (!keys)
		return NULL;
	if (fd == AT_FDCWD) {
		cwd = find_cwd(tgid, false);
		return cwd && cwd->path[0] ? cwd->path : NULL;
	}
	h = find_slot(tgid, fd);
	return h >= 0 ? paths[h] : NULL;
}

/* base + "/" + rel, with "." and ".." taken out as the kernel would. */
static void join_path(char *out, size_t size, const char *base, const char *rel)
{
	char joined[2 * PATH_MAX];
	char *parts[PATH_MAX / 2], *save = NULL, *part;
	int n = 0;
	size_t len = 0;

	snprintf(joined, sizeof(joined), "%s/%s", rel[0] == '/' ? "" : base, rel);
	for (part = strtok_r(joined, "/", &save); part; part = strtok_r(NULL, "/", &save)) {
		if (!strcmp(part, "."))
			continue;
		if (!strcmp(part, "..")) {
			if (n)
				n--;
			continue;
		}
		if (n < (int)(sizeof(parts) / sizeof(parts[0])))
			parts[n++] = part;
	}
	out[0] = '\0';
	for (int i = 0; i < n && len + 1 < size; i++)
		len += (size_t)snprintf(out + len, size - len, "/%s", parts[i]);
	if (!n)
		snprintf(out, size, "/");
}

/*
 * The path an open call gave its fd: its path argument against its dirfd
 * or the cwd, then with symlinks resolved when the file is still there
 * (strace shows the kernel's name for it, /usr/lib for /lib).
 */
static bool opened_path(const struct decoded_call *call, char *out, size_t size)
{
	const struct syscall_desc *desc = call->desc;
	int dirfd = AT_FDCWD;
	char name[PATH_MAX], resolved[PATH_MAX];
	const char *base;

	for (int i = 0; i < call->nargs; i++) {
		const struct captured *mem = desc->args[i].at_entry ? &call->args[i].entry :
								       &call->args[i].mem;

		if (desc->args[i].kind == KIND_DIRFD)
			dirfd = (int32_t)call->args[i].raw;
		if (desc->args[i].kind != KIND_PATH || !captured_ok(mem))
			continue;
		snprintf(name, sizeof(name), "%.*s", (int)mem->len, (const char *)mem->data);
		base = name[0] == '/' ? "" : fdtrack_path(call->rec->tgid, dirfd);
		if (!base)
			return false;
		join_path(out, size, base, name);
		if (realpath(out, resolved))
			snprintf(out, size, "%s", resolved);
		return true;
	}
	return false;
}

/* Whether the new fd is closed by execve: O_CLOEXEC, or F_DUPFD_CLOEXEC. */
static bool has_cloexec(const struct decoded_call *call)
{
	for (int i = 0; i < call->nargs; i++) {
		const struct syscall_arg *arg = &call->desc->args[i];
		uint64_t raw = call->args[i].raw;

		if (arg->kind == KIND_OPENFLAGS && (raw & O_CLOEXEC))
			return true;
		if (i == cloexec_flag_arg[call->rec->nr] && (raw & cloexec_flag[call->rec->nr]))
			return true;
		if (arg->kind == KIND_ENUM && arg->table == &xlat_fcntl_cmds && raw == F_DUPFD_CLOEXEC)
			return true;
	}
	return false;
}

static int first_fd_arg(const struct decoded_call *call)
{
	for (int i = 0; i < call->nargs; i++)
		if (call->desc->args[i].kind == KIND_FD)
			return (int32_t)call->args[i].raw;
	return -1;
}

static bool fd_in_range(const struct fd_key *key, const void *arg)
{
	const uint64_t *range = arg;

	return (uint64_t)key->fd >= range[0] && (uint64_t)key->fd <= range[1];
}

static void close_range_fds(uint32_t tgid, uint64_t first, uint64_t last)
{
	const uint64_t range[2] = { first, last };

	forget_fds_where(tgid, fd_in_range, range);
}

static void mark_deleted(const char *path)
{
	for (uint32_t h = 0; h < FDTRACK_SLOTS; h++)
		if (keys[h].state == SLOT_USED && !strcmp(paths[h], path))
			keys[h].deleted = true;
}

static bool fd_cloexec(const struct fd_key *key, const void *arg)
{
	(void)arg;
	return key->cloexec;
}

static void drop_cloexec(uint32_t tgid)
{
	forget_fds_where(tgid, fd_cloexec, NULL);
}

static void update_fd_result(const struct decoded_call *call, enum fd_action action)
{
	uint32_t tgid = call->rec->tgid;
	int fd = (int)call->rec->ret;
	char path[PATH_MAX];
	const struct xlat *ret_table;
	const char *source;

	switch (action) {
	case FDACT_DUP:
		/*
		 * A copy is made only when the call, or its selector's variant,
		 * returns an fd (fcntl: F_DUPFD and F_DUPFD_CLOEXEC).
		 */
		if (decode_ret_kind(call, &ret_table) != RET_FD)
			return;
		source = fdtrack_path(tgid, first_fd_arg(call));
		if (source) {
			snprintf(path, sizeof(path), "%s", source);
			remember_fd(tgid, fd, path, has_cloexec(call));
		} else {
			forget_fd(tgid, fd);
		}
		return;
	case FDACT_ANON:
		if (anon_names[call->rec->nr])
			remember_fd(tgid, fd, anon_names[call->rec->nr], false);
		else if (call->desc->classes & CLASS_NETWORK)
			remember_inode(tgid, fd, "socket", call->rec->ret_ino);
		else
			forget_fd(tgid, fd);
		return;
	case FDACT_NAMED:
	case FDACT_NAMED_DELETED: {
		const struct captured *name = &call->args[0].mem;
		int h;

		if (captured_ok(name))
			snprintf(path, sizeof(path), "%s%.*s", anon_names[call->rec->nr],
				 (int)name->len, (const char *)name->data);
		else
			snprintf(path, sizeof(path), "%s", anon_names[call->rec->nr]);
		h = remember_fd(tgid, fd, path, has_cloexec(call));
		if (h >= 0)
			keys[h].deleted = action == FDACT_NAMED_DELETED;
		return;
	}
	case FDACT_OPEN:
		if (opened_path(call, path, sizeof(path)))
			remember_fd(tgid, fd, path, has_cloexec(call));
		else
			forget_fd(tgid, fd);
		return;
	default:
		return;
	}
}

void fdtrack_update(const struct decoded_call *call)
{
	uint32_t tgid = call->rec->tgid;
	enum fd_action action;
	char path[PATH_MAX];
	struct proc_cwd *cwd;
	const char *source;

	if (!keys || !call->desc || call->rec->nr < 0 || call->rec->nr >= SYSCALL_NR_MAX)
		return;
	action = actions[call->rec->nr];
	/* close releases the fd even when it fails with EINTR. */
	if (action == FDACT_CLOSE) {
		forget_fd(tgid, (int32_t)call->args[0].raw);
		return;
	}
	if (action == FDACT_NONE || RET_IS_ERROR(call->rec->ret))
		return;
	switch (action) {
	case FDACT_CLOSE_RANGE:
		close_range_fds(tgid, (uint32_t)call->args[0].raw, (uint32_t)call->args[1].raw);
		return;
	case FDACT_CHDIR:
	case FDACT_FCHDIR:
		cwd = find_cwd(tgid, true);
		if (!cwd)
			return;
		if (action == FDACT_CHDIR && opened_path(call, path, sizeof(path)))
			snprintf(cwd->path, sizeof(cwd->path), "%s", path);
		source = action == FDACT_FCHDIR ? fdtrack_path(tgid, (int32_t)call->args[0].raw) : NULL;
		if (source)
			snprintf(cwd->path, sizeof(cwd->path), "%s", source);
		return;
	case FDACT_EXEC:
		drop_cloexec(tgid);
		return;
	case FDACT_NAMED:
	case FDACT_NAMED_DELETED:
		update_fd_result(call, action);
		return;
	case FDACT_UNLINK:
		if (opened_path(call, path, sizeof(path)))
			mark_deleted(path);
		return;
	case FDACT_PAIR: {
		const struct captured *mem = NULL;
		struct rec_fdpair pair;

		for (int i = 0; i < call->nargs; i++)
			if (call->desc->args[i].kind == KIND_FDPAIR)
				mem = &call->args[i].mem;
		if (!mem || !captured_ok(mem) || mem->len < (int32_t)sizeof(pair))
			return;
		memcpy(&pair, mem->data, sizeof(pair));
		remember_inode(tgid, pair.fd[0], anon_names[call->rec->nr], pair.ino[0]);
		remember_inode(tgid, pair.fd[1], anon_names[call->rec->nr], pair.ino[1]);
		return;
	}
	default:
		update_fd_result(call, action);
		return;
	}
}

static bool any_fd(const struct fd_key *key, const void *arg)
{
	(void)key;
	(void)arg;
	return true;
}

void fdtrack_exit(uint32_t tgid)
{
	if (keys)
		forget_fds_where(tgid, any_fd, NULL);
}

void fdtrack_fork(uint32_t parent_tgid, uint32_t child_tgid)
{
	struct proc_cwd *from, *to;

	if (!keys || parent_tgid == child_tgid)
		return;
	/*
	 * A recycled pid's old fds go first, so the copy below only adds
	 * slots and never moves the ones the loop has yet to visit.  At the
	 * load limit the copy stops: the rest of the child's fds print bare.
	 */
	fdtrack_exit(child_tgid);
	for (uint32_t h = 0; h < FDTRACK_SLOTS; h++)
		if (keys[h].state == SLOT_USED && keys[h].tgid == parent_tgid &&
		    remember_fd(child_tgid, keys[h].fd, paths[h], keys[h].cloexec) < 0)
			break;
	from = find_cwd(parent_tgid, false);
	to = find_cwd(child_tgid, true);
	if (from && to)
		memcpy(to->path, from->path, sizeof(to->path));
}

/* The one look at /proc: the fds and cwd the traced process starts with. */
static void read_proc(pid_t pid)
{
	char dir[64], link[PATH_MAX + 32], target[PATH_MAX];
	struct proc_cwd *cwd = find_cwd((uint32_t)pid, true);
	struct dirent *e;
	ssize_t n;
	DIR *d;

	snprintf(link, sizeof(link), "/proc/%d/cwd", pid);
	n = readlink(link, target, sizeof(target) - 1);
	if (n > 0 && cwd) {
		target[n] = '\0';
		snprintf(cwd->path, sizeof(cwd->path), "%s", target);
	}
	snprintf(dir, sizeof(dir), "/proc/%d/fd", pid);
	d = opendir(dir);
	if (!d)
		return;
	while ((e = readdir(d))) {
		char info[PATH_MAX + 32];
		unsigned long flags = 0;
		FILE *f;

		if (e->d_name[0] == '.')
			continue;
		snprintf(link, sizeof(link), "%s/%s", dir, e->d_name);
		n = readlink(link, target, sizeof(target) - 1);
		if (n <= 0)
			continue;
		target[n] = '\0';
		snprintf(info, sizeof(info), "/proc/%d/fdinfo/%s", pid, e->d_name);
		f = fopen(info, "re");
		if (f) {
			char line[128];

			while (fgets(line, sizeof(line), f))
				if (sscanf(line, "flags: %lo", &flags) == 1)
					break;
			fclose(f);
		}
		remember_fd((uint32_t)pid, atoi(e->d_name), target, flags & O_CLOEXEC);
	}
	closedir(d);
}

/* Which flags argument of nr, if any, has a *_CLOEXEC bit, found once. */
static void find_cloexec_flag(int nr)
{
	const struct syscall_desc *desc = syscall_lookup(nr);

	cloexec_flag_arg[nr] = -1;
	for (int i = 0; desc && i < desc->nargs; i++) {
		const struct xlat *table = desc->args[i].table;

		if (desc->args[i].kind != KIND_FLAGS || !table)
			continue;
		for (unsigned int e = 0; e < table->count; e++) {
			const char *name = table->entries[e].name;
			size_t len = strlen(name);

			if (len >= 8 && !strcmp(name + len - 8, "_CLOEXEC")) {
				cloexec_flag_arg[nr] = (int8_t)i;
				cloexec_flag[nr] = table->entries[e].value;
				return;
			}
		}
	}
}

static void plan_actions(void)
{
	static bool planned;

	if (planned)
		return;
	planned = true;
	for (size_t i = 0; i < sizeof(fd_calls) / sizeof(fd_calls[0]); i++) {
		int nr = syscall_by_name(fd_calls[i].syscall);

		if (nr < 0)
			continue;
		actions[nr] = (uint8_t)fd_calls[i].action;
		anon_names[nr] = fd_calls[i].name;
	}
	for (int nr = 0; nr < SYSCALL_NR_MAX; nr++)
		find_cloexec_flag(nr);
	for (int nr = 0; nr < SYSCALL_NR_MAX; nr++) {
		const struct syscall_desc *desc = syscall_lookup(nr);

		if (!desc || actions[nr])
			continue;
		if (desc->ret == RET_FD) {
			/* An fd nobody names (a socket): forget what the number meant. */
			actions[nr] = FDACT_ANON;
			for (int i = 0; i < desc->nargs; i++)
				if (desc->args[i].kind == KIND_PATH)
					actions[nr] = FDACT_OPEN;
		}
	}
}

/* The process thread tid belongs to, from /proc; 0 if it is gone. */
static pid_t tgid_of(pid_t tid)
{
	char path[64], line[128];
	pid_t tgid = 0;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", tid);
	f = fopen(path, "re");
	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "Tgid: %d", &tgid) == 1)
			break;
	fclose(f);
	return tgid;
}

void fdtrack_read_process(pid_t tid)
{
	pid_t tgid = keys ? tgid_of(tid) : 0;

	if (tgid > 0)
		read_proc(tgid);
}

int fdtrack_init(pid_t pid)
{
	keys = calloc(FDTRACK_SLOTS, sizeof(*keys));
	paths = calloc(FDTRACK_SLOTS, sizeof(*paths));
	cwds = calloc(FDTRACK_PROCS, sizeof(*cwds));
	used_slots = 0;
	if (!keys || !paths || !cwds) {
		fdtrack_free();
		return -ENOMEM;
	}
	plan_actions();
	read_proc(pid);
	return 0;
}

void fdtrack_free(void)
{
	free(keys);
	free(paths);
	free(cwds);
	keys = NULL;
	paths = NULL;
	cwds = NULL;
}

bool fdtrack_follow_only(const struct options *opts, int nr)
{
	if ((!opts->print.decode_fds && !opts->ntrace_paths) || opts->format != OUTPUT_STRACE ||
	    opts->summary.mode == SUMMARY_ONLY || nr < 0 || nr >= SYSCALL_NR_MAX ||
	    options_selected(opts, nr))
		return false;
	plan_actions();
	return actions[nr] != FDACT_NONE;
}

/* --- printing ------------------------------------------------------------------ */

/*
 * -yy: a device file's type and number, <char 1:3>, as strace prints after
 * its path.  The path is stat'ed in bstrace's own namespace, as strace does,
 * once per open fd: a record printed later costs no syscall.
 */
static void print_device(struct linebuf *lb, struct fd_key *key, const char *path)
{
	struct stat st;

	if (key->device == DEVICE_UNCHECKED) {
		key->device = DEVICE_NONE;
		if (path[0] == '/' && !stat(path, &st) && (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))) {
			key->device = S_ISCHR(st.st_mode) ? DEVICE_CHAR : DEVICE_BLOCK;
			key->rdev = st.st_rdev;
		}
	}
	if (key->device == DEVICE_NONE)
		return;
	line_puts(lb, key->device == DEVICE_CHAR ? "<char " : "<block ");
	line_udec(lb, major(key->rdev));
	line_putc(lb, ':');
	line_udec(lb, minor(key->rdev));
	line_putc(lb, '>');
}

void print_fd_path(struct linebuf *lb, const struct decoded_call *call, int fd,
		   const struct print_opts *opts)
{
	const char *path;
	bool deleted;
	int h = -1;

	if (!opts->decode_fds)
		return;
	if (!keys || !call->rec)
		return;
	if (fd == AT_FDCWD) {
		path = fdtrack_path(call->rec->tgid, fd);
		deleted = false;
	} else {
		h = find_slot(call->rec->tgid, fd);
		path = h >= 0 ? paths[h] : NULL;
		deleted = h >= 0 && keys[h].deleted;
	}
	if (!path)
		return;
	line_putc(lb, '<');
	line_puts(lb, path);
	if (opts->decode_fds > 1 && h >= 0 && !deleted)
		print_device(lb, &keys[h], path);
	line_putc(lb, '>');
	if (deleted)
		line_puts(lb, "(deleted)");
}

void print_fd(struct linebuf *lb, const struct decoded_call *call, int fd,
	      const struct print_opts *opts)
{
	line_dec(lb, fd);
	if (fd >= 0)
		print_fd_path(lb, call, fd, opts);
}

void print_fd_pair(struct linebuf *lb, const struct decoded_call *call,
		   const struct rec_fdpair *unaligned, const struct print_opts *opts)
{
	struct rec_fdpair pair;
	const char *type = NULL;

	memcpy(&pair, unaligned, sizeof(pair));
	if (opts->decode_fds && keys && call->rec->nr >= 0 && call->rec->nr < SYSCALL_NR_MAX)
		type = anon_names[call->rec->nr];
	line_putc(lb, '[');
	for (int i = 0; i < 2; i++) {
		if (i)
			line_write(lb, ", ", 2);
		line_dec(lb, pair.fd[i]);
		if (type && pair.ino[i])
			line_printf(lb, "<%s:[%llu]>", type, (unsigned long long)pair.ino[i]);
	}
	line_putc(lb, ']');
}
