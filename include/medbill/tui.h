/*
 * tui.h: the ncurses workstation ('medbill' with no command).
 *
 * The workstation runs on the terminal, or headless for tests when
 * MEDBILL_TUI_SCRIPT names a script of keys and commands:
 *
 *   MEDBILL_TUI_SCRIPT=FILE   read keys from FILE instead of the terminal and
 *                             render into memory (newterm() to /dev/null)
 *   MEDBILL_TUI_SIZE=WxH      the screen size in scripted mode (default 80x24)
 *   MEDBILL_TUI_TIMES=FILE    append one line per key handled: the key's name,
 *                             the screen it went to, and the microseconds
 *                             (wall clock, then CPU) it took to handle it and
 *                             render, tab-separated (for bench/)
 *
 * Script syntax, one item per line or several keys on a line:
 *   text            typed as is (UTF-8)
 *   <Enter> <Esc> <Tab> <S-Tab> <Up> <Down> <Left> <Right> <PgUp> <PgDn>
 *   <Home> <End> <BS> <Del> <Ins> <Space> <F1>..<F12> <C-a>..<C-z> <lt>
 *                   named keys; <lt> is a literal '<'
 *   :dump FILE      write the screen's text to FILE, one line per row,
 *                   trailing blanks removed
 *   :resize WxH     resize the screen as a terminal would (KEY_RESIZE)
 *   # ...           a comment (at the start of a line)
 * Each key is handled and the screen drawn before the next one is read, so a
 * script never waits. The program ends at the end of the script.
 */
#ifndef MEDBILL_TUI_H
#define MEDBILL_TUI_H

#include <stdbool.h>

struct store;

/* True when tui_run() can run: a script is set, or stdin and stdout are terminals. */
bool tui_available(void);

/*
 * Run the workstation on the open database until the user quits. The store
 * stays the caller's. Returns 0, or 1 after printing a message on stderr
 * (a script that cannot be read, a terminal that cannot be used).
 */
int tui_run(struct store *st);

#endif
