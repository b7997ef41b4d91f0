// Type references ({"__nni_type__": ...}), is_traceable and is_wrapped_with_trace.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "models.h"

namespace {

TEST(TypeRefs, ClassReferenceDumpsAsNniTypeAndCreatesAnInstance) {
  nni::TypeRef ref = nni::type_ref<demo::Normalize>();
  std::string payload = nni::dump(ref);
  EXPECT_EQ(payload, R"({"__nni_type__": "path:demo::Normalize"})");
  nni::TypeRef back = nni::load_value<nni::TypeRef>(payload);
  EXPECT_EQ(back, ref);
  EXPECT_TRUE(back.is_class());
  auto n = back.create<demo::Normalize>(
      {{"mean", nni::Value::Array{1.0}}, {"std", nni::Value::Array{2.0}}});
  EXPECT_DOUBLE_EQ(n->apply(5.0), 2.0);
}

TEST(TypeRefs, FunctionReferenceCallsTheFunction) {
  nni::TypeRef ref = nni::type_ref<&demo::create_mnist_dataset>();
  EXPECT_EQ(nni::dump(ref), R"({"__nni_type__": "path:demo::create_mnist_dataset"})");
  EXPECT_TRUE(ref.is_function());
  auto ds = ref.create<demo::MNIST>({{"root", "r"}, {"transform", nullptr}});
  EXPECT_EQ(ds->root(), "r");
  EXPECT_TRUE(ds->download());
}

TEST(TypeRefs, UnknownSymbolIsALoadError) {
  try {
    nni::load_value<nni::TypeRef>(R"({"__nni_type__": "path:nope::Nope"})");
    FAIL();
  } catch (const nni::LoadError& e) {
    EXPECT_EQ(e.path(), "/__nni_type__");
  }
  EXPECT_THROW(nni::type_ref<types::Untraced>(), nni::NotTraced);
}

TEST(TypeRefs, IsTraceableAndIsWrappedWithTrace) {
  auto traced = nni::make<types::Empty>();
  EXPECT_TRUE(nni::is_traceable(traced));
  EXPECT_TRUE(nni::is_traceable(traced.shared()));
  EXPECT_FALSE(nni::is_traceable(std::make_shared<types::Empty>()));
  EXPECT_FALSE(nni::is_traceable(42));
  EXPECT_TRUE(nni::is_traceable(traced.trace_copy()));
  EXPECT_TRUE(nni::is_wrapped_with_trace<types::Empty>());
  EXPECT_FALSE(nni::is_wrapped_with_trace<types::Untraced>());
  EXPECT_TRUE(nni::is_wrapped_with_trace<&demo::create_mnist_dataset>());
  EXPECT_FALSE(nni::is_wrapped_with_trace<&types::next_id>());
}

}  // namespace
