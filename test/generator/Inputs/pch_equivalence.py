"""Runs nni-trace-gen over every lit input with and without the precompiled <nni/trace.h> and
fails unless both give the same exit code, diagnostics, code and manifest.

Each input is read through a wrapper header that includes <nni/trace.h> first, as a user's
header does, so that the precompiled header may be used: the script also fails unless it was,
for every input that the generator accepts.

usage: pch_equivalence.py <nni-trace-gen> <pch dir> <nni include dir> <inputs dir> <work dir>
"""
import glob
import os
import subprocess
import sys

gen, pch_dir, include, inputs, work = [os.path.abspath(a) for a in sys.argv[1:6]]
os.makedirs(work, exist_ok=True)
flags = ["-std=c++17", "-I" + include, "-I" + os.path.join(inputs, "Inputs")]
NOTE = "nni-trace-gen: "
failures = []
used = 0
for header in sorted(glob.glob(os.path.join(inputs, "*.h"))):
    name = os.path.basename(header)
    wrapper = os.path.join(work, "with_trace_" + name)
    with open(wrapper, "w") as out:
        out.write('#include <nni/trace.h>\n#include "%s"\n' % header)
    results = []
    for mode in (["--no-pch"], ["--pch-dir", pch_dir, "--verbose"]):
        stem = os.path.join(work, name + mode[0])
        run = subprocess.run(
            [gen, *mode, wrapper, header, "-o", stem + ".cpp", "--manifest", stem + ".yaml",
             "--", *flags],
            capture_output=True, text=True)
        notes = [l for l in run.stderr.splitlines() if l.startswith(NOTE)]
        printed = [l for l in run.stderr.splitlines() if not l.startswith(NOTE)]
        outputs = ""
        if run.returncode == 0:
            outputs = open(stem + ".cpp").read() + open(stem + ".yaml").read()
        results.append((run.returncode, printed, outputs, notes))
    (plain_rc, plain_err, plain_out, _), (pch_rc, pch_err, pch_out, notes) = results
    read_pch = any(" from " in n for n in notes)
    used += read_pch
    if (plain_rc, plain_err, plain_out) != (pch_rc, pch_err, pch_out):
        failures.append("%s: the outputs differ (exit codes %d and %d)" % (name, plain_rc, pch_rc))
    elif plain_rc == 0 and not read_pch:
        failures.append("%s: the precompiled header was not read: %s" % (name, notes))
print("inputs that read the precompiled header:", used)
for failure in failures:
    print("FAIL:", failure)
sys.exit(1 if failures else 0)
