/*
 * tui_script.c: the scripted-key mode for tests and benchmarks, after tig's
 * TIG_SCRIPT. The script is read whole; keys are handed out one at a time,
 * each only after the previous one was handled and the screen drawn, and
 * the ':' commands run when they are reached. See tui.h for the syntax.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "tui_priv.h"

struct tui_script {
	char *text;
	const char *pos;	/* the next unread byte */
	int line;		/* of pos, from 1 */
	bool line_start;
};

struct tui_script *tui_script_open(const char *path)
{
	struct strbuf sb = STRBUF_INIT;
	struct tui_script *sc;
	char buf[4096];
	FILE *f;
	size_t n;

	f = fopen(path, "r");
	if (!f) {
		error("'MEDBILL_TUI_SCRIPT': cannot read '%s': %s", path, strerror(errno));
		return NULL;
	}
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(&sb, buf, n);
	fclose(f);
	sc = xcalloc(1, sizeof(*sc));
	sc->text = strbuf_detach(&sb);
	sc->pos = sc->text;
	sc->line = 1;
	sc->line_start = true;
	return sc;
}

void tui_script_free(struct tui_script *sc)
{
	if (!sc)
		return;
	free(sc->text);
	free(sc);
}

/* Stop the script with a message that tui_run() prints after the screen closes. */
static int script_error(struct tui *t, struct tui_script *sc, const char *what, const char *arg)
{
	if (*arg)
		error("script line %d: %s '%s'", sc->line, what, arg);
	else
		error("script line %d: %s", sc->line, what);
	sc->pos = sc->text + strlen(sc->text);
	t->script_failed = true;
	snprintf(t->fatal, sizeof(t->fatal), "%s", error_last());
	return MB_ERROR;
}

static void next_line(struct tui_script *sc)
{
	const char *nl = strchr(sc->pos, '\n');

	sc->pos = nl ? nl + 1 : sc->pos + strlen(sc->pos);
	sc->line++;
	sc->line_start = true;
}

/* Run the ':' command on the current line; a key to return, or 0. */
static int run_command(struct tui *t, struct tui_script *sc)
{
	const char *end = strchr(sc->pos, '\n');
	size_t len = end ? (size_t)(end - sc->pos) : strlen(sc->pos);
	char *cmd = xstrndup(sc->pos + 1, len - 1);
	char *arg;
	int key = 0, w, h;

	strtrim(cmd);
	arg = strchr(cmd, ' ');
	if (arg) {
		*arg++ = '\0';
		while (*arg == ' ')
			arg++;
	}
	next_line(sc);
	if (!strcmp(cmd, "dump") && arg && *arg) {
		if (tui_dump(t, arg) != MB_OK) {
			sc->pos = sc->text + strlen(sc->text);
			t->script_failed = true;
			snprintf(t->fatal, sizeof(t->fatal), "%s", error_last());
		}
	} else if (!strcmp(cmd, "resize") && arg && sscanf(arg, "%dx%d", &w, &h) == 2 &&
		   w >= 10 && h >= 4 && w <= 1000 && h <= 1000) {
		tui_resize_to(t, w, h);
		key = KF(KEY_RESIZE);
	} else {
		sc->line--;
		script_error(t, sc, "unknown command", cmd);
	}
	free(cmd);
	return key;
}

int tui_script_next(struct tui *t, struct tui_script *sc)
{
	mbstate_t ps;
	wchar_t wc;
	size_t n;
	int key;

	for (;;) {
		if (!*sc->pos)
			return TUI_KEY_EOF;
		if (sc->line_start) {
			sc->line_start = false;
			if (*sc->pos == '#') {
				next_line(sc);
				continue;
			}
			if (*sc->pos == ':') {
				key = run_command(t, sc);
				if (key)
					return key;
				continue;
			}
		}
		if (*sc->pos == '\n') {
			next_line(sc);
			continue;
		}
		if (*sc->pos == '\r') {
			sc->pos++;
			continue;
		}
		if (*sc->pos == '<') {
			const char *close = strchr(sc->pos + 1, '>');
			const char *nl = strchr(sc->pos, '\n');
			char name[32];

			if (!close || (nl && close > nl) || close - sc->pos - 1 >= (long)sizeof(name)) {
				script_error(t, sc, "'<' without a key name: write <lt> for '<'", "");
				return TUI_KEY_EOF;
			}
			memcpy(name, sc->pos + 1, (size_t)(close - sc->pos - 1));
			name[close - sc->pos - 1] = '\0';
			key = tui_key_parse(name);
			if (key < 0) {
				script_error(t, sc, "unknown key", name);
				return TUI_KEY_EOF;
			}
			sc->pos = close + 1;
			return key;
		}
		memset(&ps, 0, sizeof(ps));
		n = mbrtowc(&wc, sc->pos, strlen(sc->pos), &ps);
		if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
			sc->pos++;
			return (unsigned char)sc->pos[-1];
		}
		sc->pos += n;
		return (int)wc;
	}
}

/* Line-drawing characters (the terminal's alternate set) as ASCII in dumps. */
static wchar_t acs_ascii(wchar_t c)
{
	switch (c) {
	case L'q': return L'-';
	case L'x': return L'|';
	case L'l': case L'k': case L'm': case L'j': case L't': case L'u': case L'v':
	case L'w': case L'n': return L'+';
	default: return c;
	}
}

int tui_dump(struct tui *t, const char *path)
{
	cchar_t *cells = xcalloc((size_t)COLS + 1, sizeof(*cells));
	struct strbuf row = STRBUF_INIT;
	FILE *f;
	int y, x, ret = MB_OK;

	f = fopen(path, "w");
	if (!f) {
		free(cells);
		return error("':dump': cannot write '%s': %s", path, strerror(errno));
	}
	for (y = 0; y < LINES; y++) {
		strbuf_reset(&row);
		mvwin_wchnstr(curscr, y, 0, cells, COLS);
		for (x = 0; x < COLS; x++) {
			wchar_t wch[CCHARW_MAX + 1];
			char mb[MB_LEN_MAX * (CCHARW_MAX + 1)];
			attr_t a;
			short pair;
			size_t len;
			int w;

			memset(wch, 0, sizeof(wch));
			if (getcchar(&cells[x], wch, &a, &pair, NULL) == ERR || !wch[0])
				wch[0] = L' ';
			if (a & A_ALTCHARSET)
				wch[0] = acs_ascii(wch[0]);
			len = wcstombs(mb, wch, sizeof(mb));
			if (len == (size_t)-1) {
				mb[0] = '?';
				len = 1;
			}
			strbuf_add(&row, mb, len);
			w = wcwidth(wch[0]);
			if (w > 1)
				x += w - 1;
		}
		while (row.len && row.buf[row.len - 1] == ' ')
			row.buf[--row.len] = '\0';
		fprintf(f, "%s\n", strbuf_str(&row));
	}
	if (fclose(f) != 0)
		ret = error("':dump': cannot write '%s': %s", path, strerror(errno));
	strbuf_release(&row);
	free(cells);
	return ret;
}
