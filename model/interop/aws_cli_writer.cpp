#include "model/interop/aws_cli_writer.h"

#include "model/interop/table_definition.h"

namespace kvlab::model::interop {

namespace {

Status writeInput(const Project& project, const Design& design, std::string& out) {
  Json input = tableDefinitionJson(tableSpecOf(project, design));
  // Properties an import from CloudFormation kept that create-table takes in the same shape.
  const Json stored = extraJson(design.extra, "cloudFormation");
  if (stored.is_object() && stored.contains("properties") && stored["properties"].is_object()) {
    for (const char* field :
         {"TableClass", "DeletionProtectionEnabled", "Tags", "SSESpecification"}) {
      if (stored["properties"].contains(field)) input[field] = stored["properties"][field];
    }
  }
  out = input.dump(2) + "\n";
  return Status::Ok();
}

}  // namespace

Status writeAwsCliCreateTable(const Project& project, const Design& design, std::string& out) {
  try {
    return writeInput(project, design, out);
  } catch (const std::exception& e) {
    // A kept extra field of an unexpected shape (edited by hand): an error, not a crash.
    return Status::Error(std::string("cannot export: ") + e.what());
  }
}

}  // namespace kvlab::model::interop
