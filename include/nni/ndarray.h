// nni::NDArray<T>: a small n-dimensional array, encoded as json-tricks encodes numpy arrays:
// {"__ndarray__": [[...]], "dtype": "float32", "shape": [2, 3], "Corder": true}. A tensor type
// plugs in by converting to and from NDArray in its own nni::Codec specialization.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "nni/codec.h"

namespace nni {

template <class T>
class NDArray {
  static_assert(std::is_arithmetic_v<T>, "nni::NDArray holds bool, integers or floating point");

 public:
  NDArray() = default;
  // Row-major (C order) data; its size must be the product of the shape.
  NDArray(std::vector<std::size_t> shape, std::vector<T> data)
      : shape_(std::move(shape)), data_(std::move(data)) {
    std::size_t n = 1;
    for (std::size_t d : shape_) n *= d;
    if (n != data_.size()) {
      throw std::invalid_argument("nni::NDArray: shape holds " + std::to_string(n) +
                                  " elements, data has " + std::to_string(data_.size()));
    }
  }

  const std::vector<std::size_t>& shape() const noexcept { return shape_; }
  std::size_t ndim() const noexcept { return shape_.size(); }
  const std::vector<T>& data() const noexcept { return data_; }
  std::vector<T>& data() noexcept { return data_; }

  friend bool operator==(const NDArray& a, const NDArray& b) {
    return a.shape_ == b.shape_ && a.data_ == b.data_;
  }
  friend bool operator!=(const NDArray& a, const NDArray& b) { return !(a == b); }

 private:
  std::vector<std::size_t> shape_;
  std::vector<T> data_;
};

namespace detail {

// numpy's name for T.
template <class T>
constexpr const char* dtype_name() {
  if constexpr (std::is_same_v<T, bool>) {
    return "bool";
  } else if constexpr (std::is_floating_point_v<T>) {
    return sizeof(T) == 4 ? "float32" : "float64";
  } else if constexpr (std::is_signed_v<T>) {
    return sizeof(T) == 1 ? "int8" : sizeof(T) == 2 ? "int16" : sizeof(T) == 4 ? "int32" : "int64";
  } else {
    return sizeof(T) == 1   ? "uint8"
           : sizeof(T) == 2 ? "uint16"
           : sizeof(T) == 4 ? "uint32"
                            : "uint64";
  }
}

// Walks the nested lists of an n-d array in C order; the callbacks do the elements.
void write_ndarray(JsonWriter& w, const char* dtype, const std::vector<std::size_t>& shape,
                   const std::function<void(std::size_t)>& write_element);
// Checks dtype and shape; returns the shape and calls read_element(leaf, index) per element.
std::vector<std::size_t> read_ndarray(const JsonNode& node, const char* dtype,
                                      const std::function<void(const JsonNode&)>& read_element);

}  // namespace detail

template <class T>
struct Codec<NDArray<T>> {
  static constexpr Kind kind = Kind::NDArray;
  static void dump(JsonWriter& w, const NDArray<T>& a, DumpContext&) {
    detail::write_ndarray(w, detail::dtype_name<T>(), a.shape(), [&](std::size_t i) {
      T v = a.data()[i];
      if constexpr (std::is_same_v<T, bool>) {
        w.boolean(v);
      } else if constexpr (std::is_floating_point_v<T>) {
        w.number(static_cast<double>(v));  // numpy's tolist() widens float32 to a Python float
      } else if constexpr (std::is_signed_v<T>) {
        w.integer(v);
      } else {
        w.unsigned_integer(v);
      }
    });
  }
  static NDArray<T> load(const JsonNode& node, LoadContext& ctx) {
    std::vector<T> data;
    auto shape = detail::read_ndarray(node, detail::dtype_name<T>(), [&](const JsonNode& leaf) {
      data.push_back(Codec<T>::load(leaf, ctx));
    });
    return NDArray<T>(std::move(shape), std::move(data));
  }
};

}  // namespace nni
