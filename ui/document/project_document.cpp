#include "ui/document/project_document.h"

#include <QFileInfo>
#include <filesystem>
#include <utility>

#include "model/io/project_file.h"
#include "model/schema/project_validator.h"

namespace kvlab::ui {
namespace {

std::filesystem::path toPath(const QString& path) {
  // QString -> std::filesystem::path keeps non-ASCII names intact on every platform.
  return std::filesystem::path(path.toStdU16String());
}

}  // namespace

ProjectDocument::ProjectDocument(QObject* parent) : QObject(parent) {}

ProjectDocument::~ProjectDocument() = default;

QString ProjectDocument::fileName() const {
  return filePath_.isEmpty() ? QString() : QFileInfo(filePath_).fileName();
}

QString ProjectDocument::displayName() const {
  return project_.name.empty() ? tr("Untitled") : QString::fromStdString(project_.name);
}

bool ProjectDocument::load(const QString& path) {
  model::ProjectLoadResult result = model::loadProjectFile(toPath(path));
  diagnostics_ = std::move(result.diagnostics);
  const bool loaded = result.project.has_value();
  if (loaded) {
    emit aboutToChange();
    project_ = std::move(*result.project);
    emit changed();
    setFilePath(path);
    setModified(false);
  }
  emit diagnosticsChanged();
  return loaded;
}

Status ProjectDocument::save() {
  if (filePath_.isEmpty()) return Status::Error("the project has no file yet; save it as a file");
  return saveAs(filePath_);
}

Status ProjectDocument::saveAs(const QString& path) {
  if (Status replaceable = model::checkReplaceable(toPath(path)); !replaceable.ok()) {
    return replaceable;
  }
  Status status = model::saveProjectFile(project_, toPath(path));
  if (!status.ok()) return status;
  setFilePath(path);
  setModified(false);
  return status;
}

void ProjectDocument::recover(model::Project project, const QString& path,
                              model::Diagnostics diagnostics) {
  emit aboutToChange();
  project_ = std::move(project);
  emit changed();
  diagnostics_ = std::move(diagnostics);
  emit diagnosticsChanged();
  setFilePath(path);
  setModified(true);
}

void ProjectDocument::setProject(model::Project project) {
  emit aboutToChange();
  project_ = std::move(project);
  emit changed();
  diagnostics_ = {};
  emit diagnosticsChanged();
  setFilePath(QString());
  setModified(true);
}

std::string ProjectDocument::addDesign(model::Design design) {
  const std::string base = design.name;
  for (int suffix = 2; project_.findDesign(design.name) != nullptr; ++suffix) {
    design.name = base + "-" + std::to_string(suffix);
  }
  std::string name = design.name;
  emit aboutToChange();
  project_.designs.push_back(std::move(design));
  emit changed();
  setModified(true);
  return name;
}

bool ProjectDocument::isProjectValid() const {
  model::Diagnostics findings;
  model::validateProject(project_, filePath_.toStdString(), findings);
  return !findings.hasErrors();
}

void ProjectDocument::setModified(bool modified) {
  if (modified_ == modified) return;
  modified_ = modified;
  emit modifiedChanged(modified_);
}

void ProjectDocument::setFilePath(const QString& path) {
  if (filePath_ == path) return;
  filePath_ = path;
  emit filePathChanged(filePath_);
}

}  // namespace kvlab::ui
