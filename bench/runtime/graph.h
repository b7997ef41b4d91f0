// Shared by the benchmark programs: the evaluator graph built with nni::make and by hand, the
// hand-written dump (the same nni::JsonWriter, no registry) and load (the parser nni::load
// uses, simdjson, through its own DOM API as a hand-writer would use it; and, for comparison,
// through nni::JsonDocument). Defined in graph.cpp.
#pragma once

#include <simdjson.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "evaluator.h"

namespace bench {

inline const std::vector<double> kMean{0.1307};
inline const std::vector<double> kStd{0.3081};

nni::Traced<demo::DataLoader> nni_graph();
std::shared_ptr<demo::DataLoader> hand_graph();

// Writes what nni::dump writes for nni_graph(), from the objects' accessors.
std::string hand_dump(const demo::DataLoader& dl);

// Reads the payload back with simdjson's DOM (a parser reused per thread, as nni::load's) and
// builds the objects with std::make_shared. Checks what a careful hand-written reader would:
// symbols and JSON types (simdjson's accessors throw simdjson::simdjson_error).
simdjson::dom::parser& hand_parser();
std::shared_ptr<demo::DataLoader> hand_load(std::string_view json);
// hand_load building with nni::make, so that each object keeps a record as a loaded one does:
// the floor of any traced load on this parser, with no lookup, matching or tree of the
// runtime's (BM_Graph_Load_MakeSimdjson).
std::shared_ptr<demo::DataLoader> make_load_simdjson(std::string_view json);
// A prototype of a load generated per class over simdjson's DOM: the floor plus the registry's
// lookup, dispatch and argument matching (tape_prototype.cpp, BM_Graph_Load_TapePrototype).
std::shared_ptr<demo::DataLoader> prototype_tape_load(std::string_view json);

// The same reader on nni::JsonDocument / JsonNode (simdjson, then the runtime's own tree): what
// a codec sees. For comparison only; the targets are against hand_load.
std::shared_ptr<demo::DataLoader> hand_load_json_document(std::string_view json);
// The same again, building with nni::make: the least a loader generated per class could take
// while its codecs read JsonNode (BM_Graph_Load_MakeJsonDocument).
std::shared_ptr<demo::DataLoader> make_load_json_document(std::string_view json);

// The 1,000,000-float payload, and the hand-written dump and loads of bench::Signal.
std::vector<float> big_samples();
std::string hand_dump_signal(const bench::Signal& s);
std::shared_ptr<bench::Signal> hand_load_signal(std::string_view json);
std::shared_ptr<bench::Signal> hand_load_signal_json_document(std::string_view json);

}  // namespace bench
