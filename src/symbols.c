// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "symbols.h"

#define PAGE_MASK_4K	(~(uint64_t)4095)

/* .eh_frame_hdr encodings libunwind's table search accepts. */
#define DW_EH_PE_udata4		0x03
#define DW_EH_PE_sdata4		0x0b
#define DW_EH_PE_pcrel		0x10
#define DW_EH_PE_datarel	0x30

void symbols_init(struct symbols *s)
{
	memset(s, 0, sizeof(*s));
	s->proc_root = "/proc";
	elf_version(EV_CURRENT);
}

static void maps_free(struct proc_maps *p)
{
	free(p->entries);
	free(p->paths);
	free(p);
}

void symbols_free(struct symbols *s)
{
	for (int i = 0; i < SYMBOLS_BUCKETS; i++) {
		while (s->procs[i]) {
			struct proc_maps *next = s->procs[i]->next;

			maps_free(s->procs[i]);
			s->procs[i] = next;
		}
	}
	while (s->modules) {
		struct elf_module *next = s->modules->next;

		module_close(s->modules);
		s->modules = next;
	}
}

/* --- ELF files --------------------------------------------------------- */

static int symbol_order(const void *a, const void *b)
{
	const struct elf_symbol *x = a, *y = b;

	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	/* Same address: keep file order (names were copied in that order). */
	return x->name < y->name ? -1 : x->name > y->name;
}

static bool read_segments(Elf *elf, struct elf_module *m)
{
	size_t count;

	if (elf_getphdrnum(elf, &count))
		return false;
	m->segments = calloc(count ? count : 1, sizeof(*m->segments));
	if (!m->segments)
		return false;
	for (size_t i = 0; i < count; i++) {
		GElf_Phdr ph;

		if (!gelf_getphdr(elf, (int)i, &ph))
			continue;
		if (ph.p_type == PT_LOAD) {
			m->segments[m->nsegments++] = (struct elf_segment) {
				.vaddr = ph.p_vaddr, .offset = ph.p_offset, .filesz = ph.p_filesz,
			};
		} else if (ph.p_type == PT_GNU_EH_FRAME) {
			m->eh_frame_hdr_vaddr = ph.p_vaddr;
			m->eh_table_vaddr = ph.p_offset;	/* file offset for now */
			m->has_eh_table = true;
		}
	}
	return true;
}

/*
 * The binary search table of .eh_frame_hdr: version 1, then the encodings
 * of the .eh_frame pointer, of the FDE count and of the table.
 */
static void read_eh_table(struct elf_module *m)
{
	uint64_t off = m->eh_table_vaddr;
	uint8_t head[4];
	uint32_t count;

	if (!m->has_eh_table)
		return;
	m->has_eh_table = false;
	if (!module_read(m, off, head, sizeof(head)) || head[0] != 1)
		return;
	if ((head[1] & 0x0f) != DW_EH_PE_sdata4 && (head[1] & 0x0f) != DW_EH_PE_udata4)
		return;
	if (head[2] != DW_EH_PE_udata4 || head[3] != (DW_EH_PE_datarel | DW_EH_PE_sdata4))
		return;
	if (!module_read(m, off + 8, &count, sizeof(count)))
		return;
	m->eh_fde_count = count;
	m->eh_table_vaddr = m->eh_frame_hdr_vaddr + 12;
	m->has_eh_table = count > 0;
}

/* Count, then copy, the defined function symbols of .symtab and .dynsym. */
static bool read_symbols(Elf *elf, struct elf_module *m)
{
	size_t names_size = 0, used = 0, n = 0;
	Elf_Scn *scn;

	for (int pass = 0; pass < 2; pass++) {
		for (scn = elf_nextscn(elf, NULL); scn; scn = elf_nextscn(elf, scn)) {
			GElf_Shdr sh;
			Elf_Data *data;

			if (!gelf_getshdr(scn, &sh) || (sh.sh_type != SHT_SYMTAB && sh.sh_type != SHT_DYNSYM))
				continue;
			data = elf_getdata(scn, NULL);
			if (!data || !sh.sh_entsize)
				continue;
			for (size_t i = 0; i < sh.sh_size / sh.sh_entsize; i++) {
				GElf_Sym sym;
				const char *name;
				size_t len;

				if (!gelf_getsym(data, (int)i, &sym) || GELF_ST_TYPE(sym.st_info) != STT_FUNC ||
				    sym.st_shndx == SHN_UNDEF)
					continue;
				name = elf_strptr(elf, sh.sh_link, sym.st_name);
				if (!name || !*name)
					continue;
				len = strlen(name) + 1;
				if (!pass) {
					names_size += len;
					n++;
					continue;
				}
				memcpy(m->names + used, name, len);
				m->symbols[m->nsymbols++] = (struct elf_symbol) {
					.addr = sym.st_value, .name = m->names + used,
				};
				used += len;
			}
		}
		if (!pass) {
			m->names = malloc(names_size ? names_size : 1);
			m->symbols = calloc(n ? n : 1, sizeof(*m->symbols));
			if (!m->names || !m->symbols)
				return false;
		}
	}
	qsort(m->symbols, m->nsymbols, sizeof(*m->symbols), symbol_order);
	return true;
}

struct elf_module *module_open(const char *path)
{
	struct elf_module *m = calloc(1, sizeof(*m));
	struct stat st;
	Elf *elf = NULL;
	void *image;
	int fd;

	if (!m)
		return NULL;
	m->path = strdup(path);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (!m->path || fd < 0 || fstat(fd, &st) || st.st_size < (off_t)sizeof(Elf64_Ehdr))
		goto fail;
	image = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (image == MAP_FAILED)
		goto fail;
	m->image = image;
	m->size = (size_t)st.st_size;
	m->dev = st.st_dev;
	m->inode = st.st_ino;
	elf = elf_memory(image, m->size);
	if (!elf || elf_kind(elf) != ELF_K_ELF || !read_segments(elf, m) || !read_symbols(elf, m))
		goto fail;
	read_eh_table(m);
	elf_end(elf);
	close(fd);
	return m;
fail:
	if (elf)
		elf_end(elf);
	if (fd >= 0)
		close(fd);
	module_close(m);
	return NULL;
}

void module_close(struct elf_module *m)
{
	if (!m)
		return;
	if (m->image)
		munmap((void *)m->image, m->size);
	free(m->segments);
	free(m->symbols);
	free(m->names);
	free(m->path);
	free(m);
}

bool module_read(const struct elf_module *m, uint64_t off, void *out, size_t size)
{
	if (!m->image || off > m->size || size > m->size - off)
		return false;
	memcpy(out, m->image + off, size);
	return true;
}

const struct elf_symbol *module_symbol(const struct elf_module *m, uint64_t addr)
{
	size_t lo = 0, hi = m->nsymbols;

	/* The first symbol above addr; the one before it is the answer... */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (m->symbols[mid].addr <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (!lo)
		return NULL;
	/* ...or rather the first of its aliases, as a linear scan would keep. */
	lo--;
	while (lo > 0 && m->symbols[lo - 1].addr == m->symbols[lo].addr)
		lo--;
	return &m->symbols[lo];
}

/* --- Process maps ------------------------------------------------------ */

/* The ELF file behind a mapping, opened on first use, or NULL. */
static struct elf_module *module_get(struct symbols *s, const char *path)
{
	struct elf_module *m;

	for (m = s->modules; m; m = m->next)
		if (!strcmp(m->path, path))
			return m->image ? m : NULL;
	m = module_open(path);
	if (!m) {
		/* Remember the failure rather than retry on every read. */
		m = calloc(1, sizeof(*m));
		if (!m || !(m->path = strdup(path))) {
			free(m);
			return NULL;
		}
	}
	m->next = s->modules;
	s->modules = m;
	return m->image ? m : NULL;
}

/* Where file offset pgoff of the module was loaded, minus its vaddr. */
static uint64_t mapping_bias(const struct map_entry *e)
{
	const struct elf_module *m = e->module;

	for (size_t i = 0; i < m->nsegments; i++) {
		const struct elf_segment *seg = &m->segments[i];
		uint64_t first = seg->offset & PAGE_MASK_4K;

		if (e->pgoff >= first && e->pgoff < seg->offset + seg->filesz)
			return e->start - (seg->vaddr - seg->offset + e->pgoff);
	}
	return e->start - e->pgoff;
}

static bool parse_line(const char *line, struct map_entry *e, char *path)
{
	unsigned long long start, end, pgoff;
	char perms[5];
	int consumed = 0;

	if (sscanf(line, "%llx-%llx %4s %llx %*x:%*x %*u %n", &start, &end, perms, &pgoff,
		   &consumed) != 4 || !consumed || end < start)
		return false;
	memset(e, 0, sizeof(*e));
	e->start = start;
	e->end = end;
	e->pgoff = pgoff;
	e->exec = perms[2] == 'x';
	strcpy(path, line + consumed);
	path[strcspn(path, "\n")] = '\0';
	return true;
}

/* Read /proc/TGID/maps into fresh arrays; false if it cannot be read. */
static bool read_maps(struct symbols *s, struct proc_maps *p)
{
	char file[64], line[4096 + 128], path[4096 + 128];
	size_t cap = 0, paths_cap = 0, paths_used = 0;
	struct map_entry *entries = NULL;
	char *paths = NULL;
	size_t n = 0;
	FILE *f;

	snprintf(file, sizeof(file), "%s/%u/maps", s->proc_root, p->tgid);
	f = fopen(file, "re");
	if (!f)
		return false;
	while (fgets(line, sizeof(line), f)) {
		struct map_entry e;
		size_t len;

		if (!parse_line(line, &e, path))
			continue;
		len = strlen(path) + 1;
		if (n == cap) {
			struct map_entry *grown = realloc(entries, (cap = cap ? 2 * cap : 64) * sizeof(*grown));

			if (!grown)
				break;
			entries = grown;
		}
		if (paths_used + len > paths_cap) {
			char *grown = realloc(paths, paths_cap = 2 * (paths_cap + len));

			if (!grown)
				break;
			paths = grown;
		}
		memcpy(paths + paths_used, path, len);
		/* Offsets for now: the pool may move while it grows. */
		e.path = (const char *)(uintptr_t)paths_used;
		paths_used += len;
		if (path[0] == '/')
			e.module = module_get(s, path);
		if (e.module)
			e.bias = mapping_bias(&e);
		entries[n++] = e;
	}
	fclose(f);
	if (!n) {
		free(entries);
		free(paths);
		return false;
	}
	for (size_t i = 0; i < n; i++)
		entries[i].path = paths + (uintptr_t)entries[i].path;
	free(p->entries);
	free(p->paths);
	p->generation = ++s->generation;
	p->entries = entries;
	p->nentries = n;
	p->paths = paths;
	return true;
}

static struct proc_maps **bucket(struct symbols *s, uint32_t tgid)
{
	return &s->procs[tgid % SYMBOLS_BUCKETS];
}

static struct proc_maps *find_proc(struct symbols *s, uint32_t tgid)
{
	for (struct proc_maps *p = *bucket(s, tgid); p; p = p->next)
		if (p->tgid == tgid)
			return p;
	return NULL;
}

const struct proc_maps *symbols_maps(struct symbols *s, uint32_t tgid)
{
	struct proc_maps *p = find_proc(s, tgid);

	if (!p) {
		p = calloc(1, sizeof(*p));
		if (!p)
			return NULL;
		p->tgid = tgid;
		p->stale = true;
		p->next = *bucket(s, tgid);
		*bucket(s, tgid) = p;
	}
	if (p->stale) {
		read_maps(s, p);
		p->stale = false;
	}
	return p->nentries ? p : NULL;
}

void symbols_invalidate(struct symbols *s, uint32_t tgid)
{
	struct proc_maps *p = find_proc(s, tgid);

	if (p)
		p->stale = true;
}

void symbols_forget(struct symbols *s, uint32_t tgid)
{
	for (struct proc_maps **link = bucket(s, tgid); *link; link = &(*link)->next) {
		if ((*link)->tgid == tgid) {
			struct proc_maps *gone = *link;

			*link = gone->next;
			maps_free(gone);
			return;
		}
	}
}

const struct map_entry *maps_find(const struct proc_maps *maps, uint64_t addr)
{
	size_t lo = 0, hi = maps->nentries;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct map_entry *e = &maps->entries[mid];

		if (addr < e->start)
			hi = mid;
		else if (addr >= e->end)
			lo = mid + 1;
		else
			return e;
	}
	return NULL;
}
