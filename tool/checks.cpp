// The generator's checks on the model and on call sites (--check-calls), and their printing
// through Clang's diagnostics.
#include "checks.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include <clang/Basic/Diagnostic.h>
#include <clang/Basic/DiagnosticIDs.h>
#include <clang/Basic/SourceLocation.h>
#include <fmt/format.h>
#include <llvm/ADT/StringRef.h>

#include "call_checker.h"  // checkCalls

namespace nni_gen {
namespace {

Finding error(const Location& where, std::string message) {
  Finding finding;
  finding.severity = Severity::Error;
  finding.location = where;
  finding.message = std::move(message);
  return finding;
}

// The entity's C++ name for messages: without the leading "::".
std::string displayName(const Entity& entity) {
  llvm::StringRef name = entity.cpp_name;
  name.consume_front("::");
  return name.str();
}

const char* what(const Entity& entity) {
  return entity.kind == EntityKind::Class ? "constructor" : "overload";
}

// nni::load chooses by the names of the arguments given.
bool sameNames(const Signature& a, const Signature& b) {
  std::set<std::string> na, nb;
  for (const Param& p : a.params) na.insert(p.name);
  for (const Param& p : b.params) nb.insert(p.name);
  return na == nb;
}

// nni::make chooses by the number and kinds of the arguments: two signatures collide when some
// argument count fits both and every position up to it has the same kind in both.
bool sameShape(const Signature& a, const Signature& b) {
  std::size_t low = std::max(a.required, b.required);
  std::size_t high = std::min(a.params.size(), b.params.size());
  if (low > high) return false;
  for (std::size_t i = 0; i < low; ++i)
    if (a.params[i].kind != b.params[i].kind) return false;
  return true;
}

void checkSignatures(const Entity& entity, std::vector<Finding>& out) {
  const auto& sigs = entity.signatures;
  for (std::size_t j = 1; j < sigs.size(); ++j) {
    for (std::size_t i = 0; i < j; ++i) {
      bool names = sameNames(sigs[i], sigs[j]);
      bool shape = sameShape(sigs[i], sigs[j]);
      if (!names && !shape) continue;
      std::string how = names ? "take the same parameter names, so nni::load"
                              : "accept the same number and kinds of arguments, so nni::make";
      Finding finding =
          error(sigs[j].location,
                fmt::format("{}s of traced {} '{}' {} could not tell them apart", what(entity),
                            entity.kind == EntityKind::Class ? "class" : "function",
                            displayName(entity), how));
      finding.notes.push_back(
          {sigs[i].location, fmt::format("the other {} is here", what(entity)), ""});
      if (entity.kind == EntityKind::Class && !sigs[i].explicitly_traced &&
          !sigs[j].explicitly_traced && !sigs[i].implicit && sigs[i].inherited_from.empty()) {
        finding.notes.push_back({sigs[i].start, "mark the constructor to trace with [[nni::trace]]",
                                 "[[nni::trace]] "});
      } else if (entity.kind == EntityKind::Function) {
        finding.notes.push_back(
            {sigs[j].start, "trace only one of these overloads, or rename one", ""});
      }
      out.push_back(std::move(finding));
      break;  // one report per signature
    }
  }
}

// A note at the declaration of the parameter's class, when the user's sources declare it, with a
// fix-it that traces the class where one can be inserted.
void addClassNote(const Param& param, Finding& finding) {
  if (param.type_decl.file.empty()) return;
  std::string message = fmt::format("'{}' declared here", param.type_name);
  bool inner = !param.inner_type.empty();
  if (inner && (param.type_traced || param.inner_by_value))
    message += fmt::format("; a traced class is held as std::shared_ptr<{0}> or nni::Traced<{0}>",
                           param.type_name);
  else if (!inner && (param.type_traced || param.by_value))
    message += fmt::format(
        "; a traced class is taken as std::shared_ptr<{0}>, nni::Traced<{0}>, "
        "a reference or a pointer",
        param.type_name);
  bool fix = param.trace_insertion.opaque != 0;
  finding.notes.push_back(
      {fix ? param.trace_insertion : param.type_decl, message, fix ? "[[nni::trace]] " : ""});
}

// What follows "parameter 'p' of type 'T' cannot be serialized" when the reason is a type inside
// it (Param::inner_type).
std::string unserializableReason(const Param& param) {
  const std::string& inner = param.inner_type;
  switch (param.unserializable) {
    case Unserializable::NoCodec: break;
    case Unserializable::NotCreated:
      // The reader refuses only a class that no traced class or function of the parse creates
      // either (docs/diagnostics.md).
      return fmt::format(
          ": it holds '{}', which is not traced or polymorphic, so no load can create one", inner);
    case Unserializable::NotOwnable:
      return fmt::format(
          ": it holds '{}', which is not traced or polymorphic, so no load can create one for it "
          "to own",
          inner);
    case Unserializable::UniquePtrInside:
      return fmt::format(
          ": it holds '{}', which has no codec: a std::unique_ptr is loaded only as a parameter's "
          "own type",
          inner);
    case Unserializable::UniquePtrDeleter:
      return fmt::format(
          ": a load passes a std::unique_ptr with the default deleter, not the deleter '{}'",
          inner);
    case Unserializable::MapKey:
      return fmt::format(
          ": the map key type '{}' has no key codec; keys are std::string, integer types other "
          "than bool, and enums",
          inner);
  }
  return fmt::format(": it holds '{}', which has no codec", inner);
}

void checkParams(const Entity& entity, const Signature& signature, const CheckOptions& options,
                 std::vector<Finding>& out) {
  for (std::size_t i = 0; i < signature.params.size(); ++i) {
    const Param& param = signature.params[i];
    if (param.name.empty()) {
      out.push_back(
          error(param.location, fmt::format("parameter {} of traced {} '{}' has no name; traced "
                                            "arguments are recorded by parameter name",
                                            i + 1, what(entity), displayName(entity))));
      continue;
    }
    if (!param.serializable) {
      std::string message = fmt::format("parameter '{}' of type '{}' cannot be serialized",
                                        param.name, param.written_type);
      if (!param.inner_type.empty()) message += unserializableReason(param);
      Finding finding = error(param.location, std::move(message));
      if (param.unserializable == Unserializable::MapKey) {
        // Tracing a key class gives it no key codec: the note only shows the class.
        if (!param.type_decl.file.empty())
          finding.notes.push_back(
              {param.type_decl, fmt::format("'{}' declared here", param.type_name), ""});
      } else if (param.unserializable != Unserializable::UniquePtrDeleter) {
        addClassNote(param, finding);
      }
      out.push_back(std::move(finding));
    } else if (param.binary_fallback) {
      // The runtime's containers write each element with its own codec, so a container of a
      // fallback type is JSON with one blob per element (include/nni/std_codecs.h); so is a
      // std::shared_ptr to an object without a record (detail::dump_pointer).
      bool inner = !param.inner_type.empty();
      std::string type = inner                     ? param.inner_type
                         : param.type_name.empty() ? param.written_type
                                                   : param.type_name;
      // A traced class taken by value is dumped by its codec, not by its trace.
      std::string what = param.type_traced ? fmt::format("the traced class '{}' by value", type)
                                           : fmt::format("the untraced type '{}'", type);
      std::string subject =
          inner ? fmt::format("parameter '{}' of type '{}' holds {}: each one in it will be dumped",
                              param.name, param.written_type, what)
          : param.type_traced
              ? fmt::format("parameter '{}' takes {}: it will be dumped", param.name, what)
              : fmt::format("parameter '{}' of untraced type '{}' will be dumped", param.name,
                            type);
      std::string fix =
          !param.type_traced ? "trace it with [[nni::trace]]"
          : inner ? fmt::format("hold it as std::shared_ptr<{0}> or nni::Traced<{0}>", type)
                  : fmt::format(
                        "take it as std::shared_ptr<{0}>, nni::Traced<{0}>, "
                        "a reference or a pointer",
                        type);
      Finding finding = error(
          param.location,
          fmt::format("{} as a size-limited binary blob ({{\"__nni_obj__\": ...}}); {}{}", subject,
                      fix, options.fallback_is_error ? " (--fallback-is-error)" : ""));
      if (!options.fallback_is_error) finding.severity = Severity::Warning;
      addClassNote(param, finding);
      out.push_back(std::move(finding));
    }
    if (param.mutable_ref) {
      out.push_back(error(param.location,
                          fmt::format("parameter '{}' is a non-const reference ('{}'); a traced "
                                      "{} must take its arguments by value or const reference",
                                      param.name, param.written_type, what(entity))));
    }
  }
}

}  // namespace

// Payloads name an entity by its symbol only: two entities with one symbol could not be told
// apart by nni::load (the overloads of one function are one entity).
void checkSymbols(const Model& model, std::vector<Finding>& out) {
  std::map<std::string, const Entity*> first;
  for (const Entity& entity : model.entities) {
    auto [it, inserted] = first.emplace(entity.symbol, &entity);
    if (inserted) continue;
    const Entity& earlier = *it->second;
    Finding finding = error(
        entity.location,
        fmt::format("traced {} '{}' has the symbol '{}' of traced {} '{}'; payloads could not "
                    "tell them apart",
                    to_string(entity.kind), displayName(entity), entity.symbol,
                    to_string(earlier.kind), displayName(earlier)));
    finding.notes.push_back(
        {earlier.location,
         fmt::format("'{}' takes the symbol '{}' here", displayName(earlier), earlier.symbol), ""});
    out.push_back(std::move(finding));
  }
}

std::vector<Finding> checkModel(const Model& model, const CheckOptions& options) {
  std::vector<Finding> out;
  checkSymbols(model, out);
  for (const TracedTemplate& traced : model.templates) {
    if (traced.specialized) continue;
    Finding finding;
    finding.severity = Severity::Warning;
    finding.location = traced.location;
    finding.message = fmt::format(
        "class template '{0}' is marked [[nni::trace]] but no traced alias in these headers "
        "names a specialization of it, so nothing is registered for it; trace each "
        "specialization that payloads use: using X [[nni::trace]] = {0}<Args>;",
        traced.name);
    out.push_back(std::move(finding));
  }
  for (const Entity& entity : model.entities) {
    std::string name = displayName(entity);
    if (entity.unnameable) {
      out.push_back(
          error(entity.location, fmt::format("traced entity '{}' is in an anonymous namespace or a "
                                             "function; generated code cannot name it",
                                             name)));
      continue;
    }
    if (entity.kind == EntityKind::Class) {
      if (entity.is_abstract) {
        out.push_back(error(entity.location,
                            fmt::format("traced class '{}' is abstract; only a concrete class "
                                        "can be traced",
                                        name)));
        continue;
      }
      for (const Location& hidden : entity.hidden_traced_constructors)
        out.push_back(error(hidden, fmt::format("constructor of '{}' marked [[nni::trace]] is "
                                                "not public",
                                                name)));
      if (entity.signatures.empty()) {
        out.push_back(
            error(entity.location, fmt::format("traced class '{}' has no usable public constructor "
                                               "(copy and move constructors do not count)",
                                               name)));
        continue;
      }
    }
    for (const Signature& signature : entity.signatures)
      checkParams(entity, signature, options, out);
    checkSignatures(entity, out);
  }
  return out;
}

std::vector<Finding> checkCalls(const std::vector<CallSite>& calls) {
  std::vector<Finding> out;
  constexpr const char* kFix =
      "list its header in nni_trace_generate, and link the target that holds it";
  for (const CallSite& call : calls) {
    if (!call.judged || call.traced) continue;
    if (call.api == CallApi::Load && (call.polymorphic || call.created_by_traced)) continue;
    std::string message;
    if (call.function) {
      message = fmt::format(
          "{}<&{}>: the function is not traced, so the call throws nni::NotTraced; mark it "
          "[[nni::trace]], {}",
          call.callee, call.target, kFix);
    } else if (!call.is_class) {
      message = fmt::format(
          "{}<{}>: '{}' is not a class, so it cannot be traced and {}; {} a traced class",
          call.callee, call.target, call.target,
          call.api == CallApi::Load ? "the load throws nni::NotTraced"
                                    : "the call throws nni::NotTraced",
          call.api == CallApi::Load ? "load" : "make");
    } else {
      std::string what =
          call.api == CallApi::Load
              ? fmt::format(
                    "'{}' is not traced, not created by a traced function and not a "
                    "polymorphic base, so the load throws nni::NotTraced",
                    call.target)
              : fmt::format("'{}' is not traced, so the call throws nni::NotTraced", call.target);
      std::string fix =
          call.specialization
              ? fmt::format("trace it through an alias (using Name [[nni::trace]] = {};), {}",
                            call.target, kFix)
              : fmt::format("mark it [[nni::trace]] (or trace it through an alias), {}", kFix);
      message = fmt::format("{}<{}>: {}; {}", call.callee, call.target, what, fix);
    }
    Finding finding = error(call.location, std::move(message));
    if (!call.instantiation.empty())
      finding.notes.push_back(
          {call.instantiated_at,
           fmt::format("in instantiation of '{}' requested here", call.instantiation), ""});
    if (call.declaration.opaque != 0) {
      bool fix = call.trace_insertion.opaque != 0;
      finding.notes.push_back({fix ? call.trace_insertion : call.declaration,
                               fmt::format("'{}' declared here", call.target),
                               fix ? "[[nni::trace]] " : ""});
    }
    out.push_back(std::move(finding));
  }
  return out;
}

void reportFindings(clang::DiagnosticsEngine& diags, const std::vector<Finding>& findings) {
  auto level = [](Severity severity) {
    switch (severity) {
      case Severity::Note: return clang::DiagnosticIDs::Note;
      case Severity::Warning: return clang::DiagnosticIDs::Warning;
      case Severity::Error: break;
    }
    return clang::DiagnosticIDs::Error;
  };
  auto at = [](const Location& where) {
    return clang::SourceLocation::getFromRawEncoding(
        static_cast<clang::SourceLocation::UIntTy>(where.opaque));
  };
  clang::DiagnosticIDs& ids = *diags.getDiagnosticIDs();
  // In source order, as a compiler would report them.
  std::vector<const Finding*> sorted;
  for (const Finding& finding : findings) sorted.push_back(&finding);
  // Ties keep their order (the pointers are in the vector's order); not std::stable_sort, whose
  // temporary buffer libstdc++ 12 deprecates (Clang 19 warns in C++20).
  std::sort(sorted.begin(), sorted.end(), [](const Finding* a, const Finding* b) {
    return std::tie(a->location.file, a->location.line, a->location.column, a) <
           std::tie(b->location.file, b->location.line, b->location.column, b);
  });
  for (const Finding* each : sorted) {
    const Finding& finding = *each;
    diags.Report(at(finding.location), ids.getCustomDiagID(level(finding.severity), "%0"))
        << finding.message;
    for (const FindingNote& note : finding.notes) {
      auto builder =
          diags.Report(at(note.location), ids.getCustomDiagID(clang::DiagnosticIDs::Note, "%0"));
      builder << note.message;
      if (!note.insert_text.empty())
        builder << clang::FixItHint::CreateInsertion(at(note.location), note.insert_text);
    }
  }
}

}  // namespace nni_gen
