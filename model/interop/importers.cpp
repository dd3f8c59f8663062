#include "model/interop/importers.h"

#include "model/interop/cloudformation_reader.h"
#include "model/interop/nosql_workbench_reader.h"

namespace kvlab::model::interop {

const std::vector<Importer>& importers() {
  static const std::vector<Importer> kImporters = {
      {"nosql-workbench", "NoSQL Workbench data model (versions 1.0, 2.0, 3.0)",
       &readNoSqlWorkbenchModel},
      {"cloudformation",
       "CloudFormation template with AWS::DynamoDB::Table resources (JSON or YAML)",
       &readCloudFormationTemplate},
  };
  return kImporters;
}

const Importer* findImporter(std::string_view name) {
  for (const Importer& importer : importers()) {
    if (importer.name == name) return &importer;
  }
  return nullptr;
}

}  // namespace kvlab::model::interop
