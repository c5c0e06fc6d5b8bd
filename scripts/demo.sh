#!/bin/sh
# `make run`: a short live capture with the modern eBPF driver.
# Captures a small shell session (a file written, read, renamed and removed)
# and then the whole machine for one second, and prints the statistics.
set -eu
cd "$(dirname "$0")/.."
bin=./build/scap-open
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== scap-open -- sh -c '...': one shell script and its children, every syscall"
$bin --syscall openat,read,write,close,execve,clone,rename,unlink -- \
	sh -c "echo hello > $tmp/a; cat $tmp/a; mv $tmp/a $tmp/b; rm $tmp/b"

echo
echo "== scap-open --duration 1 -n 15: the first 15 events of the whole machine"
$bin --duration 1 -n 15
