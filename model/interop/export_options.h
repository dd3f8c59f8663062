#pragma once

#include <string>

namespace kvlab::model::interop {

// Choices that some exporters honour; each ignores the ones it has no use for.
struct ExportOptions {
  bool yaml = false;      // CloudFormation: YAML rather than JSON
  std::string timestamp;  // NoSQL Workbench: the model's dates ("Jan 1, 2025, 9:30 AM"); empty: now
};

}  // namespace kvlab::model::interop
