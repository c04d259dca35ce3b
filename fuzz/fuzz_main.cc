// One libFuzzer program per target: SG_FUZZ_TARGET names the body in
// fuzz_bodies.h that LLVMFuzzerTestOneInput runs.
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "fuzz_bodies.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const stancegraph::fuzz::Target* target = [] {
    for (const auto& t : stancegraph::fuzz::Targets()) {
      if (std::strcmp(t.name, SG_FUZZ_TARGET) == 0) return &t;
    }
    std::abort();
  }();
  target->run(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
