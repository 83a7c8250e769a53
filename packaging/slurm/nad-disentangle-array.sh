#!/bin/bash
# Learns the concept feature paths of one run on N machines: one Slurm array task per shard,
# each into its own project file; nad-merge.sh then combines them (README, "Scaling out").
#
#   export NAD_MODEL=vgg-w16-s1 NAD_CONCEPTS=all NAD_WORKDIR=$PWD/run1
#   jid=$(sbatch --parsable --array=1-8 nad-disentangle-array.sh)
#   sbatch --dependency=afterok:$jid nad-merge.sh
#
# sbatch passes the submitting shell's environment (--export=ALL, its default), so these
# variables reach every task:
#   NAD_MODEL     zoo model or a model imported into NAD_TEMPLATE (required)
#   NAD_WORKDIR   where shard-<i>.nad and merged.nad go, on a file system all nodes see
#                 (default: the submission directory)
#   NAD_TEMPLATE  an empty project (data set, imported model) each shard starts as a copy of;
#                 without it each task runs `nad project new --dataset NAD_DATASET`
#   NAD_DATASET   data set for `nad project new` (default: Debian's Fashion-MNIST)
#   NAD_CONCEPTS  all (default) or class names separated by commas
#   NAD_SHARDS    N; default: the array's highest index (so --array=1-N). Set it when you
#                 resubmit only some tasks (e.g. --array=3,5), or the shard count would change.
#   NAD_ARGS      further `nad disentangle` options, the same for every task (e.g.
#                 "--steps 300 --alpha 0.3 --inits 3 --eval-images-per-concept 200")
#   NAD_ZOO       zoo folder (default: $XDG_DATA_HOME/nad-studio/zoo of the user)
#
# Shards are 1-based: task i learns every N-th concept in class order starting from the i-th.
# A task that is killed (time limit, preemption: SIGTERM stops nad at its next step with the
# last checkpoint saved) resumes where it was when the same task runs again.
#
#SBATCH --job-name=nad-shard
#SBATCH --array=1-4
#SBATCH --cpus-per-task=8
#SBATCH --mem=16G
#SBATCH --time=04:00:00
#SBATCH --output=nad-shard-%A_%a.out
# On a GPU partition add e.g.:  #SBATCH --gres=gpu:1   (nad uses CUDA when LibTorch has it)
set -euo pipefail

: "${NAD_MODEL:?set NAD_MODEL to the zoo or imported model to disentangle}"
: "${SLURM_ARRAY_TASK_ID:?submit this script with sbatch --array=1-N}"
workdir=${NAD_WORKDIR:-${SLURM_SUBMIT_DIR:-$PWD}}
shards=${NAD_SHARDS:-${SLURM_ARRAY_TASK_MAX:?set NAD_SHARDS}}
index=$SLURM_ARRAY_TASK_ID
project="$workdir/shard-$index.nad"
zoo=()
[[ -n "${NAD_ZOO:-}" ]] && zoo=(--zoo "$NAD_ZOO")

mkdir -p "$workdir"
# Each task owns its project file (SQLite over a shared file system is only safe with one
# writer per file). A file left by an earlier attempt is kept: the run inside it resumes.
if [[ ! -e "$project" ]]; then
    if [[ -n "${NAD_TEMPLATE:-}" ]]; then
        cp -- "$NAD_TEMPLATE" "$project.tmp" && mv -- "$project.tmp" "$project"
    else
        nad project new "$project" --dataset "${NAD_DATASET:-/usr/share/datasets/fashion-mnist}"
    fi
fi

# NAD_ARGS is split into words on purpose (options and their values).
# shellcheck disable=SC2086
exec nad disentangle "$project" --model "$NAD_MODEL" --concepts "${NAD_CONCEPTS:-all}" \
    --shard "$index/$shards" "${zoo[@]}" ${NAD_ARGS:-}
