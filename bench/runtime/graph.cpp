// The benchmarks' hand-written baselines and graph builders, compiled once here: inline in a
// header, GCC inlined them into each benchmark program differently (the same hand-written load
// took 290 ns in one program and 390 ns in another, docs/performance.md), as it never does with
// nni::load, whose code is the runtime's. Here each is one function, the same in every program.
#include "graph.h"

#include <stdexcept>
#include <utility>

namespace bench {

nni::Traced<demo::DataLoader> nni_graph() {
  auto norm = nni::make<demo::Normalize>(kMean, kStd);
  auto tf = nni::make<demo::Compose>(std::vector<std::shared_ptr<demo::Transform>>{norm});
  auto ds = nni::make<demo::MNIST>("data/mnist", false, true, tf);
  return nni::make<demo::DataLoader>(ds, 100);
}

std::shared_ptr<demo::DataLoader> hand_graph() {
  auto norm = std::make_shared<demo::Normalize>(kMean, kStd);
  auto tf = std::make_shared<demo::Compose>(std::vector<std::shared_ptr<demo::Transform>>{norm});
  auto ds = std::make_shared<demo::MNIST>("data/mnist", false, true, tf);
  return std::make_shared<demo::DataLoader>(ds, 100);
}

// Writes what nni::dump writes for nni_graph(), from the objects' accessors.
static void hand_write_doubles(nni::JsonWriter& w, const std::vector<double>& v) {
  w.begin_array();
  for (double d : v) w.number(d);
  w.end_array();
}

static void hand_write_transform(nni::JsonWriter& w, const demo::Transform& t) {
  w.begin_object();
  w.key("__symbol__");
  if (auto* n = dynamic_cast<const demo::Normalize*>(&t)) {
    w.string("path:demo::Normalize");
    w.key("__kwargs__");
    w.begin_object();
    w.key("mean");
    hand_write_doubles(w, n->mean());
    w.key("std");
    hand_write_doubles(w, n->std());
    w.end_object();
  } else if (auto* c = dynamic_cast<const demo::Compose*>(&t)) {
    w.string("path:demo::Compose");
    w.key("__kwargs__");
    w.begin_object();
    w.key("transforms");
    w.begin_array();
    for (const auto& sub : c->transforms()) hand_write_transform(w, *sub);
    w.end_array();
    w.end_object();
  } else {
    throw std::runtime_error("unknown transform");
  }
  w.end_object();
}

std::string hand_dump(const demo::DataLoader& dl) {
  std::string out;
  nni::JsonWriter w(out);
  w.begin_object();
  w.key("__symbol__");
  w.string("path:demo::DataLoader");
  w.key("__kwargs__");
  w.begin_object();
  w.key("dataset");
  const demo::MNIST& ds = *dl.dataset();
  w.begin_object();
  w.key("__symbol__");
  w.string("path:demo::MNIST");
  w.key("__kwargs__");
  w.begin_object();
  w.key("root");
  w.string(ds.root());
  w.key("train");
  w.boolean(ds.train());
  w.key("download");
  w.boolean(ds.download());
  w.key("transform");
  hand_write_transform(w, *ds.transform());
  w.end_object();
  w.end_object();
  w.key("batch_size");
  w.integer(dl.batch_size());
  w.end_object();
  w.end_object();
  return out;
}

// Reads the payload back with simdjson's DOM (a parser reused per thread, as nni::load's) and
// builds the objects with std::make_shared. Checks what a careful hand-written reader would:
// symbols and JSON types (simdjson's accessors throw simdjson::simdjson_error).
simdjson::dom::parser& hand_parser() {
  thread_local simdjson::dom::parser parser;
  return parser;
}

static simdjson::dom::element hand_kwargs(simdjson::dom::element node, std::string_view symbol) {
  if (std::string_view(node["__symbol__"]) != symbol) throw std::runtime_error("symbol");
  return node["__kwargs__"];
}

static std::vector<double> hand_doubles(simdjson::dom::array array) {
  std::vector<double> v;
  v.reserve(array.size());
  for (simdjson::dom::element e : array) v.push_back(double(e));
  return v;
}

// How the readers below build each object: std::make_shared (the hand-written baselines), or
// nni::make, which also records the arguments (the bounds of a loader generated per class).
struct MakeShared {
  template <class T, class... A>
  static std::shared_ptr<T> build(A&&... args) {
    return std::make_shared<T>(std::forward<A>(args)...);
  }
};

struct NniMake {
  template <class T, class... A>
  static std::shared_ptr<T> build(A&&... args) {
    return nni::make<T>(std::forward<A>(args)...);
  }
};

template <class Build>
static std::shared_ptr<demo::Transform> hand_transform(simdjson::dom::element node) {
  std::string_view symbol = node["__symbol__"];
  simdjson::dom::element kw = node["__kwargs__"];
  if (symbol == "path:demo::Normalize") {
    return Build::template build<demo::Normalize>(hand_doubles(kw["mean"]),
                                                  hand_doubles(kw["std"]));
  }
  if (symbol == "path:demo::Compose") {
    simdjson::dom::array list = kw["transforms"];
    std::vector<std::shared_ptr<demo::Transform>> ts;
    ts.reserve(list.size());
    for (simdjson::dom::element e : list) ts.push_back(hand_transform<Build>(e));
    return Build::template build<demo::Compose>(std::move(ts));
  }
  throw std::runtime_error("unknown transform");
}

template <class Build>
static std::shared_ptr<demo::DataLoader> simdjson_load(std::string_view json) {
  simdjson::dom::element root = hand_parser().parse(json.data(), json.size());
  simdjson::dom::element kw = hand_kwargs(root, "path:demo::DataLoader");
  simdjson::dom::element dkw = hand_kwargs(kw["dataset"], "path:demo::MNIST");
  auto ds = Build::template build<demo::MNIST>(std::string(std::string_view(dkw["root"])),
                                               bool(dkw["train"]), bool(dkw["download"]),
                                               hand_transform<Build>(dkw["transform"]));
  return Build::template build<demo::DataLoader>(std::move(ds),
                                                 static_cast<int>(int64_t(kw["batch_size"])));
}

std::shared_ptr<demo::DataLoader> hand_load(std::string_view json) {
  return simdjson_load<MakeShared>(json);
}

std::shared_ptr<demo::DataLoader> make_load_simdjson(std::string_view json) {
  return simdjson_load<NniMake>(json);
}

// The same reader on nni::JsonDocument / JsonNode (simdjson, then the runtime's own tree): what
// a codec sees. For comparison only; the targets are against hand_load.
static nni::JsonNode json_kwargs(const nni::JsonNode& node, std::string_view symbol) {
  if (node.find("__symbol__").as_string() != symbol) throw std::runtime_error("symbol");
  return node.find("__kwargs__");
}

static std::vector<double> json_doubles(const nni::JsonNode& node) {
  std::vector<double> v;
  v.reserve(node.size());
  for (std::size_t i = 0, n = node.size(); i < n; ++i) v.push_back(node[i].as_double());
  return v;
}

template <class Build>
static std::shared_ptr<demo::Transform> json_transform(const nni::JsonNode& node) {
  std::string_view symbol = node.find("__symbol__").as_string();
  nni::JsonNode kw = node.find("__kwargs__");
  if (symbol == "path:demo::Normalize") {
    return Build::template build<demo::Normalize>(json_doubles(kw.find("mean")),
                                                  json_doubles(kw.find("std")));
  }
  if (symbol == "path:demo::Compose") {
    nni::JsonNode list = kw.find("transforms");
    std::vector<std::shared_ptr<demo::Transform>> ts;
    ts.reserve(list.size());
    for (std::size_t i = 0, n = list.size(); i < n; ++i) {
      ts.push_back(json_transform<Build>(list[i]));
    }
    return Build::template build<demo::Compose>(std::move(ts));
  }
  throw std::runtime_error("unknown transform");
}

template <class Build>
static std::shared_ptr<demo::DataLoader> json_load(std::string_view json) {
  nni::JsonDocument doc(json);
  nni::JsonNode kw = json_kwargs(doc.root(), "path:demo::DataLoader");
  nni::JsonNode dkw = json_kwargs(kw.find("dataset"), "path:demo::MNIST");
  auto ds = Build::template build<demo::MNIST>(
      std::string(dkw.find("root").as_string()), dkw.find("train").as_bool(),
      dkw.find("download").as_bool(), json_transform<Build>(dkw.find("transform")));
  return Build::template build<demo::DataLoader>(
      std::move(ds), static_cast<int>(kw.find("batch_size").as_int64()));
}

std::shared_ptr<demo::DataLoader> hand_load_json_document(std::string_view json) {
  return json_load<MakeShared>(json);
}

std::shared_ptr<demo::DataLoader> make_load_json_document(std::string_view json) {
  return json_load<NniMake>(json);
}

// The 1,000,000-float payload.
std::vector<float> big_samples() {
  std::vector<float> v(1000000);
  for (std::size_t i = 0; i < v.size(); ++i) v[i] = static_cast<float>(i % 1000) * 0.001f + 0.5f;
  return v;
}

std::string hand_dump_signal(const bench::Signal& s) {
  std::string out;
  nni::JsonWriter w(out);
  w.begin_object();
  w.key("__symbol__");
  w.string("path:bench::Signal");
  w.key("__kwargs__");
  w.begin_object();
  w.key("samples");
  w.begin_array();
  for (float f : s.samples()) w.number(f);
  w.end_array();
  w.end_object();
  w.end_object();
  return out;
}

std::shared_ptr<bench::Signal> hand_load_signal(std::string_view json) {
  simdjson::dom::element root = hand_parser().parse(json.data(), json.size());
  simdjson::dom::array list = hand_kwargs(root, "path:bench::Signal")["samples"];
  std::vector<float> v;
  v.reserve(list.size());
  for (simdjson::dom::element e : list) v.push_back(static_cast<float>(double(e)));
  return std::make_shared<bench::Signal>(std::move(v));
}

std::shared_ptr<bench::Signal> hand_load_signal_json_document(std::string_view json) {
  nni::JsonDocument doc(json);
  nni::JsonNode list = json_kwargs(doc.root(), "path:bench::Signal").find("samples");
  std::vector<float> v;
  v.reserve(list.size());
  for (std::size_t i = 0, n = list.size(); i < n; ++i) {
    v.push_back(static_cast<float>(list[i].as_double()));
  }
  return std::make_shared<bench::Signal>(std::move(v));
}

}  // namespace bench
