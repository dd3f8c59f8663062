#pragma once

#include <string>
#include <string_view>

#include "model/io/diagnostic.h"
#include "model/schema/project.h"

namespace kvlab::model {

// What reading a kvlab/1 document gave: the project as far as it could be read, and every finding.
// `parsed` is false when the text was not JSON at all (then `project` is empty).
struct ProjectReadResult {
  Project project;
  Diagnostics diagnostics;
  bool parsed = false;
};

// Limits that hold for every kvlab/1 document; beyond them a reader reports an error rather than
// spending unbounded memory or stack.
inline constexpr std::size_t kMaxDocumentBytes = 64u << 20;
inline constexpr int kMaxJsonDepth = 64;
inline constexpr std::size_t kMaxListLength = 100000;

// Reads a kvlab/1 document. Checks the shape of every field (types, required fields, enums,
// ranges, duplicate JSON keys) and keeps unknown fields with a warning; it does not check that
// names refer to something: `validateProject` does that. `file` only labels the diagnostics.
ProjectReadResult readProjectJson(std::string_view text, const std::string& file);

// The kvlab/1 text of `project`: two-space indented, fields in the documented order, unknown
// fields after the known ones, ending with a newline.
std::string writeProjectJson(const Project& project);

}  // namespace kvlab::model
