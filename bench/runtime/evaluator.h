// The DESIGN.md evaluator graph (DataLoader <- MNIST <- Compose <- Normalize) and two more traced
// classes for the benchmarks; nni_trace_generate registers them. Accessors let the hand-written
// baselines write and check the same objects without the registry.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <nni/trace.h>

namespace demo {

struct Transform {
  virtual ~Transform() = default;
};

class [[nni::trace]] Normalize : public Transform {
 public:
  Normalize(std::vector<double> mean, std::vector<double> std, bool inplace = false)
      : mean_(std::move(mean)), std_(std::move(std)), inplace_(inplace) {}
  const std::vector<double>& mean() const { return mean_; }
  const std::vector<double>& std() const { return std_; }
  bool inplace() const { return inplace_; }

 private:
  std::vector<double> mean_, std_;
  bool inplace_;
};

class [[nni::trace]] Compose : public Transform {
 public:
  explicit Compose(std::vector<std::shared_ptr<Transform>> transforms)
      : transforms_(std::move(transforms)) {}
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

}  // namespace demo

namespace bench {

// A traced object with a large payload: throughput of dump and load.
class [[nni::trace]] Signal {
 public:
  explicit Signal(std::vector<float> samples) : samples_(std::move(samples)) {}
  const std::vector<float>& samples() const { return samples_; }

 private:
  std::vector<float> samples_;
};

// The smallest traced object: the fixed cost of nni::make.
struct [[nni::trace]] Tiny {
  explicit Tiny(int x) : x(x) {}
  int x;
};

}  // namespace bench
