#include "model/io/project_file.h"

#include <fstream>
#include <sstream>

#include "model/io/native_project_store.h"
#include "model/io/project_json.h"
#include "model/schema/project_validator.h"

namespace kvlab::model {
namespace fs = std::filesystem;

ProjectFileForm projectFileFormFor(const fs::path& path) {
  return path.extension() == ".kvlab" ? ProjectFileForm::Native : ProjectFileForm::Json;
}

ProjectLoadResult loadProjectFile(const fs::path& path) {
  ProjectLoadResult result;
  const std::string file = path.string();
  std::error_code error;
  if (!fs::exists(path, error)) {
    result.diagnostics.error(file, "", "no such file");
    return result;
  }
  if (fs::is_directory(path, error)) {
    result.diagnostics.error(file, "", "is a directory; expected a project file");
    return result;
  }
  ProjectReadResult read;
  if (looksLikeSqliteFile(path)) {
    read = readNativeProject(path);
  } else {
    const auto size = fs::file_size(path, error);
    if (!error && size > kMaxDocumentBytes) {
      result.diagnostics.error(file, "",
                               "the file is " + std::to_string(size) +
                                   " bytes; a kvlab/1 document may be at most " +
                                   std::to_string(kMaxDocumentBytes) + " bytes");
      return result;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      result.diagnostics.error(file, "", "cannot read the file");
      return result;
    }
    std::ostringstream text;
    text << in.rdbuf();
    read = readProjectJson(text.str(), file);
  }
  result.diagnostics = std::move(read.diagnostics);
  if (read.parsed) {
    validateProject(read.project, file, result.diagnostics);
    result.project = std::move(read.project);
  }
  return result;
}

Status checkReplaceable(const fs::path& path) {
  std::error_code error;
  if (!fs::exists(path, error) || !looksLikeSqliteFile(path)) return Status::Ok();
  const ProjectReadResult read = readNativeProject(path);
  for (const Diagnostic& d : read.diagnostics.items()) {
    if (d.severity != Severity::Error) continue;
    return Status::Error(path.string() + ": not replaced, as it does not read as a project (" +
                         d.message + "); save under another name");
  }
  return Status::Ok();
}

Status saveProjectFile(const Project& project, const fs::path& path, const SaveFaultHook& fault) {
  if (projectFileFormFor(path) == ProjectFileForm::Native) {
    return writeNativeProject(project, path, fault);
  }
  return writeFileAtomically(path, writeProjectJson(project), fault);
}

}  // namespace kvlab::model
