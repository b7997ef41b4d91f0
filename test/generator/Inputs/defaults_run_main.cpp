// The program of defaults_run.h: loads payloads that omit defaulted arguments.
#include <nni/trace.h>

#include <iostream>
#include <string>

namespace {

void print(const char* what, const rt::Layer& l) {
  std::cout << what << ": width=" << l.width << " depth=" << l.depth << " sizes=";
  for (std::size_t i = 0; i < l.sizes.size(); ++i) std::cout << (i ? "," : "") << l.sizes[i];
  std::cout << " scaled=" << l.scaled << " mode=" << (l.mode == units::Mode::Fast ? "fast" : "slow")
            << " name=" << l.name << "\n";
}

void secretive(const char* what, const std::string& json) {
  std::cout << what << ": ";
  try {
    auto s = nni::load<rt::Secretive>(json);
    std::cout << "secret=" << s->secret << " other=" << s->other << "\n";
  } catch (const nni::LoadError& e) {
    std::cout << "LoadError: " << e.what() << "\n";
  }
}

}  // namespace

int main() {
  print("middle omitted",
        *nni::load<rt::Layer>(
            R"({"__symbol__": "path:rt::Layer", "__kwargs__": {"width": 5, "name": "given"}})"));
  print("all omitted but one",
        *nni::load<rt::Layer>(R"({"__symbol__": "path:rt::Layer", "__kwargs__": {"width": 5, )"
                              R"("mode": {"__enum__": {"__enum_instance_type__": ["units", )"
                              R"("Mode"], "name": "Slow"}}}})"));
  print("factory, trailing omitted",
        *nni::load<rt::Layer>(R"({"__symbol__": "path:rt::make_layer", "__kwargs__": {"width": 2}})"));
  print("factory, middle omitted",
        *nni::load<rt::Layer>(
            R"({"__symbol__": "path:rt::make_layer", "__kwargs__": {"width": 2, "name": "x"}})"));
  secretive("secret, trailing", R"({"__symbol__": "path:rt::Secretive"})");
  secretive("secret omitted, other given",
            R"({"__symbol__": "path:rt::Secretive", "__kwargs__": {"other": 2}})");
  secretive("secret given",
            R"({"__symbol__": "path:rt::Secretive", "__kwargs__": {"secret": 1, "other": 2}})");
  return 0;
}
