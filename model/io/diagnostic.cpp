#include "model/io/diagnostic.h"

#include <algorithm>

namespace kvlab::model {

std::string formatDiagnostic(const Diagnostic& diagnostic) {
  std::string out = diagnostic.file;
  if (diagnostic.line) {
    out += ':' + std::to_string(*diagnostic.line);
    if (diagnostic.column) out += ':' + std::to_string(*diagnostic.column);
  }
  out += diagnostic.severity == Severity::Error ? ": error: " : ": warning: ";
  if (!diagnostic.path.empty()) out += diagnostic.path + ": ";
  out += diagnostic.message;
  return out;
}

void Diagnostics::error(std::string file, std::string path, std::string message) {
  items_.push_back(Diagnostic{Severity::Error, std::move(file), std::move(path), std::nullopt,
                              std::nullopt, std::move(message)});
}

void Diagnostics::warning(std::string file, std::string path, std::string message) {
  items_.push_back(Diagnostic{Severity::Warning, std::move(file), std::move(path), std::nullopt,
                              std::nullopt, std::move(message)});
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::hasErrors() const { return errorCount() > 0; }

int Diagnostics::errorCount() const {
  return static_cast<int>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
    return d.severity == Severity::Error;
  }));
}

int Diagnostics::warningCount() const { return static_cast<int>(items_.size()) - errorCount(); }

}  // namespace kvlab::model
