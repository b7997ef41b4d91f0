// The evaluator's objects: a dataset with its transforms and a data loader, as in NNI's
// serialization guide. The classes are ordinary C++; [[nni::trace]] is all nni-trace needs.
#pragma once

#include <nni/trace.h>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace demo {

// Not traced: the polymorphic base that parameters name.
struct Transform {
  virtual ~Transform() = default;
  virtual double apply(double x) const = 0;
};

class [[nni::trace]] Normalize : public Transform {
 public:
  Normalize(std::vector<double> mean, std::vector<double> std, bool inplace = false);
  // (x - mean) / std, with the first channel's statistics.
  double apply(double x) const override;
  bool inplace() const { return inplace_; }

 private:
  std::vector<double> mean_;
  std::vector<double> std_;
  bool inplace_;
};

class [[nni::trace]] Compose : public Transform {
 public:
  explicit Compose(std::vector<std::shared_ptr<Transform>> transforms);
  // Applies each transform in turn.
  double apply(double x) const override;

 private:
  std::vector<std::shared_ptr<Transform>> transforms_;
};

// A stand-in for torchvision's MNIST: its samples are computed, not read from `root`.
class [[nni::trace]] MNIST {
 public:
  MNIST(std::string root, bool train = true, bool download = false,
        std::shared_ptr<Transform> transform = nullptr);
  // 60000 samples for the training split, 10000 for the test split.
  std::size_t size() const;
  // Sample i's first pixel in [0, 1], passed through the transform.
  double pixel(std::size_t i) const;
  const std::string& root() const { return root_; }
  bool download() const { return download_; }

 private:
  std::string root_;
  bool train_;
  bool download_;
  std::shared_ptr<Transform> transform_;
};

class [[nni::trace]] DataLoader {
 public:
  DataLoader(std::shared_ptr<MNIST> dataset, int batch_size = 1);
  // How many batches one pass over the dataset takes (the last one may be short).
  std::size_t batches() const;
  const MNIST& dataset() const { return *dataset_; }
  int batch_size() const { return batch_size_; }

 private:
  std::shared_ptr<MNIST> dataset_;
  int batch_size_;
};

[[nni::trace]] std::shared_ptr<MNIST> create_mnist_dataset(std::string root,
                                                           std::shared_ptr<Transform> transform);

// What the evaluator reports for a loader: one line that depends on every constructor argument
// of the graph (root, split, transforms, batch size).
std::string evaluate(const DataLoader& loader);

}  // namespace demo
