#!/usr/bin/env bash
# Builds nni-trace and runs the evaluator example end to end: the parent builds traced objects,
# sends their trace to a child process, and checks the child's result.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build -j2 --target evaluator_parent evaluator_child
exec build/examples/evaluator/evaluator_parent build/examples/evaluator/evaluator_child
