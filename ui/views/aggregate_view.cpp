#include "ui/views/aggregate_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLayoutItem>
#include <QSignalBlocker>
#include <QTableView>
#include <QVBoxLayout>

#include "model/schema/project.h"
#include "ui/document/project_document.h"
#include "ui/models/aggregate_table_model.h"
#include "ui/models/dynamodb_terms.h"
#include "ui/views/table_view_setup.h"

namespace kvlab::ui {
namespace {

// Wide enough for a key of a UUID behind a prefix; the tooltip has the rest.
constexpr int kMaxColumnWidth = 360;
constexpr int kMaxKeyColumnWidth = 600;

QString text(const std::string& value) { return QString::fromStdString(value); }

QString counted(qsizetype count, const QString& singular, const QString& plural) {
  return QStringLiteral("%1 %2").arg(count).arg(count == 1 ? singular : plural);
}

}  // namespace

AggregateView::AggregateView(ProjectDocument* document, QWidget* parent)
    : QWidget(parent),
      document_(document),
      model_(new AggregateTableModel(document, this)),
      designSelector_(new QComboBox(this)),
      indexSelector_(new QComboBox(this)),
      keysLabel_(new QLabel(this)),
      legend_(new QWidget(this)),
      legendLayout_(new QHBoxLayout(legend_)),
      table_(new QTableView(this)),
      summaryLabel_(new QLabel(this)) {
  designSelector_->setObjectName(QStringLiteral("aggregateDesignSelector"));
  designSelector_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  designSelector_->setMinimumContentsLength(16);
  designSelector_->setToolTip(
      termToolTip(tr("The design whose items are shown."), {DynamoDbTerm::Design}));
  auto* designText = new QLabel(tr("&Design:"), this);
  designText->setBuddy(designSelector_);

  indexSelector_->setObjectName(QStringLiteral("aggregateIndexSelector"));
  indexSelector_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  indexSelector_->setMinimumContentsLength(16);
  indexSelector_->setToolTip(termToolTip(
      tr("The table, or one of its global secondary indexes, whose items are grouped by its own "
         "partition key."),
      {DynamoDbTerm::Gsi, DynamoDbTerm::SparseIndex}));
  auto* indexText = new QLabel(tr("&Show:"), this);
  indexText->setBuddy(indexSelector_);
  keysLabel_->setObjectName(QStringLiteral("aggregateKeys"));
  keysLabel_->setToolTip(
      termToolTip(tr("The keys of the table or index shown, and what an index projects."),
                  {DynamoDbTerm::PartitionKey, DynamoDbTerm::SortKey, DynamoDbTerm::Projection}));

  auto* top = new QHBoxLayout;
  top->addWidget(designText);
  top->addWidget(designSelector_);
  top->addSpacing(12);
  top->addWidget(indexText);
  top->addWidget(indexSelector_);
  top->addSpacing(12);
  top->addWidget(keysLabel_, 1);

  legend_->setObjectName(QStringLiteral("aggregateLegend"));
  legendLayout_->setContentsMargins(0, 0, 0, 0);
  legendLayout_->setSpacing(6);

  table_->setObjectName(QStringLiteral("aggregateTable"));
  table_->setModel(model_);
  setUpReadOnlyTable(table_);
  // The entities' colours are the rows' colours; alternating shades would blur them.
  table_->setAlternatingRowColors(false);
  table_->setShowGrid(true);

  summaryLabel_->setObjectName(QStringLiteral("aggregateSummary"));
  summaryLabel_->setWordWrap(true);
  summaryLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  summaryLabel_->setToolTip(termToolTip(
      tr("Rows of one partition key value are one item collection; its key cell spans them."),
      {DynamoDbTerm::ItemCollection}));

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(legend_);
  layout->addWidget(table_, 1);
  layout->addWidget(summaryLabel_);

  connect(model_, &QAbstractItemModel::modelReset, this, &AggregateView::modelReset);
  connect(designSelector_, &QComboBox::currentIndexChanged, this, [this] {
    fillIndexes();
    showSource();
  });
  connect(indexSelector_, &QComboBox::currentIndexChanged, this, &AggregateView::showSource);
  connect(document_, &ProjectDocument::changed, this, &AggregateView::documentChanged);
  documentChanged();
}

AggregateView::~AggregateView() = default;

bool AggregateView::selectDesign(int index) {
  if (index < 0 || index >= designSelector_->count()) return false;
  designSelector_->setCurrentIndex(index);
  return true;
}

bool AggregateView::selectIndex(int index) {
  if (index < 0 || index >= indexSelector_->count()) return false;
  indexSelector_->setCurrentIndex(index);
  return true;
}

int AggregateView::designCount() const { return designSelector_->count(); }

int AggregateView::indexCount() const { return indexSelector_->count(); }

QStringList AggregateView::legendEntities() const {
  QStringList out;
  for (int i = 0; i < legendLayout_->count(); ++i) {
    if (auto* label = qobject_cast<QLabel*>(legendLayout_->itemAt(i)->widget())) {
      if (!label->property("entity").toString().isEmpty()) {
        out << label->property("entity").toString();
      }
    }
  }
  return out;
}

QString AggregateView::summaryText() const { return summaryLabel_->text(); }

void AggregateView::documentChanged() {
  const QString previous = designSelector_->currentText();
  {
    // One refill per change, not one per design the selector gains.
    const QSignalBlocker blocker(designSelector_);
    designSelector_->clear();
    for (const model::Design& design : document_->project().designs) {
      designSelector_->addItem(text(design.name));
    }
    const int kept = designSelector_->findText(previous);
    designSelector_->setCurrentIndex(kept >= 0 ? kept : 0);
  }
  designSelector_->setEnabled(designSelector_->count() > 0);
  fillIndexes();
  showSource();
}

void AggregateView::fillIndexes() {
  const QVariant previous = indexSelector_->currentData();
  const QSignalBlocker blocker(indexSelector_);
  indexSelector_->clear();
  const model::Design* design =
      document_->project().findDesign(designSelector_->currentText().toStdString());
  if (design != nullptr) {
    indexSelector_->addItem(tr("Table %1").arg(text(design->table.name)), QString());
    for (const model::SecondaryIndex& gsi : design->gsis) {
      indexSelector_->addItem(tr("GSI %1").arg(text(gsi.name)), text(gsi.name));
    }
  }
  const int kept = previous.isValid() ? indexSelector_->findData(previous) : -1;
  indexSelector_->setCurrentIndex(kept >= 0 ? kept : 0);
  indexSelector_->setEnabled(indexSelector_->count() > 1);
}

void AggregateView::showSource() {
  model_->setSource(designSelector_->currentText(), indexSelector_->currentData().toString());
}

void AggregateView::modelReset() {
  // The legend: a swatch per entity shown, in the design's order.
  while (QLayoutItem* item = legendLayout_->takeAt(0)) {
    delete item->widget();
    delete item;
  }
  const QStringList entities = model_->entities();
  if (!entities.isEmpty()) legendLayout_->addWidget(new QLabel(tr("Entities:"), legend_));
  for (const QString& entity : entities) {
    auto* swatch = new QLabel(entity, legend_);
    swatch->setProperty("entity", entity);
    swatch->setStyleSheet(QStringLiteral("QLabel { background: %1; color: %2; padding: 2px 8px; "
                                         "border: 1px solid palette(mid); }")
                              .arg(model_->entityColor(entity).name(),
                                   AggregateTableModel::entityTextColor().name()));
    legendLayout_->addWidget(swatch);
  }
  legendLayout_->addStretch(1);

  // Each item collection's partition key over all its rows, as NoSQL Workbench draws it.
  table_->clearSpans();
  for (int row = 0; row < model_->rowCount();) {
    const int rows = model_->collectionRows(row);
    if (rows > 1) table_->setSpan(row, AggregateTableModel::kPartitionKeyColumn, rows, 1);
    row += rows;
  }
  fitColumns(table_, kMaxColumnWidth);
  // The keys are what the view is about: whole, unless absurdly long.
  for (int column = 0; column < model_->keyColumnCount(); ++column) {
    table_->resizeColumnToContents(column);
    if (table_->columnWidth(column) > kMaxKeyColumnWidth) {
      table_->setColumnWidth(column, kMaxKeyColumnWidth);
    }
  }

  const model::Design* design = document_->project().findDesign(model_->designName().toStdString());
  if (!model_->hasSource() || design == nullptr) {
    keysLabel_->clear();
    summaryLabel_->setText(
        document_->project().designs.empty()
            ? tr("The project has no designs yet. Propose some in the Proposals tab.")
            : tr("Nothing to show."));
    return;
  }
  QStringList keys;
  for (int column = 0; column < model_->keyColumnCount(); ++column) {
    keys << text(model_->attributeName(column));
  }
  QString keysText = model_->keyColumnCount() == 2
                         ? tr("Partition key %1, sort key %2").arg(keys.value(0), keys.value(1))
                         : tr("Partition key %1, no sort key").arg(keys.value(0));
  if (!model_->indexName().isEmpty()) {
    const model::SecondaryIndex* gsi = design->findGsi(model_->indexName().toStdString());
    if (gsi != nullptr) {
      keysText += tr("; projects %1")
                      .arg(text(std::string(model::projectionName(
                          gsi->projection.value_or(model::Projection::All)))));
    }
  }
  keysLabel_->setText(keysText);

  int collections = 0;
  for (int row = 0; row < model_->rowCount(); ++row) {
    if (model_->startsCollection(row)) ++collections;
  }
  QString summary =
      tr("%1 in %2. %3 sample items per entity, made from the attributes' types and formats; "
         "children carry their parent's identifier and a partition key with few values repeats, "
         "so that collections hold several items.")
          .arg(counted(model_->rowCount(), tr("item"), tr("items")),
               counted(collections, tr("item collection"), tr("item collections")))
          .arg(AggregateTableModel::kSampleItemsPerEntity);
  if (!model_->indexName().isEmpty()) {
    const QString keysNamed = keys.join(tr(" and "));
    summary = model_->rowCount() == 0
                  ? tr("No item carries %1, so %2 holds none.").arg(keysNamed, model_->indexName())
                  : tr("%1 holds the items that carry %2: %3 in %4.")
                        .arg(model_->indexName(), keysNamed,
                             counted(model_->rowCount(), tr("item"), tr("items")),
                             counted(collections, tr("item collection"), tr("item collections")));
  }
  summaryLabel_->setText(summary);
}

}  // namespace kvlab::ui
