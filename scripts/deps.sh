#!/usr/bin/env bash
# Installs, with apt-get, whatever this project needs that a Debian 12 machine lacks.
# Does nothing (and needs no network) when everything is already there.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build git python3
  # the generator: LLVM/Clang 19. llvm-19-dev depends on the libffi, libxml2, libz3 and ncurses
  # headers its CMake package names; the generator links the shared libclang-cpp and libLLVM,
  # which need none of the optional zlib, zstd, libedit or curl packages LLVMConfig looks for.
  llvm-19-dev libclang-19-dev clang-19 llvm-19-tools libclang-rt-19-dev clang-format-19
  libfmt-dev libyaml-cpp-dev
  # the runtime
  rapidjson-dev libsimdjson-dev libcereal-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev python3-json-tricks python3-numpy
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "deps: everything is installed"
  exit 0
fi

echo "deps: installing ${missing[*]}"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "deps: run as root (or install sudo) to install packages" >&2; exit 1; }
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
