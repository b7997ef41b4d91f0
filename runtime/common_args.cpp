// The argument functions of the most common parameter types, compiled once here rather than in
// every generated file (nni/generated.h, NNI_TRACE_RUNTIME_ARG_TYPES and
// NNI_TRACE_RUNTIME_TAPE_TYPES).
#include "nni/generated.h"

namespace nni::detail {

#define NNI_TRACE_DEFINE_ARG_OPS(...) template struct arg_ops_of<__VA_ARGS__>;
NNI_TRACE_RUNTIME_ARG_TYPES(NNI_TRACE_DEFINE_ARG_OPS)
#undef NNI_TRACE_DEFINE_ARG_OPS

#define NNI_TRACE_DEFINE_TAPE_LOAD(...) \
  template void load_from_tape<__VA_ARGS__>(void*, const TapeReader&, std::size_t);
NNI_TRACE_RUNTIME_TAPE_TYPES(NNI_TRACE_DEFINE_TAPE_LOAD)
#undef NNI_TRACE_DEFINE_TAPE_LOAD

}  // namespace nni::detail
