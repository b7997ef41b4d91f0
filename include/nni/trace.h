// nni-trace: record how objects are built, dump that record as NNI's JSON, re-create them
// elsewhere. See README.md and docs/.
#pragma once

#include "nni/api.h"
#include "nni/binary_fallback.h"
#include "nni/codec.h"
#include "nni/custom.h"
#include "nni/enum_codec.h"
#include "nni/errors.h"
#include "nni/json.h"
#include "nni/kind.h"
#include "nni/ndarray.h"
#include "nni/options.h"
#include "nni/std_codecs.h"
#include "nni/traced.h"
#include "nni/type_ref.h"
#include "nni/value.h"
#include "nni/variant_codec.h"
