// Included by alias_traced.h, not read as an input header: another library's header whose own
// generation registers vendor::Pump through this alias.
#pragma once

#include "vendor_pump.h"

namespace plumbing {
using Pump [[nni::trace]] = vendor::Pump;
}  // namespace plumbing
