#include "ui/models/dynamodb_terms.h"

#include <QCoreApplication>
#include <array>

#include "model/capacity/dynamodb_limits.h"
#include "model/capacity/read_units.h"
#include "model/capacity/write_units.h"
#include "simulator/engines/dynamodb/dynamodb_options.h"
#include "ui/models/number_text.h"

namespace kvlab::ui {
namespace {

namespace limits = model::capacity::limits;
using model::capacity::ReadType;
using model::capacity::WriteType;

// The translation context of every term.
class Terms {
  Q_DECLARE_TR_FUNCTIONS(kvlab::ui::DynamoDbTerms)
};

constexpr std::array kAllTerms = {
    DynamoDbTerm::AccessPattern,
    DynamoDbTerm::SingleTableDesign,
    DynamoDbTerm::Design,
    DynamoDbTerm::PartitionKey,
    DynamoDbTerm::SortKey,
    DynamoDbTerm::ItemCollection,
    DynamoDbTerm::KeyTemplate,
    DynamoDbTerm::KeyCondition,
    DynamoDbTerm::FilterExpression,
    DynamoDbTerm::QueryOrder,
    DynamoDbTerm::Limit,
    DynamoDbTerm::Gsi,
    DynamoDbTerm::Lsi,
    DynamoDbTerm::Projection,
    DynamoDbTerm::SparseIndex,
    DynamoDbTerm::ItemSize,
    DynamoDbTerm::ReadCapacityUnit,
    DynamoDbTerm::WriteCapacityUnit,
    DynamoDbTerm::RequestUnits,
    DynamoDbTerm::CapacityMode,
    DynamoDbTerm::OnDemand,
    DynamoDbTerm::Provisioned,
    DynamoDbTerm::Storage,
    DynamoDbTerm::Partition,
    DynamoDbTerm::Throttle,
    DynamoDbTerm::HotPartition,
    DynamoDbTerm::AdaptiveCapacity,
    DynamoDbTerm::SplitForHeat,
    DynamoDbTerm::EventuallyConsistentRead,
    DynamoDbTerm::StronglyConsistentRead,
    DynamoDbTerm::GetItem,
    DynamoDbTerm::Query,
    DynamoDbTerm::Scan,
    DynamoDbTerm::BatchGetItem,
    DynamoDbTerm::PutItem,
    DynamoDbTerm::UpdateItem,
    DynamoDbTerm::DeleteItem,
    DynamoDbTerm::TransactWriteItems,
    DynamoDbTerm::TransactGetItems,
    DynamoDbTerm::Aggregate,
};
static_assert(kAllTerms.size() == static_cast<std::size_t>(DynamoDbTerm::Aggregate) + 1,
              "every term is listed once, in the enum's order");

// The numbers the texts quote, from where the planner and the simulator take them.
QString bytes(std::int64_t value) { return numberText(static_cast<double>(value)); }
QString kilobytes(std::int64_t value) {
  return numberText(static_cast<double>(value) / limits::kKilobyte);
}
QString megabytes(std::int64_t value) {
  return numberText(static_cast<double>(value) / limits::kMegabyte);
}
QString readUnits(ReadType type) { return numberText(model::capacity::readUnitsPerBlock(type)); }
QString writeUnits(WriteType type) {
  return numberText(static_cast<double>(model::capacity::writeUnitsPerBlock(type)));
}
QString readKb() { return kilobytes(limits::kReadUnitBytes); }
QString writeKb() { return kilobytes(limits::kWriteUnitBytes); }

const sim::DynamoDbOptions& engineDefaults() {
  static const sim::DynamoDbOptions defaults;
  return defaults;
}
QString partitionReads() { return numberText(engineDefaults().partitionReadUnits); }
QString partitionWrites() { return numberText(engineDefaults().partitionWriteUnits); }
QString partitionGb() {
  return numberText(engineDefaults().partitionBytes / (1024.0 * 1024.0 * 1024.0));
}
QString peakFactor() { return numberText(engineDefaults().onDemandPeakFactor); }

QString escaped(const QString& plain) {
  QString html = plain.toHtmlEscaped();
  html.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
  return html;
}

}  // namespace

std::span<const DynamoDbTerm> allDynamoDbTerms() { return kAllTerms; }

QString termName(DynamoDbTerm term) {
  switch (term) {
    case DynamoDbTerm::AccessPattern:
      return Terms::tr("Access pattern");
    case DynamoDbTerm::SingleTableDesign:
      return Terms::tr("Single-table design");
    case DynamoDbTerm::Design:
      return Terms::tr("Design (KV Lab)");
    case DynamoDbTerm::PartitionKey:
      return Terms::tr("Partition key");
    case DynamoDbTerm::SortKey:
      return Terms::tr("Sort key");
    case DynamoDbTerm::ItemCollection:
      return Terms::tr("Item collection");
    case DynamoDbTerm::KeyTemplate:
      return Terms::tr("Key template (KV Lab)");
    case DynamoDbTerm::KeyCondition:
      return Terms::tr("Key condition");
    case DynamoDbTerm::FilterExpression:
      return Terms::tr("Filter");
    case DynamoDbTerm::QueryOrder:
      return Terms::tr("Sort order");
    case DynamoDbTerm::Limit:
      return Terms::tr("Limit");
    case DynamoDbTerm::Gsi:
      return Terms::tr("Global secondary index (GSI)");
    case DynamoDbTerm::Lsi:
      return Terms::tr("Local secondary index (LSI)");
    case DynamoDbTerm::Projection:
      return Terms::tr("Projection");
    case DynamoDbTerm::SparseIndex:
      return Terms::tr("Sparse index");
    case DynamoDbTerm::ItemSize:
      return Terms::tr("Item size");
    case DynamoDbTerm::ReadCapacityUnit:
      return Terms::tr("Read capacity unit (RCU)");
    case DynamoDbTerm::WriteCapacityUnit:
      return Terms::tr("Write capacity unit (WCU)");
    case DynamoDbTerm::RequestUnits:
      return Terms::tr("Request units (RRU, WRU)");
    case DynamoDbTerm::CapacityMode:
      return Terms::tr("Capacity mode");
    case DynamoDbTerm::OnDemand:
      return Terms::tr("On-demand capacity");
    case DynamoDbTerm::Provisioned:
      return Terms::tr("Provisioned capacity");
    case DynamoDbTerm::Storage:
      return Terms::tr("Storage (GB-month)");
    case DynamoDbTerm::Partition:
      return Terms::tr("Partition");
    case DynamoDbTerm::Throttle:
      return Terms::tr("Throttle");
    case DynamoDbTerm::HotPartition:
      return Terms::tr("Hot partition, hot key");
    case DynamoDbTerm::AdaptiveCapacity:
      return Terms::tr("Adaptive capacity");
    case DynamoDbTerm::SplitForHeat:
      return Terms::tr("Split for heat");
    case DynamoDbTerm::EventuallyConsistentRead:
      return Terms::tr("Eventually consistent read");
    case DynamoDbTerm::StronglyConsistentRead:
      return Terms::tr("Strongly consistent read");
    case DynamoDbTerm::GetItem:
      return QStringLiteral("GetItem");
    case DynamoDbTerm::Query:
      return QStringLiteral("Query");
    case DynamoDbTerm::Scan:
      return QStringLiteral("Scan");
    case DynamoDbTerm::BatchGetItem:
      return QStringLiteral("BatchGetItem");
    case DynamoDbTerm::PutItem:
      return QStringLiteral("PutItem");
    case DynamoDbTerm::UpdateItem:
      return QStringLiteral("UpdateItem");
    case DynamoDbTerm::DeleteItem:
      return QStringLiteral("DeleteItem");
    case DynamoDbTerm::TransactWriteItems:
      return QStringLiteral("TransactWriteItems");
    case DynamoDbTerm::TransactGetItems:
      return QStringLiteral("TransactGetItems");
    case DynamoDbTerm::Aggregate:
      return Terms::tr("Aggregate (KV Lab)");
  }
  return {};
}

QString termText(DynamoDbTerm term) {
  switch (term) {
    case DynamoDbTerm::AccessPattern:
      return Terms::tr(
          "One question or change the application makes of its data (\"a customer's orders, "
          "newest first\"), with its rate. A DynamoDB design starts from its access patterns: "
          "each should be served through a key, not by a Scan.");
    case DynamoDbTerm::SingleTableDesign:
      return Terms::tr(
          "Every entity in one table, told apart by key prefixes (CUSTOMER#, ORDER#), so that "
          "items read together share a partition key and one Query returns them. Global "
          "secondary indexes serve the patterns the table's keys cannot.");
    case DynamoDbTerm::Design:
      return Terms::tr(
          "One DynamoDB table with its partition and sort key, its GSIs and LSIs, and the key "
          "templates that place each entity's items in them. A project may hold several, to "
          "compare their plans and costs.");
    case DynamoDbTerm::PartitionKey:
      return Terms::tr(
                 "The key attribute whose value DynamoDB hashes to choose the partition that "
                 "stores an item. GetItem and Query must give its exact value; a value is at "
                 "most %1 bytes.")
          .arg(bytes(limits::kMaxPartitionKeyBytes));
    case DynamoDbTerm::SortKey:
      return Terms::tr(
                 "The optional second key attribute: it orders the items that share a partition "
                 "key, so that a Query can read a range of them (=, <, <=, >, >=, between, "
                 "begins_with). A value is at most %1 bytes.")
          .arg(bytes(limits::kMaxSortKeyBytes));
    case DynamoDbTerm::ItemCollection:
      return Terms::tr(
          "The items that share one partition key value, kept together in sort key order; one "
          "Query reads from one collection. On a table with a local secondary index a "
          "collection, index entries included, may hold at most 10 GB.");
    case DynamoDbTerm::KeyTemplate:
      return Terms::tr(
          "Literal text and {attribute} placeholders, each filled with the value of one of the "
          "entity's attributes, e.g. CUSTOMER#{customerId} or ORDER#{orderDate}#{orderId}; {{ "
          "and }} stand for literal braces. An entity with no template has no item in the table "
          "or index.");
    case DynamoDbTerm::KeyCondition:
      return Terms::tr(
          "What a Query finds its items by: the partition key's exact value and, optionally, one "
          "condition on the sort key (=, <, <=, >, >=, between, begins_with). Only the items it "
          "matches are read and paid for.");
    case DynamoDbTerm::FilterExpression:
      return Terms::tr(
          "Conditions on other attributes, tested after a Query or Scan has read the items: they "
          "shrink the answer, not the bill, since every item read is paid for.");
    case DynamoDbTerm::QueryOrder:
      return Terms::tr(
          "A Query returns an item collection in sort key order, ascending by default or "
          "descending (ScanIndexForward false), at the same cost. To sort by another attribute, "
          "make it the sort key of the table or of an index.");
    case DynamoDbTerm::Limit:
      return Terms::tr(
          "The most items a Query or Scan evaluates in one call, before any filter. A Query for "
          "the newest N items in sort key order reads, and pays for, only those N.");
    case DynamoDbTerm::Gsi:
      return Terms::tr(
          "A copy of the items that carry its key attributes, under a partition and sort key of "
          "its own, so that a Query can find them by other attributes. Its reads are eventually "
          "consistent only. It has capacity of its own, pays for the writes that change its "
          "entries, and throttles the table's writes when it cannot keep up.");
    case DynamoDbTerm::Lsi:
      return Terms::tr(
          "The table's partition key with another sort key, so that a Query can read an item "
          "collection in another order or range. It can be read strongly consistent and uses the "
          "table's capacity; a table has at most 5, created with the table, and each item "
          "collection is limited to 10 GB.");
    case DynamoDbTerm::Projection:
      return Terms::tr(
          "Which attributes an index copies from each item: ALL, KEYS_ONLY (the table's and the "
          "index's keys) or INCLUDE (the keys and the attributes listed). A smaller projection "
          "makes the index's reads, writes and storage cheaper; a Query on an LSI that needs an "
          "attribute it does not project fetches the item from the table, at extra read units.");
    case DynamoDbTerm::SparseIndex:
      return Terms::tr(
          "An index holds only the items that carry its key attributes. Keyed on an attribute few "
          "items have (an open order's status, a flag), it stays small, and reading or scanning "
          "it is cheap.");
    case DynamoDbTerm::ItemSize:
      return Terms::tr(
                 "The sum, over an item's attributes, of each name's UTF-8 bytes and its value's "
                 "size, so long attribute names cost on every item. An item is at most %1 KB; "
                 "read and write units are counted from this size.")
          .arg(kilobytes(limits::kMaxItemBytes));
    case DynamoDbTerm::ReadCapacityUnit:
      return Terms::tr(
                 "One strongly consistent read of up to %1 KB; sizes round up to the next %1 KB "
                 "(a Query adds up its items and rounds once). An eventually consistent read "
                 "costs half (%2 per %1 KB), a transactional read twice (%3 per %1 KB).")
          .arg(readKb(), readUnits(ReadType::Eventual), readUnits(ReadType::Transactional));
    case DynamoDbTerm::WriteCapacityUnit:
      return Terms::tr(
                 "One write of up to %1 KB; sizes round up to the next %1 KB (a put or update "
                 "counts the larger of the item before and after). A transactional write costs "
                 "twice (%2 per %1 KB), and each index whose entry changes costs units of its own.")
          .arg(writeKb(), writeUnits(WriteType::Transactional));
    case DynamoDbTerm::RequestUnits:
      return Terms::tr(
                 "What on-demand mode bills per request, with the sizes and multipliers of "
                 "capacity units: a read request unit per %1 KB read strongly consistent (half "
                 "eventually consistent), a write request unit per %2 KB written.")
          .arg(readKb(), writeKb());
    case DynamoDbTerm::CapacityMode:
      return Terms::tr(
          "How a table pays for throughput: on demand, per request, with nothing to set; or "
          "provisioned, by the hour, for read and write capacity units set ahead.");
    case DynamoDbTerm::OnDemand:
      return Terms::tr(
                 "No capacity to set: each request is billed in request units. A table serves up "
                 "to %1 times its previous peak at once (a new table %2 read and %3 write units a "
                 "second); traffic that grows faster may be throttled.")
          .arg(peakFactor(), numberText(engineDefaults().onDemandInitialReadUnits),
               numberText(engineDefaults().onDemandInitialWriteUnits));
    case DynamoDbTerm::Provisioned:
      return Terms::tr(
                 "Read and write capacity units a second, set for the table and for each GSI and "
                 "billed by the hour, used or not. Requests beyond them are throttled once the "
                 "burst capacity (up to %1 seconds of unused capacity) is spent.")
          .arg(numberText(engineDefaults().burstSeconds));
    case DynamoDbTerm::Storage:
      return Terms::tr(
                 "Billed per GB-month: a gigabyte kept for a month. Every item and index entry "
                 "counts, with %1 bytes of overhead each; KV Lab counts decimal gigabytes (a "
                 "billion bytes), as AWS's calculator does.")
          .arg(bytes(limits::kStorageOverheadBytes));
    case DynamoDbTerm::Partition:
      return Terms::tr(
                 "A share of a table's or GSI's key hashes, stored and served on its own. Each "
                 "serves at most %1 read units and %2 write units a second (reads and writes "
                 "throttled apart) and holds about %3 GB; DynamoDB adds partitions as data and "
                 "traffic grow.")
          .arg(partitionReads(), partitionWrites(), partitionGb());
    case DynamoDbTerm::Throttle:
      return Terms::tr(
                 "A request refused because a limit was reached: a partition's %1 read or %2 "
                 "write units a second, the provisioned capacity once burst is spent, or on "
                 "demand a jump past %3 times the previous peak. The SDK retries it after a "
                 "back-off, which adds latency; a request out of retries fails.")
          .arg(partitionReads(), partitionWrites(), peakFactor());
    case DynamoDbTerm::HotPartition:
      return Terms::tr(
                 "A partition key value, or a few, drawing far more traffic than the rest. Every "
                 "request for one item goes to one partition, so %1 read and %2 write units a "
                 "second cap a single item however large the table; a shard suffix in the key "
                 "(#0 to #9) spreads a hot key's load over several.")
          .arg(partitionReads(), partitionWrites());
    case DynamoDbTerm::AdaptiveCapacity:
      return Terms::tr(
          "DynamoDB lets a busy partition use more than its even share of the table's "
          "provisioned capacity, up to the partition's own maximum, as long as the table stays "
          "within its total. Always on, in both capacity modes, at no cost.");
    case DynamoDbTerm::SplitForHeat:
      return Terms::tr(
                 "Adaptive capacity also isolates hot items: a partition that stays hot is split, "
                 "down to a single item, which then has %1 read and %2 write units a second to "
                 "itself. It cannot split one item's traffic, nor an item collection of a table "
                 "with an LSI.")
          .arg(partitionReads(), partitionWrites());
    case DynamoDbTerm::EventuallyConsistentRead:
      return Terms::tr(
                 "DynamoDB's default read: it may miss a write that completed just before, and "
                 "costs half a strongly consistent read (%1 read units per %2 KB). The only kind "
                 "a GSI serves.")
          .arg(readUnits(ReadType::Eventual), readKb());
    case DynamoDbTerm::StronglyConsistentRead:
      return Terms::tr(
                 "A read that sees every write that succeeded before it, at %1 read unit per %2 "
                 "KB, twice an eventually consistent read. The table and its LSIs serve it; a "
                 "GSI does not.")
          .arg(readUnits(ReadType::Strong), readKb());
    case DynamoDbTerm::GetItem:
      return Terms::tr(
                 "Reads one item by its full primary key (the partition key and, if the table "
                 "has one, the sort key). It costs the item's size rounded up to %1 KB, and at "
                 "least %2 read unit (%3 eventually consistent) even when no item is found.")
          .arg(readKb(), readUnits(ReadType::Strong), readUnits(ReadType::Eventual));
    case DynamoDbTerm::Query:
      return Terms::tr(
                 "Reads one item collection of the table or an index: all of it or a sort key "
                 "range, in sort key order, up to %1 MB a call. It pays for the items read, "
                 "added up and rounded up to %2 KB once, including those a filter drops.")
          .arg(megabytes(limits::kQueryPageBytes), readKb());
    case DynamoDbTerm::Scan:
      return Terms::tr(
                 "Reads every item of the table or index, %1 MB a call, and pays for all it "
                 "reads, whatever a filter keeps. It is what is left when no key serves a "
                 "pattern, and its cost grows with the table.")
          .arg(megabytes(limits::kQueryPageBytes));
    case DynamoDbTerm::BatchGetItem:
      return Terms::tr(
                 "Reads up to %1 items by primary key in one call (%2 MB at most), each rounded "
                 "up to %3 KB on its own. It saves round trips, not read units.")
          .arg(QString::number(limits::kMaxBatchGetItems), megabytes(limits::kMaxBatchGetBytes),
               readKb());
    case DynamoDbTerm::PutItem:
      return Terms::tr(
                 "Writes a whole item, creating it or replacing the one with its key. It costs "
                 "the larger of the old and the new item, rounded up to %1 KB.")
          .arg(writeKb());
    case DynamoDbTerm::UpdateItem:
      return Terms::tr(
                 "Changes some attributes of one item. It costs the larger of the item before "
                 "and after, rounded up to %1 KB, however small the change.")
          .arg(writeKb());
    case DynamoDbTerm::DeleteItem:
      return Terms::tr(
                 "Removes one item by its primary key. It costs the deleted item's size, rounded "
                 "up to %1 KB.")
          .arg(writeKb());
    case DynamoDbTerm::TransactWriteItems:
      return Terms::tr(
                 "Up to %1 writes, %2 MB in all, that succeed or fail together, no two on the "
                 "same item. Each costs twice a plain write: %3 write units per %4 KB.")
          .arg(QString::number(limits::kMaxTransactionItems),
               megabytes(limits::kMaxTransactionBytes), writeUnits(WriteType::Transactional),
               writeKb());
    case DynamoDbTerm::TransactGetItems:
      return Terms::tr(
                 "Up to %1 reads, %2 MB in all, made together as one all-or-nothing operation. "
                 "Each costs twice a strongly consistent read: %3 read units per %4 KB.")
          .arg(QString::number(limits::kMaxTransactionItems),
               megabytes(limits::kMaxTransactionBytes), readUnits(ReadType::Transactional),
               readKb());
    case DynamoDbTerm::Aggregate:
      return Terms::tr(
          "A count, sum, minimum or maximum over items. DynamoDB has no such call: the client "
          "reads the items (a Query, or a Scan) and computes it; a counter item kept up to date "
          "by each write makes it one GetItem.");
  }
  return {};
}

QString termToolTip(DynamoDbTerm term) {
  return QStringLiteral("<p><b>%1</b>: %2</p>")
      .arg(escaped(termName(term)), escaped(termText(term)));
}

QString termToolTip(const QString& lead, std::initializer_list<DynamoDbTerm> terms) {
  QString tip = lead.isEmpty() ? QString() : paragraphToolTip(lead);
  for (DynamoDbTerm term : terms) tip += termToolTip(term);
  return tip;
}

QString paragraphToolTip(const QString& text) {
  return QStringLiteral("<p>%1</p>").arg(escaped(text));
}

DynamoDbTerm operationTerm(model::Operation operation) {
  switch (operation) {
    case model::Operation::GetItem:
      return DynamoDbTerm::GetItem;
    case model::Operation::Query:
      return DynamoDbTerm::Query;
    case model::Operation::Scan:
      return DynamoDbTerm::Scan;
    case model::Operation::BatchGetItem:
      return DynamoDbTerm::BatchGetItem;
    case model::Operation::PutItem:
      return DynamoDbTerm::PutItem;
    case model::Operation::UpdateItem:
      return DynamoDbTerm::UpdateItem;
    case model::Operation::DeleteItem:
      return DynamoDbTerm::DeleteItem;
    case model::Operation::TransactWriteItems:
      return DynamoDbTerm::TransactWriteItems;
    case model::Operation::TransactGetItems:
      return DynamoDbTerm::TransactGetItems;
  }
  return DynamoDbTerm::Query;
}

DynamoDbTerm actionTerm(model::Action action) {
  switch (action) {
    case model::Action::Get:
      return DynamoDbTerm::GetItem;
    case model::Action::Query:
      return DynamoDbTerm::Query;
    case model::Action::Scan:
      return DynamoDbTerm::Scan;
    case model::Action::Put:
      return DynamoDbTerm::PutItem;
    case model::Action::Update:
      return DynamoDbTerm::UpdateItem;
    case model::Action::Delete:
      return DynamoDbTerm::DeleteItem;
    case model::Action::Transaction:
      return DynamoDbTerm::TransactWriteItems;
    case model::Action::Aggregate:
      return DynamoDbTerm::Aggregate;
  }
  return DynamoDbTerm::Query;
}

DynamoDbTerm consistencyTerm(model::Consistency consistency) {
  return consistency == model::Consistency::Strong ? DynamoDbTerm::StronglyConsistentRead
                                                   : DynamoDbTerm::EventuallyConsistentRead;
}

}  // namespace kvlab::ui
