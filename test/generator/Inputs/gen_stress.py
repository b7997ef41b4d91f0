"""Writes the input of stress.test: <bits/stdc++.h> and N traced declarations of every shape
the generator supports, in namespaces of their own. Deterministic (no randomness), so a failure
reproduces.

    gen_stress.py <count> > stress.h
"""
import sys

COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 300

# (parameter type, a default for it) covering every kind of the contract. Not here: const char*
# and std::string_view parameters (the runtime has no load for them yet) and std::unique_ptr
# parameters with a default (ArgList::get_or cannot turn the default into a Unique yet); both are
# known gaps of the runtime.
TYPES = [
    ("int", "kBase * 2 + 1"),
    ("unsigned", "7u"),
    ("std::int64_t", "-3"),
    ("float", "0.5f"),
    ("double", "Holder::kRate"),
    ("bool", "true"),
    ("std::string", '"name"'),
    ("const std::string&", "std::string(2, 'x')"),
    ("std::vector<int>", "{1, 2, 3}"),
    ("std::vector<std::vector<double>>", "{}"),
    ("std::list<std::string>", "{}"),
    ("std::deque<int>", "{}"),
    ("std::array<int, 3>", "{}"),
    ("std::pair<int, std::string>", "{}"),
    ("std::tuple<int, double, bool>", "{}"),
    ("std::map<std::string, int>", "{}"),
    ("std::unordered_map<int, Color>", "{}"),
    ("std::set<int>", "{}"),
    ("std::unordered_set<std::string>", "{}"),
    ("std::complex<double>", "{1.0, 2.0}"),
    ("std::chrono::milliseconds", "std::chrono::milliseconds(5)"),
    ("std::chrono::system_clock::time_point", "{}"),
    ("std::filesystem::path", '"a/b"'),
    ("std::optional<int>", "std::nullopt"),
    ("std::optional<Color>", "Color::Blue"),
    ("Color", "Color::Red"),
    ("Mode", "kFast"),
    ("std::nullptr_t", "nullptr"),
    ("std::shared_ptr<Base>", "nullptr"),
    ("std::vector<std::shared_ptr<Base>>", "{}"),
    ("std::variant<int, std::string>", "0"),
    ("std::monostate", "{}"),
]


def emit(out, i):
    ns = f"s{i}"
    shape = i % 9
    t1, d1 = TYPES[i % len(TYPES)]
    t2, d2 = TYPES[(i * 7 + 3) % len(TYPES)]
    t3, d3 = TYPES[(i * 13 + 5) % len(TYPES)]
    out.append(f"namespace {ns} {{")
    if shape == 0:  # plain class, defaults in the middle
        out.append(f"class [[nni::trace]] C{i} : public Base {{\n public:\n"
                   f"  C{i}({t1} a, {t2} b = {d2}, {t3} c = {d3}, int d = {i});\n}};")
    elif shape == 1:  # several constructors, one marked; explicit / constexpr / noexcept
        out.append(f"struct [[nni::trace]] C{i} {{\n"
                   f"  explicit C{i}({t1} a) noexcept;\n"
                   f"  [[nni::trace]] C{i}({t1} a, {t2} b, int n = kBase) noexcept(false);\n"
                   f"  constexpr C{i}(double ratio, bool flag) : r(ratio), f(flag) {{}}\n"
                   f"  double r = 0; bool f = false;\n}};")
    elif shape == 2:  # factories: value, shared_ptr, unique_ptr, overloads
        out.append(f"struct Made{i} : Base {{ explicit Made{i}(int n); }};\n"
                   f"[[nni::trace]] std::shared_ptr<Made{i}> make{i}({t1} a, {t2} b = {d2});\n"
                   f"[[nni::trace]] std::shared_ptr<Made{i}> make{i}(int n, double x, bool y);\n"
                   f"[[nni::trace(\"custom.factory{i}\")]] std::unique_ptr<Base> unique{i}({t3} c = {d3});")
    elif shape == 3:  # alias of a template specialization and of another namespace's class
        out.append(f"template <class T>\nclass Box{i} {{\n public:\n"
                   f"  explicit Box{i}(std::vector<T> items, T scale = T(1), {t1} extra = {d1});\n}};\n"
                   f"using FloatBox{i} [[nni::trace]] = Box{i}<float>;\n"
                   f"using Vendor{i} [[nni::trace]] = vendor::Engine<{i}>;")
    elif shape == 4:  # nested class, custom symbol
        out.append(f"struct Outer{i} {{\n"
                   f"  struct [[nni::trace(\"pkg.Inner{i}\")]] Inner {{\n"
                   f"    Inner({t1} a, {t2} b = {d2}, Color c = Color::Green);\n  }};\n}};")
    elif shape == 5:  # inheriting constructors
        out.append(f"class Parent{i} {{\n public:\n"
                   f"  Parent{i}({t1} a, int depth = kBase, {t2} b = {d2});\n"
                   f"  explicit Parent{i}(std::vector<int> v, bool f, std::string s, double r);\n}};\n"
                   f"class [[nni::trace]] C{i} : public Parent{i}, public Base {{\n public:\n"
                   f"  using Parent{i}::Parent{i};\n}};")
    elif shape == 6:  # produced by a macro
        out.append(f"DECLARE_TRACED(C{i}, {t1.replace(',', ' COMMA ')}, {i})")
    elif shape == 7:  # no constructor, aggregate-like struct; class with a codec'd enum vector
        out.append(f"struct [[nni::trace]] C{i} {{ int n = {i}; std::vector<Color> colors; }};\n"
                   f"[[nni::trace]] std::unique_ptr<Base> own{i}(std::unique_ptr<Base> inner);\n"
                   f"class [[nni::trace]] D{i} {{\n public:\n"
                   f"  D{i}(std::vector<Color> colors, std::map<Color, std::optional<Mode>> m = {{}},"
                   f" std::shared_ptr<C{i}> inner = nullptr);\n}};")
    else:  # static member defaults, other namespaces, traced parameters
        out.append(f"class [[nni::trace]] C{i} {{\n public:\n"
                   f"  static constexpr int kLimit = {i};\n"
                   f"  C{i}(int limit = kLimit, double rate = Holder::kRate, Mode m = Mode::kSlow,"
                   f" nni::Traced<Base> base = nullptr, {t3} c = {d3}, int last = other::kOther);\n}};")
    out.append(f"}}  // namespace {ns}\n")


def main():
    out = [
        "// Generated by gen_stress.py. Do not edit.",
        "#pragma once",
        "#include <bits/stdc++.h>",
        "#include <nni/trace.h>",
        "",
        "#define COMMA ,",
        "#define DECLARE_TRACED(Name, Type, N) \\",
        "  class [[nni::trace]] Name { \\",
        "   public: \\",
        "    Name(Type a, int n = N, std::string s = \"macro\"); \\",
        "  };",
        "",
        "namespace other { constexpr int kOther = 1; }",
        "namespace vendor {",
        "template <int N>",
        "class Engine { public: Engine(std::string model, int cylinders = N); };",
        "}  // namespace vendor",
        "struct Base { virtual ~Base() = default; };",
        "enum class Color { Red, Green, Blue };",
        "enum Mode { kFast, kSlow };",
        "constexpr int kBase = 3;",
        "struct Holder { static constexpr double kRate = 0.25; };",
        "",
    ]
    for i in range(COUNT):
        emit(out, i)
    print("\n".join(out))


if __name__ == "__main__":
    main()
