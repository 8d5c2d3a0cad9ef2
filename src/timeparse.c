// SPDX-License-Identifier: GPL-2.0-or-later
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "timeparse.h"

static const struct {
	const char *suffix;
	uint64_t ns;
} units[] = {
	{ "ns", 1 },
	{ "us", NS_PER_US },
	{ "ms", NS_PER_MS },
	{ "s", NS_PER_SEC },
};

bool parse_duration_ns(const char *s, uint64_t default_unit, uint64_t *out)
{
	uint64_t unit = default_unit;
	char *end;
	double v;

	/* strtod would take "inf", "nan", hex and leading blanks: refuse them. */
	if (!isdigit((unsigned char)s[0]) && !(s[0] == '.' && isdigit((unsigned char)s[1])))
		return false;
	if (strpbrk(s, "xXpP"))
		return false;
	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s)
		return false;
	if (*end) {
		size_t i;

		for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
			if (!strcmp(end, units[i].suffix))
				break;
		if (i == sizeof(units) / sizeof(units[0]))
			return false;
		unit = units[i].ns;
	}
	v *= (double)unit;
	if (!(v >= 0 && v < 18e18))	/* also false for NaN and inf */
		return false;
	*out = (uint64_t)(v + 0.5);
	return true;
}
