#pragma once

#include <QImage>
#include <QString>
#include <QStringList>
#include <QWidget>

#include "simulator/metrics/run_result.h"

namespace kvlab::ui {

// The partition heat map of a run: a row per partition (table and GSIs, each in key order; the
// hottest kMaxRows when there are more), a column per second (several seconds folded into one,
// at their maximum, on a long run), each cell how near the partition came to its limit that
// second (the larger of read units / 3,000 and write units / 1,000: DynamoDB's partition limits),
// from pale yellow to dark red at the limit, purple over it; grey where the partition did not exist
// (not yet split off, or split). Drawn from a QImage of one pixel per cell, scaled. An engine
// without partitions shows a line saying so. GUI thread only.
class HeatMapWidget : public QWidget {
  Q_OBJECT

 public:
  static constexpr int kMaxRows = 32;
  static constexpr int kMaxColumns = 240;

  explicit HeatMapWidget(QWidget* parent = nullptr);
  ~HeatMapWidget() override;

  // Shows the heat of `run`'s partitions.
  void setRun(const sim::RunResult& run);
  void clear();

  // The partitions shown ("table #3") and the cells, one pixel each.
  const QStringList& rowNames() const { return rowNames_; }
  const QImage& cells() const { return image_; }
  // The most read + write units a partition served in a second.
  double maxUnits() const { return maxUnits_; }
  // The highest load of a partition in a second, as a share of its limit (1: at the limit).
  double peakShareOfLimit() const { return peakShare_; }
  int secondsPerColumn() const { return secondsPerColumn_; }

  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  QStringList rowNames_;
  QImage image_;
  double maxUnits_ = 0;
  double peakShare_ = 0;
  double firstSecond_ = 0;
  int secondsPerColumn_ = 1;
  int leftOut_ = 0;
  QString emptyText_;
};

}  // namespace kvlab::ui
