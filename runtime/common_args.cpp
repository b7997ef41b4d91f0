// The argument functions of the most common parameter types, compiled once here rather than in
// every generated file (nni/generated.h, NNI_TRACE_RUNTIME_ARG_TYPES).
#include "nni/generated.h"

namespace nni::detail {

#define NNI_TRACE_DEFINE_ARG_OPS(...) template struct arg_ops_of<__VA_ARGS__>;
NNI_TRACE_RUNTIME_ARG_TYPES(NNI_TRACE_DEFINE_ARG_OPS)
#undef NNI_TRACE_DEFINE_ARG_OPS

}  // namespace nni::detail
