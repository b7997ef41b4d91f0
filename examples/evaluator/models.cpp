#include "models.h"

#include <cstdio>
#include <stdexcept>
#include <utility>

namespace demo {

Normalize::Normalize(std::vector<double> mean, std::vector<double> std, bool inplace)
    : mean_(std::move(mean)), std_(std::move(std)), inplace_(inplace) {
  if (mean_.empty() || std_.empty() || std_[0] == 0.0) {
    throw std::invalid_argument("Normalize: mean and std need a first channel, std non-zero");
  }
}

double Normalize::apply(double x) const { return (x - mean_[0]) / std_[0]; }

Compose::Compose(std::vector<std::shared_ptr<Transform>> transforms)
    : transforms_(std::move(transforms)) {}

double Compose::apply(double x) const {
  for (const auto& t : transforms_) x = t->apply(x);
  return x;
}

MNIST::MNIST(std::string root, bool train, bool download, std::shared_ptr<Transform> transform)
    : root_(std::move(root)),
      train_(train),
      download_(download),
      transform_(std::move(transform)) {}

std::size_t MNIST::size() const { return train_ ? 60000 : 10000; }

double MNIST::pixel(std::size_t i) const {
  // A deterministic pattern that also depends on the root, so a wrong root shows.
  std::size_t h = i;
  for (unsigned char c : root_) h = h * 31 + c;
  double x = static_cast<double>(h % 256) / 255.0;
  return transform_ ? transform_->apply(x) : x;
}

DataLoader::DataLoader(std::shared_ptr<MNIST> dataset, int batch_size)
    : dataset_(std::move(dataset)), batch_size_(batch_size) {
  if (!dataset_ || batch_size_ <= 0) {
    throw std::invalid_argument("DataLoader: needs a dataset and a positive batch size");
  }
}

std::size_t DataLoader::batches() const {
  std::size_t b = static_cast<std::size_t>(batch_size_);
  return (dataset_->size() + b - 1) / b;
}

std::shared_ptr<MNIST> create_mnist_dataset(std::string root,
                                            std::shared_ptr<Transform> transform) {
  return std::make_shared<MNIST>(std::move(root), true, false, std::move(transform));
}

std::string evaluate(const DataLoader& loader) {
  // The mean of each batch's first pixel, summed over all batches.
  const MNIST& ds = loader.dataset();
  const std::size_t n = ds.size();
  const std::size_t b = static_cast<std::size_t>(loader.batch_size());
  double score = 0.0;
  for (std::size_t start = 0; start < n; start += b) {
    std::size_t end = start + b < n ? start + b : n;
    double sum = 0.0;
    for (std::size_t i = start; i < end; ++i) sum += ds.pixel(i);
    score += sum / static_cast<double>(end - start);
  }
  char numbers[128];
  std::snprintf(numbers, sizeof numbers, " download=%d samples=%zu batches=%zu score=%.17g",
                ds.download() ? 1 : 0, n, loader.batches(), score);
  return "root=" + ds.root() + numbers;
}

}  // namespace demo
