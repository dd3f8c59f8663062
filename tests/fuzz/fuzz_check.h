#pragma once

#include <cstdio>
#include <string_view>

namespace kvlab::fuzz {

// Stops the run as a finding: a broken invariant (a round trip that changes the text, a result
// that contradicts itself) is reported like a crash, with what broke and the text involved, so
// that libFuzzer saves the input.
[[noreturn]] inline void fail(const char* what, std::string_view detail = {}) {
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  if (!detail.empty()) {
    constexpr std::size_t kShown = 4000;
    const std::size_t shown = detail.size() < kShown ? detail.size() : kShown;
    std::fprintf(stderr, "----\n%.*s\n----\n", static_cast<int>(shown), detail.data());
  }
  __builtin_trap();
}

inline void check(bool ok, const char* what, std::string_view detail = {}) {
  if (!ok) fail(what, detail);
}

}  // namespace kvlab::fuzz
