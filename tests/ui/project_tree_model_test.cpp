#include "ui/models/project_tree_model.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include "model/io/project_file.h"
#include "tests/support/test_files.h"
#include "tests/ui/qt_test_application.h"
#include "ui/document/project_document.h"

namespace kvlab::ui {
namespace {

using test::qtPath;

class ProjectTreeModelTest : public test::UiTest {};

QString cell(const QAbstractItemModel& model, const QModelIndex& parent, int row, int column) {
  return model.index(row, column, parent).data().toString();
}

// The row under `parent` whose name column reads `name`, or an invalid index.
QModelIndex childNamed(const QAbstractItemModel& model, const QModelIndex& parent,
                       const QString& name) {
  for (int row = 0; row < model.rowCount(parent); ++row) {
    if (cell(model, parent, row, 0) == name) return model.index(row, 0, parent);
  }
  return {};
}

model::Attribute attribute(std::string name, model::AttributeType type) {
  model::Attribute a;
  a.name = std::move(name);
  a.type = type;
  return a;
}

// A small project with what the corpus lacks: rates, an LSI, a named relationship.
model::Project handMadeProject() {
  model::Project p;
  p.name = "Hand made";

  model::Entity user;
  user.name = "User";
  user.identifier = {"userId"};
  user.attributes = {attribute("userId", model::AttributeType::S),
                     attribute("age", model::AttributeType::N)};
  user.attributes[0].size = 36;
  user.attributes[1].distinct = 90;
  user.count = 1000;
  model::Entity post;
  post.name = "Post";
  post.identifier = {"userId", "postId"};
  post.attributes = {attribute("userId", model::AttributeType::S),
                     attribute("postId", model::AttributeType::S)};
  p.entities = {user, post};

  model::Relationship writes;
  writes.name = "writes";
  writes.from = "User";
  writes.to = "Post";
  writes.fanout.emplace();
  writes.fanout->mean = 12.5;
  writes.fanout->max = 400;
  p.relationships = {writes};

  model::AccessPattern recent;
  recent.id = "AP2";
  recent.name = "Recent posts of a user";
  recent.action = model::Action::Query;
  recent.entities = {"Post"};
  recent.equals = {"userId"};
  recent.limit = 20;
  recent.rate.emplace();
  recent.rate->mean = 50;
  recent.rate->peak = 200;
  recent.consistency = model::Consistency::Strong;
  p.accessPatterns = {recent};

  model::Design design;
  design.name = "Single table";
  design.table.name = "App";
  design.table.pk = "PK";
  design.table.sk = "SK";
  design.entityKeys = {{"User", {{"PK", "USER#{userId}"}, {"SK", "PROFILE"}}},
                       {"Post", {{"PK", "USER#{userId}"}, {"SK", "POST#{postId}"}}}};
  model::SecondaryIndex byAge;
  byAge.name = "ByAge";
  byAge.sk = "age";
  byAge.projection = model::Projection::KeysOnly;
  byAge.entityKeys = {{"User", {{"age", "{age}"}}}};
  design.lsis = {byAge};
  design.hasLsis = true;
  p.designs = {design};
  return p;
}

TEST_F(ProjectTreeModelTest, passesTheModelTesterOnEveryCorpusFile) {
  const auto files = test::corpusDesignFiles();
  ASSERT_FALSE(files.empty()) << "no corpus under " << test::sharedDir();
  ProjectDocument document;
  ProjectTreeModel model(&document);
  // Watching from the start also checks every reset that a load causes.
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
  for (const std::filesystem::path& file : files) {
    SCOPED_TRACE(file.filename().string());
    ASSERT_TRUE(document.load(qtPath(file)));
    QAbstractItemModelTester fresh(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
  }
}

TEST_F(ProjectTreeModelTest, showsTheFiveGroupsWithTheProjectsCounts) {
  for (const std::filesystem::path& file : test::corpusDesignFiles()) {
    SCOPED_TRACE(file.filename().string());
    ProjectDocument document;
    ASSERT_TRUE(document.load(qtPath(file)));
    const model::Project& p = document.project();
    ProjectTreeModel model(&document);

    ASSERT_EQ(model.rowCount(), 5);
    EXPECT_EQ(cell(model, {}, 0, 0), "Entities");
    EXPECT_EQ(cell(model, {}, 1, 0), "Relationships");
    EXPECT_EQ(cell(model, {}, 2, 0), "Access patterns");
    EXPECT_EQ(cell(model, {}, 3, 0), "Designs");
    EXPECT_EQ(cell(model, {}, 4, 0), "Workloads");
    const auto count = [&](ProjectTreeModel::Group g) {
      return model.rowCount(model.groupIndex(g));
    };
    EXPECT_EQ(count(ProjectTreeModel::kEntities), static_cast<int>(p.entities.size()));
    EXPECT_EQ(count(ProjectTreeModel::kRelationships), static_cast<int>(p.relationships.size()));
    EXPECT_EQ(count(ProjectTreeModel::kAccessPatterns), static_cast<int>(p.accessPatterns.size()));
    EXPECT_EQ(count(ProjectTreeModel::kDesigns), static_cast<int>(p.designs.size()));
    EXPECT_EQ(count(ProjectTreeModel::kWorkloads), static_cast<int>(p.workloads.size()));
    EXPECT_EQ(cell(model, {}, 0, 1), QString::number(p.entities.size()));
  }
}

TEST_F(ProjectTreeModelTest, showsTheOnlineShopAsItsFileDescribesIt) {
  ProjectDocument document;
  ASSERT_TRUE(document.load(
      qtPath(test::sharedDir() / "corpus" / "designs" / "aws-online-shop.kvlab.json")));
  ProjectTreeModel model(&document);

  EXPECT_EQ(model.rowCount(model.groupIndex(ProjectTreeModel::kEntities)), 10);
  EXPECT_EQ(model.rowCount(model.groupIndex(ProjectTreeModel::kAccessPatterns)), 16);
  EXPECT_EQ(model.rowCount(model.groupIndex(ProjectTreeModel::kDesigns)), 1);

  const QModelIndex customer =
      childNamed(model, model.groupIndex(ProjectTreeModel::kEntities), "Customer");
  ASSERT_TRUE(customer.isValid());
  EXPECT_EQ(customer.siblingAtColumn(1).data().toString(), "id customerId · 3 attributes");
  ASSERT_EQ(model.rowCount(customer), 3);
  EXPECT_EQ(cell(model, customer, 0, 0), "customerId");
  EXPECT_EQ(cell(model, customer, 0, 1), "S · identifier");
  EXPECT_EQ(cell(model, customer, 1, 0), "Email");

  const QModelIndex firstPattern =
      model.index(0, 0, model.groupIndex(ProjectTreeModel::kAccessPatterns));
  EXPECT_EQ(firstPattern.data().toString(), "AP1  Customer by id");
  EXPECT_EQ(firstPattern.siblingAtColumn(1).data().toString(), "get Customer by customerId");

  const QModelIndex design = model.index(0, 0, model.groupIndex(ProjectTreeModel::kDesigns));
  ASSERT_EQ(model.rowCount(design), 3);  // the table and two GSIs
  EXPECT_EQ(cell(model, design, 0, 0), "Table OnlineShop");
  EXPECT_EQ(cell(model, design, 1, 0), "GSI GSI1");
  const QModelIndex gsi1 = model.index(1, 0, design);
  const QModelIndex orderItem = childNamed(model, gsi1, "OrderItem");
  ASSERT_TRUE(orderItem.isValid());
  EXPECT_EQ(orderItem.siblingAtColumn(1).data().toString(),
            "GSI1-PK = p#{productId} · GSI1-SK = {orderDate}");
}

TEST_F(ProjectTreeModelTest, showsRatesLsisAndRelationshipFanOut) {
  ProjectDocument document;
  document.setProject(handMadeProject());
  ProjectTreeModel model(&document);
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);

  const QModelIndex users = model.index(0, 0, model.groupIndex(ProjectTreeModel::kEntities));
  EXPECT_EQ(users.siblingAtColumn(1).data().toString(), "id userId · 2 attributes · 1000 items");
  EXPECT_EQ(cell(model, users, 0, 1), "S · 36 bytes · identifier");
  EXPECT_EQ(cell(model, users, 1, 1), "N · 90 distinct");

  const QModelIndex writes = model.index(0, 0, model.groupIndex(ProjectTreeModel::kRelationships));
  EXPECT_EQ(writes.data().toString(), "writes");
  EXPECT_EQ(writes.siblingAtColumn(1).data().toString(),
            "one-to-many, User → Post · fan-out 12.5 (max 400)");

  const QModelIndex recent = model.index(0, 0, model.groupIndex(ProjectTreeModel::kAccessPatterns));
  EXPECT_EQ(recent.siblingAtColumn(1).data().toString(),
            "query Post by userId, limit 20 · 50/s (peak 200/s) · strong");

  const QModelIndex design = model.index(0, 0, model.groupIndex(ProjectTreeModel::kDesigns));
  EXPECT_EQ(design.siblingAtColumn(1).data().toString(),
            "table App (PK, SK) · 0 GSIs · 1 LSI · 2 entities keyed");
  ASSERT_EQ(model.rowCount(design), 2);
  const QModelIndex lsi = model.index(1, 0, design);
  EXPECT_EQ(lsi.data().toString(), "LSI ByAge");
  EXPECT_EQ(lsi.siblingAtColumn(1).data().toString(), "PK, age · KEYS_ONLY · 1 entity");
  ASSERT_EQ(model.rowCount(lsi), 1);
  EXPECT_EQ(cell(model, lsi, 0, 1), "age = {age}");
  EXPECT_EQ(cell(model, model.index(0, 0, design), 1, 1),
            "PK = USER#{userId} · SK = POST#{postId}");
  EXPECT_EQ(model.parent(model.index(0, 0, lsi)), lsi);
}

TEST_F(ProjectTreeModelTest, resetsWhenTheDocumentLoadsAnotherProject) {
  ProjectDocument document;
  ProjectTreeModel model(&document);
  QSignalSpy aboutToReset(&model, &QAbstractItemModel::modelAboutToBeReset);
  QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
  EXPECT_EQ(model.rowCount(model.groupIndex(ProjectTreeModel::kEntities)), 0);

  document.setProject(handMadeProject());

  EXPECT_EQ(aboutToReset.count(), 1);
  EXPECT_EQ(reset.count(), 1);
  EXPECT_EQ(model.rowCount(model.groupIndex(ProjectTreeModel::kEntities)), 2);
}

TEST_F(ProjectTreeModelTest, hasNameAndDetailHeaders) {
  ProjectDocument document;
  ProjectTreeModel model(&document);
  EXPECT_EQ(model.headerData(0, Qt::Horizontal).toString(), "Name");
  EXPECT_EQ(model.headerData(1, Qt::Horizontal).toString(), "Detail");
}

}  // namespace
}  // namespace kvlab::ui
