// An enum the interop test sends to Python and back; the generator registers its names because
// a traced constructor uses it.
#pragma once

#include <nni/trace.h>

namespace paint {

enum class Color { RED, GREEN, BLUE };

struct [[nni::trace]] Brush {
  explicit Brush(Color color) : color(color) {}
  Color color;
};

}  // namespace paint
