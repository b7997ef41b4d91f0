// A header of the square library with no traced entity. (test/e2e edits this comment.)
#pragma once

namespace flat {
inline constexpr double kScale = 1.0;
}  // namespace flat
