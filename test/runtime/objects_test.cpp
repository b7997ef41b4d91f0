// Object semantics: constructors, inheritance, factories (see objects.h).
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <typeinfo>
#include <vector>

#include "load_error_helper.h"
#include "objects.h"

namespace {

// --- 1. Which constructor ---------------------------------------------------------------------

TEST(ObjectsConstructors, MakePicksTheConstructorByCountThenKind) {
  auto circle = nni::make<objs::Shape>(2.0);
  EXPECT_EQ(circle->kind(), "circle");
  EXPECT_EQ(nni::dump(circle),
            R"({"__symbol__": "path:objs::Shape", "__kwargs__": {"radius": 2.0}})");

  // An int is a number too: still the radius, printed as its parameter's type.
  auto from_int = nni::make<objs::Shape>(3);
  EXPECT_EQ(nni::dump(from_int),
            R"({"__symbol__": "path:objs::Shape", "__kwargs__": {"radius": 3.0}})");

  // Same count, other kind: the string constructor.
  auto named = nni::make<objs::Shape>("square");
  EXPECT_EQ(named->kind(), "named");
  EXPECT_EQ(nni::dump(named),
            R"({"__symbol__": "path:objs::Shape", "__kwargs__": {"name": "square"}})");
  EXPECT_EQ(nni::dump(nni::make<objs::Shape>(std::string("square"))), nni::dump(named));

  auto rect = nni::make<objs::Shape>(2, 3.5);
  EXPECT_EQ(rect->kind(), "rect");
  EXPECT_EQ(nni::dump(rect),
            R"({"__symbol__": "path:objs::Shape", "__kwargs__": {"w": 2.0, "h": 3.5}})");
}

TEST(ObjectsConstructors, LoadPicksTheConstructorByArgumentNames) {
  auto circle = nni::load<objs::Shape>(
      R"({"__symbol__": "path:objs::Shape", "__kwargs__": {"radius": 1.5}})");
  EXPECT_EQ(circle->kind(), "circle");
  EXPECT_DOUBLE_EQ(circle->w(), 3.0);

  auto named =
      nni::load<objs::Shape>(R"({"__symbol__": "path:objs::Shape", "__kwargs__": {"name": "x"}})");
  EXPECT_EQ(named->kind(), "named");
  EXPECT_EQ(named->name(), "x");

  const char* rect_payload =
      R"({"__symbol__": "path:objs::Shape", "__kwargs__": {"h": 4.0, "w": 2.0}})";
  auto rect = nni::load<objs::Shape>(rect_payload);
  EXPECT_EQ(rect->kind(), "rect");
  EXPECT_DOUBLE_EQ(rect->w(), 2.0);
  EXPECT_DOUBLE_EQ(rect->h(), 4.0);
  // Dumped again in the chosen constructor's parameter order.
  EXPECT_EQ(nni::dump(rect),
            R"({"__symbol__": "path:objs::Shape", "__kwargs__": {"w": 2.0, "h": 4.0}})");

  // Each payload round-trips to the same constructor.
  for (const auto& shape : {circle, named, rect}) {
    std::string payload = nni::dump(shape);
    auto back = nni::load<objs::Shape>(payload);
    EXPECT_EQ(back->kind(), shape->kind());
    EXPECT_EQ(nni::dump(back), payload);
  }

  // Names that fit no constructor.
  nni::LoadError e =
      load_error<objs::Shape>(R"({"__symbol__": "path:objs::Shape", "__kwargs__": {"w": 2.0}})");
  EXPECT_FALSE(std::string(e.what()).empty());
}

TEST(ObjectsConstructors, MarkedConstructorRestrictsTracing) {
  auto g = nni::make<objs::Gadget>(4);
  EXPECT_EQ(g->size(), 4);
  EXPECT_EQ(nni::dump(g), R"({"__symbol__": "path:objs::Gadget", "__kwargs__": {"size": 4}})");
  EXPECT_EQ(nni::load<objs::Gadget>(nni::dump(g))->size(), 4);

  // The unmarked constructors are not traced: neither make nor load uses them.
  EXPECT_THROW(nni::make<objs::Gadget>(1, 2), nni::NotTraced);
  EXPECT_THROW(nni::load<objs::Gadget>(
                   R"({"__symbol__": "path:objs::Gadget", "__kwargs__": {"label": "x"}})"),
               nni::LoadError);
  EXPECT_THROW(nni::load<objs::Gadget>(
                   R"({"__symbol__": "path:objs::Gadget", "__kwargs__": {"a": 1, "b": 2}})"),
               nni::LoadError);
}

TEST(ObjectsConstructors, UnmarkedConstructorWithTheSameCountButAnotherKindIsNotTraced) {
  // Gadget(std::string label) is not traced; the only traced one with one argument takes an int.
  // Recording "x" under "size" would write a payload that cannot load.
  try {
    auto g = nni::make<objs::Gadget>(std::string("x"));
    ADD_FAILURE() << "no NotTraced; made " << nni::dump(g);
  } catch (const nni::NotTraced&) {
  }
}

TEST(ObjectsConstructors, CopyAndMoveConstructorsNeverCount) {
  // Point declares a copy and a move constructor besides Point(int x, int y): it still has
  // exactly one traced constructor.
  auto p = nni::make<objs::Point>(1, 2);
  const char* expected = R"({"__symbol__": "path:objs::Point", "__kwargs__": {"x": 1, "y": 2}})";
  EXPECT_EQ(nni::dump(p), expected);
  auto back = nni::load<objs::Point>(expected);
  EXPECT_EQ(back->x(), 1);
  EXPECT_EQ(back->y(), 2);
  EXPECT_EQ(nni::dump(back), expected);
}

// --- 2. Multiple inheritance ------------------------------------------------------------------

TEST(ObjectsMultipleInheritance, LoadAsSecondBaseGivesTheRightSubobject) {
  auto player = nni::make<objs::Player>("ann", 2.5);
  const char* expected =
      R"({"__symbol__": "path:objs::Player", "__kwargs__": {"name": "ann", "score": 2.5}})";
  EXPECT_EQ(nni::dump(player), expected);

  // The made object, through a pointer to B.
  std::shared_ptr<objs::Scored> made_as_b = player;
  EXPECT_EQ(made_as_b.get(), static_cast<objs::Scored*>(player.get()));
  EXPECT_NE(static_cast<void*>(made_as_b.get()), static_cast<void*>(player.get()));
  EXPECT_EQ(nni::dump(made_as_b), expected);

  nni::Traced<objs::Scored> b = nni::load<objs::Scored>(expected);
  ASSERT_TRUE(b);
  ASSERT_EQ(b->bias, 0.0);  // a field of B read through the pointer: not another subobject
  EXPECT_DOUBLE_EQ(b->score(), 2.5);
  auto* d = dynamic_cast<objs::Player*>(b.get());
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(static_cast<objs::Scored*>(d), b.get());
  EXPECT_NE(static_cast<void*>(b.get()), static_cast<void*>(d));  // B is not at offset 0
  EXPECT_EQ(d->name(), "ann");
  EXPECT_EQ(b.trace_symbol(), "objs::Player");
  EXPECT_EQ(nni::dump(b), expected);

  // And through the first base.
  nni::Traced<objs::Named> a = nni::load<objs::Named>(expected);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->tag, "named");
  EXPECT_EQ(a->name(), "ann");
  EXPECT_EQ(dynamic_cast<objs::Scored*>(a.get())->score(), 2.5);
}

TEST(ObjectsMultipleInheritance, SharedPtrToSecondBaseParameterReceivesTheDerived) {
  auto ann = nni::make<objs::Player>("ann", 2.5);
  auto bob = nni::make<objs::Player>("bob", 1);
  std::shared_ptr<objs::Scored> bob_as_b = bob;
  auto team = nni::make<objs::Team>(ann, std::vector<std::shared_ptr<objs::Scored>>{bob_as_b});
  EXPECT_EQ(team->best().get(), static_cast<objs::Scored*>(ann.get()));
  EXPECT_DOUBLE_EQ(team->best()->score(), 2.5);

  const char* expected =
      R"({"__symbol__": "path:objs::Team", "__kwargs__": {"best": {"__symbol__": "path:objs::Player", "__kwargs__": {"name": "ann", "score": 2.5}}, "others": [{"__symbol__": "path:objs::Player", "__kwargs__": {"name": "bob", "score": 1.0}}]}})";
  EXPECT_EQ(nni::dump(team), expected);

  auto back = nni::load<objs::Team>(expected);
  ASSERT_TRUE(back->best());
  ASSERT_EQ(back->best()->bias, 0.0);
  EXPECT_DOUBLE_EQ(back->best()->score(), 2.5);
  auto* best = dynamic_cast<objs::Player*>(back->best().get());
  ASSERT_NE(best, nullptr);
  EXPECT_EQ(static_cast<objs::Scored*>(best), back->best().get());
  EXPECT_EQ(best->name(), "ann");
  ASSERT_EQ(back->others().size(), 1u);
  EXPECT_DOUBLE_EQ(back->others()[0]->score(), 1.0);
  EXPECT_EQ(dynamic_cast<objs::Player*>(back->others()[0].get())->name(), "bob");
  EXPECT_EQ(nni::dump(back), expected);
}

// --- 3. A traced subclass of a traced class ---------------------------------------------------

TEST(ObjectsSubclass, RecordsItsOwnConstructorArguments) {
  auto conv = nni::make<objs::Conv>(3, 5);
  EXPECT_EQ(conv->width(), 15);
  EXPECT_EQ(conv.trace_symbol(), "objs::Conv");
  const char* expected =
      R"({"__symbol__": "path:objs::Conv", "__kwargs__": {"channels": 3, "kernel": 5}})";
  EXPECT_EQ(nni::dump(conv), expected);
  nni::Traced<objs::Layer> as_base = conv;
  EXPECT_EQ(nni::dump(as_base), expected);
  EXPECT_EQ(as_base.trace_symbol(), "objs::Conv");

  // The base, made in its own right, records its own.
  auto layer = nni::make<objs::Layer>(7);
  EXPECT_EQ(nni::dump(layer), R"({"__symbol__": "path:objs::Layer", "__kwargs__": {"width": 7}})");
}

TEST(ObjectsSubclass, LoadAsBaseGivesTheSubclass) {
  const char* payload =
      R"({"__symbol__": "path:objs::Conv", "__kwargs__": {"channels": 3, "kernel": 5}})";
  nni::Traced<objs::Layer> layer = nni::load<objs::Layer>(payload);
  ASSERT_TRUE(layer);
  auto* conv = dynamic_cast<objs::Conv*>(layer.get());
  ASSERT_NE(conv, nullptr);
  EXPECT_EQ(conv->channels(), 3);
  EXPECT_EQ(conv->kernel(), 5);
  EXPECT_EQ(layer->describe(), "conv 3x5");
  EXPECT_EQ(layer->width(), 15);
  EXPECT_EQ(nni::dump(layer), payload);

  auto base =
      nni::load<objs::Layer>(R"({"__symbol__": "path:objs::Layer", "__kwargs__": {"width": 7}})");
  const objs::Layer& loaded = *base;
  EXPECT_EQ(typeid(loaded), typeid(objs::Layer));
  EXPECT_EQ(base->describe(), "layer 7");
}

// --- 4. Factories -----------------------------------------------------------------------------

TEST(ObjectsFactories, ReturningByValue) {
  auto cell = nni::call<&objs::make_cell>("c1", 4);
  EXPECT_EQ(cell->name, "c1");
  EXPECT_EQ(cell->size, 4);
  EXPECT_EQ(cell.trace_symbol(), "objs::make_cell");
  const char* expected =
      R"({"__symbol__": "path:objs::make_cell", "__kwargs__": {"name": "c1", "size": 4}})";
  EXPECT_EQ(nni::dump(cell), expected);

  auto back = nni::load<objs::Cell>(expected);
  EXPECT_EQ(back->name, "c1");
  EXPECT_EQ(back->size, 4);
  EXPECT_TRUE(nni::is_traceable(back));
  EXPECT_EQ(back.trace_symbol(), "objs::make_cell");
  EXPECT_EQ(nni::dump(back), expected);
}

TEST(ObjectsFactories, ReturningSharedPtr) {
  auto cat = nni::call<&objs::make_cat>("tom", 3);
  EXPECT_EQ(cat->lives, 3);
  const char* expected =
      R"({"__symbol__": "path:objs::make_cat", "__kwargs__": {"name": "tom", "lives": 3}})";
  EXPECT_EQ(nni::dump(cat), expected);

  auto back = nni::load<objs::Cat>(expected);
  EXPECT_EQ(back->name, "tom");
  EXPECT_EQ(back->lives, 3);
  EXPECT_EQ(back.trace_symbol(), "objs::make_cat");
  EXPECT_EQ(nni::dump(back), expected);

  // As the polymorphic base.
  nni::Traced<objs::Animal> animal = nni::load<objs::Animal>(expected);
  EXPECT_EQ(animal->sound(), "tom: meow");
  EXPECT_EQ(nni::dump(animal), expected);
}

TEST(ObjectsFactories, ReturningUniquePtr) {
  auto dog = nni::call<&objs::make_animal>("dog");
  EXPECT_EQ(dog->sound(), "woof");
  const char* expected =
      R"({"__symbol__": "path:objs::make_animal", "__kwargs__": {"kind": "dog"}})";
  EXPECT_EQ(nni::dump(dog), expected);

  nni::Traced<objs::Animal> back = nni::load<objs::Animal>(expected);
  ASSERT_NE(dynamic_cast<objs::Dog*>(back.get()), nullptr);
  EXPECT_EQ(back->sound(), "woof");
  EXPECT_EQ(back.trace_symbol(), "objs::make_animal");
  EXPECT_EQ(nni::dump(back), expected);
}

TEST(ObjectsFactories, OverloadsCalledWithACastAndLoadedByArgumentNames) {
  auto cat =
      nni::call<static_cast<std::shared_ptr<objs::Animal> (*)(std::string)>(&objs::make_pet)>(
          "tom");
  auto dog =
      nni::call<static_cast<std::shared_ptr<objs::Animal> (*)(double)>(&objs::make_pet)>(12.5);
  EXPECT_EQ(cat->sound(), "tom: meow");
  EXPECT_EQ(dog->sound(), "woof");
  EXPECT_EQ(cat.trace_symbol(), "objs::make_pet");
  EXPECT_EQ(dog.trace_symbol(), "objs::make_pet");
  const char* cat_payload =
      R"({"__symbol__": "path:objs::make_pet", "__kwargs__": {"cat_name": "tom"}})";
  const char* dog_payload =
      R"({"__symbol__": "path:objs::make_pet", "__kwargs__": {"dog_weight": 12.5}})";
  EXPECT_EQ(nni::dump(cat), cat_payload);
  EXPECT_EQ(nni::dump(dog), dog_payload);

  auto cat_back = nni::load<objs::Animal>(cat_payload);
  ASSERT_NE(dynamic_cast<objs::Cat*>(cat_back.get()), nullptr);
  EXPECT_EQ(cat_back->sound(), "tom: meow");
  EXPECT_EQ(nni::dump(cat_back), cat_payload);

  auto dog_back = nni::load<objs::Animal>(dog_payload);
  auto* d = dynamic_cast<objs::Dog*>(dog_back.get());
  ASSERT_NE(d, nullptr);
  EXPECT_DOUBLE_EQ(d->weight, 12.5);
  EXPECT_EQ(nni::dump(dog_back), dog_payload);

  // An integer weight is still the double overload, printed as its parameter's type.
  auto dog_int = nni::load<objs::Animal>(
      R"({"__symbol__": "path:objs::make_pet", "__kwargs__": {"dog_weight": 3}})");
  ASSERT_NE(dynamic_cast<objs::Dog*>(dog_int.get()), nullptr);
  EXPECT_EQ(nni::dump(dog_int),
            R"({"__symbol__": "path:objs::make_pet", "__kwargs__": {"dog_weight": 3.0}})");
}

TEST(ObjectsFactories, FactoryInANestedNamespace) {
  auto kitten = nni::call<&objs::factories::v2::make_kitten>("kit");
  EXPECT_EQ(kitten->lives, 1);
  EXPECT_EQ(kitten.trace_symbol(), "objs::factories::v2::make_kitten");
  const char* expected =
      R"({"__symbol__": "path:objs::factories::v2::make_kitten", "__kwargs__": {"name": "kit"}})";
  EXPECT_EQ(nni::dump(kitten), expected);

  auto back = nni::load<objs::Cat>(expected);
  EXPECT_EQ(back->name, "kit");
  EXPECT_EQ(back->lives, 1);
  EXPECT_EQ(back.trace_symbol(), "objs::factories::v2::make_kitten");
  EXPECT_EQ(back.trace_copy().trace_symbol(), "objs::factories::v2::make_kitten");
  EXPECT_EQ(nni::dump(back), expected);
  // Without "path:" too.
  EXPECT_EQ(
      nni::dump(nni::load<objs::Cat>(
          R"({"__symbol__": "objs::factories::v2::make_kitten", "__kwargs__": {"name": "kit"}})")),
      expected);
}

// --- 5. A symbol chosen by attribute argument -------------------------------------------------

TEST(ObjectsCustomSymbol, DumpsAndLoadsWithTheAttributeSymbol) {
  auto n = nni::make<objs::TvNormalize>(std::vector<double>{0.5}, std::vector<double>{0.25});
  EXPECT_EQ(n.trace_symbol(), "torchvision.transforms.Normalize");
  const char* expected =
      R"({"__symbol__": "path:torchvision.transforms.Normalize", "__kwargs__": {"mean": [0.5], "std": [0.25]}})";
  EXPECT_EQ(nni::dump(n), expected);

  auto back = nni::load<objs::TvNormalize>(expected);
  EXPECT_EQ(back->mean(), std::vector<double>{0.5});
  EXPECT_EQ(back->std(), std::vector<double>{0.25});
  EXPECT_EQ(nni::dump(back), expected);

  // As Python writes it, without "path:".
  auto python = nni::load<objs::TvNormalize>(
      R"({"__symbol__": "torchvision.transforms.Normalize", "__kwargs__": {"mean": [0.5], "std": [0.25]}})");
  EXPECT_EQ(python->mean(), std::vector<double>{0.5});
  EXPECT_EQ(nni::dump(python), expected);

  // The C++ name is not the symbol.
  nni::LoadError e = load_error<objs::TvNormalize>(
      R"({"__symbol__": "path:objs::TvNormalize", "__kwargs__": {"mean": [0.5], "std": [0.25]}})");
  EXPECT_EQ(e.path(), "/__symbol__") << e.what();
}

// --- 6. Traced aliases ------------------------------------------------------------------------

TEST(ObjectsAlias, ClassTemplateSpecialization) {
  auto box = nni::make<objs::FloatBox>(0.1f, "small");
  EXPECT_EQ(box.trace_symbol(), "objs::Box<float>");
  const char* expected =
      R"({"__symbol__": "path:objs::Box<float>", "__kwargs__": {"value": 0.1, "label": "small"}})";
  EXPECT_EQ(nni::dump(box), expected);

  nni::Traced<objs::Box<float>> back = nni::load<objs::Box<float>>(expected);
  EXPECT_EQ(back->value(), 0.1f);
  EXPECT_EQ(back->label(), "small");
  EXPECT_EQ(nni::dump(back), expected);
  EXPECT_EQ(
      nni::dump(nni::load<objs::FloatBox>(
          R"({"__symbol__": "objs::Box<float>", "__kwargs__": {"value": 0.1, "label": "small"}})")),
      expected);
}

TEST(ObjectsAlias, ClassFromAnotherNamespace) {
  auto engine = nni::make<objs::Engine>("v8", 8);
  EXPECT_EQ(engine.trace_symbol(), "vendor::Engine");
  const char* expected =
      R"({"__symbol__": "path:vendor::Engine", "__kwargs__": {"model": "v8", "cylinders": 8}})";
  EXPECT_EQ(nni::dump(engine), expected);
  // The alias and the class are one type.
  EXPECT_EQ(nni::dump(nni::make<vendor::Engine>("v8", 8)), expected);

  nni::Traced<vendor::Engine> back = nni::load<vendor::Engine>(expected);
  EXPECT_EQ(back->model(), "v8");
  EXPECT_EQ(back->cylinders(), 8);
  EXPECT_EQ(nni::dump(back), expected);
}

// --- 7. A custom class equal to itself after a round trip (NNI's test_custom_class) ------------

TEST(ObjectsCustomClass, EqualToItselfAfterARoundTrip) {
  auto leaf = nni::make<objs::Leaf>(5);
  objs::Blob blob{"weights", {1, 2, 3}};
  auto custom = nni::make<objs::Custom>(leaf, blob, 7);
  std::string payload = nni::dump(custom);
  const std::string head =
      R"({"__symbol__": "path:objs::Custom", "__kwargs__": {"leaf": {"__symbol__": "path:objs::Leaf", "__kwargs__": {"value": 5}}, "blob": {"__nni_obj__": ")";
  const std::string tail = R"("}, "a": 7}})";
  EXPECT_EQ(payload.substr(0, head.size()), head) << payload;
  ASSERT_GE(payload.size(), head.size() + tail.size());
  EXPECT_EQ(payload.substr(payload.size() - tail.size()), tail) << payload;

  auto back = nni::load<objs::Custom>(payload);
  ASSERT_TRUE(back);
  EXPECT_TRUE(*back == *custom);
  EXPECT_EQ(back->blob().data, (std::vector<std::int32_t>{1, 2, 3}));
  EXPECT_NE(back->leaf().get(), leaf.get());  // a new object
  EXPECT_EQ(nni::dump(back), payload);

  // With the default given, a null traced argument, and again.
  auto other = nni::make<objs::Custom>(nullptr, objs::Blob{"", {}}, -1, "z");
  std::string other_payload = nni::dump(other);
  EXPECT_NE(other_payload.find(R"("leaf": null)"), std::string::npos) << other_payload;
  EXPECT_NE(other_payload.find(R"("a": -1, "b": "z"})"), std::string::npos) << other_payload;
  auto other_back = nni::load<objs::Custom>(other_payload);
  EXPECT_TRUE(*other_back == *other);
  EXPECT_FALSE(*other_back == *custom);
  EXPECT_EQ(nni::dump(other_back), other_payload);
}

// --- 8. A simple class ------------------------------------------------------------------------

TEST(ObjectsSimpleClass, KwargsInTheDump) {
  auto simple = nni::make<objs::SimpleClass>(1, 2);
  std::string payload = nni::dump(simple);
  EXPECT_NE(payload.find(R"("__kwargs__": {"a": 1, "b": 2})"), std::string::npos) << payload;
  EXPECT_EQ(payload, R"({"__symbol__": "path:objs::SimpleClass", "__kwargs__": {"a": 1, "b": 2}})");
  auto back = nni::load<objs::SimpleClass>(payload);
  EXPECT_EQ(back->a, 1);
  EXPECT_EQ(back->b, 2);
  EXPECT_EQ(nni::dump(back), payload);
}

// --- 9. Errors --------------------------------------------------------------------------------

TEST(ObjectsErrors, LoadOfATracedClassThatIsNotAT) {
  const char* conv =
      R"({"__symbol__": "path:objs::Conv", "__kwargs__": {"channels": 3, "kernel": 5}})";
  nni::LoadError e = load_error<objs::Scored>(conv);
  EXPECT_EQ(e.path(), "/__symbol__") << e.what();

  // A base's payload is not a subclass.
  e = load_error<objs::Conv>(R"({"__symbol__": "path:objs::Layer", "__kwargs__": {"width": 7}})");
  EXPECT_EQ(e.path(), "/__symbol__") << e.what();

  // Unrelated classes.
  e = load_error<objs::Shape>(
      R"({"__symbol__": "path:objs::SimpleClass", "__kwargs__": {"a": 1}})");
  EXPECT_EQ(e.path(), "/__symbol__") << e.what();

  // A factory whose result class is not a T: make_animal gives an Animal, not (always) a Cat.
  e = load_error<objs::Cat>(
      R"({"__symbol__": "path:objs::make_animal", "__kwargs__": {"kind": "x"}})");
  EXPECT_EQ(e.path(), "/__symbol__") << e.what();

  // Nested: a std::shared_ptr<Scored> parameter given a Conv.
  std::string team =
      std::string(R"({"__symbol__": "path:objs::Team", "__kwargs__": {"best": )") + conv + "}}";
  e = load_error<objs::Team>(team);
  EXPECT_EQ(e.path(), "/__kwargs__/best/__symbol__") << e.what();
}

TEST(ObjectsErrors, MakeWithArgumentsThatFitNoTracedConstructorIsNotTraced) {
  // Gadget(int a, int b) exists but is not traced: no traced constructor takes two arguments.
  EXPECT_THROW(nni::make<objs::Gadget>(1, 2), nni::NotTraced);
  try {
    nni::make<objs::Gadget>(1, 2);
  } catch (const nni::NotTraced& e) {
    EXPECT_NE(std::string(e.what()).find("objs::Gadget"), std::string::npos) << e.what();
  }
}

}  // namespace
