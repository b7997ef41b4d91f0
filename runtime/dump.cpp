// Writing trace records.
#include <string>

#include "nni/detail/record.h"
#include "nni/errors.h"
#include "symbols.h"

namespace nni::detail {

void TraceRecord::write(JsonWriter& w, DumpContext& ctx) const {
  w.begin_object();
  w.key("__symbol__");
  w.string(kPathPrefix, entity_->symbol);
  if (given_ > 0) {
    w.key("__kwargs__");
    at_path("__kwargs__", [&] {
      w.begin_object();
      for (std::size_t i = 0; i < given_; ++i) {
        std::string_view name = signature_->params[i].name;
        w.key(name);
        at_path(name, [&] { write_arg(i, w, ctx); });
      }
      w.end_object();
    });
  }
  w.end_object();
}

void write_traced(JsonWriter& w, const TraceRecord* record, const std::type_info& type,
                  DumpContext& ctx) {
  if (!record) {
    std::string name = type_name(type);
    throw DumpError("an object of type '" + name +
                    "' has no trace record: it was not built by nni::make, nni::call or "
                    "nni::load; build it with nni::make<" +
                    name + ">(...)");
  }
  record->write(w, ctx);
}

}  // namespace nni::detail
