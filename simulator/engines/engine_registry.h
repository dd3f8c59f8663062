#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "simulator/core/engine.h"

namespace kvlab::sim {

// One engine the registry can make: its name (what --engine takes) and what it models.
struct EngineInfo {
  std::string_view name;
  std::string_view description;
};

// Engine settings as KEY=VALUE pairs; each engine documents the keys it reads.
using EngineSettings = std::vector<std::pair<std::string, std::string>>;

// The registered engines, in a fixed order: "dynamodb", "relational", "cache", "cache-aside".
const std::vector<EngineInfo>& registeredEngines();

// A fresh engine called `name` with `settings` applied. On an unknown name or a bad setting
// returns nullptr and, when `error` is given, says what was expected.
std::unique_ptr<Engine> createEngine(std::string_view name, const EngineSettings& settings,
                                     std::string* error = nullptr);

}  // namespace kvlab::sim
