#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace kvlab::model::detail {

// A fixed table between an enum and the names kvlab/1 writes for it.
template <typename Enum, std::size_t N>
struct EnumNames {
  std::array<std::pair<Enum, std::string_view>, N> entries;

  constexpr std::string_view name(Enum value) const {
    for (const auto& [e, n] : entries) {
      if (e == value) return n;
    }
    return {};
  }
  constexpr std::optional<Enum> parse(std::string_view text) const {
    for (const auto& [e, n] : entries) {
      if (n == text) return e;
    }
    return std::nullopt;
  }
};

template <typename Enum, typename... Pairs>
constexpr auto makeEnumNames(Pairs... pairs) {
  return EnumNames<Enum, sizeof...(Pairs)>{{std::pair<Enum, std::string_view>(pairs)...}};
}

}  // namespace kvlab::model::detail
