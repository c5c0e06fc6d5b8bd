#!/bin/bash
# Makes lab 14's four captures again: tests/captures/{miner,logwipe,loader,
# normal}.scap. They are in the repository already, made once this way; the
# grader only reads them. Needs root and the modern eBPF driver:
#
#   sudo labs/14-rules-capstone/record.sh
#
# Each capture is of tests/attack.c run in one mode (the normal one inside a
# shell, with cat and ls beside it), with no environment of yours
# (env -i), then copied once more (-r ... -w) so that the process list
# keeps ids and comms only, not the command lines of your other processes.
set -euo pipefail
cd "$(dirname "$0")/../.."
lab=labs/14-rules-capstone
out=$lab/tests/captures
tmp=$(mktemp -d /tmp/lab14.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
[[ $(id -u) == 0 ]] || { echo "record.sh: run it as root (sudo)" >&2; exit 2; }
make --no-print-directory -s build/scap-open
cc -O2 -Wall -Wextra -Werror -o "$tmp/attack" "$lab/tests/attack.c"
mkdir -p "$out"
rm -f /var/log/scaplab-auth.log /var/log/scaplab-wtmp /var/log/scaplab-app.log
for mode in miner logwipe loader normal; do
	cmd=("$tmp/attack" "$mode")
	[[ $mode == normal ]] &&
		cmd=(/bin/sh -c "cat /etc/hostname >/dev/null; ls /var/log >/dev/null; exec $tmp/attack normal")
	env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin ./build/scap-open -w "$tmp/raw.scap" -- "${cmd[@]}" \
		2>"$tmp/log" || { cat "$tmp/log" >&2; exit 1; }
	grep -q 'drops: 0 ' "$tmp/log" || { echo "record.sh: events were dropped:" >&2; cat "$tmp/log" >&2; exit 1; }
	./build/scap-open -r "$tmp/raw.scap" -w "$out/$mode.scap" 2>"$tmp/log" || { cat "$tmp/log" >&2; exit 1; }
	echo "$out/$mode.scap: $(sed -n 's/^scap-open: wrote //p' "$tmp/log")"
done
rm -f /var/log/scaplab-auth.log /var/log/scaplab-app.log
