// Traced classes for the object-semantics tests (objects_test.cpp).
#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <nni/trace.h>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

// A library the user "cannot edit": traced through an alias in objs.
namespace vendor {

class Engine {
 public:
  Engine(std::string model, int cylinders) : model_(std::move(model)), cylinders_(cylinders) {}
  const std::string& model() const { return model_; }
  int cylinders() const { return cylinders_; }

 private:
  std::string model_;
  int cylinders_;
};

}  // namespace vendor

namespace objs {

// --- 1. Which constructor ---------------------------------------------------------------------

// Several public constructors, none marked: all are traced. make tells them apart by number of
// arguments and, for one argument, by its JSON kind; load by the argument names.
class [[nni::trace]] Shape {
 public:
  explicit Shape(double radius) : kind_("circle"), w_(2 * radius), h_(2 * radius) {}
  explicit Shape(std::string name) : kind_("named"), name_(std::move(name)) {}
  Shape(double w, double h) : kind_("rect"), w_(w), h_(h) {}

  const std::string& kind() const { return kind_; }
  const std::string& name() const { return name_; }
  double w() const { return w_; }
  double h() const { return h_; }

 private:
  std::string kind_;
  std::string name_;
  double w_ = 0, h_ = 0;
};

// Only the marked constructor is traced.
class [[nni::trace]] Gadget {
 public:
  [[nni::trace]] explicit Gadget(int size) : size_(size) {}
  explicit Gadget(std::string label) : label_(std::move(label)) {}
  Gadget(int a, int b) : size_(a + b) {}

  int size() const { return size_; }
  const std::string& label() const { return label_; }

 private:
  int size_ = 0;
  std::string label_;
};

// Copy and move constructors, declared, never count: one traced constructor remains.
class [[nni::trace]] Point {
 public:
  Point(int x, int y) : x_(x), y_(y) {}
  Point(const Point& other) : x_(other.x_), y_(other.y_), copies_(other.copies_ + 1) {}
  Point(Point&& other) noexcept : x_(other.x_), y_(other.y_), copies_(other.copies_) {}
  Point& operator=(const Point&) = default;
  Point& operator=(Point&&) = default;

  int x() const { return x_; }
  int y() const { return y_; }
  int copies() const { return copies_; }

 private:
  int x_, y_;
  int copies_ = 0;
};

// --- 2. Multiple inheritance ------------------------------------------------------------------

struct Named {  // A
  virtual ~Named() = default;
  virtual std::string name() const = 0;
  std::string tag = "named";
};

struct Scored {  // B: not the first base
  virtual ~Scored() = default;
  virtual double score() const = 0;
  double bias = 0.0;
};

class [[nni::trace]] Player : public Named, public Scored {
 public:
  Player(std::string name, double score) : name_(std::move(name)), score_(score) {}
  std::string name() const override { return name_; }
  double score() const override { return score_ + bias; }

 private:
  std::string name_;
  double score_;
};

// A std::shared_ptr<B> parameter (B polymorphic, not traced), alone and in a vector.
class [[nni::trace]] Team {
 public:
  explicit Team(std::shared_ptr<Scored> best, std::vector<std::shared_ptr<Scored>> others = {})
      : best_(std::move(best)), others_(std::move(others)) {}
  const std::shared_ptr<Scored>& best() const { return best_; }
  const std::vector<std::shared_ptr<Scored>>& others() const { return others_; }

 private:
  std::shared_ptr<Scored> best_;
  std::vector<std::shared_ptr<Scored>> others_;
};

// --- 3. A traced subclass of a traced class ---------------------------------------------------

class [[nni::trace]] Layer {
 public:
  explicit Layer(int width) : width_(width) {}
  virtual ~Layer() = default;
  virtual std::string describe() const { return "layer " + std::to_string(width_); }
  int width() const { return width_; }

 private:
  int width_;
};

class [[nni::trace]] Conv : public Layer {
 public:
  Conv(int channels, int kernel) : Layer(channels * kernel), channels_(channels), kernel_(kernel) {}
  std::string describe() const override {
    return "conv " + std::to_string(channels_) + "x" + std::to_string(kernel_);
  }
  int channels() const { return channels_; }
  int kernel() const { return kernel_; }

 private:
  int channels_, kernel_;
};

// --- 4. Factories -----------------------------------------------------------------------------

struct Animal {
  virtual ~Animal() = default;
  virtual std::string sound() const = 0;
};

struct Cat : Animal {
  explicit Cat(std::string name, int lives = 9) : name(std::move(name)), lives(lives) {}
  std::string sound() const override { return name + ": meow"; }
  std::string name;
  int lives;
};

struct Dog : Animal {
  explicit Dog(double weight) : weight(weight) {}
  std::string sound() const override { return "woof"; }
  double weight;
};

// Untraced, not polymorphic: what a by-value factory returns.
struct Cell {
  std::string name;
  int size;
};

[[nni::trace]] inline Cell make_cell(std::string name, int size) {
  return Cell{std::move(name), size};
}

[[nni::trace]] inline std::shared_ptr<Cat> make_cat(std::string name, int lives) {
  return std::make_shared<Cat>(std::move(name), lives);
}

[[nni::trace]] inline std::unique_ptr<Animal> make_animal(std::string kind) {
  if (kind == "dog") return std::make_unique<Dog>(30.0);
  return std::make_unique<Cat>(kind);
}

// Overloads: one symbol, chosen on load by the argument names.
[[nni::trace]] inline std::shared_ptr<Animal> make_pet(std::string cat_name) {
  return std::make_shared<Cat>(std::move(cat_name));
}
[[nni::trace]] inline std::shared_ptr<Animal> make_pet(double dog_weight) {
  return std::make_shared<Dog>(dog_weight);
}

namespace factories::v2 {
[[nni::trace]] inline std::shared_ptr<Cat> make_kitten(std::string name) {
  return std::make_shared<Cat>(std::move(name), 1);
}
}  // namespace factories::v2

// --- 5. A symbol chosen by attribute argument -------------------------------------------------

class [[nni::trace("torchvision.transforms.Normalize")]] TvNormalize {
 public:
  TvNormalize(std::vector<double> mean, std::vector<double> std)
      : mean_(std::move(mean)), std_(std::move(std)) {}
  const std::vector<double>& mean() const { return mean_; }
  const std::vector<double>& std() const { return std_; }

 private:
  std::vector<double> mean_, std_;
};

// --- 6. Traced aliases ------------------------------------------------------------------------

template <class T>
class Box {
 public:
  Box(T value, std::string label) : value_(value), label_(std::move(label)) {}
  T value() const { return value_; }
  const std::string& label() const { return label_; }

 private:
  T value_;
  std::string label_;
};

using FloatBox [[nni::trace]] = objs::Box<float>;
using Engine [[nni::trace]] = vendor::Engine;

// --- 7. A custom class equal to itself after a round trip --------------------------------------

struct [[nni::trace]] Leaf {
  explicit Leaf(int value) : value(value) {}
  int value;
};

// Untraced, cereal-serializable: travels as {"__nni_obj__": ...}.
struct Blob {
  std::string name;
  std::vector<std::int32_t> data;
  template <class Archive>
  void serialize(Archive& ar) {
    ar(name, data);
  }
  friend bool operator==(const Blob& a, const Blob& b) {
    return a.name == b.name && a.data == b.data;
  }
};

class [[nni::trace]] Custom {
 public:
  Custom(std::shared_ptr<Leaf> leaf, Blob blob, int a, std::string b = "b")
      : leaf_(std::move(leaf)), blob_(std::move(blob)), a_(a), b_(std::move(b)) {}
  const std::shared_ptr<Leaf>& leaf() const { return leaf_; }
  const Blob& blob() const { return blob_; }

  friend bool operator==(const Custom& x, const Custom& y) {
    bool leaves = (x.leaf_ == nullptr) == (y.leaf_ == nullptr) &&
                  (!x.leaf_ || x.leaf_->value == y.leaf_->value);
    return leaves && x.blob_ == y.blob_ && x.a_ == y.a_ && x.b_ == y.b_;
  }

 private:
  std::shared_ptr<Leaf> leaf_;
  Blob blob_;
  int a_;
  std::string b_;
};

// --- 8. A simple class ------------------------------------------------------------------------

struct [[nni::trace]] SimpleClass {
  SimpleClass(int a, int b = 1) : a(a), b(b) {}
  int a, b;
};

// --- 9. Lifetimes: what nni::make and loads build, they destroy and free exactly once -----------

// Counts its live instances and throws from its constructor on request.
class [[nni::trace]] Fragile {
 public:
  explicit Fragile(std::vector<int> values, bool fail = false) : values_(std::move(values)) {
    if (fail) throw std::runtime_error("Fragile: asked to fail");
    ++live;
  }
  ~Fragile() { --live; }
  Fragile(const Fragile&) = delete;
  Fragile& operator=(const Fragile&) = delete;

  const std::vector<int>& values() const { return values_; }
  static inline int live = 0;

 private:
  std::vector<int> values_;
};

// A public base that is neither polymorphic nor traced: nni::load<Extent> still finds Panel.
struct Extent {
  int width = 0;
};

struct [[nni::trace]] Panel : Extent {
  explicit Panel(int w) { width = w; }
};

// Over-aligned: nni::make cannot share its allocation with the control block.
struct [[nni::trace]] alignas(64) Wide {
  explicit Wide(int x) : x(x) {}
  int x;
};

// Has its own operator new and delete: a load builds it with a new-expression, so they run.
struct [[nni::trace]] Pooled {
  explicit Pooled(int id) : id(id) {}
  static void* operator new(std::size_t size) {
    ++allocations;
    return ::operator new(size);
  }
  static void operator delete(void* p) noexcept {
    ++deallocations;
    ::operator delete(p);
  }
  int id;
  static inline int allocations = 0;
  static inline int deallocations = 0;
};

// Owns what it is given through std::unique_ptr: a load gives each its own allocation, which the
// std::unique_ptr deletes.
struct [[nni::trace]] Owner {
  Owner(std::unique_ptr<Fragile> fragile, std::unique_ptr<Wide> wide,
        std::unique_ptr<Pooled> pooled)
      : fragile(std::move(fragile)), wide(std::move(wide)), pooled(std::move(pooled)) {}
  std::unique_ptr<Fragile> fragile;
  std::unique_ptr<Wide> wide;
  std::unique_ptr<Pooled> pooled;
};

}  // namespace objs
