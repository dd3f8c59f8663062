#include "ui/models/project_tree_model.h"

#include <QFont>
#include <QStringList>
#include <cmath>
#include <string>
#include <vector>

#include "model/io/project_json.h"
#include "model/schema/project.h"
#include "ui/document/project_document.h"
#include "ui/models/dynamodb_terms.h"
#include "ui/models/tree_icons.h"

namespace kvlab::ui {
namespace {

// An index's internal id packs its parent's path: 2 bits of depth, 3 of group, then 20 bits for
// each deeper row. Every list in a kvlab/1 document is shorter than 2^20 entries.
constexpr int kRowBits = 20;
constexpr quintptr kRowMask = (quintptr{1} << kRowBits) - 1;
constexpr int kGroupShift = 2;
constexpr int kGroupBits = 3;
constexpr int kRowShift = kGroupShift + kGroupBits;
static_assert(sizeof(quintptr) >= 8, "the tree model packs paths into 64-bit ids");
static_assert(model::kMaxListLength < (std::size_t{1} << kRowBits) - 1,
              "a list row must fit in the bits an index id gives it");

QString text(const std::string& value) { return QString::fromStdString(value); }

QString joined(const std::vector<std::string>& names, const QString& separator) {
  QStringList parts;
  for (const std::string& name : names) parts << text(name);
  return parts.join(separator);
}

QString number(double value) {
  if (std::isfinite(value) && value == std::floor(value) && std::abs(value) < 1e15) {
    return QString::number(static_cast<qlonglong>(value));
  }
  return QString::number(value, 'g', 4);
}

QString plural(qsizetype count, const char* singular, const char* pluralForm) {
  return QStringLiteral("%1 %2").arg(count).arg(QLatin1String(count == 1 ? singular : pluralForm));
}

QString describeEntity(const model::Entity& e) {
  QStringList parts;
  if (!e.identifier.empty()) parts << QStringLiteral("id ") + joined(e.identifier, ", ");
  parts << plural(static_cast<qsizetype>(e.attributes.size()), "attribute", "attributes");
  if (e.count) parts << plural(static_cast<qsizetype>(*e.count), "item", "items");
  if (!e.isStored()) parts << QStringLiteral("embedded, not stored");
  return parts.join(QStringLiteral(" · "));
}

QString describeAttribute(const model::Entity& e, const model::Attribute& a) {
  QStringList parts;
  parts << text(std::string(model::attributeTypeName(a.type)));
  if (a.size) parts << QStringLiteral("%1 bytes").arg(*a.size);
  if (a.format) parts << text(*a.format);
  if (a.distinct) parts << QStringLiteral("%1 distinct").arg(*a.distinct);
  for (const std::string& id : e.identifier) {
    if (id == a.name) {
      parts << QStringLiteral("identifier");
      break;
    }
  }
  return parts.join(QStringLiteral(" · "));
}

QString relationshipEnds(const model::Relationship& r) {
  return text(r.from) + QStringLiteral(" → ") + text(r.to);
}

QString describeRelationship(const model::Relationship& r) {
  QStringList parts;
  QString kind = text(std::string(model::relationshipKindName(r.kind)));
  if (r.name) kind += QStringLiteral(", ") + relationshipEnds(r);
  parts << kind;
  if (r.fanout) {
    QString fanout = QStringLiteral("fan-out ") + number(r.fanout->mean);
    if (r.fanout->max) fanout += QStringLiteral(" (max %1)").arg(*r.fanout->max);
    parts << fanout;
  }
  return parts.join(QStringLiteral(" · "));
}

QString describePattern(const model::AccessPattern& p) {
  QString what = text(std::string(model::actionName(p.action))) + QLatin1Char(' ') +
                 joined(p.entities, QStringLiteral(" + "));
  if (!p.equals.empty()) what += QStringLiteral(" by ") + joined(p.equals, ", ");
  if (p.range) {
    what += QStringLiteral(", %1 %2").arg(text(p.range->attribute),
                                          text(std::string(model::rangeOpName(p.range->op))));
  }
  if (p.sortBy) what += QStringLiteral(", sorted by ") + text(*p.sortBy);
  if (p.order) what += QLatin1Char(' ') + text(std::string(model::sortOrderName(*p.order)));
  if (p.filter && !p.filter->empty()) what += QStringLiteral(", filter ") + joined(*p.filter, ", ");
  if (p.limit) what += QStringLiteral(", limit %1").arg(*p.limit);
  if (p.aggregate) {
    what += QStringLiteral(", ") +
            text(std::string(model::aggregateFunctionName(p.aggregate->function)));
    if (p.aggregate->attribute) what += QLatin1Char(' ') + text(*p.aggregate->attribute);
  }
  if (p.itemsPerRequest) what += QStringLiteral(", %1 items").arg(*p.itemsPerRequest);

  QStringList parts{what};
  if (p.rate) {
    QString rate = number(p.rate->mean) + QStringLiteral("/s");
    if (p.rate->peak) rate += QStringLiteral(" (peak %1/s)").arg(number(*p.rate->peak));
    parts << rate;
  }
  if (p.consistency) parts << text(std::string(model::consistencyName(*p.consistency)));
  if (p.keyDistribution) {
    parts << text(std::string(model::keyDistributionKindName(p.keyDistribution->kind)));
  }
  return parts.join(QStringLiteral(" · "));
}

QString keyAttributes(const std::string& pk, const std::optional<std::string>& sk) {
  return sk ? text(pk) + QStringLiteral(", ") + text(*sk) : text(pk);
}

QString describeDesign(const model::Design& d) {
  QStringList parts;
  parts << QStringLiteral("table %1 (%2)")
               .arg(text(d.table.name), keyAttributes(d.table.pk, d.table.sk));
  parts << plural(static_cast<qsizetype>(d.gsis.size()), "GSI", "GSIs");
  parts << plural(static_cast<qsizetype>(d.lsis.size()), "LSI", "LSIs");
  parts << plural(static_cast<qsizetype>(d.entityKeys.size()), "entity keyed", "entities keyed");
  return parts.join(QStringLiteral(" · "));
}

QString describeKeys(const model::EntityKeys& keys) {
  QStringList parts;
  for (const auto& [attribute, value] : keys.templates) {
    parts << text(attribute) + QStringLiteral(" = ") + text(value);
  }
  return parts.join(QStringLiteral(" · "));
}

// A design's children: its table, then its GSIs, then its LSIs.
struct DesignPart {
  const model::SecondaryIndex* index = nullptr;  // null for the table
  bool local = false;

  const std::vector<model::EntityKeys>& entityKeys(const model::Design& d) const {
    return index ? index->entityKeys : d.entityKeys;
  }
};

DesignPart designPart(const model::Design& d, int row) {
  if (row == 0) return {};
  const auto gsiRow = static_cast<std::size_t>(row - 1);
  if (gsiRow < d.gsis.size()) return {&d.gsis[gsiRow], false};
  return {&d.lsis[gsiRow - d.gsis.size()], true};
}

QString describePart(const model::Design& d, const DesignPart& part) {
  QStringList parts;
  if (!part.index) {
    parts << keyAttributes(d.table.pk, d.table.sk);
  } else {
    const std::string pk = part.local ? d.table.pk : part.index->pk.value_or("?");
    parts << keyAttributes(pk, part.index->sk);
    QString projection = text(std::string(
        model::projectionName(part.index->projection.value_or(model::Projection::All))));
    if (part.index->include && !part.index->include->empty()) {
      projection += QStringLiteral(" (") + joined(*part.index->include, ", ") + QLatin1Char(')');
    }
    parts << projection;
  }
  parts << plural(static_cast<qsizetype>(part.entityKeys(d).size()), "entity", "entities");
  return parts.join(QStringLiteral(" · "));
}

QString describeWorkload(const model::Workload& w) {
  QStringList parts;
  if (w.durationSeconds) parts << number(*w.durationSeconds) + QStringLiteral(" s");
  if (w.seed) parts << QStringLiteral("seed %1").arg(*w.seed);
  QStringList patterns;
  for (const model::PatternWorkload& p : w.patterns) {
    patterns << (p.rate ? text(p.patternId) + QLatin1Char(' ') +
                              text(std::string(model::rateShapeName(p.rate->shape)))
                        : text(p.patternId));
  }
  parts << (patterns.isEmpty() ? QStringLiteral("no pattern named") : patterns.join(", "));
  return parts.join(QStringLiteral(" · "));
}

// A row's tooltip `tip` followed by the DynamoDB terms its row stands for: an access pattern's
// call, a design, its table's keys, a GSI or LSI with its projection, a key template. `rows` is
// the row's path (group, item, part, entity), `depth` its depth (0 for a group).
QString withTerms(const model::Project& p, int depth, const int (&rows)[4], const QString& tip) {
  switch (rows[0]) {
    case ProjectTreeModel::kAccessPatterns:
      if (depth == 0) return termToolTip(tip, {DynamoDbTerm::AccessPattern});
      return termToolTip(tip, {actionTerm(p.accessPatterns[rows[1]].action)});
    case ProjectTreeModel::kDesigns: {
      if (depth <= 1) return termToolTip(tip, {DynamoDbTerm::Design});
      if (depth == 3) return termToolTip(tip, {DynamoDbTerm::KeyTemplate});
      const DesignPart part = designPart(p.designs[rows[1]], rows[2]);
      if (!part.index) return termToolTip(tip, {DynamoDbTerm::PartitionKey, DynamoDbTerm::SortKey});
      return termToolTip(
          tip, {part.local ? DynamoDbTerm::Lsi : DynamoDbTerm::Gsi, DynamoDbTerm::Projection});
    }
    default:
      return tip;
  }
}

}  // namespace

ProjectTreeModel::ProjectTreeModel(const ProjectDocument* document, QObject* parent)
    : QAbstractItemModel(parent), document_(document) {
  connect(document_, &ProjectDocument::aboutToChange, this, &ProjectTreeModel::beginResetModel);
  connect(document_, &ProjectDocument::changed, this, &ProjectTreeModel::endResetModel);
}

ProjectTreeModel::~ProjectTreeModel() = default;

const model::Project& ProjectTreeModel::project() const { return document_->project(); }

quintptr ProjectTreeModel::encode(const Node& node) {
  quintptr id = static_cast<quintptr>(node.depth + 1);  // 0..3
  if (node.depth >= 0) id |= static_cast<quintptr>(node.rows[0]) << kGroupShift;
  if (node.depth >= 1) id |= static_cast<quintptr>(node.rows[1]) << kRowShift;
  if (node.depth >= 2) id |= static_cast<quintptr>(node.rows[2]) << (kRowShift + kRowBits);
  return id;
}

ProjectTreeModel::Node ProjectTreeModel::decode(quintptr id) {
  Node node;
  node.depth = static_cast<int>(id & 3) - 1;
  node.rows[0] = static_cast<int>((id >> kGroupShift) & ((1 << kGroupBits) - 1));
  node.rows[1] = static_cast<int>((id >> kRowShift) & kRowMask);
  node.rows[2] = static_cast<int>((id >> (kRowShift + kRowBits)) & kRowMask);
  return node;
}

ProjectTreeModel::Node ProjectTreeModel::nodeOf(const QModelIndex& index) const {
  if (!index.isValid()) return {};
  Node node = decode(index.internalId());
  ++node.depth;
  node.rows[node.depth] = index.row();
  return node;
}

int ProjectTreeModel::childCount(const Node& node) const {
  const model::Project& p = project();
  const auto size = [](const auto& list) { return static_cast<int>(list.size()); };
  switch (node.depth) {
    case -1:
      return kGroupCount;
    case 0:
      switch (node.rows[0]) {
        case kEntities:
          return size(p.entities);
        case kRelationships:
          return size(p.relationships);
        case kAccessPatterns:
          return size(p.accessPatterns);
        case kDesigns:
          return size(p.designs);
        case kWorkloads:
          return size(p.workloads);
      }
      return 0;
    case 1:
      if (node.rows[0] == kEntities) return size(p.entities[node.rows[1]].attributes);
      if (node.rows[0] == kDesigns) {
        const model::Design& d = p.designs[node.rows[1]];
        return 1 + size(d.gsis) + size(d.lsis);
      }
      return 0;
    case 2:
      if (node.rows[0] == kDesigns) {
        const model::Design& d = p.designs[node.rows[1]];
        return size(designPart(d, node.rows[2]).entityKeys(d));
      }
      return 0;
    default:
      return 0;
  }
}

QString ProjectTreeModel::name(const Node& node) const {
  const model::Project& p = project();
  const int group = node.rows[0];
  if (node.depth == 0) {
    switch (group) {
      case kEntities:
        return tr("Entities");
      case kRelationships:
        return tr("Relationships");
      case kAccessPatterns:
        return tr("Access patterns");
      case kDesigns:
        return tr("Designs");
      case kWorkloads:
        return tr("Workloads");
    }
    return {};
  }
  const int item = node.rows[1];
  switch (group) {
    case kEntities: {
      const model::Entity& e = p.entities[item];
      return node.depth == 1 ? text(e.name) : text(e.attributes[node.rows[2]].name);
    }
    case kRelationships: {
      const model::Relationship& r = p.relationships[item];
      return r.name ? text(*r.name) : relationshipEnds(r);
    }
    case kAccessPatterns: {
      const model::AccessPattern& a = p.accessPatterns[item];
      return text(a.id) + QStringLiteral("  ") + text(a.name);
    }
    case kDesigns: {
      const model::Design& d = p.designs[item];
      if (node.depth == 1) return text(d.name);
      const DesignPart part = designPart(d, node.rows[2]);
      if (node.depth == 3) return text(part.entityKeys(d)[node.rows[3]].entity);
      if (!part.index) return tr("Table %1").arg(text(d.table.name));
      return (part.local ? tr("LSI %1") : tr("GSI %1")).arg(text(part.index->name));
    }
    case kWorkloads:
      return text(p.workloads[item].name);
  }
  return {};
}

QString ProjectTreeModel::detail(const Node& node) const {
  const model::Project& p = project();
  const int group = node.rows[0];
  if (node.depth == 0) return QString::number(childCount(node));
  const int item = node.rows[1];
  switch (group) {
    case kEntities: {
      const model::Entity& e = p.entities[item];
      return node.depth == 1 ? describeEntity(e) : describeAttribute(e, e.attributes[node.rows[2]]);
    }
    case kRelationships:
      return describeRelationship(p.relationships[item]);
    case kAccessPatterns:
      return describePattern(p.accessPatterns[item]);
    case kDesigns: {
      const model::Design& d = p.designs[item];
      if (node.depth == 1) return describeDesign(d);
      const DesignPart part = designPart(d, node.rows[2]);
      if (node.depth == 3) return describeKeys(part.entityKeys(d)[node.rows[3]]);
      return describePart(d, part);
    }
    case kWorkloads:
      return describeWorkload(p.workloads[item]);
  }
  return {};
}

QIcon ProjectTreeModel::icon(const Node& node) const {
  if (node.depth <= 0) return {};
  const model::Project& p = project();
  const int item = node.rows[1];
  switch (node.rows[0]) {
    case kEntities: {
      if (node.depth == 1) return treeIcon(TreeIconKind::Entity);
      const model::Entity& e = p.entities[item];
      const std::string& name = e.attributes[node.rows[2]].name;
      for (const std::string& id : e.identifier) {
        if (id == name) return treeIcon(TreeIconKind::IdentifierAttribute);
      }
      return treeIcon(TreeIconKind::Attribute);
    }
    case kRelationships:
      return treeIcon(TreeIconKind::Relationship);
    case kAccessPatterns:
      return treeIcon(p.accessPatterns[item].isWrite() ? TreeIconKind::WritePattern
                                                       : TreeIconKind::ReadPattern);
    case kDesigns: {
      if (node.depth == 1) return treeIcon(TreeIconKind::Design);
      if (node.depth == 3) return treeIcon(TreeIconKind::EntityKeys);
      const DesignPart part = designPart(p.designs[item], node.rows[2]);
      if (!part.index) return treeIcon(TreeIconKind::Table);
      return treeIcon(part.local ? TreeIconKind::LocalIndex : TreeIconKind::GlobalIndex);
    }
    case kWorkloads:
      return treeIcon(TreeIconKind::Workload);
  }
  return {};
}

QModelIndex ProjectTreeModel::groupIndex(Group group) const { return index(group, 0); }

QModelIndex ProjectTreeModel::index(int row, int column, const QModelIndex& parent) const {
  if (!hasIndex(row, column, parent)) return {};
  return createIndex(row, column, encode(nodeOf(parent)));
}

QModelIndex ProjectTreeModel::parent(const QModelIndex& child) const {
  if (!child.isValid()) return {};
  const Node parentNode = decode(child.internalId());
  if (parentNode.depth < 0) return {};
  Node grandparent = parentNode;
  --grandparent.depth;
  return createIndex(parentNode.rows[parentNode.depth], 0, encode(grandparent));
}

int ProjectTreeModel::rowCount(const QModelIndex& parent) const {
  if (parent.isValid() && parent.column() != kNameColumn) return 0;
  return childCount(nodeOf(parent));
}

int ProjectTreeModel::columnCount(const QModelIndex&) const { return kColumnCount; }

QVariant ProjectTreeModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
  const Node node = nodeOf(index);
  switch (role) {
    case Qt::DisplayRole:
      return index.column() == kNameColumn ? name(node) : detail(node);
    case Qt::DecorationRole:
      if (index.column() == kNameColumn) return icon(node);
      return {};
    case Qt::ToolTipRole: {
      const QString d = detail(node);
      const QString tip = d.isEmpty() ? name(node) : name(node) + QStringLiteral("\n") + d;
      return withTerms(project(), node.depth, node.rows, tip);
    }
    case Qt::FontRole:
      if (node.depth == 0) {
        QFont font;
        font.setBold(true);
        return font;
      }
      return {};
    default:
      return {};
  }
}

QVariant ProjectTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case kNameColumn:
      return tr("Name");
    case kDetailColumn:
      return tr("Detail");
  }
  return {};
}

Qt::ItemFlags ProjectTreeModel::flags(const QModelIndex& index) const {
  if (!index.isValid()) return Qt::NoItemFlags;
  return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

}  // namespace kvlab::ui
