#!/usr/bin/env bash
# Folio next to newsboat on the same work: one synthetic RSS feed of N papers (default 10000)
# imported, opened, and searched in a 120x40 tmux terminal. Prints a table of seconds.
#
#   scripts/compare-newsboat.sh [N]
#
# Needs tmux and newsboat (Debian: apt-get install newsboat); builds Folio in release mode.
# Screen times are found by polling tmux every few milliseconds, so they are accurate to
# about 10 ms: right for comparing seconds, not for Folio's millisecond figures (folio-bench).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v swift >/dev/null || export PATH="/opt/swift/usr/bin:$PATH"
papers=${1:-10000}
for tool in tmux newsboat; do
  command -v "$tool" >/dev/null || { echo "compare-newsboat: $tool is not installed" >&2; exit 69; }
done

swift build -c release --product folio >/dev/null
swift build -c release --product folio-bench >/dev/null
bin=$(swift build -c release --show-bin-path)
work=$(mktemp -d)
socket="folio-compare-$$-0"
sessions=0
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/config" XDG_DATA_HOME="$work/home/data"
export XDG_STATE_HOME="$work/home/state" TERM=xterm-256color LANG=C.UTF-8
mkdir -p "$HOME"

"$bin/folio-bench" corpus --papers "$papers" --format rss -o "$work/feed.rss"
query=diffusion
first_match=$("$bin/folio" import --db "$work/probe.sqlite" "$work/feed.rss" >/dev/null &&
  "$bin/folio" list --db "$work/probe.sqlite" --filter "$query" --limit 1 --format tsv | cut -f5)
first_title=$("$bin/folio" list --db "$work/probe.sqlite" --limit 1 --format tsv | cut -f5)

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

# Seconds until the tmux screen contains $1 (a fixed string), or "timeout" after 120 s.
wait_for() {
  local start=$1 text=$2 deadline
  deadline=$(awk -v s="$start" 'BEGIN { printf "%.3f", s + 120 }')
  while ! tmux -L "$socket" capture-pane -p -t bench 2>/dev/null | grep -qF -- "$text"; do
    if awk -v n="$(now)" -v d="$deadline" 'BEGIN { exit !(n > d) }'; then
      echo timeout
      return
    fi
    sleep 0.005
  done
  elapsed "$start" "$(now)"
}

start_session() {
  # A server of its own each time: a new session on a server still shutting down fails
  # ("server exited unexpectedly").
  tmux -L "$socket" kill-server 2>/dev/null || true
  sessions=$((sessions + 1))
  socket="folio-compare-$$-$sessions"
  tmux -L "$socket" new-session -d -s bench -x 120 -y 40 "$@"
}

# Titles as each program shows them: the first 30 characters are enough to recognise.
title_prefix=${first_title:0:30}
match_prefix=${first_match:0:30}

# newsboat: reload = import into its cache; open = feed list, then the feed's articles;
# search = '/' in the article list, results listed.
echo "file://$work/feed.rss" >"$work/urls"
t0=$(now)
newsboat -u "$work/urls" -c "$work/newsboat.db" -C /dev/null -x reload >/dev/null
nb_import=$(elapsed "$t0" "$(now)")
t0=$(now)
start_session newsboat -u "$work/urls" -c "$work/newsboat.db" -C /dev/null
nb_feeds=$(wait_for "$t0" "Synthetic papers")
t0=$(now)
tmux -L "$socket" send-keys -t bench Enter
nb_open=$(wait_for "$t0" "$title_prefix")
t0=$(now)
tmux -L "$socket" send-keys -t bench / "$query" Enter
nb_search=$(wait_for "$t0" "Search result")

# Folio: import; open = first frame of the reader; search = typing '/query' until the
# first match is listed.
t0=$(now)
"$bin/folio" import --db "$work/folio.sqlite" "$work/feed.rss" >/dev/null
folio_import=$(elapsed "$t0" "$(now)")
t0=$(now)
start_session "$bin/folio" --db "$work/folio.sqlite" --no-mouse
folio_open=$(wait_for "$t0" "$title_prefix")
tmux -L "$socket" send-keys -t bench a
sleep 0.2
t0=$(now)
tmux -L "$socket" send-keys -t bench / "$query"
folio_search=$(wait_for "$t0" "$match_prefix")

printf '%s papers, one RSS feed (%s MB), 120x40 tmux; seconds\n' "$papers" \
  "$(($(stat -c %s "$work/feed.rss") / 1048576))"
printf '%-34s %10s %10s\n' "" newsboat folio
printf '%-34s %10s %10s\n' "import the feed" "$nb_import" "$folio_import"
printf '%-34s %10s %10s\n' "open: feed list / first frame" "$nb_feeds" "$folio_open"
printf '%-34s %10s %10s\n' "open the feed's articles" "$nb_open" "-"
printf '%-34s %10s %10s\n' "search '$query' to first result" "$nb_search" "$folio_search"
