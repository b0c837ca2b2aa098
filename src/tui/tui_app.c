/*
 * tui_app.c: the frame of the workstation: the terminal (or the scripted
 * in-memory screen), the screen stack, the title, message and key-bar lines,
 * and the main loop that hands keys to the top screen.
 */
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "medbill/tui.h"
#include "tui_priv.h"

/* The one terminal in use, for the exit and signal handlers. */
static struct tui *active;
static attr_t attrs[TA_COUNT];

#define MAX_OVERLAYS 4

static void restore_terminal(void)
{
	if (active && active->term && !isendwin())
		endwin();
}

static void on_crash(int sig)
{
	restore_terminal();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void on_stop(int sig)
{
	restore_terminal();
	_exit(128 + sig);
}

static void install_signals(void)
{
	static const int crash[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
	static const int stop[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(crash); i++)
		signal(crash[i], on_crash);
	for (i = 0; i < ARRAY_SIZE(stop); i++)
		signal(stop[i], on_stop);
	atexit(restore_terminal);
}

static long long now_us(void)
{
	struct timeval tv;

	gettimeofday(&tv, NULL);
	return (long long)tv.tv_sec * 1000000 + tv.tv_usec;
}

/* The CPU time of the process: on a busy machine, what a key really cost. */
static long long cpu_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

bool tui_available(void)
{
	const char *s = getenv("MEDBILL_TUI_SCRIPT");

	return (s && *s) || (isatty(0) && isatty(1));
}

static void setup_attrs(struct tui *t)
{
	static const struct {
		short fg, bg;
		attr_t color_extra, mono;
	} def[TA_COUNT] = {
		[TA_TITLE] = { COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE | A_BOLD },
		[TA_BAR_KEY] = { COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE },
		[TA_BAR_LABEL] = { -1, -1, 0, A_NORMAL },
		[TA_MSG_INFO] = { COLOR_GREEN, -1, A_BOLD, A_BOLD },
		[TA_MSG_ERROR] = { COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD },
		[TA_SELECT] = { COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE },
		[TA_FIELD] = { COLOR_CYAN, -1, A_UNDERLINE, A_UNDERLINE },
		[TA_FIELD_CUR] = { COLOR_YELLOW, -1, A_UNDERLINE | A_BOLD, A_UNDERLINE | A_BOLD },
		[TA_HEADER] = { COLOR_YELLOW, -1, A_BOLD, A_BOLD },
		[TA_DIM] = { COLOR_BLUE, -1, A_BOLD, A_DIM },
		[TA_CHART1] = { COLOR_GREEN, -1, 0, A_NORMAL },
		[TA_CHART2] = { COLOR_CYAN, -1, 0, A_NORMAL },
		[TA_CHART3] = { COLOR_YELLOW, -1, 0, A_NORMAL },
		[TA_CHART4] = { COLOR_MAGENTA, -1, 0, A_NORMAL },
		[TA_CHART5] = { COLOR_RED, -1, 0, A_NORMAL },
	};
	int i;

	t->colors = has_colors() && start_color() == OK && COLOR_PAIRS >= TA_COUNT;
	if (t->colors && use_default_colors() != OK)
		t->colors = false;
	for (i = 1; i < TA_COUNT; i++) {
		if (t->colors) {
			init_pair((short)i, def[i].fg, def[i].bg);
			attrs[i] = COLOR_PAIR(i) | def[i].color_extra;
		} else {
			attrs[i] = def[i].mono;
		}
	}
}

attr_t tui_attr(struct tui *t, enum tui_attr a)
{
	return a > 0 && a < TA_COUNT ? attrs[a] : A_NORMAL;
}

static int parse_size(const char *s, int *w, int *h)
{
	char *end;
	long a, b;

	a = strtol(s, &end, 10);
	if (*end != 'x' && *end != 'X')
		return MB_ERROR;
	b = strtol(end + 1, &end, 10);
	if (*end || a < 10 || b < 4 || a > 1000 || b > 1000)
		return MB_ERROR;
	*w = (int)a;
	*h = (int)b;
	return MB_OK;
}

static int open_terminal(struct tui *t)
{
	const char *script = getenv("MEDBILL_TUI_SCRIPT");
	const char *size = getenv("MEDBILL_TUI_SIZE");
	const char *times = getenv("MEDBILL_TUI_TIMES");
	const char *term = getenv("TERM");
	const char *cs;
	int w = TUI_MIN_W, h = TUI_MIN_H;
	char num[16];

	setlocale(LC_ALL, "");
	cs = nl_langinfo(CODESET);
	t->utf8 = cs && !strcmp(cs, "UTF-8");
	if (!term || !*term)
		term = "xterm";
	if (script && *script) {
		if (size && *size && parse_size(size, &w, &h) != MB_OK)
			return error("'MEDBILL_TUI_SIZE': '%s' is not WIDTHxHEIGHT", size);
		t->script = tui_script_open(script);
		if (!t->script)
			return MB_ERROR;
		if (times && *times) {
			t->times = fopen(times, "a");
			if (!t->times)
				return error("'MEDBILL_TUI_TIMES': cannot open '%s': %s", times, strerror(errno));
		}
		snprintf(num, sizeof(num), "%d", h);
		setenv("LINES", num, 1);
		snprintf(num, sizeof(num), "%d", w);
		setenv("COLUMNS", num, 1);
		t->term_out = fopen("/dev/null", "w");
		t->term_in = fopen("/dev/null", "r");
		if (!t->term_out || !t->term_in)
			return error("cannot open '/dev/null': %s", strerror(errno));
		t->term = newterm(term, t->term_out, t->term_in);
		if (!t->term)
			return error("'TERM': cannot use terminal type '%s'", term);
		resizeterm(h, w);
	} else {
		t->term = newterm(NULL, stdout, stdin);
		if (!t->term)
			return error("'TERM': cannot use terminal type '%s'", term);
	}
	active = t;
	install_signals();
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	setup_attrs(t);
	t->too_small = LINES < TUI_MIN_H || COLS < TUI_MIN_W;
	return MB_OK;
}

static void close_terminal(struct tui *t)
{
	if (t->term) {
		if (!isendwin())
			endwin();
		/*
		 * No delscreen(): the panel library keeps a block per screen
		 * that delscreen() does not free (ncurses 6.4), which leak
		 * checkers then report. The screen lives until exit, with the
		 * files it writes to.
		 */
		t->term = NULL;
	}
	active = NULL;
	if (t->times)
		fclose(t->times);
	tui_script_free(t->script);
}

void tui_msg(struct tui *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(t->msg, sizeof(t->msg), fmt, ap);
	va_end(ap);
	t->msg_kind = MSG_INFO;
}

void tui_error(struct tui *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(t->msg, sizeof(t->msg), fmt, ap);
	va_end(ap);
	t->msg_kind = MSG_ERROR;
}

int tui_fail(struct tui *t)
{
	if (warnings_count()) {
		tui_error(t, "%s (warning: %s)", error_last(), warning_get(0));
		warnings_clear();
	} else {
		tui_error(t, "%s", error_last());
	}
	return MB_ERROR;
}

void tui_cursor(struct tui *t, WINDOW *win, int y, int x)
{
	t->cursor = win != NULL;
	t->cursor_win = win;
	t->cursor_y = y;
	t->cursor_x = x;
}

void tui_set_title(struct tui_screen *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(s->title, sizeof(s->title), fmt, ap);
	va_end(ap);
}

/* The overlays (pop-ups, prompts) drawn above the top screen. */
static struct {
	void (*draw)(struct tui *t, void *ctx);
	void *ctx;
} overlays[MAX_OVERLAYS];
static int noverlays;

void tui_overlay_push(void (*draw)(struct tui *t, void *ctx), void *ctx)
{
	if (noverlays >= MAX_OVERLAYS)
		BUG("too many nested dialogs");
	overlays[noverlays].draw = draw;
	overlays[noverlays].ctx = ctx;
	noverlays++;
}

void tui_overlay_pop(void)
{
	if (noverlays > 0)
		noverlays--;
}

static void draw_title(struct tui *t)
{
	struct strbuf left = STRBUF_INIT, line = STRBUF_INIT;
	char right[80], today[DATE_ISO_LEN];
	const struct tui_screen *s = t->top;
	int w = COLS, rw;

	date_iso(date_today(), today);
	strbuf_addf(&left, " %s", t->practice[0] ? t->practice : "medbill");
	if (s)
		strbuf_addf(&left, " | %s", s->title[0] ? s->title : s->ops->name);
	snprintf(right, sizeof(right), "%s  %s ", user_current(), today);
	rw = tui_width(right);
	tui_fit(&line, strbuf_str(&left), w - rw - 1 > 0 ? w - rw - 1 : 0, false);
	strbuf_addch(&line, ' ');
	tui_fit(&line, right, w - tui_width(strbuf_str(&line)), true);
	wattrset(stdscr, tui_attr(t, TA_TITLE));
	mvwaddstr(stdscr, 0, 0, strbuf_str(&line));
	wattrset(stdscr, A_NORMAL);
	strbuf_release(&left);
	strbuf_release(&line);
}

static void draw_message(struct tui *t)
{
	int y = LINES - 2;

	wmove(stdscr, y, 0);
	wclrtoeol(stdscr);
	if (t->msg_kind == MSG_NONE)
		return;
	wattrset(stdscr, tui_attr(t, t->msg_kind == MSG_ERROR ? TA_MSG_ERROR : TA_MSG_INFO));
	tui_put(stdscr, y, 0, COLS, t->msg);
	wattrset(stdscr, A_NORMAL);
}

static void draw_bar(struct tui *t)
{
	const enum tui_action *a;
	int y = LINES - 1, x = 0;
	char key[16];

	wmove(stdscr, y, 0);
	wclrtoeol(stdscr);
	if (!t->top || !t->top->ops->bar)
		return;
	for (a = t->top->ops->bar; *a != ACT_NONE; a++) {
		const char *label = tui_action_label(*a);
		int need;

		bool same;

		tui_key_name(tui_action_key(*a), key, sizeof(key));
		same = !strcmp(key, label);
		need = tui_width(key) + (same ? 0 : tui_width(label) + 1) + 2;
		if (x + need - 2 > COLS)
			break;
		wattrset(stdscr, tui_attr(t, TA_BAR_KEY));
		mvwaddstr(stdscr, y, x, key);
		wattrset(stdscr, tui_attr(t, TA_BAR_LABEL));
		if (!same) {
			waddch(stdscr, ' ');
			waddstr(stdscr, label);
		}
		x += need;
	}
	wattrset(stdscr, A_NORMAL);
}

static void layout_screen(struct tui *t, struct tui_screen *s)
{
	if (s->gen == t->gen)
		return;
	wresize(s->win, LINES - 3, COLS);
	mvwin(s->win, 1, 0);
	replace_panel(s->panel, s->win);
	s->gen = t->gen;
	werase(s->win);
	if (s->ops->layout)
		s->ops->layout(s);
}

void tui_render(struct tui *t)
{
	int i, by, bx;

	if (t->too_small) {
		char m[120];

		werase(stdscr);
		snprintf(m, sizeof(m), "medbill needs at least %dx%d (this is %dx%d); Ctrl-C quits",
			 TUI_MIN_W, TUI_MIN_H, COLS, LINES);
		tui_put(stdscr, 0, 0, COLS, m);
		wnoutrefresh(stdscr);
		doupdate();
		return;
	}
	t->cursor = false;
	t->cursor_win = NULL;
	if (t->top) {
		layout_screen(t, t->top);
		t->top->ops->draw(t->top);
		touchwin(t->top->win);
	}
	for (i = 0; i < noverlays; i++)
		overlays[i].draw(t, overlays[i].ctx);
	draw_title(t);
	draw_message(t);
	draw_bar(t);
	wnoutrefresh(stdscr);
	update_panels();
	if (t->cursor && t->cursor_win) {
		getbegyx(t->cursor_win, by, bx);
		setsyx(by + t->cursor_y, bx + t->cursor_x);
		curs_set(1);
	} else {
		curs_set(0);
	}
	doupdate();
}

static void on_resize(struct tui *t)
{
	t->gen++;
	t->too_small = LINES < TUI_MIN_H || COLS < TUI_MIN_W;
	werase(stdscr);
	clearok(curscr, TRUE);
}

void tui_resize_to(struct tui *t, int w, int h)
{
	resizeterm(h, w);
	on_resize(t);
}

static int read_terminal(struct tui *t)
{
	wint_t wch;
	int r;

	for (;;) {
		r = wget_wch(stdscr, &wch);
		if (r == KEY_CODE_YES) {
			if (wch == KEY_RESIZE)
				on_resize(t);
			return KF((int)wch);
		}
		if (r == OK)
			return (int)wch;
	}
}

int tui_getkey(struct tui *t)
{
	char name[16];
	int key;

	tui_render(t);
	if (t->times && t->key_start_us) {
		tui_key_name(t->last_key, name, sizeof(name));
		fprintf(t->times, "%s\t%s\t%lld\t%lld\n", name, t->top ? t->top->ops->name : "-",
			now_us() - t->key_start_us, cpu_us() - t->key_start_cpu);
		t->key_start_us = 0;
	}
	if (t->script)
		key = tui_script_next(t, t->script);
	else
		key = read_terminal(t);
	if (key == TUI_KEY_EOF)
		t->running = false;
	t->key_start_us = now_us();
	t->key_start_cpu = cpu_us();
	t->last_key = key;
	return key;
}

int tui_push(struct tui *t, const struct tui_screen_ops *ops, const void *arg)
{
	struct tui_screen *s = xcalloc(1, sizeof(*s));
	int h = LINES - 3 > 1 ? LINES - 3 : 1;

	s->ops = ops;
	s->tui = t;
	s->below = t->top;
	s->win = newwin(h, COLS, 1, 0);
	if (!s->win)
		die("cannot make a window of %dx%d", COLS, h);
	s->panel = new_panel(s->win);
	s->gen = t->gen - 1;
	if (ops->open && ops->open(s, arg) != MB_OK) {
		tui_fail(t);
		del_panel(s->panel);
		delwin(s->win);
		free(s);
		return MB_ERROR;
	}
	if (s->below)
		hide_panel(s->below->panel);
	t->top = s;
	return MB_OK;
}

static void close_screen(struct tui *t, struct tui_screen *s)
{
	if (s->ops->close)
		s->ops->close(s);
	del_panel(s->panel);
	delwin(s->win);
	t->top = s->below;
	free(s);
	if (t->top) {
		show_panel(t->top->panel);
		if (t->top->ops->resume)
			t->top->ops->resume(t->top);
	}
}

bool tui_pop(struct tui *t, bool force)
{
	struct tui_screen *s = t->top;

	if (!s)
		return false;
	if (!force && s->ops->dirty && s->ops->dirty(s) &&
	    !tui_confirm(t, "Leave %s and lose the unsaved changes?", s->ops->name))
		return false;
	close_screen(t, s);
	return true;
}

void tui_to_menu(struct tui *t)
{
	while (t->top && t->top->below)
		if (!tui_pop(t, false))
			return;
}

void tui_quit(struct tui *t)
{
	struct tui_screen *s;

	for (s = t->top; s; s = s->below)
		if (s->ops->dirty && s->ops->dirty(s)) {
			if (!tui_confirm(t, "Quit and lose the unsaved changes in %s?", s->ops->name))
				return;
			break;
		}
	t->running = false;
}

/* The actions a screen gave back. */
static void dispatch(struct tui *t, enum tui_action act)
{
	switch (act) {
	case ACT_HELP:
	case ACT_GO_HELP:
		if (t->top && t->top->ops != &tui_help_ops)
			tui_push(t, &tui_help_ops, t->top->ops);
		break;
	case ACT_MENU:
		tui_to_menu(t);
		break;
	case ACT_BACK:
		if (t->top && t->top->below)
			tui_pop(t, false);
		else
			tui_msg(t, "this is the main menu: q quits");
		break;
	case ACT_QUIT:
	case ACT_MENU_QUIT:
		tui_quit(t);
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		break;
	case ACT_FIND:
		tui_push(t, &tui_search_ops, NULL);
		break;
	default:
		break;
	}
}

static void main_loop(struct tui *t)
{
	enum tui_action act;
	int key;

	while (t->running) {
		key = tui_getkey(t);
		if (key == TUI_KEY_EOF)
			break;
		if (key == KF(KEY_RESIZE))
			continue;
		t->msg_kind = MSG_NONE;
		act = tui_key_action(t->top->ops->keymap, key);
		if (t->too_small) {
			if (act == ACT_QUIT)
				tui_quit(t);
			continue;
		}
		if (t->top->ops->key)
			act = t->top->ops->key(t->top, key, act);
		if (act != ACT_NONE)
			dispatch(t, act);
		/* Warnings of the domain (an old code set...) go to the message line. */
		if (warnings_count()) {
			if (t->msg_kind == MSG_NONE)
				tui_msg(t, "warning: %s", warning_get(0));
			warnings_clear();
		}
		if (!t->top)
			t->running = false;
	}
}

int tui_run(struct store *st)
{
	struct tui t;
	int ret = 0;

	memset(&t, 0, sizeof(t));
	t.st = st;
	if (open_terminal(&t) != MB_OK) {
		close_terminal(&t);
		fprintf(stderr, "medbill: %s\n", error_last());
		return 1;
	}
	t.running = true;
	if (tui_push(&t, &tui_menu_ops, NULL) != MB_OK) {
		close_terminal(&t);
		fprintf(stderr, "medbill: %s\n", error_last());
		return 1;
	}
	main_loop(&t);
	while (t.top)
		close_screen(&t, t.top);
	noverlays = 0;
	close_terminal(&t);
	if (t.script_failed) {
		fprintf(stderr, "medbill: %s\n", t.fatal);
		ret = 1;
	}
	return ret;
}
