// The generator's model of the traced entities: plain data, no Clang types.
//
// ast_reader turns the AST into this model; checks, emit_cpp and emit_manifest only read it.
// Every C++ spelling stored here is already final (fully qualified, with a leading "::" where
// the field says so), so the emitters never need the AST.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "nni/kind.h"

namespace nni_gen {

// Where something is declared. `opaque` is the reader's own encoding of the position (a raw
// clang::SourceLocation); only the reader and the diagnostic printer interpret it.
struct Location {
  std::string file;  // absolute path
  unsigned line = 0;
  unsigned column = 0;
  std::uint64_t opaque = 0;
};

// The JSON kind of a parameter's type, and how an arithmetic parameter prints: the runtime's own
// definitions (include/nni/kind.h), so the generator's checks and the runtime's constructor
// choice share one definition of kinds.
using ParamKind = nni::Kind;
using NumberHint = nni::NumberHint;

// What a factory returns: X, std::shared_ptr<X>, std::unique_ptr<X> or nni::Traced<X>.
enum class ReturnShape { Value, SharedPtr, UniquePtr, Traced };

enum class EntityKind { Class, Function };

// Why a parameter cannot be serialized (Param::serializable false). Each names a type in
// Param::inner_type, except NoCodec for the parameter's own type.
enum class Unserializable {
  NoCodec,  // no codec at all: the parameter's type, or `inner_type` inside it
  // A std::shared_ptr<T> or nni::Traced<T> of a class T (`inner_type`) that no load can create:
  // not traced, not polymorphic, no cereal hooks, and no traced class or function of the parse
  // creates it (or a class derived from it).
  NotCreated,
  // A std::unique_ptr<T> whose T (`inner_type`) is not an object a load can create for it to
  // own: not traced, not polymorphic, and no traced function of the parse returns it by value or
  // as a std::unique_ptr.
  NotOwnable,
  // A std::unique_ptr (`inner_type`) inside a container, std::optional, pair, tuple or variant:
  // the runtime reads a std::unique_ptr only as a parameter's own type.
  UniquePtrInside,
  // A std::unique_ptr with a deleter of its own (`inner_type`): a load passes one with the
  // default deleter.
  UniquePtrDeleter,
  // A std::map or std::unordered_map whose key type (`inner_type`) has no key codec.
  MapKey,
};

struct Param {
  std::string name;          // empty if the declaration leaves it unnamed
  std::string type;          // fully qualified with "::", references and cv removed
  std::string written_type;  // the type as declared, for messages
  ParamKind kind = ParamKind::Other;
  NumberHint hint = NumberHint::None;
  bool has_default = false;
  std::string default_text;  // the default argument's source text, when has_default
  // The default re-printed so that it compiles in the generated file (names fully qualified);
  // empty when it cannot be (a private name, a macro, std::source_location::current()).
  std::string qualified_default;
  // The default as the JSON a payload would give for it, when it loads as the same value (a
  // literal number, string or list, empty containers, a null pointer): the runtime loads it
  // like an argument, and no generated code is needed for it. Empty otherwise.
  std::string json_default;
  bool mutable_ref = false;   // declared as a non-const lvalue reference
  bool serializable = false;  // a codec exists: any kind but Other, or a known Other codec
  // Serializable only through the runtime's size-limited binary fallback (cereal hooks, no JSON
  // codec): {"__nni_obj__": "<base64>"}.
  bool binary_fallback = false;
  // The parameter's class, when it is declared in the user's sources (not a system header):
  // where to point a note, and where `[[nni::trace]] ` would go (after its class-key). Empty
  // `type_decl.file` otherwise; `trace_insertion.opaque` 0 when no fix-it can be offered (a
  // template specialization, a macro).
  std::string type_name;  // for messages: fully qualified, no leading "::"
  Location type_decl;
  Location trace_insertion;
  bool type_traced = false;  // that class is marked [[nni::trace]] itself
  bool by_value = false;     // taken by value (a traced class is taken by pointer or reference)
  Location location;
  // When what makes the parameter not serializable (or left to the binary fallback) is a type
  // inside its container, tuple, variant or std::shared_ptr (`Dataset` in
  // std::vector<Dataset>): that type, for messages (fully qualified, no leading "::"). The
  // type_name, type_decl, trace_insertion and type_traced fields then describe it. Empty when it
  // is the parameter's own type (or the one its std::optional holds).
  std::string inner_type;
  bool inner_by_value = false;  // held by value there (not through a std::shared_ptr)
  Unserializable unserializable = Unserializable::NoCodec;  // why, when !serializable
};

// A class that a signature creates, with the bases it can be used as.
struct ClassRef {
  std::string name;      // fully qualified, no leading "::" (demo::Normalize)
  std::string cpp_name;  // fully qualified with a leading "::" (::demo::Normalize)
};

struct ResultClass {
  ClassRef cls;                 // empty name: the factory does not return a class
  std::vector<ClassRef> bases;  // public, unambiguous, direct or indirect; in declaration order
  // Declares or inherits an operator new or delete of its own: a load must build it with a
  // new-expression, not in memory the runtime allocates.
  bool own_allocation = false;
};

// One traced constructor or one overload of a traced factory.
struct Signature {
  std::vector<Param> params;
  std::size_t required = 0;  // leading parameters without a default
  ReturnShape shape = ReturnShape::Value;
  std::string function_pointer_type;  // factories: ::R (*)(::P1, const ::P2 &)
  ResultClass result;
  bool explicitly_traced = false;  // constructors marked [[nni::trace]] themselves
  bool implicit = false;           // the implicit default constructor
  std::string inherited_from;      // a base's constructor (`using Base::Base;`): that base
  Location location;               // the constructor's or function's name
  Location start;                  // where its declaration starts (for fix-its)
};

struct Entity {
  EntityKind kind = EntityKind::Class;
  std::string symbol;    // attribute argument if given, else the fully qualified name, no "::"
  std::string cpp_name;  // the class or function, fully qualified with a leading "::"
  bool custom_symbol = false;
  Location location;
  std::vector<Signature> signatures;
  ResultClass result;  // classes: the class itself and its bases

  // Facts the checks judge (set by the reader).
  bool is_abstract = false;
  bool unnameable = false;  // in an anonymous namespace or local to a function
  // Classes: public constructors the rules excluded, and constructors marked [[nni::trace]]
  // that are not public (so cannot be traced).
  std::vector<Location> hidden_traced_constructors;
  bool has_deleted_default_constructor = false;
};

// An enum type that traced parameters use (directly or inside a template argument): the runtime
// needs its enumerators' names.
struct UsedEnum {
  std::string cpp_name;  // ::demo::Color
  std::string module;    // enclosing namespaces and classes joined by '.': "demo", "a.b"
  std::string name;      // Color
  std::vector<std::string> enumerators;
  Location location;
};

// A class template marked [[nni::trace]]: its specializations are traced by aliases.
struct TracedTemplate {
  std::string name;  // fully qualified, no leading "::"
  Location location;
  bool specialized = false;  // some traced alias in these headers names a specialization
};

// A use of the runtime's API in a user's source that names a class or function the runtime must
// know (nni-trace-gen --check-calls reads these): nni::make<T>, nni::make_unique<T>,
// nni::call<F>, nni::load<T> (and nni::load_file<T>).
enum class CallApi { Make, MakeUnique, Call, Load };

struct CallSite {
  CallApi api = CallApi::Make;
  std::string callee;     // as written in messages: "nni::make", "nni::load_file", ...
  std::string target;     // T or F, fully qualified, no leading "::" (demo::Net, demo::build)
  Location location;      // the call: the name of the function called
  bool function = false;  // nni::call: `target` is a function
  bool is_class = true;   // false for nni::make<int>: only classes are traced
  // Facts the checks judge (set by the reader).
  bool judged = false;       // false when T is incomplete here or not a class (nothing to say)
  bool traced = false;       // T or F carries [[nni::trace]], or a traced alias names T
  bool polymorphic = false;  // T is polymorphic: a load may create any traced subclass
  // T is, or is a base of, a class that a traced class or traced function this source sees
  // creates (the runtime loads through the created class's bases).
  bool created_by_traced = false;
  bool specialization = false;  // T is a class template specialization (traced by an alias)
  Location declaration;         // of T or F; opaque 0 when there is none to show
  Location trace_insertion;     // where `[[nni::trace]] ` would go; opaque 0 when nowhere
  // The call is inside a template instantiation: the specialization and where it was required.
  std::string instantiation;
  Location instantiated_at;
};

struct Model {
  std::vector<Entity> entities;
  std::vector<TracedTemplate> templates;
  std::vector<UsedEnum> enums;       // in order of first use
  std::vector<std::string> headers;  // the input headers, absolute, in command-line order
  // The subset of `headers` that declare at least one entity, in command-line order.
  std::vector<std::string> headers_with_entities;
  std::vector<std::string> dependencies;  // every file the parse read (for the depfile)
};

const char* to_string(ParamKind kind);
const char* to_string(NumberHint hint);
const char* to_string(ReturnShape shape);
const char* to_string(EntityKind kind);

}  // namespace nni_gen
