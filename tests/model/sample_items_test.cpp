#include "model/design/sample_items.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "model/io/project_file.h"
#include "model/schema/key_template.h"
#include "tests/support/test_files.h"

namespace kvlab::model {
namespace {

Project loadSample(const std::string& name) {
  const ProjectLoadResult loaded = loadProjectFile(test::sourceDir() / "samples" / name);
  EXPECT_TRUE(loaded.ok()) << name;
  return loaded.ok() ? *loaded.project : Project{};
}

std::string textOf(const SampleItem& item, std::string_view name) {
  const SampleValue* value = item.find(name);
  return value == nullptr ? std::string("<absent>") : value->text;
}

// The template filled with the item's own values, or nothing when the item lacks one of them.
std::optional<std::string> filled(const std::string& text, const SampleItem& item) {
  auto parsed = KeyTemplate::parse(text);
  if (!parsed) return text;
  for (const std::string& name : parsed->attributes()) {
    if (item.find(name) == nullptr) return std::nullopt;
  }
  return parsed->render([&item](std::string_view name) { return item.find(name)->text; });
}

// Tickets whose escalatedTo only half of them carry, and a GSI keyed on it: a sparse index.
Project ticketProject() {
  Project project;
  project.name = "tickets";
  Entity ticket;
  ticket.name = "Ticket";
  ticket.identifier = {"ticketId"};
  ticket.attributes.push_back({.name = "ticketId", .type = AttributeType::S});
  Attribute escalated{.name = "escalatedTo", .type = AttributeType::S};
  escalated.presence = 0.5;
  ticket.attributes.push_back(escalated);
  ticket.attributes.push_back({.name = "priority", .type = AttributeType::N});
  project.entities.push_back(ticket);
  Design design;
  design.name = "d";
  design.table = {.name = "Tickets", .pk = "PK", .sk = "SK"};
  design.entityKeys.push_back({"Ticket", {{"PK", "TICKET#{ticketId}"}, {"SK", "TICKET"}}});
  SecondaryIndex gsi;
  gsi.name = "Escalated";
  gsi.pk = "GSI1PK";
  gsi.sk = "GSI1SK";
  gsi.projection = Projection::KeysOnly;
  gsi.entityKeys.push_back(
      {"Ticket", {{"GSI1PK", "AGENT#{escalatedTo}"}, {"GSI1SK", "{ticketId}"}}});
  design.gsis.push_back(gsi);
  project.designs.push_back(design);
  return project;
}

TEST(SampleItems, shouldFillTheShopsKeyTemplatesWithEachItemsOwnValues) {
  const Project shop = loadSample("online-shop.kvlab.json");
  const Design& design = shop.designs.at(0);
  const std::vector<SampleItem> items = sampleItems(shop, design);

  ASSERT_EQ(items.size(), 8u);  // two of each of the four entities, in the design's order
  EXPECT_EQ(items[0].entity, "Customer");
  EXPECT_EQ(items[0].number, 1);
  EXPECT_EQ(textOf(items[0], "PK"), "CUSTOMER#00000000-0000-4000-8000-000000000001");
  EXPECT_EQ(textOf(items[0], "SK"), "PROFILE");
  EXPECT_EQ(textOf(items[0], "email"), "email1@example.com");
  EXPECT_EQ(items[0].attributes.at(0).name, "PK");
  EXPECT_EQ(items[0].attributes.at(1).name, "SK");

  const SampleItem& order = items.at(4);
  ASSERT_EQ(order.entity, "Order");
  EXPECT_EQ(textOf(order, "GSI1PK"), "CUSTOMER#customerId1");
  EXPECT_EQ(textOf(order, "GSI1SK"),
            "ORDER#" + textOf(order, "orderDate") + "#" + textOf(order, "orderId"));
  EXPECT_EQ(textOf(order, "GSI2PK"), "STATUS#shipped");  // the enum's values in turn
  EXPECT_EQ(textOf(items.at(5), "GSI2PK"), "STATUS#delivered");
  EXPECT_EQ(order.find("total")->type, AttributeType::N);
  EXPECT_EQ(sampleValueText(*order.find("shippingAddress")), R"({"value": "shippingAddress1"})");
  // A customer has no GSI keys: it is in neither index.
  EXPECT_EQ(items[0].find("GSI1PK"), nullptr);

  std::set<std::pair<std::string, std::string>> primaryKeys;
  for (const SampleItem& item : items) {
    EXPECT_TRUE(primaryKeys.insert({textOf(item, "PK"), textOf(item, "SK")}).second)
        << "two items share " << textOf(item, "PK") << " " << textOf(item, "SK");
  }
}

TEST(SampleItems, shouldPutChildrenInTheirParentsCollectionWhenIdentifiersAreShared) {
  const Project shop = loadSample("online-shop.kvlab.json");
  const Design& design = shop.designs.at(0);
  SampleItemOptions options;
  options.itemsPerEntity = 3;
  options.shareValues = true;
  const std::vector<SampleItem> items = sampleItems(shop, design, options);
  ASSERT_EQ(items.size(), 12u);
  auto of = [&items](const std::string& entity, int number) -> const SampleItem& {
    for (const SampleItem& item : items) {
      if (item.entity == entity && item.number == number) return item;
    }
    ADD_FAILURE() << entity << " " << number;
    return items.front();
  };
  // An order's items are in the order's partition; orders 1 and 3 are customer 1's.
  EXPECT_EQ(textOf(of("OrderItem", 1), "PK"), textOf(of("Order", 1), "PK"));
  EXPECT_EQ(textOf(of("OrderItem", 3), "PK"), textOf(of("Order", 1), "PK"));
  EXPECT_EQ(textOf(of("OrderItem", 2), "PK"), textOf(of("Order", 2), "PK"));
  EXPECT_EQ(textOf(of("OrderItem", 3), "productId"), textOf(of("Product", 3), "productId"));
  EXPECT_EQ(textOf(of("Order", 1), "GSI1PK"), textOf(of("Customer", 1), "PK"));
  EXPECT_EQ(textOf(of("Order", 3), "GSI1PK"), textOf(of("Customer", 1), "PK"));
  EXPECT_EQ(textOf(of("Order", 2), "GSI1PK"), textOf(of("Customer", 2), "PK"));

  std::set<std::pair<std::string, std::string>> primaryKeys;
  for (const SampleItem& item : items) {
    EXPECT_TRUE(primaryKeys.insert({textOf(item, "PK"), textOf(item, "SK")}).second)
        << "two items share " << textOf(item, "PK") << " " << textOf(item, "SK");
  }
}

TEST(SampleItems, shouldRepeatAPartitionKeysFewValuesWhenValuesAreShared) {
  const Project leaderboard = loadSample("leaderboard.kvlab.json");
  const Design& design = leaderboard.designs.at(0);
  SampleItemOptions options;
  options.itemsPerEntity = 3;
  options.shareValues = true;
  // gameId has 10 values among a million players and keys the GSI: players 1 and 3 share a game.
  std::vector<SampleItem> byGame =
      projectOntoIndex(sampleItems(leaderboard, design, options), design, design.gsis.at(0));
  ASSERT_EQ(byGame.size(), 3u);
  sortByKeys(byGame, "GSI1PK", std::string("GSI1SK"));
  EXPECT_EQ(textOf(byGame[0], "GSI1PK"), "GAME#gameId1");
  EXPECT_EQ(textOf(byGame[1], "GSI1PK"), "GAME#gameId1");
  EXPECT_EQ(textOf(byGame[2], "GSI1PK"), "GAME#gameId2");
  // The score keys only the sort key and keeps a value per player; the identifier always does.
  EXPECT_NE(textOf(byGame[0], "score"), textOf(byGame[1], "score"));
  EXPECT_NE(textOf(byGame[0], "PK"), textOf(byGame[1], "PK"));

  options.shareValues = false;
  const auto own = sampleItems(leaderboard, design, options);
  EXPECT_EQ(textOf(own.at(2), "gameId"), "gameId3");
}

TEST(SampleItems, shouldGiveEveryItemOfEverySampleItsTablesKeysAsItsTemplatesSay) {
  const auto files = test::sampleFiles();
  ASSERT_FALSE(files.empty());
  for (const auto& file : files) {
    SCOPED_TRACE(file.filename().string());
    const ProjectLoadResult loaded = loadProjectFile(file);
    ASSERT_TRUE(loaded.ok());
    for (const Design& design : loaded.project->designs) {
      SCOPED_TRACE(design.name);
      const std::vector<SampleItem> items = sampleItems(*loaded.project, design);
      std::set<std::string> entities;
      for (const SampleItem& item : items) {
        entities.insert(item.entity);
        ASSERT_NE(item.find(design.table.pk), nullptr) << item.entity;
        if (design.table.sk) ASSERT_NE(item.find(*design.table.sk), nullptr) << item.entity;
        for (const auto& [key, text] : keyTemplatesOf(design, item.entity)) {
          const std::optional<std::string> expected = filled(text, item);
          if (expected) EXPECT_EQ(textOf(item, key), *expected) << item.entity << " " << key;
        }
      }
      for (const EntityKeys& keys : design.entityKeys) {
        EXPECT_EQ(entities.count(keys.entity), 1u) << keys.entity << " has no sample items";
      }
      EXPECT_EQ(sampleItems(*loaded.project, design).size(), items.size());

      // Shared values make collections, never two items with one primary key.
      SampleItemOptions shared;
      shared.itemsPerEntity = 3;
      shared.shareValues = true;
      std::set<std::pair<std::string, std::string>> primaryKeys;
      for (const SampleItem& item : sampleItems(*loaded.project, design, shared)) {
        const std::string sk = design.table.sk ? textOf(item, *design.table.sk) : "";
        EXPECT_TRUE(primaryKeys.insert({textOf(item, design.table.pk), sk}).second)
            << item.entity << " " << textOf(item, design.table.pk) << " " << sk;
      }
    }
  }
}

TEST(SampleItems, shouldBeTheSameForTheSameProject) {
  const Project shop = loadSample("online-shop.kvlab.json");
  SampleItemOptions options;
  options.itemsPerEntity = 5;
  const auto first = sampleItems(shop, shop.designs.at(0), options);
  const auto second = sampleItems(shop, shop.designs.at(0), options);
  ASSERT_EQ(first.size(), 20u);
  ASSERT_EQ(first.size(), second.size());
  for (std::size_t i = 0; i < first.size(); ++i) {
    ASSERT_EQ(first[i].attributes.size(), second[i].attributes.size());
    for (std::size_t j = 0; j < first[i].attributes.size(); ++j) {
      EXPECT_EQ(first[i].attributes[j].name, second[i].attributes[j].name);
      EXPECT_EQ(sampleValueText(first[i].attributes[j].value),
                sampleValueText(second[i].attributes[j].value));
    }
  }
}

TEST(SampleItems, shouldProjectOnlyItemsWithAnIndexsKeysAndOnlyTheAttributesItCopies) {
  const Project shop = loadSample("online-shop.kvlab.json");
  const Design& design = shop.designs.at(0);
  const std::vector<SampleItem> items = sampleItems(shop, design);

  const std::vector<SampleItem> byCustomer = projectOntoIndex(items, design, design.gsis.at(0));
  ASSERT_EQ(byCustomer.size(), 2u);
  for (const SampleItem& item : byCustomer) {
    EXPECT_EQ(item.entity, "Order");
    EXPECT_NE(item.find("total"), nullptr) << "GSI1 projects ALL";
  }

  const std::vector<SampleItem> byStatus = projectOntoIndex(items, design, design.gsis.at(1));
  ASSERT_EQ(byStatus.size(), 2u);
  std::vector<std::string> names;
  for (const SampleAttribute& attribute : byStatus[0].attributes) names.push_back(attribute.name);
  // KEYS_ONLY: the table's keys and the index's, nothing else.
  EXPECT_EQ(names, (std::vector<std::string>{"PK", "SK", "GSI2PK", "GSI2SK"}));
  EXPECT_EQ(textOf(byStatus[0], "GSI2SK"), textOf(items.at(4), "orderDate"));
}

TEST(SampleItems, shouldLeaveASparseIndexsKeyOutOfTheItemsThatLackItsAttribute) {
  const Project project = ticketProject();
  const Design& design = project.designs.at(0);
  SampleItemOptions options;
  options.itemsPerEntity = 4;

  const auto dense = sampleItems(project, design, options);
  EXPECT_EQ(projectOntoIndex(dense, design, design.gsis.at(0)).size(), 4u);

  options.sparse = true;
  const auto sparse = sampleItems(project, design, options);
  ASSERT_EQ(sparse.size(), 4u);
  int carrying = 0;
  for (const SampleItem& item : sparse) {
    EXPECT_NE(item.find("PK"), nullptr) << "the table's keys are never left out";
    const bool carries = item.find("escalatedTo") != nullptr;
    EXPECT_EQ(item.find("GSI1PK") != nullptr, carries);
    carrying += carries ? 1 : 0;
  }
  EXPECT_EQ(carrying, 2);  // presence 0.5 of 4 items
  const auto escalated = projectOntoIndex(sparse, design, design.gsis.at(0));
  ASSERT_EQ(escalated.size(), 2u);
  EXPECT_EQ(textOf(escalated[0], "GSI1PK"), "AGENT#escalatedTo1");
  EXPECT_EQ(escalated[0].find("priority"), nullptr) << "KEYS_ONLY";
}

TEST(SampleItems, shouldSortIntoCollectionsByPartitionKeyThenSortKeyAsDynamoDbOrdersThem) {
  auto item = [](std::string entity, std::string pk, AttributeType skType, std::string sk) {
    SampleItem out;
    out.entity = std::move(entity);
    out.attributes.push_back({"PK", {.type = AttributeType::S, .text = std::move(pk)}});
    if (!sk.empty()) out.attributes.push_back({"SK", {.type = skType, .text = std::move(sk)}});
    return out;
  };
  std::vector<SampleItem> items{
      item("a", "USER#2", AttributeType::N, "10"), item("b", "USER#1", AttributeType::S, "b"),
      item("c", "USER#2", AttributeType::N, "9"),  item("d", "USER#1", AttributeType::S, ""),
      item("e", "USER#1", AttributeType::S, "B"),  item("f", "USER#2", AttributeType::N, "-3")};
  sortByKeys(items, "PK", std::string("SK"));
  std::string order;
  for (const SampleItem& sorted : items) order += sorted.entity;
  // USER#1: "B" before "b" (bytes), no sort key last; USER#2: -3, 9, 10 by value, not as text.
  EXPECT_EQ(order, "ebdfca");
}

TEST(SampleItems, shouldWriteListsMapsSetsAndNullOnOneLine) {
  SampleValue list{.type = AttributeType::L};
  list.elements.push_back({.type = AttributeType::S, .text = "a"});
  list.elements.push_back({.type = AttributeType::N, .text = "2"});
  EXPECT_EQ(sampleValueText(list), R"(["a", 2])");
  SampleValue numbers{.type = AttributeType::NS};
  numbers.elements.push_back({.type = AttributeType::N, .text = "1"});
  EXPECT_EQ(sampleValueText(numbers), "[1]");
  EXPECT_EQ(sampleValueText({.type = AttributeType::NULL_, .text = "true"}), "null");
  EXPECT_EQ(sampleValueText({.type = AttributeType::BOOL, .text = "false"}), "false");
}

}  // namespace
}  // namespace kvlab::model
