# lit configuration of the nni-trace-gen tests.
#
# Run through CTest (test/generator/CMakeLists.txt writes lit.site.cfg.py in the build tree), or
# by hand:  lit.py -sv --param nni_trace_gen=<path/to/nni-trace-gen> test/generator
import os
import shutil
import sys

import lit.formats

config.name = "nni-trace-gen"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".h", ".cpp", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(os.path.abspath(__file__))
if not getattr(config, "test_exec_root", None):
    # Run by hand: keep the Output directories out of the source tree.
    import tempfile

    config.test_exec_root = os.path.join(tempfile.gettempdir(), "nni-trace-gen-lit")

here = config.test_source_root
tool = lit_config.params.get("nni_trace_gen", getattr(config, "nni_trace_gen", None))
if not tool:
    lit_config.fatal("where is nni-trace-gen? pass --param nni_trace_gen=<path>")
include = lit_config.params.get(
    "nni_include",
    getattr(config, "nni_include", os.path.join(here, "..", "..", "include")),
)
llvm_tools = lit_config.params.get(
    "llvm_tools_dir", getattr(config, "llvm_tools_dir", "/usr/lib/llvm-19/bin")
)

# FileCheck, not and split-file come from LLVM; put them first on PATH.
config.environment["PATH"] = os.pathsep.join([llvm_tools, config.environment.get("PATH", "")])
config.environment["LC_ALL"] = "C"

config.substitutions.append(("%nni-trace-gen", tool))
config.substitutions.append(("%python", sys.executable))
config.substitutions.append(("%nni-include", os.path.abspath(include)))

# Compiling the generated code needs the runtime's headers and a compiler.
cxx = os.path.join(llvm_tools, "clang++")
if os.path.exists(os.path.join(include, "nni", "generated.h")) and os.path.exists(cxx):
    config.available_features.add("runtime-headers")
    config.substitutions.append(("%clangxx", cxx))
# Running the generated code needs the built runtime library too (defaults_run.h).
runtime_lib = lit_config.params.get("nni_runtime_lib", getattr(config, "nni_runtime_lib", None))
if runtime_lib and os.path.exists(runtime_lib) and "runtime-headers" in config.available_features:
    config.available_features.add("runtime-lib")
    config.substitutions.append(("%nni-runtime-lib", runtime_lib))
    config.substitutions.append(("%nni-runtime-dir", os.path.dirname(runtime_lib)))
gxx = shutil.which("g++")
if gxx:
    config.available_features.add("gxx")
    config.substitutions.append(("%gxx", gxx))
