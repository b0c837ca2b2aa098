/*
 * tui_keys.c: the key map and key names, generated from the one action
 * table in tui_priv.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wctype.h>

#include "tui_priv.h"

struct action_def {
	enum tui_keymap km;
	int key, key2;
	const char *label;
	const char *help;
};

#define TUI_ACT_DEF_(id, km, k1, k2, label, help) [ACT_##id] = { KM_##km, k1, k2, label, help },
static const struct action_def actions[ACT_COUNT] = {
	TUI_ACTIONS(TUI_ACT_DEF_)
};
#undef TUI_ACT_DEF_

static const struct {
	const char *name;
	int key;
} key_names[] = {
	{ "Enter", '\n' },
	{ "Esc", TUI_KEY_ESC },
	{ "Tab", '\t' },
	{ "S-Tab", KF(KEY_BTAB) },
	{ "BS", KF(KEY_BACKSPACE) },
	{ "Del", KF(KEY_DC) },
	{ "Ins", KF(KEY_IC) },
	{ "Up", KF(KEY_UP) },
	{ "Down", KF(KEY_DOWN) },
	{ "Left", KF(KEY_LEFT) },
	{ "Right", KF(KEY_RIGHT) },
	{ "PgUp", KF(KEY_PPAGE) },
	{ "PgDn", KF(KEY_NPAGE) },
	{ "Home", KF(KEY_HOME) },
	{ "End", KF(KEY_END) },
	{ "Space", ' ' },
	{ "lt", '<' },
	{ "Resize", KF(KEY_RESIZE) },
};

enum tui_action tui_key_action(enum tui_keymap km, int key)
{
	int pass, a;

	if (key == '\r' || key == KF(KEY_ENTER))
		key = '\n';
	if (key == 8)
		key = KF(KEY_BACKSPACE);
	for (pass = 0; pass < 2; pass++) {
		enum tui_keymap want = pass ? KM_GLOBAL : km;

		if (pass && km == KM_GLOBAL)
			break;
		for (a = 1; a < ACT_COUNT; a++)
			if (actions[a].km == want &&
			    (actions[a].key == key || (actions[a].key2 && actions[a].key2 == key)))
				return (enum tui_action)a;
	}
	return ACT_NONE;
}

void tui_key_name(int key, char *buf, size_t n)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(key_names); i++)
		if (key_names[i].key == key) {
			snprintf(buf, n, "%s", key_names[i].name);
			return;
		}
	if (key >= KF(KEY_F(1)) && key <= KF(KEY_F(24))) {
		snprintf(buf, n, "F%d", key - KF(KEY_F0));
		return;
	}
	if (key > 0 && key < 32) {
		snprintf(buf, n, "C-%c", key + 'a' - 1);
		return;
	}
	if (key >= TUI_FN) {
		snprintf(buf, n, "key-%d", key - TUI_FN);
		return;
	}
	if (key > 0 && key < 127) {
		snprintf(buf, n, "%c", key);
		return;
	}
	snprintf(buf, n, "U+%04X", (unsigned)key);
}

int tui_key_parse(const char *name)
{
	size_t i;
	char *end;
	long f;

	for (i = 0; i < ARRAY_SIZE(key_names); i++)
		if (!strcasecmp(key_names[i].name, name))
			return key_names[i].key;
	if (!strcasecmp(name, "Return") || !strcasecmp(name, "CR"))
		return '\n';
	if (!strcasecmp(name, "Backspace"))
		return KF(KEY_BACKSPACE);
	if ((name[0] == 'F' || name[0] == 'f') && name[1]) {
		f = strtol(name + 1, &end, 10);
		if (!*end && f >= 1 && f <= 24)
			return KF(KEY_F((int)f));
	}
	if ((name[0] == 'C' || name[0] == 'c') && name[1] == '-' && name[2] && !name[3]) {
		char c = name[2];

		if (c >= 'a' && c <= 'z')
			return KCTRL(c);
		if (c >= 'A' && c <= 'Z')
			return KCTRL(c);
	}
	return -1;
}

const char *tui_action_label(enum tui_action a)
{
	return a > ACT_NONE && a < ACT_COUNT ? actions[a].label : "";
}

const char *tui_action_help(enum tui_action a)
{
	return a > ACT_NONE && a < ACT_COUNT ? actions[a].help : "";
}

int tui_action_key(enum tui_action a)
{
	return a > ACT_NONE && a < ACT_COUNT ? actions[a].key : 0;
}

enum tui_keymap tui_action_keymap(enum tui_action a)
{
	return a > ACT_NONE && a < ACT_COUNT ? actions[a].km : KM_GLOBAL;
}

const char *tui_keymap_name(enum tui_keymap km)
{
	static const char *const names[KM_COUNT] = {
		[KM_GLOBAL] = "Everywhere",
		[KM_MENU] = "Main menu",
		[KM_CLAIMS] = "Claims work list",
		[KM_AGING] = "A/R aging",
	};
	return km < KM_COUNT ? names[km] : "";
}

bool tui_key_printable(int key)
{
	return key >= ' ' && key < TUI_FN && key != 127 && iswprint((wint_t)key);
}
