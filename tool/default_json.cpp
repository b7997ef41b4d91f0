#include "default_json.h"

#include <cstdio>

#include <clang/AST/ASTContext.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <llvm/ADT/APFloat.h>
#include <llvm/ADT/SmallString.h>

#include "record_names.h"

namespace nni_gen {
namespace {

using namespace clang;

// What is left of an initializer once the conversions and temporaries around it are gone.
const Expr* unwrap(const Expr* e) {
  while (true) {
    e = e->IgnoreImplicit();
    if (const auto* construct = dyn_cast<CXXConstructExpr>(e);
        construct && construct->getConstructor()->isCopyOrMoveConstructor() &&
        construct->getNumArgs() >= 1) {
      e = construct->getArg(0);
      continue;
    }
    if (const auto* cast = dyn_cast<CXXFunctionalCastExpr>(e)) {
      e = cast->getSubExpr();
      continue;
    }
    return e;
  }
}

// The arguments a constructor is given explicitly (not its own defaults).
unsigned givenArgs(const CXXConstructExpr& construct) {
  unsigned n = 0;
  for (const Expr* arg : construct.arguments())
    if (!isa<CXXDefaultArgExpr>(arg)) ++n;
  return n;
}

std::string jsonString(llvm::StringRef text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

class JsonPrinter {
 public:
  explicit JsonPrinter(ASTContext& ctx) : ctx_(ctx) {}

  std::optional<std::string> print(const Expr& init, QualType type) {
    type = type.getNonReferenceType().getCanonicalType().getUnqualifiedType();
    if (type->isBooleanType()) return boolean(init);
    if (type->isIntegerType() && !type->isEnumeralType() && !type->isAnyCharacterType())
      return integer(init);
    if (type->isRealFloatingType()) return floating(init, type);
    const CXXRecordDecl* record = type->getAsCXXRecordDecl();
    if (!record) return std::nullopt;
    std::string name = plainQualifiedName(record);
    const Expr* e = unwrap(&init);
    const auto* construct = dyn_cast<CXXConstructExpr>(e);
    bool empty = construct && givenArgs(*construct) == 0;
    if (const auto* list = dyn_cast<InitListExpr>(e)) empty = list->getNumInits() == 0;
    if (name == "std::basic_string" && ctx_.hasSameType(templateArg(record, 0), ctx_.CharTy)) {
      if (empty) return std::string("\"\"");
      if (construct && givenArgs(*construct) == 1) return string(*construct->getArg(0));
      return std::nullopt;
    }
    if (name == "std::vector") {
      if (empty) return std::string("[]");
      if (construct && givenArgs(*construct) == 1) return list(*construct->getArg(0), record);
      return std::nullopt;
    }
    if (name == "std::map" || name == "std::unordered_map")
      return empty ? std::optional<std::string>("{}") : std::nullopt;
    if (name == "std::shared_ptr") {
      if (empty) return std::string("null");
      if (construct && givenArgs(*construct) == 1 &&
          isa<CXXNullPtrLiteralExpr>(unwrap(construct->getArg(0))))
        return std::string("null");
    }
    return std::nullopt;
  }

 private:
  std::optional<std::string> boolean(const Expr& init) {
    bool value = false;
    if (init.isValueDependent() || !init.EvaluateAsBooleanCondition(value, ctx_))
      return std::nullopt;
    return std::string(value ? "true" : "false");
  }

  std::optional<std::string> integer(const Expr& init) {
    Expr::EvalResult result;
    if (init.isValueDependent() || !init.EvaluateAsInt(result, ctx_)) return std::nullopt;
    llvm::SmallString<32> text;
    result.Val.getInt().toString(text);
    return std::string(text);
  }

  // Printed with enough digits to read back as the same double (or float).
  std::optional<std::string> floating(const Expr& init, QualType type) {
    llvm::APFloat value(0.0);
    if (init.isValueDependent() || !init.EvaluateAsFloat(value, ctx_)) return std::nullopt;
    if (!value.isFinite()) return std::nullopt;
    char buf[40];
    if (ctx_.hasSameType(type, ctx_.FloatTy))
      std::snprintf(buf, sizeof buf, "%.9g", static_cast<double>(value.convertToFloat()));
    else if (ctx_.hasSameType(type, ctx_.DoubleTy))
      std::snprintf(buf, sizeof buf, "%.17g", value.convertToDouble());
    else
      return std::nullopt;  // long double: more digits than a JSON number carries here
    std::string text = buf;
    if (text.find_first_of(".e") == std::string::npos) text += ".0";
    return text;
  }

  std::optional<std::string> string(const Expr& arg) {
    const auto* literal = dyn_cast<StringLiteral>(unwrap(&arg));
    if (!literal || !literal->isOrdinary()) return std::nullopt;
    llvm::StringRef text = literal->getString();
    if (text.find('\0') != llvm::StringRef::npos) return std::nullopt;
    return jsonString(text);
  }

  std::optional<std::string> list(const Expr& arg, const CXXRecordDecl* vector) {
    const auto* init = dyn_cast<CXXStdInitializerListExpr>(unwrap(&arg));
    if (!init) return std::nullopt;
    const auto* elements = dyn_cast<InitListExpr>(unwrap(init->getSubExpr()));
    QualType element = templateArg(vector, 0);
    if (!elements || element.isNull()) return std::nullopt;
    std::string out = "[";
    for (unsigned i = 0; i < elements->getNumInits(); ++i) {
      std::optional<std::string> item = print(*elements->getInit(i), element);
      if (!item) return std::nullopt;
      out += (i ? ", " : "") + *item;
    }
    return out + "]";
  }

  ASTContext& ctx_;
};

}  // namespace

std::optional<std::string> defaultAsJson(ASTContext& ctx, const Expr& init, QualType type) {
  return JsonPrinter(ctx).print(init, type);
}

}  // namespace nni_gen
