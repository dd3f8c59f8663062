#include "ui/views/heat_map_widget.h"

#include <QFontMetrics>
#include <QLinearGradient>
#include <QPaintEvent>
#include <QPainter>
#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <tuple>
#include <vector>

#include "simulator/engines/dynamodb/dynamodb_options.h"
#include "ui/models/dynamodb_terms.h"
#include "ui/models/number_text.h"

namespace kvlab::ui {
namespace {

const QColor kAbsent(0xe4, 0xe4, 0xe4);
// Past a partition's limit: DynamoDB throttles there (burst capacity aside).
const QColor kOverLimit(0x4a, 0x14, 0x8c);

// Pale yellow through orange to dark red, for 0..1.
QColor heatColour(double fraction) {
  const double f = std::clamp(fraction, 0.0, 1.0);
  static const QColor stops[] = {QColor(0xff, 0xfb, 0xe6), QColor(0xfd, 0xcc, 0x5c),
                                 QColor(0xf0, 0x6a, 0x2a), QColor(0xa5, 0x0f, 0x15)};
  const double position = f * 3;
  const int i = std::min(2, static_cast<int>(position));
  const double t = position - i;
  const QColor& a = stops[i];
  const QColor& b = stops[i + 1];
  return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * t),
                          static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * t),
                          static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * t));
}

constexpr int kTitleHeight = 22;
constexpr int kAxisHeight = 20;
constexpr int kLegendWidth = 70;
constexpr int kMargin = 6;

}  // namespace

HeatMapWidget::HeatMapWidget(QWidget* parent) : QWidget(parent) {
  setAttribute(Qt::WA_OpaquePaintEvent);
  setToolTip(termToolTip(
      tr("A row per partition of the table or of a GSI (\"table #3\": the table's partition 3), "
         "the hottest %1 when there are more; a column per second of the run (on a long run, "
         "several seconds at their maximum). A cell's colour is how near the partition came to "
         "its limit that second: the larger of its read units / %3 and its write units / %4, "
         "from pale yellow (idle) to dark red (at the limit); purple is over it, where DynamoDB "
         "throttles. A row dark while the others are pale is a hot partition.\nGrey: the "
         "partition did not exist yet, or no longer. A partition that splits (past its data "
         "limit, for more throughput, or for heat: in KV Lab after %2 seconds in a row over its "
         "limit) ends there, and two rows start.")
          .arg(kMaxRows)
          .arg(sim::DynamoDbOptions{}.splitAfterSeconds)
          .arg(numberText(sim::DynamoDbOptions{}.partitionReadUnits),
               numberText(sim::DynamoDbOptions{}.partitionWriteUnits)),
      {DynamoDbTerm::Partition, DynamoDbTerm::SplitForHeat}));
  clear();
}

HeatMapWidget::~HeatMapWidget() = default;

QSize HeatMapWidget::sizeHint() const { return {480, 260}; }

QSize HeatMapWidget::minimumSizeHint() const { return {240, 140}; }

void HeatMapWidget::clear() {
  rowNames_.clear();
  image_ = QImage();
  maxUnits_ = 0;
  peakShare_ = 0;
  leftOut_ = 0;
  emptyText_ = tr("No run yet.");
  update();
}

void HeatMapWidget::setRun(const sim::RunResult& run) {
  clear();
  std::vector<const sim::PartitionHeat*> parts;
  for (const sim::PartitionHeat& h : run.partitions.heat) parts.push_back(&h);
  if (parts.empty()) {
    emptyText_ = tr("No partitions: the %1 engine has none to show.")
                     .arg(QString::fromStdString(run.engine));
    return;
  }
  auto total = [](const sim::PartitionHeat* h) {
    return std::accumulate(h->readUnits.begin(), h->readUnits.end(), 0.0) +
           std::accumulate(h->writeUnits.begin(), h->writeUnits.end(), 0.0);
  };
  if (static_cast<int>(parts.size()) > kMaxRows) {
    std::stable_sort(parts.begin(), parts.end(),
                     [&](auto* a, auto* b) { return total(a) > total(b); });
    leftOut_ = static_cast<int>(parts.size()) - kMaxRows;
    parts.resize(kMaxRows);
  }
  // The owners in the run's order (the table first), then each owner's partitions in key order.
  std::map<std::string, int> ownerOrder;
  for (const sim::CapacityOwnerReport& o : run.partitions.owners) {
    ownerOrder.emplace(o.name, static_cast<int>(ownerOrder.size()));
  }
  auto orderOf = [&](const std::string& owner) {
    auto it = ownerOrder.find(owner);
    return it == ownerOrder.end() ? static_cast<int>(ownerOrder.size()) : it->second;
  };
  std::stable_sort(parts.begin(), parts.end(), [&](auto* a, auto* b) {
    return std::make_tuple(orderOf(a->owner), a->owner, a->hashLow, a->fromSecond) <
           std::make_tuple(orderOf(b->owner), b->owner, b->hashLow, b->fromSecond);
  });

  // Only the run's duration: the drain after it is mostly empty.
  std::int64_t first = parts.front()->fromSecond;
  std::int64_t end = first + 1;
  for (const sim::PartitionHeat* h : parts) {
    first = std::min(first, h->fromSecond);
    const auto length =
        static_cast<std::int64_t>(std::max(h->readUnits.size(), h->writeUnits.size()));
    end = std::max(end, h->fromSecond + length);
  }
  end =
      std::min(end, std::max(first + 1, static_cast<std::int64_t>(std::ceil(run.durationSeconds))));
  const std::int64_t span = end - first;
  const std::int64_t fold = (span + kMaxColumns - 1) / kMaxColumns;
  const int columns = static_cast<int>((span + fold - 1) / fold);
  secondsPerColumn_ = static_cast<int>(fold);
  firstSecond_ = static_cast<double>(first);

  // The run's own limits are not in its result; these are DynamoDB's, which the studio's runs
  // use (a run with other partition limits is coloured against DynamoDB's).
  const double readLimit = sim::DynamoDbOptions{}.partitionReadUnits;
  const double writeLimit = sim::DynamoDbOptions{}.partitionWriteUnits;
  std::vector<std::vector<double>> values;
  std::vector<std::vector<bool>> present;
  for (const sim::PartitionHeat* h : parts) {
    rowNames_ << QStringLiteral("%1 #%2").arg(QString::fromStdString(h->owner)).arg(h->id);
    std::vector<double> row(static_cast<std::size_t>(columns), 0.0);
    std::vector<bool> here(static_cast<std::size_t>(columns), false);
    const std::size_t length = std::max(h->readUnits.size(), h->writeUnits.size());
    for (std::size_t i = 0; i < length; ++i) {
      const std::int64_t second = h->fromSecond + static_cast<std::int64_t>(i);
      if (second >= end) break;
      const double read = i < h->readUnits.size() ? h->readUnits[i] : 0.0;
      const double write = i < h->writeUnits.size() ? h->writeUnits[i] : 0.0;
      // Reads and writes have limits of their own; the nearer one is the partition's load.
      const double share = std::max(read / readLimit, write / writeLimit);
      const auto column = static_cast<std::size_t>((second - first) / fold);
      row[column] = std::max(row[column], share);
      here[column] = true;
      maxUnits_ = std::max(maxUnits_, read + write);
      peakShare_ = std::max(peakShare_, share);
    }
    values.push_back(std::move(row));
    present.push_back(std::move(here));
  }

  image_ = QImage(columns, static_cast<int>(parts.size()), QImage::Format_RGB32);
  for (int y = 0; y < image_.height(); ++y) {
    for (int x = 0; x < columns; ++x) {
      const auto r = static_cast<std::size_t>(y);
      const auto c = static_cast<std::size_t>(x);
      image_.setPixelColor(x, y,
                           !present[r][c]     ? kAbsent
                           : values[r][c] > 1 ? kOverLimit
                                              : heatColour(values[r][c]));
    }
  }
  emptyText_.clear();
  update();
}

void HeatMapWidget::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.fillRect(rect(), palette().base());
  const QFontMetrics metrics = fontMetrics();
  QFont titleFont = font();
  titleFont.setBold(true);
  painter.setFont(titleFont);
  QString title = tr("Partition heat: each second's share of the partition's limit (%1 read, %2 "
                     "write units)")
                      .arg(numberText(sim::DynamoDbOptions{}.partitionReadUnits),
                           numberText(sim::DynamoDbOptions{}.partitionWriteUnits));
  if (secondsPerColumn_ > 1 && !image_.isNull()) {
    title += tr(" (the maximum of each %1 s)").arg(secondsPerColumn_);
  }
  painter.drawText(QRect(kMargin, 2, width() - 2 * kMargin, kTitleHeight), Qt::AlignCenter, title);
  painter.setFont(font());
  if (image_.isNull()) {
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(rect().adjusted(kMargin, kTitleHeight, -kMargin, -kMargin),
                     Qt::AlignCenter | Qt::TextWordWrap, emptyText_);
    return;
  }

  int labelWidth = 0;
  for (const QString& name : rowNames_)
    labelWidth = std::max(labelWidth, metrics.horizontalAdvance(name));
  labelWidth += 2 * kMargin;
  const int bottomText = leftOut_ > 0 ? metrics.height() : 0;
  const QRect cells(labelWidth, kTitleHeight + 4, width() - labelWidth - kLegendWidth - kMargin,
                    height() - kTitleHeight - 4 - kAxisHeight - bottomText - kMargin);
  if (cells.width() <= 0 || cells.height() <= 0) return;
  painter.drawImage(cells, image_);
  painter.setPen(palette().color(QPalette::Mid));
  painter.drawRect(cells.adjusted(0, 0, -1, -1));

  // Row labels, thinned to what fits.
  painter.setPen(palette().color(QPalette::Text));
  const double rowHeight = static_cast<double>(cells.height()) / rowNames_.size();
  const int step = std::max(1, static_cast<int>(std::ceil(metrics.height() / rowHeight)));
  for (int row = 0; row < rowNames_.size(); row += step) {
    const int y = cells.top() + static_cast<int>((row + 0.5) * rowHeight);
    painter.drawText(QRect(0, y - metrics.height() / 2, labelWidth - kMargin, metrics.height()),
                     Qt::AlignRight | Qt::AlignVCenter, rowNames_[row]);
  }

  // The seconds under the cells, at a round step (1, 2, 5, 10, 20, 50 ... s) that leaves room
  // for the labels.
  const int columns = image_.width();
  const double seconds = static_cast<double>(columns) * secondsPerColumn_;
  const double pixelsPerSecond = cells.width() / seconds;
  const int widest = metrics.horizontalAdvance(QStringLiteral("00000 s")) + 8;
  double secondsStep = 1;
  for (int i = 0; secondsStep * pixelsPerSecond < widest; ++i)
    secondsStep *= (i % 3 == 1) ? 2.5 : 2;
  for (double t = 0; t <= seconds + 1e-9; t += secondsStep) {
    const int x = cells.left() + static_cast<int>(t * pixelsPerSecond);
    const QString text = QStringLiteral("%1 s").arg(QString::number(firstSecond_ + t, 'f', 0));
    const int w = metrics.horizontalAdvance(text);
    const int left = std::clamp(x - w / 2, 0, width() - w - kMargin);
    painter.drawLine(x, cells.bottom(), x, cells.bottom() + 3);
    painter.drawText(QRect(left, cells.bottom() + 4, w, metrics.height()), Qt::AlignCenter, text);
  }
  if (leftOut_ > 0) {
    painter.drawText(
        QRect(cells.left(), cells.bottom() + 4 + metrics.height(), cells.width(), metrics.height()),
        Qt::AlignLeft, tr("%1 cooler partitions left out").arg(leftOut_));
  }

  // The colour scale, 0 to 100% of the limit, with the colour of "over" above it.
  const int overHeight = std::min(16, cells.height() / 6);
  const QRect over(width() - kLegendWidth + 6, cells.top(), 14, overHeight);
  painter.fillRect(over, kOverLimit);
  const QRect legend(over.left(), over.bottom() + 5, 14, cells.bottom() - over.bottom() - 5);
  QLinearGradient gradient(legend.bottomLeft(), legend.topLeft());
  for (int i = 0; i <= 10; ++i) gradient.setColorAt(i / 10.0, heatColour(i / 10.0));
  painter.fillRect(legend, gradient);
  painter.setPen(palette().color(QPalette::Mid));
  painter.drawRect(legend.adjusted(0, 0, -1, -1));
  painter.setPen(palette().color(QPalette::Text));
  const QRect labels(legend.right() + 4, legend.top() - metrics.height() / 2, kLegendWidth - 24,
                     legend.height() + metrics.height());
  painter.drawText(QRect(labels.left(), over.center().y() - metrics.height() / 2, labels.width(),
                         metrics.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, tr("over"));
  painter.drawText(labels, Qt::AlignLeft | Qt::AlignTop, QStringLiteral("100%"));
  painter.drawText(labels, Qt::AlignLeft | Qt::AlignBottom, QStringLiteral("0"));
}

}  // namespace kvlab::ui
