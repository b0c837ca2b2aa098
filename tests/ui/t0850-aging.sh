#!/bin/sh
# t0850-aging: the A/R aging screen: buckets with totals, shares and a bar
# chart (block characters, '#' without UTF-8); by patient; another as-of
# date; the CSV export equals 'medbill aging --csv'; drill into a cell and
# on into a claim.
. "$TOP/tests/lib.sh"
. "$TOP/tests/ui/uilib.sh"
ui_fixture

# The export file name is typed over the suggested one.
cat >a.keys <<'KEYS'
a
:dump payer
x
:dump prompt
<Home>
out.csv<Enter>
:dump exported
<Right><Right><Right><Enter>
:dump cell
<Enter>
:dump claim
<Esc><Esc>
t
:dump patient
t
d
<Home>
2026-10-01<Enter>
:dump asof
KEYS
t_ok "aging session" ui_run a
ui_expect payer <<'SCREEN'
 Maple Street Family Practice | A/R aging by payer           tester  2026-11-26
 As of 2026-11-26, days since the date of service

 Payer                           0-30  31-60  61-90 91-120   120+  Total  Share
 Badger Blue Cross               0.00 125.00   0.00 210.00   0.00 335.00 100.0%
 Total                           0.00 125.00   0.00 210.00   0.00 335.00 100.0%









 Badger Blue Cross by age
    0-30                                                         0.00    0.0%
   31-60 ███████████████████████████▍                          125.00   37.3%
   61-90                                                         0.00    0.0%
  91-120 ██████████████████████████████████████████████        210.00   62.7%
    120+                                                         0.00    0.0%


F1 Help  Enter Open  t By  d As of  x Export  Esc Back  F10 Menu
SCREEN
t_cmp "by payer, with the bar chart" payer.expect payer
t_grep "export asks for a file name" '^Export to file: aging-payer-2026-11-26\.csv' prompt
t_grep "export confirmed" '^exported 1 rows and the total to out\.csv$' exported
mb --db "$T/db" aging --csv >cli.csv
t_cmp "the export equals 'medbill aging --csv'" cli.csv out.csv
t_grep "the 91-120 cell of Badger Blue Cross" '^ Badger Blue Cross, 91-120 days, as of 2026-11-26: 1 balance, 210\.00$' cell
t_grep "its claim" '^  MS000003-3 +Castillo, Lucía +2026-08-03 +210\.00  denied$' cell
t_grep "Enter opens the claim" '^ Claim MS000003-3   status denied' claim
t_grep "with its status history" 'poster +denied' claim
t_grep "by patient" '^ Maple Street Family Practice \| A/R aging by patient' patient
t_grep "as of an earlier date" '^ As of 2026-10-01' asof
t_grep "as of Oct 1: the Oct 5 visit is left out, Aug 3 is 31-60" '^ Badger Blue Cross +0\.00 +210\.00 +0\.00 +0\.00 +0\.00 +210\.00 100\.0%$' asof

# Without UTF-8 the bars are '#'.
cat >c.keys <<'KEYS'
a
:dump ascii
KEYS
LC_ALL=C ui_run c
t_grep "ASCII bars" '^  91-120 #{46} +210\.00   62\.7%$' ascii
t_done
