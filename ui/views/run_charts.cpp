#include "ui/views/run_charts.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>
#include <algorithm>
#include <array>
#include <cmath>
#include <map>

namespace kvlab::ui {
namespace {

QString text(const std::string& value) { return QString::fromStdString(value); }

}  // namespace

QChart* makeChart(const QString& title) {
  auto* chart = new QChart;
  chart->setAnimationOptions(QChart::NoAnimation);
  chart->setTitle(title);
  chart->legend()->setAlignment(Qt::AlignBottom);
  chart->setMargins(QMargins(4, 4, 4, 4));
  chart->layout()->setContentsMargins(0, 0, 0, 0);
  chart->setBackgroundRoundness(0);
  return chart;
}

namespace {

// A value axis from 0 to a little above `max`, with round ticks.
QValueAxis* valueAxis(const QString& title, double max) {
  auto* axis = new QValueAxis;
  axis->setTitleText(title);
  axis->setRange(0, max > 0 ? max * 1.05 : 1);
  axis->applyNiceNumbers();
  axis->setLabelFormat(max >= 10 || max == 0 ? QStringLiteral("%.0f") : QStringLiteral("%.1f"));
  // A chart first laid out small (a view shown in a grid cell that grows later) would keep its
  // numbers cut to "..." otherwise.
  axis->setTruncateLabels(false);
  return axis;
}

QBarCategoryAxis* patternAxis(const std::vector<sim::PatternResult>& patterns) {
  auto* axis = new QBarCategoryAxis;
  for (const sim::PatternResult& p : patterns) axis->append(text(p.id));
  return axis;
}

void attach(QChart* chart, QAbstractSeries* series, QAbstractAxis* x, QAbstractAxis* y) {
  if (!chart->axes(Qt::Horizontal).contains(x)) chart->addAxis(x, Qt::AlignBottom);
  if (!chart->axes(Qt::Vertical).contains(y)) chart->addAxis(y, Qt::AlignLeft);
  series->attachAxis(x);
  series->attachAxis(y);
}

}  // namespace

QChart* makeWorkloadChart(const WorkloadCurves& curves, const QString& title) {
  QChart* chart = makeChart(title);
  double max = 0;
  for (const WorkloadCurve& curve : curves.curves) {
    for (const QPointF& point : curve.points) max = std::max(max, point.y());
  }
  auto* time = new QValueAxis;
  time->setTitleText(QObject::tr("seconds into the run"));
  time->setRange(0, curves.durationSeconds > 0 ? curves.durationSeconds : 1);
  time->setLabelFormat(QStringLiteral("%.0f"));
  time->setTickCount(7);
  QValueAxis* rate = valueAxis(QObject::tr("requests per second"), max);
  chart->addAxis(time, Qt::AlignBottom);
  chart->addAxis(rate, Qt::AlignLeft);
  // Patterns at the same rate draw the same line: each later one thinner and dashed, so that
  // those under it still show.
  constexpr std::array<Qt::PenStyle, 4> kStyles = {Qt::SolidLine, Qt::DashLine, Qt::DotLine,
                                                   Qt::DashDotLine};
  int drawn = 0;
  for (const WorkloadCurve& curve : curves.curves) {
    auto* series = new QLineSeries;
    series->setName(text(curve.patternId));
    for (const QPointF& point : curve.points) series->append(point);
    chart->addSeries(series);  // the theme gives it its colour here
    attach(chart, series, time, rate);
    QPen pen = series->pen();
    pen.setWidthF(std::max(1.5, 4.0 - drawn));
    pen.setStyle(kStyles[static_cast<std::size_t>(drawn) % kStyles.size()]);
    series->setPen(pen);
    ++drawn;
  }
  if (curves.curves.empty()) chart->legend()->hide();
  return chart;
}

QChart* makePlaceholderChart(const QString& title) {
  QChart* chart = makeChart(title);
  chart->legend()->hide();
  return chart;
}

QChart* makeLatencyChart(const sim::RunResult& run) {
  QChart* chart = makeChart(QObject::tr("Latency per pattern on %1 (ms)").arg(text(run.engine)));
  auto* series = new QBarSeries;
  auto* p50 = new QBarSet(QStringLiteral("p50"));
  auto* p95 = new QBarSet(QStringLiteral("p95"));
  auto* p99 = new QBarSet(QStringLiteral("p99"));
  double max = 0;
  for (const sim::PatternResult& p : run.patterns) {
    const bool known = p.latency.count > 0;
    *p50 << (known ? p.latency.p50 : 0);
    *p95 << (known ? p.latency.p95 : 0);
    *p99 << (known ? p.latency.p99 : 0);
    if (known) max = std::max(max, p.latency.p99);
  }
  series->append(p50);
  series->append(p95);
  series->append(p99);
  chart->addSeries(series);
  attach(chart, series, patternAxis(run.patterns), valueAxis(QObject::tr("ms"), max));
  return chart;
}

QChart* makeLatencyComparisonChart(const std::vector<sim::RunResult>& runs,
                                   const QStringList& labels) {
  QChart* chart =
      makeChart(labels.isEmpty() ? QObject::tr("p99 latency per pattern, engine by engine (ms)")
                                 : QObject::tr("p99 latency per pattern, run by run (ms)"));
  if (runs.empty()) return chart;
  auto* series = new QBarSeries;
  double max = 0;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const sim::RunResult& r = runs[i];
    const auto label = static_cast<qsizetype>(i);
    auto* set = new QBarSet(label < labels.size() ? labels[label] : text(r.engine));
    for (const sim::PatternResult& first : runs.front().patterns) {
      double value = 0;
      for (const sim::PatternResult& p : r.patterns) {
        if (p.id == first.id && p.latency.count > 0) value = p.latency.p99;
      }
      *set << value;
      max = std::max(max, value);
    }
    series->append(set);
  }
  chart->addSeries(series);
  attach(chart, series, patternAxis(runs.front().patterns), valueAxis(QObject::tr("ms"), max));
  return chart;
}

QChart* makeTimelineChart(const sim::RunResult& run) {
  QChart* chart = makeChart(QObject::tr("Requests per %1 s bucket on %2")
                                .arg(QString::number(run.bucketSeconds, 'g', 3), text(run.engine)));
  // Every pattern's buckets added up, by bucket start, within the run's duration.
  std::map<double, std::array<double, 3>> buckets;
  for (const sim::PatternResult& p : run.patterns) {
    for (const sim::TimeBucket& b : p.timeline) {
      if (b.startSeconds >= run.durationSeconds) continue;
      auto& sums = buckets[b.startSeconds];
      sums[0] += static_cast<double>(b.requests);
      sums[1] += static_cast<double>(b.throttled);
      sums[2] += static_cast<double>(b.failed);
    }
  }
  const QString names[] = {QObject::tr("requests"), QObject::tr("throttled attempts"),
                           QObject::tr("failed")};
  const QColor colours[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e),
                            QColor(0xd6, 0x27, 0x28)};
  auto* x = valueAxis(QObject::tr("seconds"), std::max(run.durationSeconds, 1.0));
  x->setRange(0, std::max(run.durationSeconds, 1.0));
  x->applyNiceNumbers();
  x->setLabelFormat(QStringLiteral("%.0f"));
  double max = 0;
  for (const auto& [start, sums] : buckets) max = std::max({max, sums[0], sums[1], sums[2]});
  auto* y = valueAxis(QString(), max);
  for (int i = 0; i < 3; ++i) {
    auto* series = new QLineSeries;
    series->setName(names[i]);
    series->setColor(colours[i]);
    // Each bucket as a step: its count from its start to its end.
    for (const auto& [start, sums] : buckets) {
      series->append(start, sums[static_cast<std::size_t>(i)]);
      series->append(start + run.bucketSeconds, sums[static_cast<std::size_t>(i)]);
    }
    chart->addSeries(series);
    attach(chart, series, x, y);
  }
  return chart;
}

QChart* makeLatencyTimelineChart(const sim::RunResult& run) {
  QChart* chart = makeChart(QObject::tr("p99 latency per %1 s bucket on %2 (ms)")
                                .arg(QString::number(run.bucketSeconds, 'g', 3), text(run.engine)));
  auto* x = valueAxis(QObject::tr("seconds"), std::max(run.durationSeconds, 1.0));
  x->setRange(0, std::max(run.durationSeconds, 1.0));
  x->applyNiceNumbers();
  x->setLabelFormat(QStringLiteral("%.0f"));
  double max = 0;
  for (const sim::PatternResult& p : run.patterns) {
    for (const sim::TimeBucket& b : p.timeline) {
      if (b.startSeconds < run.durationSeconds && b.latency.count > 0) {
        max = std::max(max, b.latency.p99);
      }
    }
  }
  auto* y = valueAxis(QObject::tr("ms"), max);
  for (const sim::PatternResult& p : run.patterns) {
    auto* series = new QLineSeries;
    series->setName(text(p.id));
    // A point per bucket where some request of the pattern succeeded, at the bucket's middle; a
    // bucket without one is skipped (the line joins its neighbours) rather than drawn as zero.
    for (const sim::TimeBucket& b : p.timeline) {
      if (b.startSeconds >= run.durationSeconds || b.latency.count == 0) continue;
      series->append(b.startSeconds + run.bucketSeconds / 2, b.latency.p99);
    }
    if (series->count() == 0) {
      delete series;
      continue;
    }
    chart->addSeries(series);
    attach(chart, series, x, y);
  }
  return chart;
}

QChart* makeUtilizationChart(const sim::RunResult& run) {
  if (!run.cache && run.servers.empty()) return nullptr;
  QChart* chart = makeChart(run.cache ? QObject::tr("Cache hit ratio and server utilization (%)")
                                      : QObject::tr("Server utilization (%)"));
  auto* x = valueAxis(QObject::tr("seconds"), std::max(run.durationSeconds, 1.0));
  x->setRange(0, std::max(run.durationSeconds, 1.0));
  x->applyNiceNumbers();
  x->setLabelFormat(QStringLiteral("%.0f"));
  auto* y = new QValueAxis;
  y->setRange(0, 100);
  y->setTickCount(6);
  y->setLabelFormat(QStringLiteral("%.0f"));
  y->setTitleText(QStringLiteral("%"));
  y->setTruncateLabels(false);
  auto add = [&](const QString& name, const std::vector<double>& byBucket) {
    auto* series = new QLineSeries;
    series->setName(name);
    for (std::size_t i = 0; i < byBucket.size(); ++i) {
      const double start = static_cast<double>(i) * run.bucketSeconds;
      if (start >= run.durationSeconds) break;
      series->append(start, byBucket[i] * 100);
      series->append(start + run.bucketSeconds, byBucket[i] * 100);
    }
    chart->addSeries(series);
    attach(chart, series, x, y);
  };
  if (run.cache) add(QObject::tr("cache hit ratio"), run.cache->hitRatioByBucket);
  for (const sim::ServerReport& s : run.servers) {
    add(QObject::tr("%1 utilization").arg(text(s.name)), s.utilizationByBucket);
  }
  return chart;
}

}  // namespace kvlab::ui
