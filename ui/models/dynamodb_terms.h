#pragma once

#include <QString>
#include <initializer_list>
#include <span>

#include "model/schema/access_pattern.h"
#include "model/schema/design.h"

namespace kvlab::ui {

// The DynamoDB terms the studio explains in its tooltips, and the few of KV Lab's own that sit
// beside them (access pattern, design, key template). Each term is explained here and nowhere
// else: a model or view puts a sentence of its own about the column or field first, then the
// term's text (termToolTip). The texts' sizes and limits come from the constants the planner and
// the simulator use (model/capacity/dynamodb_limits.h, sim::DynamoDbOptions), so the tooltips say
// what KV Lab computes with; they follow ../shared/reference/dynamodb-rules.md.
enum class DynamoDbTerm {
  AccessPattern,
  SingleTableDesign,
  Design,
  PartitionKey,
  SortKey,
  ItemCollection,
  KeyTemplate,
  KeyCondition,
  FilterExpression,
  QueryOrder,
  Limit,
  Gsi,
  Lsi,
  Projection,
  SparseIndex,
  ItemSize,
  ReadCapacityUnit,
  WriteCapacityUnit,
  RequestUnits,
  CapacityMode,
  OnDemand,
  Provisioned,
  Storage,
  Partition,
  Throttle,
  HotPartition,
  AdaptiveCapacity,
  SplitForHeat,
  EventuallyConsistentRead,
  StronglyConsistentRead,
  GetItem,
  Query,
  Scan,
  BatchGetItem,
  PutItem,
  UpdateItem,
  DeleteItem,
  TransactWriteItems,
  TransactGetItems,
  Aggregate,
};

// Every term, in the enum's order.
std::span<const DynamoDbTerm> allDynamoDbTerms();

// The term's name as a user reads it, translated: "Read capacity unit (RCU)".
QString termName(DynamoDbTerm term);

// One to three plain sentences about the term, translated, with the numbers a user needs. Plain
// text: escape it before putting it into rich text (termToolTip does).
QString termText(DynamoDbTerm term);

// A rich-text tooltip for the term alone: "<p><b>name</b>: text</p>", so that Qt word-wraps it.
QString termToolTip(DynamoDbTerm term);

// A rich-text tooltip: `lead` first, as a paragraph of its own (plain text: escaped, its line
// breaks kept; left out when empty), then a paragraph for each of `terms` as termToolTip gives it.
QString termToolTip(const QString& lead, std::initializer_list<DynamoDbTerm> terms);

// `text` (plain, escaped, line breaks kept) as one rich-text paragraph: for a tooltip that names no
// term but should word-wrap like those that do.
QString paragraphToolTip(const QString& text);

// The term of a DynamoDB call the planner names.
DynamoDbTerm operationTerm(model::Operation operation);

// The term of what an access pattern does: the call that does it where there is one (get:
// GetItem, transaction: TransactWriteItems), Aggregate for KV Lab's aggregate.
DynamoDbTerm actionTerm(model::Action action);

// The term of a read consistency.
DynamoDbTerm consistencyTerm(model::Consistency consistency);

}  // namespace kvlab::ui
