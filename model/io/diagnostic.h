#pragma once

#include <optional>
#include <string>
#include <vector>

namespace kvlab::model {

enum class Severity { Error, Warning };

// One finding about a file: where it is (the file, a JSON path such as
// `accessPatterns[3].equals[0]`, or a line and column for malformed text) and what was expected.
struct Diagnostic {
  Severity severity = Severity::Error;
  std::string file;
  std::string path;  // empty when the finding is about the whole file
  std::optional<int> line;
  std::optional<int> column;
  std::string message;
};

// "FILE:LINE:COL: error: PATH: MESSAGE", leaving out the parts that are absent.
std::string formatDiagnostic(const Diagnostic& diagnostic);

// The findings of one read or check, in the order they were found.
class Diagnostics {
 public:
  void error(std::string file, std::string path, std::string message);
  void warning(std::string file, std::string path, std::string message);
  void add(Diagnostic diagnostic) { items_.push_back(std::move(diagnostic)); }
  void append(const Diagnostics& other);

  bool hasErrors() const;
  int errorCount() const;
  int warningCount() const;
  const std::vector<Diagnostic>& items() const { return items_; }
  bool empty() const { return items_.empty(); }

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace kvlab::model
