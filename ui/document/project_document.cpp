#include "ui/document/project_document.h"

#include <QFileInfo>
#include <QUndoStack>
#include <filesystem>
#include <utility>

#include "model/io/project_file.h"
#include "model/schema/project_validator.h"
#include "ui/commands/adopt_design_command.h"

namespace kvlab::ui {
namespace {

std::filesystem::path toPath(const QString& path) {
  // QString -> std::filesystem::path keeps non-ASCII names intact on every platform.
  return std::filesystem::path(path.toStdU16String());
}

}  // namespace

ProjectDocument::ProjectDocument(QObject* parent)
    : QObject(parent), undoStack_(new QUndoStack(this)) {
  connect(undoStack_, &QUndoStack::cleanChanged, this,
          [this](bool clean) { emit modifiedChanged(!clean); });
}

bool ProjectDocument::isModified() const { return !undoStack_->isClean(); }

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
    validation_.reset();
    emit changed();
    emit replaced();
    setFilePath(path);
    undoStack_->clear();
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
  // A text file holds no runs: while the project has some, it is not saved in full.
  const bool runsLeftOut = !project_.runs.empty() && model::projectFileFormFor(toPath(path)) !=
                                                         model::ProjectFileForm::Native;
  setModified(runsLeftOut);
  return status;
}

void ProjectDocument::recover(model::Project project, const QString& path,
                              model::Diagnostics diagnostics) {
  emit aboutToChange();
  project_ = std::move(project);
  validation_.reset();
  emit changed();
  emit replaced();
  diagnostics_ = std::move(diagnostics);
  emit diagnosticsChanged();
  setFilePath(path);
  undoStack_->clear();
  setModified(true);
}

void ProjectDocument::setProject(model::Project project) {
  emit aboutToChange();
  project_ = std::move(project);
  validation_.reset();
  emit changed();
  emit replaced();
  diagnostics_ = {};
  emit diagnosticsChanged();
  setFilePath(QString());
  undoStack_->clear();
  setModified(true);
}

std::string ProjectDocument::addDesign(model::Design design) {
  auto* command = new AdoptDesignCommand(this, std::move(design));
  std::string name = command->designName();
  undoStack_->push(command);  // the stack owns the command
  return name;
}

void ProjectDocument::applyEdit(const std::function<void(model::Project&)>& edit) {
  emit aboutToChange();
  edit(project_);
  validation_.reset();
  emit changed();
}

void ProjectDocument::applyRunsEdit(
    const std::function<void(std::vector<model::SavedRun>&)>& edit) {
  emit aboutToChangeRuns();
  edit(project_.runs);
  emit runsChanged();
}

void ProjectDocument::setFileAndDiagnostics(const QString& path, model::Diagnostics diagnostics) {
  diagnostics_ = std::move(diagnostics);
  emit diagnosticsChanged();
  setFilePath(path);
}

bool ProjectDocument::isProjectValid() const { return !validation().hasErrors(); }

const model::Diagnostics& ProjectDocument::validation() const {
  if (!validation_) {
    validation_.emplace();
    model::validateProject(project_, filePath_.toStdString(), *validation_);
  }
  return *validation_;
}

void ProjectDocument::setModified(bool modified) {
  if (modified) {
    undoStack_->resetClean();
  } else {
    undoStack_->setClean();
  }
}

void ProjectDocument::setFilePath(const QString& path) {
  if (filePath_ == path) return;
  filePath_ = path;
  validation_.reset();  // the findings name the file
  emit filePathChanged(filePath_);
}

}  // namespace kvlab::ui
