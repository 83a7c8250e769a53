#!/bin/bash
# Merges the shard projects of nad-disentangle-array.sh into one evaluated project,
# $NAD_WORKDIR/merged.nad (README, "Scaling out"). Submit it to wait for the whole array:
#
#   jid=$(sbatch --parsable --array=1-8 nad-disentangle-array.sh)
#   sbatch --dependency=afterok:$jid nad-merge.sh
#
# Uses the same environment as the array (NAD_WORKDIR, NAD_ZOO; NAD_SHARDS, default: the
# number of shard-*.nad files) and NAD_MERGED for another output name. `nad merge` refuses
# (exit 1, nothing written) when a shard is missing or unfinished, when two shards disagree
# on the data set, model or hyperparameters, or when a concept is in two shards. The
# evaluation uses the shards' --eval-images-per-concept; NAD_MERGE_ARGS may override it.
#
#SBATCH --job-name=nad-merge
#SBATCH --cpus-per-task=8
#SBATCH --mem=16G
#SBATCH --time=01:00:00
#SBATCH --output=nad-merge-%j.out
set -euo pipefail

workdir=${NAD_WORKDIR:-${SLURM_SUBMIT_DIR:-$PWD}}
shopt -s nullglob
found=("$workdir"/shard-*.nad)
shards=${NAD_SHARDS:-${#found[@]}}
(( shards > 0 )) || { echo "no shard-*.nad in $workdir" >&2; exit 1; }
inputs=()
for ((i = 1; i <= shards; ++i)); do
    inputs+=("$workdir/shard-$i.nad")
done
zoo=()
[[ -n "${NAD_ZOO:-}" ]] && zoo=(--zoo "$NAD_ZOO")

# shellcheck disable=SC2086
exec nad merge "${NAD_MERGED:-$workdir/merged.nad}" "${inputs[@]}" "${zoo[@]}" ${NAD_MERGE_ARGS:-}
