#include "ui/models/aggregate_table_model.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QColor>
#include <QUndoStack>
#include <cstdlib>
#include <set>

#include "model/schema/key_template.h"
#include "tests/support/test_files.h"
#include "tests/ui/qt_test_application.h"
#include "tests/ui/studio_test_data.h"
#include "ui/commands/rename_entity_command.h"
#include "ui/document/project_document.h"

namespace kvlab::ui {
namespace {

class AggregateTableModelTest : public test::UiTest {};

QString value(const AggregateTableModel& model, int row, int column) {
  return model.index(row, column).data(AggregateTableModel::kValueRole).toString();
}

QString header(const AggregateTableModel& model, int column, int role = Qt::DisplayRole) {
  return model.headerData(column, Qt::Horizontal, role).toString();
}

int columnNamed(const AggregateTableModel& model, const std::string& name) {
  for (int column = 0; column < model.columnCount(); ++column) {
    if (header(model, column) == QString::fromStdString(name)) return column;
  }
  return -1;
}

// The template filled from the cells of `row`, as a user would check it; nothing when a value it
// names is not shown in the row (not projected, or not an attribute).
std::optional<QString> filledFromRow(const AggregateTableModel& model, int row,
                                     const std::string& text) {
  auto parsed = model::KeyTemplate::parse(text);
  if (!parsed) return QString::fromStdString(text);
  for (const std::string& name : parsed->attributes()) {
    const int column = columnNamed(model, name);
    if (column < 0 || value(model, row, column).isEmpty()) return std::nullopt;
  }
  return QString::fromStdString(parsed->render([&](std::string_view name) {
    return value(model, row, columnNamed(model, std::string(name))).toStdString();
  }));
}

// -1, 0, 1: the order of the key in `column` of rows `a` and `b`, numbers by value, as DynamoDB
// orders them.
int compareKeys(const AggregateTableModel& model, int a, int b, int column) {
  const model::SampleValue* x = model.item(a).find(model.attributeName(column));
  const model::SampleValue* y = model.item(b).find(model.attributeName(column));
  if (x == nullptr || y == nullptr) return (x == nullptr) - (y == nullptr);
  EXPECT_EQ(QString::fromStdString(x->text), value(model, a, column));
  if (x->type == model::AttributeType::N && y->type == model::AttributeType::N) {
    const double p = std::strtod(x->text.c_str(), nullptr);
    const double q = std::strtod(y->text.c_str(), nullptr);
    return (p > q) - (p < q);
  }
  const int order = x->text.compare(y->text);
  return (order > 0) - (order < 0);
}

// Checks what a user reads in the grid of `design` (its table when `gsi` is null).
void checkGrid(const AggregateTableModel& model, const model::Project& project,
               const model::Design& design, const model::SecondaryIndex* gsi) {
  const std::string pk = gsi != nullptr ? *gsi->pk : design.table.pk;
  const std::optional<std::string> sk = gsi != nullptr ? gsi->sk : design.table.sk;
  ASSERT_EQ(model.keyColumnCount(), sk ? 2 : 1);
  ASSERT_GE(model.columnCount(), model.keyColumnCount());
  EXPECT_EQ(header(model, 0), QString::fromStdString(pk));
  if (sk) EXPECT_EQ(header(model, 1), QString::fromStdString(*sk));
  EXPECT_TRUE(header(model, 0, Qt::ToolTipRole).contains("Item collection"));

  std::set<std::string> entitiesShown;
  for (int row = 0; row < model.rowCount(); ++row) {
    const std::string entity =
        model.index(row, 0).data(AggregateTableModel::kEntityRole).toString().toStdString();
    entitiesShown.insert(entity);
    const model::EntityKeys* keys =
        gsi != nullptr ? gsi->findEntity(entity) : design.findEntity(entity);
    ASSERT_NE(keys, nullptr) << entity << " has no keys here but is shown";
    // The key cells are the entity's templates filled with the item's values.
    for (int column = 0; column < model.keyColumnCount(); ++column) {
      const std::string* text = keys->find(header(model, column).toStdString());
      ASSERT_NE(text, nullptr) << entity << " lacks a template for "
                               << header(model, column).toStdString();
      const std::optional<QString> expected = filledFromRow(model, row, *text);
      if (expected) EXPECT_EQ(value(model, row, column), *expected) << entity << " row " << row;
    }
    // The partition key shows on a collection's first row only.
    const bool first = row == 0 || value(model, row - 1, 0) != value(model, row, 0);
    EXPECT_EQ(model.index(row, 0).data().toString(), first ? value(model, row, 0) : QString());
    EXPECT_TRUE(model.index(row, 1 % model.columnCount())
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QString::fromStdString(entity)));
    // Sorted by partition key, then sort key.
    if (row > 0) {
      const int byPartition = compareKeys(model, row - 1, row, 0);
      EXPECT_LE(byPartition, 0) << "row " << row;
      if (byPartition == 0 && sk) {
        EXPECT_LE(compareKeys(model, row - 1, row, 1), 0) << "row " << row;
      }
    }
  }
  // Every entity the table (or GSI) has keys for is there, with every sample item: the samples
  // state no presence under 1, so no index of theirs is sparse.
  for (const model::EntityKeys& keys : gsi != nullptr ? gsi->entityKeys : design.entityKeys) {
    if (project.findEntity(keys.entity) == nullptr) continue;
    if (gsi != nullptr && (!keys.find(pk) || (sk && !keys.find(*sk)))) continue;
    int rows = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
      if (model.index(row, 0).data(AggregateTableModel::kEntityRole).toString() ==
          QString::fromStdString(keys.entity)) {
        ++rows;
      }
    }
    EXPECT_EQ(rows, AggregateTableModel::kSampleItemsPerEntity) << keys.entity;
  }
  for (int row = 0; row < model.rowCount(); ++row) {
    for (int column = 0; column < model.columnCount(); ++column) {
      for (int role : {Qt::DisplayRole, Qt::ToolTipRole, Qt::BackgroundRole, Qt::ForegroundRole,
                       Qt::FontRole, Qt::TextAlignmentRole}) {
        (void)model.index(row, column).data(role);
      }
    }
  }
}

TEST_F(AggregateTableModelTest, passesTheModelTesterAndShowsKeysAsTemplatesOnEverySample) {
  const auto files = test::sampleFiles();
  ASSERT_FALSE(files.empty());
  int grids = 0;
  int gsiGrids = 0;
  for (const auto& file : files) {
    SCOPED_TRACE(file.filename().string());
    ProjectDocument document;
    ASSERT_TRUE(document.load(test::qtPath(file)));
    const model::Project& project = document.project();
    for (const model::Design& design : project.designs) {
      SCOPED_TRACE(design.name);
      AggregateTableModel model(&document);
      QAbstractItemModelTester tester(&model,
                                      QAbstractItemModelTester::FailureReportingMode::Fatal);
      const QString designName = QString::fromStdString(design.name);
      model.setSource(designName);
      ASSERT_TRUE(model.hasSource());
      EXPECT_GT(model.rowCount(), 0);
      checkGrid(model, project, design, nullptr);
      ++grids;
      for (const model::SecondaryIndex& gsi : design.gsis) {
        SCOPED_TRACE(gsi.name);
        model.setSource(designName, QString::fromStdString(gsi.name));
        ASSERT_TRUE(model.hasSource());
        checkGrid(model, project, design, &gsi);
        ++grids;
        ++gsiGrids;
      }
      model.setSource(QStringLiteral("no such design"));
      EXPECT_FALSE(model.hasSource());
      EXPECT_EQ(model.rowCount(), 0);
      EXPECT_EQ(model.columnCount(), 0);
    }
  }
  EXPECT_GE(grids, static_cast<int>(files.size()));
  EXPECT_GT(gsiGrids, 0);
}

TEST_F(AggregateTableModelTest, showsTheShopsCustomersInTheirOwnPartitionsAndOrdersWithTheirItems) {
  ProjectDocument document;
  ASSERT_TRUE(document.load(test::qtPath(test::shopSample())));
  AggregateTableModel model(&document);
  model.setSource(QStringLiteral("single-table"));

  ASSERT_EQ(model.rowCount(), 4 * AggregateTableModel::kSampleItemsPerEntity);
  EXPECT_EQ(header(model, 0), "PK");
  EXPECT_EQ(header(model, 1), "SK");
  EXPECT_EQ(model.entities(), (QStringList{"Customer", "Product", "Order", "OrderItem"}));
  const int customerId = columnNamed(model, "customerId");
  ASSERT_GE(customerId, 0);
  // Rows sort by PK: the customers come first, each in a collection of its own.
  EXPECT_EQ(model.index(0, 0).data(AggregateTableModel::kEntityRole).toString(), "Customer");
  EXPECT_EQ(value(model, 0, 0), "CUSTOMER#" + value(model, 0, customerId));
  EXPECT_TRUE(value(model, 0, 0).startsWith("CUSTOMER#0000"));
  EXPECT_EQ(value(model, 0, 1), "PROFILE");
  EXPECT_EQ(model.collectionRows(0), 1);
  const QString tip = model.index(0, 1).data(Qt::ToolTipRole).toString();
  EXPECT_TRUE(tip.contains("Customer")) << tip.toStdString();
  EXPECT_TRUE(tip.contains("PK = CUSTOMER#{customerId}")) << tip.toStdString();
  EXPECT_TRUE(tip.contains("SK = PROFILE")) << tip.toStdString();

  // The first order's partition holds the order and its two items: one Query reads them all.
  int orderRow = -1;
  for (int row = 0; row < model.rowCount() && orderRow < 0; ++row) {
    if (value(model, row, 0).startsWith("ORDER#")) orderRow = row;
  }
  ASSERT_GE(orderRow, 0);
  ASSERT_EQ(model.collectionRows(orderRow), 3);
  EXPECT_EQ(value(model, orderRow, 1), "ITEM#productId1");
  EXPECT_EQ(value(model, orderRow + 1, 1), "ITEM#productId3");
  EXPECT_EQ(value(model, orderRow + 2, 1), "ORDER");
  EXPECT_EQ(model.index(orderRow + 1, 0).data().toString(), "");
  EXPECT_TRUE(model.index(orderRow, 0).data(Qt::ToolTipRole).toString().contains("3 items"));

  // Each entity has its own colour, the same on every row and in the GSIs.
  std::set<QRgb> colours;
  for (const QString& entity : model.entities()) {
    ASSERT_TRUE(model.entityColor(entity).isValid());
    colours.insert(model.entityColor(entity).rgb());
  }
  EXPECT_EQ(colours.size(), 4u);
  const QColor orderColour = model.entityColor("Order");
  EXPECT_EQ(model.index(orderRow + 2, 1).data(Qt::BackgroundRole).value<QColor>(), orderColour);
  EXPECT_NE(model.index(orderRow, 1).data(Qt::BackgroundRole).value<QColor>(), orderColour);
  // Dark text on the light colours.
  EXPECT_LT(AggregateTableModel::entityTextColor().lightness(), 80);
  for (QRgb colour : colours) EXPECT_GT(QColor(colour).lightness(), 170);

  model.setSource(QStringLiteral("single-table"), QStringLiteral("GSI1"));
  EXPECT_EQ(model.entityColor("Order"), orderColour);
}

TEST_F(AggregateTableModelTest, showsOnlyTheItemsWithAGsisKeysAndWhatItProjects) {
  ProjectDocument document;
  ASSERT_TRUE(document.load(test::qtPath(test::shopSample())));
  AggregateTableModel model(&document);

  model.setSource(QStringLiteral("single-table"), QStringLiteral("GSI1"));
  ASSERT_EQ(model.rowCount(), AggregateTableModel::kSampleItemsPerEntity);
  EXPECT_EQ(model.entities(), QStringList{"Order"});
  EXPECT_EQ(header(model, 0), "GSI1PK");
  EXPECT_EQ(header(model, 1), "GSI1SK");
  EXPECT_EQ(header(model, 2), "PK");
  EXPECT_EQ(header(model, 3), "SK");
  // A customer's orders form one collection under the customer's key, oldest first.
  EXPECT_EQ(model.collectionRows(0), 2);
  EXPECT_TRUE(value(model, 0, 0).startsWith("CUSTOMER#"));
  EXPECT_LT(compareKeys(model, 0, 1, 1), 0);
  EXPECT_TRUE(header(model, 0, Qt::ToolTipRole).contains("GSI1"));
  EXPECT_GE(columnNamed(model, "total"), 0) << "GSI1 projects ALL";

  model.setSource(QStringLiteral("single-table"), QStringLiteral("GSI2"));
  ASSERT_EQ(model.rowCount(), AggregateTableModel::kSampleItemsPerEntity);
  QStringList headers;
  for (int column = 0; column < model.columnCount(); ++column) headers << header(model, column);
  EXPECT_EQ(headers, (QStringList{"GSI2PK", "GSI2SK", "PK", "SK"})) << "KEYS_ONLY";
  EXPECT_TRUE(value(model, 0, 0).startsWith("STATUS#"));

  model.setSource(QStringLiteral("single-table"), QStringLiteral("GSI9"));
  EXPECT_FALSE(model.hasSource());
  EXPECT_EQ(model.rowCount(), 0);
}

TEST_F(AggregateTableModelTest, followsTheDocumentThroughAnEditAndItsUndo) {
  ProjectDocument document;
  ASSERT_TRUE(document.load(test::qtPath(test::shopSample())));
  AggregateTableModel model(&document);
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
  model.setSource(QStringLiteral("single-table"));
  ASSERT_TRUE(model.entities().contains("Customer"));

  document.undoStack()->push(new RenameEntityCommand(&document, 0, "Client"));
  EXPECT_TRUE(model.entities().contains("Client"));
  EXPECT_FALSE(model.entities().contains("Customer"));
  EXPECT_EQ(model.index(0, 0).data(AggregateTableModel::kEntityRole).toString(), "Client");

  document.undoStack()->undo();
  EXPECT_TRUE(model.entities().contains("Customer"));
  EXPECT_EQ(model.rowCount(), 4 * AggregateTableModel::kSampleItemsPerEntity);
}

}  // namespace
}  // namespace kvlab::ui
