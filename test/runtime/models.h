// Traced test classes for the runtime tests; nni_trace_generate registers them.
#pragma once

#include <chrono>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <nni/trace.h>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

namespace demo {

struct Transform {
  virtual ~Transform() = default;
  virtual double apply(double x) const = 0;
};

class [[nni::trace]] Normalize : public Transform {
 public:
  Normalize(std::vector<double> mean, std::vector<double> std, bool inplace = false)
      : mean_(std::move(mean)), std_(std::move(std)), inplace_(inplace) {}
  double apply(double x) const override { return (x - mean_.at(0)) / std_.at(0); }
  const std::vector<double>& mean() const { return mean_; }
  bool inplace() const { return inplace_; }

 private:
  std::vector<double> mean_, std_;
  bool inplace_;
};

class [[nni::trace]] Compose : public Transform {
 public:
  explicit Compose(std::vector<std::shared_ptr<Transform>> transforms)
      : transforms_(std::move(transforms)) {}
  double apply(double x) const override {
    for (const auto& t : transforms_) x = t->apply(x);
    return x;
  }
  const std::vector<std::shared_ptr<Transform>>& transforms() const { return transforms_; }

 private:
  std::vector<std::shared_ptr<Transform>> transforms_;
};

class [[nni::trace]] MNIST {
 public:
  MNIST(std::string root, bool train = true, bool download = false,
        std::shared_ptr<Transform> transform = nullptr)
      : root_(std::move(root)),
        train_(train),
        download_(download),
        transform_(std::move(transform)) {}
  const std::string& root() const { return root_; }
  bool train() const { return train_; }
  bool download() const { return download_; }
  const std::shared_ptr<Transform>& transform() const { return transform_; }

 private:
  std::string root_;
  bool train_, download_;
  std::shared_ptr<Transform> transform_;
};

class [[nni::trace]] DataLoader {
 public:
  DataLoader(std::shared_ptr<MNIST> dataset, int batch_size = 1)
      : dataset_(std::move(dataset)), batch_size_(batch_size) {}
  const std::shared_ptr<MNIST>& dataset() const { return dataset_; }
  int batch_size() const { return batch_size_; }

 private:
  std::shared_ptr<MNIST> dataset_;
  int batch_size_;
};

[[nni::trace]] inline std::shared_ptr<MNIST> create_mnist_dataset(
    std::string root, std::shared_ptr<Transform> transform) {
  return std::make_shared<MNIST>(std::move(root), false, true, std::move(transform));
}

}  // namespace demo

namespace types {

struct [[nni::trace]] Scalars {
  Scalars(bool b, int i, long l, std::int64_t i64, double d, std::string s)
      : b(b), i(i), l(l), i64(i64), d(d), s(std::move(s)) {}
  bool b;
  int i;
  long l;
  std::int64_t i64;
  double d;
  std::string s;
};

struct [[nni::trace]] Vectors {
  Vectors(std::vector<int> ints, std::vector<std::string> strings,
          std::vector<std::vector<double>> matrix)
      : ints(std::move(ints)), strings(std::move(strings)), matrix(std::move(matrix)) {}
  std::vector<int> ints;
  std::vector<std::string> strings;
  std::vector<std::vector<double>> matrix;
};

// The argument types a loaded object's record keeps flat, in its own memory (FlatCopyOps in
// nni/generated.h), beside two it does not: std::vector<bool> and const char*.
struct [[nni::trace]] FlatArgs {
  FlatArgs(std::string text, std::string_view view, const char* c_text, std::vector<float> floats,
           std::vector<double> doubles, std::vector<int> ints, std::vector<long> longs,
           std::vector<unsigned long> sizes, std::vector<std::int8_t> bytes,
           std::vector<std::uint16_t> shorts, std::vector<bool> flags)
      : text(std::move(text)),
        view(view),
        c_text(c_text),
        floats(std::move(floats)),
        doubles(std::move(doubles)),
        ints(std::move(ints)),
        longs(std::move(longs)),
        sizes(std::move(sizes)),
        bytes(std::move(bytes)),
        shorts(std::move(shorts)),
        flags(std::move(flags)) {}
  std::string text, view, c_text;
  std::vector<float> floats;
  std::vector<double> doubles;
  std::vector<int> ints;
  std::vector<long> longs;
  std::vector<unsigned long> sizes;
  std::vector<std::int8_t> bytes;
  std::vector<std::uint16_t> shorts;
  std::vector<bool> flags;
};

// Loads its FlatArgs alone (a std::unique_ptr owns it), with the record in an allocation of its
// own: inline in the record for small arguments, on the heap past 640 bytes.
struct [[nni::trace]] FlatOwner {
  explicit FlatOwner(std::unique_ptr<FlatArgs> args) : args(std::move(args)) {}
  std::unique_ptr<FlatArgs> args;
};

// No declared constructor: traced through its implicit default constructor.
struct [[nni::trace]] Empty {
  int value = 7;
};

struct [[nni::trace]] Holder {
  Holder(nni::Traced<Empty> traced, std::shared_ptr<Empty> shared,
         std::vector<nni::Traced<Empty>> many = {})
      : traced(std::move(traced)), shared(std::move(shared)), many(std::move(many)) {}
  nni::Traced<Empty> traced;
  std::shared_ptr<Empty> shared;
  std::vector<nni::Traced<Empty>> many;
};

inline int next_id() {
  static int id = 100;
  return ++id;
}

// Defaults of any kind: the loader leaves trailing ones to the compiler.
struct [[nni::trace]] Defaults {
  explicit Defaults(int a, int b = next_id(), std::string c = std::string(3, 'x'))
      : a(a), b(b), c(std::move(c)) {}
  int a, b;
  std::string c;
};

// Defaults that nni-trace-gen writes as JSON (ParamInfo::default_json): a load that omits them
// gets the same values as the C++ defaults.
struct [[nni::trace]] JsonDefaults {
  explicit JsonDefaults(int id, std::string name = "say \"hi\"\n",
                        std::vector<double> ws = {1, 2.5}, float tenth = 0.1f,
                        double third = 1.0 / 3, std::map<std::string, int> table = {},
                        std::shared_ptr<demo::Transform> next = nullptr,
                        std::uint64_t big = std::numeric_limits<std::uint64_t>::max(),
                        bool on = !false)
      : id(id),
        name(std::move(name)),
        ws(std::move(ws)),
        tenth(tenth),
        third(third),
        table(std::move(table)),
        next(std::move(next)),
        big(big),
        on(on) {}
  int id;
  std::string name;
  std::vector<double> ws;
  float tenth;
  double third;
  std::map<std::string, int> table;
  std::shared_ptr<demo::Transform> next;
  std::uint64_t big;
  bool on;
};

struct [[nni::trace]] Small {
  explicit Small(std::int8_t v) : v(v) {}
  std::int8_t v;
};

struct [[nni::trace]] Floats {
  explicit Floats(double d) : d(d) {}
  double d;
};

struct [[nni::trace]] Text {
  explicit Text(std::string s) : s(std::move(s)) {}
  std::string s;
};

// Traced, but not a demo::Transform.
struct [[nni::trace]] Unrelated {
  explicit Unrelated(int x) : x(x) {}
  int x;
};

enum class Color { RED, GREEN, BLUE };

// Enums, sets, maps, durations and optionals as constructor parameters.
struct [[nni::trace]] Palette {
  Palette(Color main, std::map<Color, int> weights, std::set<std::string> tags,
          std::chrono::milliseconds fade, std::optional<double> gamma = std::nullopt)
      : main(main), weights(std::move(weights)), tags(std::move(tags)), fade(fade), gamma(gamma) {}
  Color main;
  std::map<Color, int> weights;
  std::set<std::string> tags;
  std::chrono::milliseconds fade;
  std::optional<double> gamma;
};

// Traced objects by reference, raw pointer and std::unique_ptr: a load creates them, and the
// Borrower's record keeps the borrowed ones alive.
struct [[nni::trace]] Borrower {
  Borrower(const demo::Transform& transform, Empty* empty, std::unique_ptr<demo::Transform> owned)
      : transform(transform), empty(empty), owned(std::move(owned)) {}
  const demo::Transform& transform;
  Empty* empty;
  std::unique_ptr<demo::Transform> owned;
};

// Views of strings as parameters: a load passes strings that outlive the constructor call.
struct [[nni::trace]] Views {
  Views(std::string_view name, const char* label, int after = 1,
        std::unique_ptr<demo::Transform> owned = nullptr)
      : name(name), label(label), after(after), owned(std::move(owned)) {}
  std::string name, label;
  int after;
  std::unique_ptr<demo::Transform> owned;
};

struct [[nni::trace]] Choice {
  explicit Choice(std::variant<std::monostate, int, std::string> value) : value(std::move(value)) {}
  std::variant<std::monostate, int, std::string> value;
};

// Untraced and cereal-serializable: NNI's "forgot to trace MNIST" case.
struct RawImages {
  std::string root;
  std::vector<std::uint8_t> pixels;
  template <class Archive>
  void serialize(Archive& ar) {
    ar(root, pixels);
  }
  bool operator==(const RawImages& o) const { return root == o.root && pixels == o.pixels; }
};

struct [[nni::trace]] RawLoader {
  RawLoader(RawImages images, int batch_size) : images(std::move(images)), batch_size(batch_size) {}
  RawImages images;
  int batch_size;
};

// The same role, traced: the dataset is dumped as the arguments that built it.
struct [[nni::trace]] Images {
  Images(std::string root, int count) : root(std::move(root)), pixels(std::size_t(count) * 784) {}
  std::string root;
  std::vector<std::uint8_t> pixels;
};

struct [[nni::trace]] ImageLoader {
  ImageLoader(std::shared_ptr<Images> images, int batch_size)
      : images(std::move(images)), batch_size(batch_size) {}
  std::shared_ptr<Images> images;
  int batch_size;
};

// Loads another payload in its constructor: a load inside a load, on one thread, while the outer
// load still reads its own payload (runtime/tape_load.cpp leases the parse per nesting level).
struct [[nni::trace]] Reloads {
  Reloads(std::string payload, std::vector<double> after)
      : inner(nni::load<Text>(payload)), after(std::move(after)) {}
  nni::Traced<Text> inner;
  std::vector<double> after;
};

struct [[nni::trace]] ReloadPair {
  ReloadPair(std::shared_ptr<Reloads> first, std::shared_ptr<Reloads> second)
      : first(std::move(first)), second(std::move(second)) {}
  std::shared_ptr<Reloads> first, second;
};

// Count their constructions: each object of a payload is built once, whichever reader reads it,
// and nothing at all when a load refuses the payload before it builds (tape_load_test.cpp).
inline int counted_constructions = 0;

struct [[nni::trace]] Counted {
  explicit Counted(int id) : id(id) { ++counted_constructions; }
  int id;
};

struct [[nni::trace]] CountedList {
  CountedList(std::vector<std::shared_ptr<Counted>> items, std::shared_ptr<Counted> last, int n)
      : items(std::move(items)), last(std::move(last)), n(n) {
    ++counted_constructions;
  }
  std::vector<std::shared_ptr<Counted>> items;
  std::shared_ptr<Counted> last;
  int n;
};

// Not traced at all.
struct Untraced {
  int x = 0;
};

}  // namespace types
