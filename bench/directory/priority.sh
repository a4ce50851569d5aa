#!/bin/bash
# Runs a command with the highest scheduling priority for it and for every backend of a
# PostgreSQL server on this machine, so that other work on a shared machine yields to a benchmark
# (bench/results/directory-import-postgres-2026-11-22-evening.md, "Priority"). Linux, as root.
#
# The kernel shares the CPU between autogroups (one per session, sched_autogroup_enabled = 1), and
# nice only orders processes within a group: each PostgreSQL backend is a session of its own, so
# the group's nice is what counts. The command's session gets nice -20, and the server's backends
# are given it every 0.2 s while the command runs (new backends included).
#
#   bench/directory/priority.sh PGDATA COMMAND [ARGS...]
# e.g.
#   flock /tmp/mosaic-bench.lock bench/directory/priority.sh /tmp/mosaic-bench-pg/data \
#     npx node bench/directory/run.ts --database postgres --url postgres://postgres@127.0.0.1:55440/mosaic_bench --parts import
set -u
data=$1
shift
if [ "$(cat /proc/sys/kernel/sched_autogroup_enabled 2>/dev/null)" != 1 ]; then
  echo "priority.sh: autogroups are off; running without priority" >&2
  exec "$@"
fi
postmaster=$(head -1 "$data/postmaster.pid")
(
  while true; do
    for pid in $(pgrep -P "$postmaster"); do
      grep -q 'nice -20' "/proc/$pid/autogroup" 2>/dev/null || echo -20 >"/proc/$pid/autogroup" 2>/dev/null
    done
    sleep 0.2
  done
) &
boost=$!
trap 'kill $boost 2>/dev/null' EXIT
# A session of its own, so that only the command and its children get the group's priority.
setsid -w bash -c 'echo -20 > /proc/$$/autogroup && exec "$@"' priority "$@"
