// The wide-character ncurses API for Swift.
//
// pkg-config's -D_XOPEN_SOURCE flags are dropped by SwiftPM, so the feature macros that make
// cchar_t, setcchar, get_wch and friends visible are defined here, before any include.
// Function-like macros (attributes, mouse masks, stdscr/LINES/COLS globals) are not imported
// into Swift; the static inline functions below expose them without hard-coding values.
#ifndef FOLIO_CNCURSESW_SHIM_H
#define FOLIO_CNCURSESW_SHIM_H

#define _XOPEN_SOURCE 700
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline attr_t folio_attr_normal(void) { return A_NORMAL; }
static inline attr_t folio_attr_bold(void) { return A_BOLD; }
static inline attr_t folio_attr_dim(void) { return A_DIM; }
static inline attr_t folio_attr_italic(void) { return A_ITALIC; }
static inline attr_t folio_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t folio_attr_reverse(void) { return A_REVERSE; }

static inline mmask_t folio_mouse_all_events(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t folio_mouse_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t folio_mouse_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t folio_mouse_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t folio_mouse_button5_pressed(void) { return BUTTON5_PRESSED; }

static inline WINDOW *folio_stdscr(void) { return stdscr; }
static inline int folio_lines(void) { return LINES; }
static inline int folio_columns(void) { return COLS; }
static inline int folio_colors(void) { return COLORS; }
static inline int folio_color_pairs(void) { return COLOR_PAIRS; }
static inline int folio_key_f0(void) { return KEY_F0; }

#endif
