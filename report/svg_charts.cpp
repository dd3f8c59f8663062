#include "report/svg_charts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "report/cell_text.h"
#include "report/escaping.h"

namespace kvlab::report {
namespace {

constexpr const char* kFont = "DejaVu Sans, Arial, sans-serif";

std::string num(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

std::string open(int width, int height, const std::string& title) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(width) +
         "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " + std::to_string(width) +
         " " + std::to_string(height) + "\" font-family=\"" + kFont +
         "\" font-size=\"11\" role=\"img\"><title>" + htmlEscape(title) + "</title>" +
         "<rect x=\"0\" y=\"0\" width=\"" + std::to_string(width) + "\" height=\"" +
         std::to_string(height) + "\" fill=\"#ffffff\"/>";
}

std::string label(double x, double y, const std::string& text, const char* anchor = "start",
                  const char* extra = "") {
  return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\"" + extra +
         ">" + htmlEscape(text) + "</text>";
}

std::string rect(double x, double y, double w, double h, const std::string& fill,
                 const std::string& tooltip = "") {
  std::string out = "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) +
                    "\" height=\"" + num(h) + "\" fill=\"" + fill + "\"";
  if (tooltip.empty()) return out + "/>";
  return out + "><title>" + htmlEscape(tooltip) + "</title></rect>";
}

std::string line(double x1, double y1, double x2, double y2, const char* stroke) {
  return "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" +
         num(y2) + "\" stroke=\"" + stroke + "\" stroke-width=\"1\"/>";
}

// A round step for an axis reaching `max` in about `ticks` steps.
double niceStep(double max, int ticks) {
  if (max <= 0) return 1;
  const double raw = max / ticks;
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (raw <= m * power) return m * power;
  }
  return 10 * power;
}

std::string shortNumber(double value) {
  if (value >= 1e6) return groupedNumber(value / 1e6, value >= 1e7 ? 0 : 1) + "M";
  if (value >= 1e4) return groupedNumber(value / 1e3, 0) + "k";
  return groupedNumber(value, value < 10 && value != std::floor(value) ? 1 : 0);
}

std::string noData(int width, const std::string& title) {
  return open(width, 40, title) + label(10, 24, title + ": no data") + "</svg>";
}

// Light yellow to dark red through orange.
std::string heatColour(double fraction) {
  fraction = std::clamp(fraction, 0.0, 1.0);
  struct Stop {
    double at;
    int r, g, b;
  };
  static const Stop stops[] = {
      {0.0, 255, 250, 220}, {0.35, 253, 190, 90}, {0.7, 232, 90, 40}, {1.0, 140, 10, 20}};
  for (std::size_t i = 1; i < std::size(stops); ++i) {
    if (fraction <= stops[i].at) {
      const Stop& a = stops[i - 1];
      const Stop& b = stops[i];
      const double t = (fraction - a.at) / (b.at - a.at);
      char out[8];
      std::snprintf(out, sizeof out, "#%02x%02x%02x", static_cast<int>(a.r + t * (b.r - a.r)),
                    static_cast<int>(a.g + t * (b.g - a.g)),
                    static_cast<int>(a.b + t * (b.b - a.b)));
      return out;
    }
  }
  return "#8c0a14";
}

}  // namespace

std::string latencyChartSvg(const LatencyChart& chart) {
  const std::string title = "Latency per pattern (ms)";
  if (chart.bars.empty()) return noData(720, title);
  const int width = 720;
  const int left = 110;
  const int right = 20;
  const int top = 28;
  const int bar = 7;
  const int group = 3 * bar + 8;
  const int height = top + static_cast<int>(chart.bars.size()) * group + 34;
  // A logarithmic axis: one pattern's seconds of retries and another's milliseconds both show.
  double max = 0;
  double min = 0;
  for (const LatencyChart::Bar& b : chart.bars) {
    for (double v : {b.p50, b.p95, b.p99}) {
      max = std::max(max, v);
      if (v > 0) min = min == 0 ? v : std::min(min, v);
    }
  }
  const double low = std::pow(10.0, std::floor(std::log10(min > 0 ? min : 1.0)));
  const double high = std::pow(10.0, std::ceil(std::log10(std::max(max, low * 10))));
  const double plot = width - left - right - 60;
  auto x = [&](double v) {
    if (v <= low) return static_cast<double>(left);
    return left + plot * std::log10(v / low) / std::log10(high / low);
  };
  std::string out = open(width, height, title);
  out += label(left, 14, title, "start", " font-weight=\"bold\"");
  const char* colours[] = {"#9ecae1", "#4292c6", "#08306b"};
  const char* names[] = {"p50", "p95", "p99"};
  for (int i = 0; i < 3; ++i) {
    const double lx = width - right - 170 + i * 56;
    out += rect(lx, 5, 10, 10, colours[i]) + label(lx + 14, 14, names[i]);
  }
  const double bottom = top + static_cast<double>(chart.bars.size()) * group;
  for (double v = low; v <= high * 1.001; v *= 10) {
    out += line(x(v), top - 4, x(v), bottom, "#dddddd");
    out += label(x(v), bottom + 14, v < 1 ? groupedNumber(v, 3) : shortNumber(v), "middle");
  }
  out += label(left + plot / 2, bottom + 28, "milliseconds (logarithmic)", "middle");
  for (std::size_t i = 0; i < chart.bars.size(); ++i) {
    const LatencyChart::Bar& b = chart.bars[i];
    const double y = top + static_cast<double>(i) * group;
    out += label(left - 6, y + 1.5 * bar + 4, b.pattern, "end");
    const double values[] = {b.p50, b.p95, b.p99};
    for (int k = 0; k < 3; ++k) {
      out += rect(left, y + k * bar, std::max(0.5, x(values[k]) - left), bar - 1, colours[k],
                  b.pattern + " " + names[k] + ": " + groupedNumber(values[k], 2) + " ms");
    }
    out += label(x(b.p99) + 4, y + 3 * bar - 1, groupedNumber(b.p99, b.p99 < 10 ? 2 : 0), "start",
                 " font-size=\"9\"");
  }
  out += line(left, top - 4, left, bottom, "#333333");
  return out + "</svg>";
}

std::string heatMapSvg(const HeatMap& map) {
  const std::string title = "Partition heat (read + write units per second)";
  if (map.rows.empty() || map.columns == 0) return noData(720, title);
  const int left = 110;
  const int top = 30;
  const double plotWidth = 600;
  const double cellWidth = plotWidth / map.columns;
  const double cellHeight = map.rows.size() > 24 ? 8 : 14;
  const int width = left + static_cast<int>(plotWidth) + 20;
  const double plotHeight = cellHeight * static_cast<double>(map.rows.size());
  const int height = top + static_cast<int>(plotHeight) + 60;

  std::string out = open(width, height, title);
  out += label(left, 14, title, "start", " font-weight=\"bold\"");
  out += rect(left, top, plotWidth, plotHeight, "#f2f2f2");
  for (std::size_t r = 0; r < map.rows.size(); ++r) {
    const double y = top + cellHeight * static_cast<double>(r);
    if (cellHeight >= 10 || r % 2 == 0) {
      out += label(left - 6, y + cellHeight - 2, map.rows[r], "end",
                   cellHeight < 10 ? " font-size=\"8\"" : "");
    }
    for (int c = 0; c < map.columns; ++c) {
      const auto column = static_cast<std::size_t>(c);
      if (!map.present[r][column]) continue;
      const double value = map.values[r][column];
      const double fraction = map.maxValue > 0 ? value / map.maxValue : 0;
      const double second = map.firstSecond + c * map.secondsPerColumn;
      // A tooltip per cell would make a large map heavy; the rows' labels and the axis suffice.
      out += rect(left + cellWidth * c, y, cellWidth + 0.05, cellHeight - 0.5, heatColour(fraction),
                  map.columns * map.rows.size() <= 4000
                      ? map.rows[r] + ", second " + shortNumber(second) + ": " +
                            groupedNumber(value, 1) + " units/s"
                      : "");
    }
  }
  const double totalSeconds = map.columns * map.secondsPerColumn;
  const double step = niceStep(totalSeconds, 8);
  for (double s = 0; s <= totalSeconds + 1e-9; s += step) {
    const double xs = left + plotWidth * s / totalSeconds;
    out += line(xs, top + plotHeight, xs, top + plotHeight + 4, "#333333");
    out += label(xs, top + plotHeight + 15, shortNumber(map.firstSecond + s), "middle");
  }
  out += label(left + plotWidth / 2, top + plotHeight + 29, "seconds", "middle");
  // The colour scale.
  const double legendY = top + plotHeight + 38;
  for (int i = 0; i < 20; ++i) {
    out += rect(left + i * 8.0, legendY, 8, 9, heatColour(i / 19.0));
  }
  out += label(left + 166, legendY + 8, "0 to " + groupedNumber(map.maxValue, 0) + " units/s");
  if (map.partitionsLeftOut > 0) {
    out += label(left + plotWidth, legendY + 8,
                 std::to_string(map.partitionsLeftOut) + " cooler partitions not shown", "end");
  }
  return out + "</svg>";
}

std::string timelineSvg(const Timeline& t) {
  const std::string title = "Requests, throttled attempts and failures per bucket";
  if (t.seconds.empty()) return noData(720, title);
  const int width = 720;
  const int left = 60;
  const int right = 20;
  const int top = 44;
  const int plotHeight = 180;
  const int height = top + plotHeight + 40;
  double max = 0;
  for (std::size_t i = 0; i < t.seconds.size(); ++i) {
    max = std::max({max, t.requests[i], t.throttled[i], t.failed[i]});
  }
  const double step = niceStep(max, 5);
  const double axisMax = std::max(step, std::ceil(max / step) * step);
  const double first = t.seconds.front();
  const double last = std::max(t.seconds.back(), first + 1);
  const double plot = width - left - right;
  auto x = [&](double s) { return left + plot * (s - first) / (last - first); };
  auto y = [&](double v) { return top + plotHeight - plotHeight * v / axisMax; };

  std::string out = open(width, height, title);
  out += label(left, 14, title, "start", " font-weight=\"bold\"");
  for (double v = 0; v <= axisMax + step / 2; v += step) {
    out += line(left, y(v), width - right, y(v), "#e5e5e5");
    out += label(left - 5, y(v) + 4, shortNumber(v), "end");
  }
  const double xStep = niceStep(last - first, 8);
  for (double s = 0; first + s <= last + 1e-9; s += xStep) {
    out += label(x(first + s), top + plotHeight + 15, shortNumber(first + s), "middle");
  }
  out += label(left + plot / 2, top + plotHeight + 30, "seconds", "middle");
  struct Series {
    const std::vector<double>* values;
    const char* colour;
    const char* name;
  };
  const Series series[] = {{&t.requests, "#2171b5", "requests"},
                           {&t.throttled, "#de2d26", "throttled attempts"},
                           {&t.failed, "#000000", "failed"}};
  int legend = 0;
  for (const Series& s : series) {
    std::string points;
    for (std::size_t i = 0; i < t.seconds.size(); ++i) {
      points += (i ? " " : "") + num(x(t.seconds[i])) + "," + num(y((*s.values)[i]));
    }
    out += "<polyline fill=\"none\" stroke=\"" + std::string(s.colour) +
           "\" stroke-width=\"1.5\" points=\"" + points + "\"/>";
    const double lx = left + legend * 130;
    out += rect(lx, 25, 12, 3, s.colour) + label(lx + 16, 31, s.name);
    ++legend;
  }
  out += line(left, top, left, top + plotHeight, "#333333");
  out += line(left, top + plotHeight, width - right, top + plotHeight, "#333333");
  return out + "</svg>";
}

}  // namespace kvlab::report
