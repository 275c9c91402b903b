#!/bin/sh
# merge-batch.sh SHARDS_ROOT REPORTS_ROOT — merges the newest batch under SHARDS_ROOT that is
# not merged yet. For each shard K of $SHARDS it takes the newest COMPLETE run folder
# (*-shardK-of-N with a run.json): a retried pod leaves an incomplete folder behind, and a
# complete one wins over it. `tiyan merge` itself refuses a set with a shard missing.
# After a successful merge, batches merged more than $SHARD_RETENTION_DAYS days ago (default 7)
# are deleted: the merged run holds everything they had. Unmerged batches are never deleted.
set -eu
shards_root=$1
reports_root=$2
count=${SHARDS:?set SHARDS to the number of shards}
keep=${KEEP:-60}
retention_days=${SHARD_RETENTION_DAYS:-7}

batch=$(ls -1dt "$shards_root"/*/ 2>/dev/null | while read -r dir; do
  [ -e "$dir/.merged" ] || { echo "$dir"; break; }
done)
[ -n "$batch" ] || { echo "merge-batch: no unmerged batch under $shards_root" >&2; exit 0; }

set --
k=1
while [ "$k" -le "$count" ]; do
  run=$(ls -1d "$batch"*-shard"$k"-of-"$count" 2>/dev/null | sort -r | while read -r dir; do
    [ -f "$dir/run.json" ] && { echo "$dir"; break; }
  done)
  [ -n "$run" ] || { echo "merge-batch: $batch has no complete shard $k/$count" >&2; exit 1; }
  set -- "$@" "$run"
  k=$((k + 1))
done

tiyan merge --quiet --out "$reports_root" --keep "$keep" "$@"
touch "$batch/.merged"

# Shard cleanup: a batch whose .merged is older than the retention goes (never the one just merged,
# never a batch without .merged, never anything that is not a folder).
for dir in "$shards_root"/*/; do
  dir=${dir%/}
  [ -f "$dir/.merged" ] || continue
  [ "$dir/" = "$batch" ] && continue
  if [ -n "$(find "$dir/.merged" -mtime +"$retention_days" -print)" ]; then
    rm -rf "$dir" && echo "merge-batch: removed merged batch $dir" >&2
  fi
done
