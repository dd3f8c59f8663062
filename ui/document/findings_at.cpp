#include "ui/document/findings_at.h"

#include <QString>

namespace kvlab::ui {

namespace {

bool isUnder(const std::string& candidate, const std::string& path) {
  if (candidate == path) return true;
  return candidate.size() > path.size() && candidate.compare(0, path.size(), path) == 0 &&
         (candidate[path.size()] == '.' || candidate[path.size()] == '[');
}

QString message(const model::Diagnostic& d) {
  return (d.severity == model::Severity::Error ? QStringLiteral("error: ")
                                               : QStringLiteral("warning: ")) +
         QString::fromStdString(d.message);
}

}  // namespace

QStringList findingsAt(const model::Diagnostics& findings, const std::string& path) {
  QStringList messages;
  for (const model::Diagnostic& d : findings.items()) {
    if (isUnder(d.path, path)) messages << message(d);
  }
  return messages;
}

QStringList problemsUnder(const model::Diagnostics& findings, const std::string& path) {
  QStringList messages;
  for (const model::Diagnostic& d : findings.items()) {
    if (!isUnder(d.path, path)) continue;
    std::string where = d.path.substr(path.size());
    if (!where.empty() && where.front() == '.') where.erase(0, 1);
    messages << (where.empty() ? QString() : QString::fromStdString(where) + QStringLiteral(": ")) +
                    message(d);
  }
  return messages;
}

}  // namespace kvlab::ui
