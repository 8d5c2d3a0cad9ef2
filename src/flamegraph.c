// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flamegraph.h"

#define IMAGE_WIDTH	1200
#define PAD_X		10
#define FRAME_HEIGHT	16
#define HEADER		50
#define FOOTER		30
#define FONT_SIZE	12
#define MIN_WIDTH_PX	0.1
/* Frames of the deepest stack, plus the command and the syscall. */
#define DEPTH_MAX	(256 + 3)

/* A frame box: name, depth from the bottom, and its span in nanoseconds. */
struct box {
	const char *name;
	size_t len;
	int depth;
	bool syscall;		/* the top of its stack: the call itself */
	uint64_t start, end;
};

struct layout {
	struct box *boxes;
	size_t count, capacity;
	int max_depth;
	uint64_t total;
};

static bool add_box(struct layout *l, const struct box *b)
{
	if (l->count == l->capacity) {
		size_t capacity = l->capacity ? 2 * l->capacity : 256;
		struct box *grown = realloc(l->boxes, capacity * sizeof(*grown));

		if (!grown)
			return false;
		l->boxes = grown;
		l->capacity = capacity;
	}
	l->boxes[l->count++] = *b;
	if (b->depth > l->max_depth)
		l->max_depth = b->depth;
	return true;
}

/* Split "a;b;c" into frames; the count, at most DEPTH_MAX - 1. */
static int split(const char *key, struct box *frames)
{
	int n = 0;

	while (*key && n < DEPTH_MAX - 1) {
		size_t len = strcspn(key, ";");

		frames[n].name = key;
		frames[n].len = len;
		n++;
		key += len;
		if (*key == ';')
			key++;
	}
	return n;
}

/*
 * flamegraph.pl's flow: with stacks sorted, a frame is open for as long
 * as consecutive stacks share it; it closes into a box when they stop.
 */
static bool lay_out(const struct folded_entry *sorted, size_t count, struct layout *l)
{
	static struct box open[DEPTH_MAX], frames[DEPTH_MAX];
	int depth = 0;
	uint64_t x = 0;

	for (size_t i = 0; i <= count; i++) {
		int n = i < count ? split(sorted[i].key, frames) : 0, same = 0;

		while (same < n && same < depth && open[same].len == frames[same].len &&
		       !memcmp(open[same].name, frames[same].name, frames[same].len))
			same++;
		while (depth > same) {
			struct box *b = &open[--depth];

			b->end = x;
			b->depth = depth + 1;	/* 0 is "all" */
			if (!add_box(l, b))
				return false;
		}
		for (; depth < n; depth++) {
			open[depth] = frames[depth];
			open[depth].start = x;
			open[depth].syscall = depth == n - 1;
		}
		if (i < count)
			x += sorted[i].ns;
	}
	l->total = x;
	return add_box(l, &(struct box) { .name = "all", .len = 3, .end = x });
}

static void put_escaped(FILE *out, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		switch (s[i]) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		default: fputc(s[i], out); break;
		}
	}
}

static void put_duration(FILE *out, uint64_t ns)
{
	if (ns >= 1000000000)
		fprintf(out, "%.3f s", ns / 1e9);
	else if (ns >= 1000000)
		fprintf(out, "%.3f ms", ns / 1e6);
	else
		fprintf(out, "%.3f us", ns / 1e3);
}

/* Warm colours for code, blue for the syscalls, grey for the rest; stable per name. */
static void put_colour(FILE *out, const struct box *b)
{
	unsigned int h = 2166136261u;

	for (size_t i = 0; i < b->len; i++)
		h = (h ^ (unsigned char)b->name[i]) * 16777619u;
	if (b->depth == 0)
		fputs("rgb(200,200,200)", out);
	else if (b->syscall)
		fprintf(out, "rgb(%u,%u,%u)", 80 + h % 40, 140 + (h >> 8) % 50, 220 + (h >> 16) % 35);
	else
		fprintf(out, "rgb(%u,%u,%u)", 220 + h % 35, 90 + (h >> 8) % 130, 40 + (h >> 16) % 40);
}

static const char script[] =
"<script type=\"text/ecmascript\"><![CDATA[\n"
"var details, searching = null;\n"
"function init() { details = document.getElementById('details').firstChild; }\n"
"function show(g) { details.nodeValue = g.getElementsByTagName('title')[0].textContent; }\n"
"function hide() { details.nodeValue = ' '; }\n"
"function search() {\n"
"  var re = prompt('Search frames (regular expression):', searching || '');\n"
"  if (re === null) return;\n"
"  searching = re || null;\n"
"  var total = 0, matched = 0, gs = document.getElementsByClassName('f');\n"
"  var spans = [];\n"
"  for (var i = 0; i < gs.length; i++) {\n"
"    var r = gs[i].getElementsByTagName('rect')[0];\n"
"    var name = gs[i].getAttribute('data-name');\n"
"    var w = parseFloat(r.getAttribute('width')), x = parseFloat(r.getAttribute('x'));\n"
"    if (name === 'all') total = w;\n"
"    var hit = searching && new RegExp(searching).test(name);\n"
"    r.setAttribute('fill', hit ? 'rgb(230,0,230)' : r.getAttribute('data-fill'));\n"
"    if (hit) spans.push([x, x + w]);\n"
"  }\n"
"  spans.sort(function (a, b) { return a[0] - b[0]; });\n"
"  var end = -1;\n"
"  for (var j = 0; j < spans.length; j++) {\n"
"    if (spans[j][0] >= end) { matched += spans[j][1] - spans[j][0]; end = spans[j][1]; }\n"
"    else if (spans[j][1] > end) { matched += spans[j][1] - end; end = spans[j][1]; }\n"
"  }\n"
"  document.getElementById('matched').firstChild.nodeValue =\n"
"    searching ? 'Matched: ' + (100 * matched / total).toFixed(1) + '%' : ' ';\n"
"}\n"
"]]></script>\n";

static void put_box(FILE *out, const struct box *b, const struct layout *l, int height)
{
	double scale = (double)(IMAGE_WIDTH - 2 * PAD_X) / (double)(l->total ? l->total : 1);
	double x = PAD_X + b->start * scale, w = (b->end - b->start) * scale;
	int y = height - FOOTER - (b->depth + 1) * FRAME_HEIGHT;
	size_t fits = w > 3 * FONT_SIZE * 0.6 ? (size_t)(w / (FONT_SIZE * 0.6)) : 0;

	fputs("<g class=\"f\" onmouseover=\"show(this)\" onmouseout=\"hide()\" data-name=\"", out);
	put_escaped(out, b->name, b->len);
	fputs("\"><title>", out);
	put_escaped(out, b->name, b->len);
	fputs(" (", out);
	put_duration(out, b->end - b->start);
	fprintf(out, ", %.2f%%)</title>", 100.0 * (double)(b->end - b->start) / (double)(l->total ? l->total : 1));
	fprintf(out, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" rx=\"2\" fill=\"",
		x, y, w, FRAME_HEIGHT - 1);
	put_colour(out, b);
	fputs("\" data-fill=\"", out);
	put_colour(out, b);
	fputs("\"/>", out);
	if (fits) {
		fprintf(out, "<text x=\"%.1f\" y=\"%d\">", x + 3, y + FRAME_HEIGHT - 4);
		if (b->len <= fits) {
			put_escaped(out, b->name, b->len);
		} else if (fits > 2) {
			put_escaped(out, b->name, fits - 2);
			fputs("..", out);
		}
		fputs("</text>", out);
	}
	fputs("</g>\n", out);
}

static void put_svg(FILE *out, const struct layout *l, const char *title)
{
	int height = HEADER + FOOTER + (l->max_depth + 1) * FRAME_HEIGHT;
	double scale = (double)(IMAGE_WIDTH - 2 * PAD_X) / (double)(l->total ? l->total : 1);

	fprintf(out, "<?xml version=\"1.0\" standalone=\"no\"?>\n"
		"<svg version=\"1.1\" width=\"%d\" height=\"%d\" onload=\"init()\" "
		"viewBox=\"0 0 %d %d\" xmlns=\"http://www.w3.org/2000/svg\">\n",
		IMAGE_WIDTH, height, IMAGE_WIDTH, height);
	fprintf(out, "<style>text { font-family: Verdana, sans-serif; font-size: %dpx; fill: #000; }\n"
		"g.f:hover rect { stroke: #000; stroke-width: 0.5; }\n"
		".title { font-size: 17px; text-anchor: middle; }\n"
		"#search { cursor: pointer; }</style>\n", FONT_SIZE);
	fputs(script, out);
	fputs("<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"#f8f8f0\"/>\n", out);
	fprintf(out, "<text class=\"title\" x=\"%d\" y=\"24\">", IMAGE_WIDTH / 2);
	put_escaped(out, title, strlen(title));
	fputs("</text>\n", out);
	fprintf(out, "<text x=\"%d\" y=\"24\" id=\"search\" onclick=\"search()\">Search</text>\n",
		IMAGE_WIDTH - PAD_X - 50);
	fprintf(out, "<text x=\"%d\" y=\"%d\" id=\"matched\"> </text>\n",
		IMAGE_WIDTH - PAD_X - 150, height - 10);
	fprintf(out, "<text x=\"%d\" y=\"%d\" id=\"details\"> </text>\n", PAD_X, height - 10);
	for (size_t i = l->count; i-- > 0;) {
		const struct box *b = &l->boxes[i];

		if ((b->end - b->start) * scale >= MIN_WIDTH_PX)
			put_box(out, b, l, height);
	}
	fputs("</svg>\n", out);
}

bool flamegraph_write(const struct folded *f, FILE *out, const char *path, const char *title)
{
	struct folded_entry *sorted = folded_sorted(f);
	struct layout l = { 0 };
	bool ok = false;

	if (!sorted || !lay_out(sorted, f->used, &l)) {
		fprintf(stderr, "bstrace: cannot draw the flame graph: %s\n", strerror(ENOMEM));
		fclose(out);
		goto done;
	}
	put_svg(out, &l, title);
	ok = !ferror(out);
	if (fclose(out) || !ok) {
		fprintf(stderr, "bstrace: writing '%s' failed: %s\n", path, strerror(errno));
		ok = false;
	}
done:
	free(sorted);
	free(l.boxes);
	return ok;
}
