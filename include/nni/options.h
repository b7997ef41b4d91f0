// Options of nni::dump and nni::load.
#pragma once

#include <string>
#include <vector>

#include "nni/json.h"

namespace nni {

namespace detail {
// PICKLE_SIZE_LIMIT from the environment (bytes), else 4096; read once.
long default_pickle_size_limit() noexcept;
}  // namespace detail

struct DumpOptions {
  int indent = -1;        // as Python's json.dumps(indent=...): < 0 writes one line
  bool allow_nan = true;  // NaN and +-Infinity are written (as Python does) or are a DumpError
  // Largest binary fallback ({"__nni_obj__": ...}) in bytes before base64; -1: no limit.
  long pickle_size_limit = detail::default_pickle_size_limit();
};

struct LoadOptions {
  LoadLimits limits;
  // The symbols this load may create or refer to; empty: any registered one. An entry is a
  // symbol ("demo::Normalize", with or without "path:") or a namespace wildcard ("demo::*",
  // which also admits nested namespaces). Checked over the whole payload before anything is
  // constructed.
  std::vector<std::string> allowed_symbols;
};

// What a codec sees while it writes or reads; passed down through nested values.
struct DumpContext {
  const DumpOptions& options;
};

struct LoadContext {
  const LoadOptions& options;
};

}  // namespace nni
