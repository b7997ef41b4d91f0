// Options of nni::dump and nni::load.
#pragma once

#include "nni/json.h"

namespace nni {

struct DumpOptions {
  int indent = -1;        // as Python's json.dumps(indent=...): < 0 writes one line
  bool allow_nan = true;  // NaN and +-Infinity are written (as Python does) or are a DumpError
};

struct LoadOptions {
  LoadLimits limits;
};

// What a codec sees while it writes or reads; passed down through nested values.
struct DumpContext {
  const DumpOptions& options;
};

struct LoadContext {
  const LoadOptions& options;
};

}  // namespace nni
