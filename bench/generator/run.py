#!/usr/bin/env python3
"""Generator and build speed of nni-trace (docs/performance.md, "Generator and build").

Writes synthetic projects into a temporary directory and prints, side by side in one run,
the median of several runs of:

1. nni-trace-gen over a target's headers against `clang++-19 -fsyntax-only` of one file that
   includes the same headers, with the same flags:
   a. "synthetic": 40 headers of 5 traced classes each (constructors taking strings, vectors,
      maps, shared pointers and defaults; each header includes standard headers);
   b. "stdc++": one header that includes <bits/stdc++.h>, with 10 traced classes.
2. A full build (Ninja, -j2) of the synthetic target (40 headers, one .cpp per header with the
   method bodies) with nni_trace_generate against the same target without it.
3. A build with nothing changed after a full build, with Ninja and with Unix Makefiles: the
   number of generator runs (must be 0) and its time.

Runs on demand, not by the test command:
    bench/generator/run.py [--gen BUILD/tool/nni-trace-gen] [--runs 5] [--jobs 2]
The package used for the builds is the build tree that holds the generator (BUILD).
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEADERS = 40
CLASSES_PER_HEADER = 5
STDCXX_CLASSES = 10


# ---- the synthetic sources ----------------------------------------------------------------

def traced_class(ns, name, base, k):
    """A traced class with one constructor: strings, vectors, maps, a shared pointer, defaults.
    Inline members have bodies (the generator skips them; -fsyntax-only does not)."""
    return f"""
class [[nni::trace]] {name} : public {base} {{
 public:
  {name}(std::string name, std::vector<double> weights,
         std::map<std::string, int> table = {{}}, int depth = {k + 1}, double rate = 0.{k + 1},
         bool enabled = true, std::vector<std::string> tags = {{"a", "b"}},
         std::shared_ptr<{base}> inner = nullptr);
  double score() const override;
  const std::string& name() const {{ return name_; }}
  std::size_t size() const {{
    std::size_t n = weights_.size() + table_.size() + tags_.size();
    for (const auto& t : tags_) n += t.size();
    return n;
  }}

 private:
  std::string name_;
  std::vector<double> weights_;
  std::map<std::string, int> table_;
  int depth_;
  double rate_;
  bool enabled_;
  std::vector<std::string> tags_;
  std::shared_ptr<{base}> inner_;
}};
"""


def traced_class_body(name):
    return f"""
{name}::{name}(std::string name, std::vector<double> weights, std::map<std::string, int> table,
         int depth, double rate, bool enabled, std::vector<std::string> tags,
         std::shared_ptr<Module> inner)
    : name_(std::move(name)), weights_(std::move(weights)), table_(std::move(table)),
      depth_(depth), rate_(rate), enabled_(enabled), tags_(std::move(tags)),
      inner_(std::move(inner)) {{}}

double {name}::score() const {{
  double s = std::accumulate(weights_.begin(), weights_.end(), 0.0) * rate_ * depth_;
  for (const auto& [key, value] : table_) s += static_cast<double>(key.size()) * value;
  if (inner_) s += inner_->score();
  return enabled_ ? s : -s;
}}
"""


def write_synthetic(root: Path):
    """40 headers under root/synth (namespaces synth00..synth39), one .cpp each, all.cpp that
    includes every header, and a CMake project for the build comparison."""
    src = root / "synth"
    src.mkdir(parents=True)
    headers, sources = [], []
    for i in range(HEADERS):
        ns = f"synth{i:02d}"
        h = f"h{i:02d}.h"
        classes = [f"Layer{i:02d}_{k}" for k in range(CLASSES_PER_HEADER)]
        body = "".join(traced_class(ns, c, "Module", k) for k, c in enumerate(classes))
        (src / h).write_text(f"""// Synthetic header {i}: {CLASSES_PER_HEADER} traced classes.
#pragma once

#include <nni/trace.h>

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace {ns} {{

// Not traced: the polymorphic base that parameters name.
struct Module {{
  virtual ~Module() = default;
  virtual double score() const = 0;
}};
{body}
}}  // namespace {ns}
""")
        bodies = "".join(traced_class_body(c) for c in classes)
        (src / f"s{i:02d}.cpp").write_text(f"""#include "{h}"

#include <numeric>
#include <utility>

namespace {ns} {{
{bodies}
}}  // namespace {ns}
""")
        headers.append(h)
        sources.append(f"s{i:02d}.cpp")
    (src / "all.cpp").write_text("".join(f'#include "{h}"\n' for h in headers))
    listed = "\n  ".join(sources + headers)
    (src / "CMakeLists.txt").write_text(f"""cmake_minimum_required(VERSION 3.25)
project(nni_bench_synthetic LANGUAGES CXX)
option(WITH_NNI "call nni_trace_generate" ON)
find_package(NNITrace REQUIRED)
set(CMAKE_CXX_STANDARD 17)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
add_library(synth STATIC
  {listed})
target_include_directories(synth PUBLIC ${{CMAKE_CURRENT_SOURCE_DIR}})
if(WITH_NNI)
  nni_trace_generate(synth)
else()
  # The same target without the generator: the same sources, include path and flags that
  # nni_trace_generate would add.
  target_link_libraries(synth PUBLIC NNITrace::runtime)
  target_compile_options(synth PRIVATE
    $<$<COMPILE_LANG_AND_ID:CXX,GNU>:-Wno-attributes=nni::>
    $<$<COMPILE_LANG_AND_ID:CXX,Clang>:-Wno-unknown-attributes>)
endif()
""")
    return src, [src / h for h in headers]


def write_stdcxx(root: Path):
    src = root / "stdcxx"
    src.mkdir(parents=True)
    body = "".join(traced_class("big", f"Big{k}", "Module", k) for k in range(STDCXX_CLASSES))
    header = src / "big.h"
    header.write_text(f"""// One header with <bits/stdc++.h> and {STDCXX_CLASSES} traced classes.
#pragma once

#include <bits/stdc++.h>

#include <nni/trace.h>

namespace big {{

struct Module {{
  virtual ~Module() = default;
  virtual double score() const = 0;
}};
{body}
}}  // namespace big
""")
    (src / "all.cpp").write_text('#include "big.h"\n')
    return src, [header]


# ---- measuring ----------------------------------------------------------------------------

def run(cmd, **kw):
    """Runs cmd; returns (seconds, stdout+stderr). Fails loudly on a non-zero exit."""
    t = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kw)
    dt = time.perf_counter() - t
    if p.returncode != 0:
        sys.exit(f"failed ({p.returncode}): {' '.join(map(str, cmd))}\n{p.stdout}")
    return dt, p.stdout


def median(xs):
    return statistics.median(xs)


def fmt_times(xs):
    return ", ".join(f"{x:.2f}" for x in xs)


def compare_generator(label, gen, clangxx, src, headers, flags, runs, out):
    """Interleaves generator runs and clang -fsyntax-only runs; returns the medians."""
    outdir = out / f"gen-{label}"
    outdir.mkdir()
    gen_cmd = [gen, "-o", outdir / "g.cpp", "--manifest", outdir / "g.yaml",
               "--depfile", outdir / "g.d", "--anchor", "bench",
               *headers, "--", *flags]
    clang_cmd = [clangxx, "-fsyntax-only", *flags, src / "all.cpp"]
    # One warm-up of each (file cache), not counted.
    run(gen_cmd)
    run(clang_cmd)
    g, c = [], []
    for _ in range(runs):
        # The generator writes only changed outputs: remove them so that each run writes.
        for f in outdir.iterdir():
            f.unlink()
        g.append(run(gen_cmd)[0])
        c.append(run(clang_cmd)[0])
    ratio = median(g) / median(c)
    procs = count_processes(gen_cmd, out / f"strace-{label}")
    print(f"\n[{label}] {len(headers)} header(s), flags: {' '.join(map(str, flags))}")
    if procs is not None:
        print(f"  processes started by one generator run (strace -f, execve): {procs}")
    print(f"  nni-trace-gen            median {median(g):.3f} s  ({fmt_times(g)})")
    print(f"  {Path(clangxx).name} -fsyntax-only median {median(c):.3f} s  ({fmt_times(c)})")
    print(f"  ratio generator / -fsyntax-only: {ratio:.2f}   (target <= 1.0)")
    return median(g), median(c), ratio


def count_processes(cmd, log):
    """Programs executed by cmd, itself included (None without strace)."""
    if not shutil.which("strace"):
        return None
    run(["strace", "-f", "-qq", "-e", "trace=execve", "-o", log, *cmd])
    return sum(1 for line in open(log) if "execve(" in line and "= 0" in line)


def configure(src, build, generator, package_dir, cxx, with_nni):
    run(["cmake", "-S", src, "-B", build, "-G", generator, "-DCMAKE_BUILD_TYPE=Release",
         f"-DCMAKE_CXX_COMPILER={cxx}", f"-DNNITrace_DIR={package_dir}",
         f"-DWITH_NNI={'ON' if with_nni else 'OFF'}"])


def ninja_step_seconds(build, suffix):
    """Duration of the last step of build/.ninja_log whose output ends with suffix."""
    last = None
    for line in open(Path(build) / ".ninja_log"):
        f = line.rstrip("\n").split("\t")
        if len(f) >= 4 and f[3].endswith(suffix):
            last = (int(f[1]) - int(f[0])) / 1000
    return last


def count_generator_runs(output):
    return output.count("nni-trace-gen: registrations for")


def compare_builds(src, out, package_dir, cxx, jobs, runs):
    with_dir, without_dir = out / "build-with", out / "build-without"
    configure(src, with_dir, "Ninja", package_dir, cxx, True)
    configure(src, without_dir, "Ninja", package_dir, cxx, False)
    w, wo, gen_tu, gen_step = [], [], [], []
    for i in range(runs):
        # Alternate which goes first, so that neither always gets a warmer machine.
        order = [(with_dir, w), (without_dir, wo)]
        if i % 2:
            order.reverse()
        for build, times in order:
            run(["cmake", "--build", build, "--target", "clean"])
            dt, log = run(["cmake", "--build", build, "-j", str(jobs)])
            if build == with_dir:
                if count_generator_runs(log) != 1:
                    sys.exit(f"expected one generator run in a full build:\n{log}")
                gen_tu.append(ninja_step_seconds(build, "synth.nni_trace.cpp.o"))
                gen_step.append(ninja_step_seconds(build, "synth.nni_trace.stamp"))
            times.append(dt)
    ratio = median(w) / median(wo)
    print(f"\n[full build] synthetic target ({HEADERS} .cpp + {HEADERS} headers), Ninja, "
          f"-j{jobs}, {Path(cxx).name}, Release")
    print(f"  with nni_trace_generate    median {median(w):.2f} s  ({fmt_times(w)})")
    print(f"  without                    median {median(wo):.2f} s  ({fmt_times(wo)})")
    print(f"  ratio with / without: {ratio:.3f}   (target <= 1.10)")
    print(f"  in the builds with it: the generator step median {median(gen_step):.2f} s "
          f"({fmt_times(gen_step)}); compiling the generated source median "
          f"{median(gen_tu):.2f} s ({fmt_times(gen_tu)})")
    return median(w), median(wo), ratio, with_dir


def noop_rebuilds(src, out, package_dir, cxx, jobs, ninja_build, runs):
    make_dir = out / "build-make"
    configure(src, make_dir, "Unix Makefiles", package_dir, cxx, True)
    run(["cmake", "--build", make_dir, "-j", str(jobs)])
    results = {}
    print("\n[no-op rebuild] after a full build, nothing changed")
    for name, build in (("Ninja", ninja_build), ("Unix Makefiles", make_dir)):
        times, gens, work = [], 0, []
        for _ in range(runs):
            dt, log = run(["cmake", "--build", build, "-j", str(jobs)])
            times.append(dt)
            gens += count_generator_runs(log)
            if "Building" in log or "Linking" in log or (name == "Ninja" and "no work to do" not in log):
                work.append(log)
        results[name] = (gens, median(times))
        print(f"  {name:15s} generator runs: {gens} in {runs} rebuilds; median {median(times):.3f} s"
              + ("" if not work else f"; DID WORK:\n{work[0]}"))
    return results


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gen", default="/work/main/build/tool/nni-trace-gen",
                    help="nni-trace-gen of a build tree (the tree is also the CMake package)")
    ap.add_argument("--clang", default="clang++-19", help="the compiler to compare the generator with")
    ap.add_argument("--cxx", default="c++", help="the compiler for the build comparison")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--skip-build", action="store_true", help="only the generator comparison")
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = ap.parse_args()

    build_tree = Path(args.gen).resolve().parent.parent
    if not (build_tree / "NNITraceConfig.cmake").exists():
        sys.exit(f"{build_tree} is not an nni-trace build tree (no NNITraceConfig.cmake)")
    clangxx = shutil.which(args.clang) or sys.exit(f"{args.clang} not found")
    cxx = shutil.which(args.cxx) or sys.exit(f"{args.cxx} not found")

    tmp = Path(tempfile.mkdtemp(prefix="nni-bench-gen-"))
    try:
        # A snapshot of the build, installed in the work directory: edits to the source tree's
        # headers during the run (by anyone) cannot trigger rebuilds or change what is measured.
        prefix = tmp / "prefix"
        run(["cmake", "--install", build_tree, "--prefix", prefix])
        gen = prefix / "bin" / "nni-trace-gen"
        package_dir = prefix / "lib" / "cmake" / "NNITrace"
        include = prefix / "include"
        print(f"nni-trace-gen: {args.gen} (installed as {gen})\nmachine: {os.cpu_count()} CPUs; {platform_line()}\n"
              f"runs: {args.runs} (median); work dir: {tmp}")
        synth_src, synth_headers = write_synthetic(tmp)
        std_src, std_headers = write_stdcxx(tmp)
        rows = []
        for label, src, headers in (("synthetic", synth_src, synth_headers),
                                    ("stdc++", std_src, std_headers)):
            flags = ["-std=c++17", f"-I{include}", f"-I{src}", "-Wno-unknown-attributes"]
            rows.append((label, *compare_generator(label, gen, clangxx, src, headers, flags,
                                                   args.runs, tmp)))
        if not args.skip_build:
            w, wo, ratio, ninja_build = compare_builds(synth_src, tmp, package_dir, cxx,
                                                       args.jobs, args.runs)
            noop = noop_rebuilds(synth_src, tmp, package_dir, cxx, args.jobs, ninja_build,
                                 args.runs)
        print("\nsummary")
        for label, g, c, r in rows:
            print(f"  generator / -fsyntax-only, {label:9s}: {r:.2f}  ({g:.3f} s / {c:.3f} s)")
        if not args.skip_build:
            print(f"  full build with / without:             {ratio:.3f}  ({w:.2f} s / {wo:.2f} s)")
            for name, (gens, t) in noop.items():
                print(f"  no-op rebuild, {name:15s}:         {gens} generator runs ({t:.3f} s)")
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def platform_line():
    try:
        model = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo")
                     if l.startswith("model name"))
    except (OSError, StopIteration):
        model = "unknown CPU"
    return model


if __name__ == "__main__":
    main()
