#pragma once

#include <QStringList>
#include <string>

#include "model/io/diagnostic.h"

namespace kvlab::ui {

// The messages of the findings in `findings` about `path` or anything under it: a finding at
// `path` itself, at `path.member...` or at `path[index]...`. "entities[1]" takes
// "entities[1].identifier[0]" but not "entities[10]". Each message is prefixed with "error: " or
// "warning: ".
QStringList findingsAt(const model::Diagnostics& findings, const std::string& path);

// As findingsAt, each message prefixed with where it is relative to `path`, so that it names the
// field: "identifier[0]: error: ...". A finding at `path` itself has no prefix.
QStringList problemsUnder(const model::Diagnostics& findings, const std::string& path);

}  // namespace kvlab::ui
