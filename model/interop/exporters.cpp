#include "model/interop/exporters.h"

#include "model/interop/aws_cli_writer.h"
#include "model/interop/cloudformation_writer.h"
#include "model/interop/nosql_workbench_writer.h"
#include "model/interop/onetable_writer.h"
#include "model/interop/sql_writer.h"

namespace kvlab::model::interop {
namespace {

Status writeAwsCli(const Project& project, const std::vector<const Design*>& designs,
                   const ExportOptions&, std::string& out) {
  return writeAwsCliCreateTable(project, *designs.front(), out);
}

Status writeOneTable(const Project& project, const std::vector<const Design*>& designs,
                     const ExportOptions&, std::string& out) {
  return writeOneTableSchema(project, *designs.front(), out);
}

}  // namespace

const std::vector<Exporter>& exporters() {
  static const std::vector<Exporter> kExporters = {
      {"nosql-workbench", "NoSQL Workbench data model (version 3.0), one table per design", 0,
       &writeNoSqlWorkbenchModel},
      {"cloudformation", "CloudFormation template (JSON, or YAML with --yaml or a .yaml OUT)", 0,
       &writeCloudFormationTemplate},
      {"aws-cli", "input of 'aws dynamodb create-table --cli-input-json', one table", 1,
       &writeAwsCli},
      {"onetable", "dynamodb-onetable schema (indexes and models), one table", 1, &writeOneTable},
      {"sql", "PostgreSQL DDL of the entities, normalized, and each pattern's SQL (PREPARE)", 1,
       &writePostgresSql},
  };
  return kExporters;
}

const Exporter* findExporter(std::string_view name) {
  for (const Exporter& exporter : exporters()) {
    if (exporter.name == name) return &exporter;
  }
  return nullptr;
}

}  // namespace kvlab::model::interop
