/*
 * tui_priv.h: what the workstation's files share. Never included outside
 * src/tui/.
 *
 * The frame (tui_app.c) owns the terminal, the screen stack, the title,
 * message and key-bar lines, and the main loop. Each screen is one file
 * exposing a struct tui_screen_ops, as tig's views do: the frame reads a key,
 * maps it to an action through the screen's keymap, offers both to the
 * screen, and handles whatever the screen gives back (help, back, menu,
 * quit...).
 *
 * Keys are Unicode code points, or curses function keys offset by TUI_FN so
 * that the two never collide.
 */
#ifndef MEDBILL_TUI_PRIV_H
#define MEDBILL_TUI_PRIV_H

#include <stdbool.h>
#include <stdio.h>
#include <curses.h>
#include <panel.h>
#include <form.h>
#include <menu.h>

#include "medbill/util.h"
#include "medbill/strbuf.h"
#include "medbill/date.h"
#include "medbill/money.h"
#include "medbill/model.h"

struct store;

#define TUI_FN 0x200000
#define KF(k) (TUI_FN + (k))		/* a curses function key */
#define KCTRL(c) ((c) & 0x1f)		/* Ctrl-letter */
#define TUI_KEY_ESC 27
#define TUI_KEY_EOF (-1)		/* the script has ended */
#define TUI_MIN_W 80
#define TUI_MIN_H 24

/* Keymaps: a screen's own keys are looked up first, then GLOBAL. */
enum tui_keymap {
	KM_GLOBAL,
	KM_MENU,
	KM_CLAIMS,
	KM_AGING,
	KM_COUNT,
};

/*
 * The one action table: the key map, the key bar and the help screen all
 * come from it. Columns: id, keymap, key, second key (0: none), key-bar
 * label, help text.
 */
#define TUI_ACTIONS(_) \
	_(HELP, GLOBAL, KF(KEY_F(1)), '?', "Help", "show every key and what it does") \
	_(SAVE, GLOBAL, KF(KEY_F(2)), 0, "Save", "save the changes, or post the charges, in one step") \
	_(FIND, GLOBAL, KF(KEY_F(3)), 0, "Find", "find a patient") \
	_(PICK, GLOBAL, KF(KEY_F(4)), 0, "Pick", "pick the value of this field from a list") \
	_(NEW, GLOBAL, KF(KEY_F(5)), 0, "New", "add a new patient, coverage or line") \
	_(PANE, GLOBAL, KF(KEY_F(6)), 0, "Pane", "move to the next part of the screen") \
	_(CHARGE, GLOBAL, KF(KEY_F(7)), 0, "Charge", "enter charges for this patient") \
	_(DELETE, GLOBAL, KF(KEY_F(8)), 0, "Remove", "remove the line or coverage under the cursor") \
	_(MENU, GLOBAL, KF(KEY_F(10)), 0, "Menu", "go back to the main menu") \
	_(BACK, GLOBAL, TUI_KEY_ESC, 0, "Back", "close this screen or dialog") \
	_(QUIT, GLOBAL, KCTRL('c'), 0, "Quit", "quit medbill (asks first when changes are unsaved)") \
	_(REDRAW, GLOBAL, KCTRL('l'), 0, "Redraw", "redraw the whole screen") \
	_(ENTER, GLOBAL, '\n', '\r', "Open", "open the selected line, or accept") \
	_(UP, GLOBAL, KF(KEY_UP), 0, "Up", "move up") \
	_(DOWN, GLOBAL, KF(KEY_DOWN), 0, "Down", "move down") \
	_(LEFT, GLOBAL, KF(KEY_LEFT), 0, "Left", "move left") \
	_(RIGHT, GLOBAL, KF(KEY_RIGHT), 0, "Right", "move right") \
	_(PGUP, GLOBAL, KF(KEY_PPAGE), 0, "PgUp", "move one page up") \
	_(PGDN, GLOBAL, KF(KEY_NPAGE), 0, "PgDn", "move one page down") \
	_(HOME, GLOBAL, KF(KEY_HOME), 0, "Home", "go to the first line or the start of the field") \
	_(END, GLOBAL, KF(KEY_END), 0, "End", "go to the last line or the end of the field") \
	_(NEXT, GLOBAL, '\t', 0, "Next", "go to the next field") \
	_(PREV, GLOBAL, KF(KEY_BTAB), 0, "Prev", "go to the previous field") \
	_(BKSP, GLOBAL, KF(KEY_BACKSPACE), 127, "Erase", "erase the character before the cursor") \
	_(DELCHAR, GLOBAL, KF(KEY_DC), 0, "Del", "delete the character under the cursor") \
	_(SEARCH, GLOBAL, '/', 0, "Search", "find text in the list (again: the next match)") \
	_(GO_PATIENTS, MENU, 'p', 0, "Patients", "find, open and add patients") \
	_(GO_CHARGE, MENU, 'c', 0, "Charges", "enter a visit's diagnoses and charges") \
	_(GO_CLAIMS, MENU, 'l', 0, "Claims", "work the claims: scrub, batch, hold, resubmit, void") \
	_(GO_AGING, MENU, 'a', 0, "Aging", "accounts receivable aging by payer or patient") \
	_(GO_HELP, MENU, 'h', 0, "Help", "the keys of every screen") \
	_(MENU_QUIT, MENU, 'q', 0, "Quit", "quit medbill") \
	_(FILTER, CLAIMS, 'f', 0, "Filter", "filter the work list by status, payer, provider, dates") \
	_(MARK, CLAIMS, ' ', 0, "Mark", "mark or unmark a claim for the next batch") \
	_(BUILD, CLAIMS, 'b', 0, "Build", "build a batch file from the marked claims") \
	_(HOLD, CLAIMS, 'h', 0, "Hold", "hold the claim back from batching") \
	_(RELEASE, CLAIMS, 'r', 0, "Release", "release a held claim") \
	_(RESUBMIT, CLAIMS, '7', 0, "Resubmit", "make a replacement claim (frequency 7)") \
	_(VOID, CLAIMS, '8', 0, "Void", "make a void claim (frequency 8)") \
	_(TOGGLE, AGING, 't', 0, "By", "switch between payers and patient responsibility") \
	_(ASOF, AGING, 'd', 0, "As of", "age the balances as of another date") \
	_(EXPORT, AGING, 'x', 0, "Export", "export the table to a CSV file")

#define TUI_ACT_ENUM_(id, km, k1, k2, label, help) ACT_##id,
enum tui_action { ACT_NONE, TUI_ACTIONS(TUI_ACT_ENUM_) ACT_COUNT };
#undef TUI_ACT_ENUM_

/* tui_keys.c */
enum tui_action tui_key_action(enum tui_keymap km, int key);
/* The name of a key as the script and the help screen write it ("F2", "Esc", "a"). */
void tui_key_name(int key, char *buf, size_t n);
/* Parse one key name without brackets ("Enter", "C-c", "F10"); -1 if unknown. */
int tui_key_parse(const char *name);
const char *tui_action_label(enum tui_action a);
const char *tui_action_help(enum tui_action a);
int tui_action_key(enum tui_action a);
enum tui_keymap tui_action_keymap(enum tui_action a);
const char *tui_keymap_name(enum tui_keymap km);
bool tui_key_printable(int key);

struct tui;
struct tui_screen;

struct tui_screen_ops {
	const char *name;		/* the title line's screen name */
	enum tui_keymap keymap;
	const enum tui_action *bar;	/* the key bar, ended by ACT_NONE */
	/* Set up s->priv from arg; MB_OK, or MB_ERROR with error() (the screen is not shown). */
	int (*open)(struct tui_screen *s, const void *arg);
	/* The body window was (re)sized: place sub-windows, forms and lists. */
	void (*layout)(struct tui_screen *s);
	/* Draw into s->win; leave the cursor where typing goes (tui_cursor()). */
	void (*draw)(struct tui_screen *s);
	/* Handle a key; return ACT_NONE when handled, else the action for the frame. */
	enum tui_action (*key)(struct tui_screen *s, int key, enum tui_action act);
	/* Unsaved changes? NULL: never. */
	bool (*dirty)(struct tui_screen *s);
	/* Called again when the screen comes back to the top (NULL: nothing). */
	void (*resume)(struct tui_screen *s);
	/* Free s->priv and everything the screen made. */
	void (*close)(struct tui_screen *s);
};

struct tui_screen {
	const struct tui_screen_ops *ops;
	struct tui *tui;
	struct tui_screen *below;
	WINDOW *win;			/* the body, owned by the frame */
	PANEL *panel;
	void *priv;
	unsigned gen;			/* the layout generation it was laid out for */
	char title[80];			/* "" : ops->name */
};

enum tui_msg_kind { MSG_NONE, MSG_INFO, MSG_ERROR };

/* Colour pairs, with monochrome attributes when the terminal has none. */
enum tui_attr {
	TA_TITLE = 1, TA_BAR_KEY, TA_BAR_LABEL, TA_MSG_INFO, TA_MSG_ERROR, TA_SELECT,
	TA_FIELD, TA_FIELD_CUR, TA_HEADER, TA_DIM, TA_CHART1, TA_CHART2, TA_CHART3, TA_CHART4,
	TA_CHART5, TA_COUNT
};

struct tui {
	struct store *st;
	struct tui_screen *top;
	SCREEN *term;
	FILE *term_out, *term_in;	/* scripted mode: /dev/null */
	bool running;
	bool too_small;
	bool colors;
	bool utf8;			/* block characters for charts */
	unsigned gen;			/* bumped on every resize */
	char practice[61];
	char msg[256];
	enum tui_msg_kind msg_kind;
	bool cursor;			/* show the cursor after drawing */
	WINDOW *cursor_win;
	int cursor_y, cursor_x;
	/* scripted mode */
	struct tui_script *script;
	bool script_failed;
	char fatal[256];		/* why the script stopped */
	FILE *times;
	long long key_start_us, key_start_cpu;
	int last_key;
};

/* tui_app.c */
int tui_push(struct tui *t, const struct tui_screen_ops *ops, const void *arg);
/* Close the top screen (asks first when dirty unless force); true when closed. */
bool tui_pop(struct tui *t, bool force);
/* Render everything: frame, top screen, dialogs; then update the terminal. */
void tui_render(struct tui *t);
/* Read the next key (rendering first); KF(KEY_RESIZE) after a resize; TUI_KEY_EOF. */
int tui_getkey(struct tui *t);
void tui_msg(struct tui *t, const char *fmt, ...) MB_PRINTF(2, 3);
void tui_error(struct tui *t, const char *fmt, ...) MB_PRINTF(2, 3);
/* Show error_last() (and pending warnings) on the message line; returns MB_ERROR. */
int tui_fail(struct tui *t);
/* Put the cursor there after drawing (win NULL hides it). */
void tui_cursor(struct tui *t, WINDOW *win, int y, int x);
attr_t tui_attr(struct tui *t, enum tui_attr a);
void tui_set_title(struct tui_screen *s, const char *fmt, ...) MB_PRINTF(2, 3);
/* Go back to the main menu (asks for unsaved changes). */
void tui_to_menu(struct tui *t);
/* Quit the workstation (asks for unsaved changes). */
void tui_quit(struct tui *t);

/* A pop-up drawn above the top screen while a dialog runs (nested, last on top). */
void tui_overlay_push(void (*draw)(struct tui *t, void *ctx), void *ctx);
void tui_overlay_pop(void);
/* Resize the in-memory screen (scripted mode) as a terminal would. */
void tui_resize_to(struct tui *t, int w, int h);

/* tui_script.c */
struct tui_script;
/* Load the script at path; NULL with error() when it cannot be read. */
struct tui_script *tui_script_open(const char *path);
void tui_script_free(struct tui_script *sc);
/* Next key, running the script's commands on the way; TUI_KEY_EOF at the end. */
int tui_script_next(struct tui *t, struct tui_script *sc);
/* Write the screen's text to path, one line per row. */
int tui_dump(struct tui *t, const char *path);

/* tui_text.c: text that fits in a number of terminal columns (UTF-8). */
int tui_width(const char *s);
/* Append s to sb, cut or padded to exactly w columns; right-aligned when right. */
void tui_fit(struct strbuf *sb, const char *s, int w, bool right);
/* Draw s at (y, x) in at most w columns (w < 0: to the edge). */
void tui_put(WINDOW *win, int y, int x, int w, const char *s);
/* "1,234.50" right-aligned in w columns, appended to sb. */
void tui_money(struct strbuf *sb, cents_t c, int w);
/* Does hay hold needle (ASCII case ignored)? */
bool tui_contains(const char *hay, const char *needle);
/* Copy field text without leading and trailing blanks into buf. */
void tui_trim_copy(char *buf, size_t n, const char *s);

/* Rows of text with an id each, gathered for a list or a pick (tui_text.c). */
struct tui_rows {
	char **rows;
	int64_t *ids;
	int n;
	size_t alloc, ids_alloc;
};
void tui_rows_init(struct tui_rows *r);
void tui_rows_add(struct tui_rows *r, const char *row, int64_t id);
void tui_rows_clear(struct tui_rows *r);
void tui_rows_release(struct tui_rows *r);

/* tui_list.c: a scrolling list of text rows on the menu library. */
struct tui_list {
	MENU *menu;
	ITEM **items;
	char **rows;
	int n;
	WINDOW *parent, *sub;
	int y, x, h, w;
	bool multi;			/* rows can be marked */
	bool focus;			/* highlighted selection */
	bool *marks;
	int keep;			/* selection to restore after a rebuild */
};
void tui_list_init(struct tui_list *l, bool multi);
/* Replace the rows (copied); the selection moves to 'sel' when in range. */
void tui_list_set(struct tui_list *l, char **rows, int n, int sel);
/* Place the list in parent at (y, x) with h rows of w columns. */
void tui_list_place(struct tui_list *l, WINDOW *parent, int y, int x, int h, int w);
void tui_list_draw(struct tui *t, struct tui_list *l, const char *empty);
/* Move with UP/DOWN/PGUP/PGDN/HOME/END; true when the action was used. */
bool tui_list_move(struct tui_list *l, enum tui_action act);
int tui_list_current(const struct tui_list *l);	/* -1 when empty */
void tui_list_select(struct tui_list *l, int i);
bool tui_list_toggle_mark(struct tui_list *l);
/* Select the next row after the current one holding text (case ignored); false if none. */
bool tui_list_find(struct tui_list *l, const char *text);
/* '/': ask for the text (kept in buf) and find it in the list. */
void tui_list_search(struct tui *t, struct tui_list *l, char *buf, size_t n);
bool tui_list_marked(const struct tui_list *l, int i);
void tui_list_release(struct tui_list *l);

/* tui_form.c: labelled fields on the form library. */
enum tui_fkind {
	FK_TEXT,	/* anything */
	FK_UPPER,	/* letters turned to upper case as typed */
	FK_DIGITS,	/* digits only */
	FK_DATE,	/* YYYY-MM-DD */
	FK_MONEY,	/* 123.45 */
	FK_INT,		/* a whole number */
};

struct tui_fspec {
	const char *name;	/* the name in messages: 'dob' */
	const char *label;	/* drawn left of the field; NULL: none */
	int row, col;		/* of the label, or of the field without one */
	int width;		/* columns shown */
	int max;		/* characters kept; 0: width */
	enum tui_fkind kind;
};

struct tui_form;
/*
 * Field-exit validation: return MB_OK, or MB_ERROR with error() naming the
 * field; the message is shown and the cursor stays in the field.
 */
typedef int (*tui_form_check)(void *ctx, int field, const char *text);

struct tui_form {
	struct tui *tui;
	const struct tui_fspec *spec;
	int n;
	FIELD **fields;
	FORM *form;
	WINDOW *parent, *sub;
	int y, x, h, w;
	tui_form_check check;
	void *ctx;
	bool changed;		/* typed into since tui_form_clean() */
	bool active;		/* has the focus: the cursor is in it */
	bool syncing;		/* checks pass while the form copies buffers */
};
void tui_form_init(struct tui_form *f, struct tui *t, const struct tui_fspec *spec, int n,
		   tui_form_check check, void *ctx);
/* Place (and post) the form in parent at (y, x) with h rows of w columns. */
void tui_form_place(struct tui_form *f, WINDOW *parent, int y, int x, int h, int w);
void tui_form_draw(struct tui_form *f);
/*
 * Give a key to the form: characters, erasing and moving inside a field,
 * NEXT/PREV/UP/DOWN between fields. True when used; false leaves it to the screen.
 */
bool tui_form_key(struct tui_form *f, int key, enum tui_action act);
/* Run the field-exit check on the current field; MB_OK when it passes. */
int tui_form_validate(struct tui_form *f);
int tui_form_current(const struct tui_form *f);
void tui_form_focus(struct tui_form *f, int i);
/* The field's text without surrounding blanks, in buf. */
void tui_form_get(struct tui_form *f, int i, char *buf, size_t n);
void tui_form_set(struct tui_form *f, int i, const char *text);
void tui_form_clean(struct tui_form *f);
/* The field whose quoted name a message mentions (the longest match); -1 if none. */
int tui_form_field_named(const struct tui_form *f, const char *msg);
/* An inactive field is skipped and shown dimmed. */
void tui_form_enable(struct tui_form *f, int i, bool on);
void tui_form_release(struct tui_form *f);
void tui_form_cursor(struct tui_form *f);

/* tui_dialog.c: modal questions on the message line and pop-up pick lists. */
/* Ask a yes/no question on the message line; true for yes. */
bool tui_confirm(struct tui *t, const char *fmt, ...) MB_PRINTF(2, 3);
/* Ask for a line of text on the message line, starting from buf; true on Enter. */
bool tui_prompt(struct tui *t, const char *question, char *buf, size_t n);
/* Pick one of n rows in a pop-up; the index, or -1 when cancelled. */
int tui_pick(struct tui *t, const char *title, char **rows, int n, int sel);

/* tui_coverage.c: the coverage dialog of the patient screen. */
struct tui_cov {
	struct coverage c;
	char payer_name[61];
	bool changed;		/* to be saved with the patient */
};
/* Edit cv in a pop-up; true when accepted (cv then holds the new values). */
bool tui_coverage_edit(struct tui *t, struct tui_cov *cv);

/* The screens, one file each. */
extern const struct tui_screen_ops tui_menu_ops;
extern const struct tui_screen_ops tui_help_ops;
extern const struct tui_screen_ops tui_search_ops;
extern const struct tui_screen_ops tui_patient_ops;	/* arg: const int64_t *id, NULL new */
extern const struct tui_screen_ops tui_charge_ops;	/* arg: const int64_t *patient */
extern const struct tui_screen_ops tui_claim_ops;	/* arg: const int64_t *claim */
extern const struct tui_screen_ops tui_claims_ops;
/* Hold, release, resubmit or void a claim (tui_claims.c); other actions come back. */
enum tui_action tui_claim_action(struct tui_screen *s, int64_t id, enum tui_action act);
/* Append the stored scrubber findings of a claim as text rows (tui_claims.c). */
void tui_claim_findings(struct tui *t, int64_t claim, struct tui_rows *out);
extern const struct tui_screen_ops tui_aging_ops;

/* What the aging drill-down opens on. */
struct tui_cell_arg {
	int by;			/* enum aging_by */
	int64_t id;		/* payer (0: patient responsibility) or patient */
	int bucket;		/* 0..4, -1: the whole row */
	mbdate_t as_of;
	char name[64];
};
extern const struct tui_screen_ops tui_cell_ops;	/* arg: const struct tui_cell_arg * */

#endif
