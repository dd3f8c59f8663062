#include "ui/models/workload_pattern_table_model.h"

#include <QBrush>
#include <QColor>
#include <QUndoStack>
#include <cmath>
#include <optional>
#include <utility>

#include "model/io/json_path.h"
#include "model/schema/project.h"
#include "ui/commands/edit_workload_command.h"
#include "ui/document/findings_at.h"
#include "ui/document/project_document.h"
#include "ui/models/dynamodb_terms.h"

namespace kvlab::ui {
namespace {

using model::RateShape;
using model::RateSpec;
using Member = std::optional<double> RateSpec::*;

const QColor kFaultBackground(0xff, 0xeb, 0xee);
// A run without a duration of its own lasts what the Simulate tab and the CLI default to.
constexpr double kDefaultRunSeconds = 60;
// The largest values the file takes, as model/io/project_json.cpp reads them: an edit the reader
// would refuse on the next load is refused here.
constexpr double kMaxRate = 1e8;
constexpr double kMaxSeconds = 366.0 * 24 * 3600;

QString text(const std::string& value) { return QString::fromStdString(value); }

QString numberCell(const std::optional<double>& value) {
  return value ? QString::number(*value, 'g', 15) : QString();
}

std::optional<double> parseNumber(const QString& value) {
  bool ok = false;
  const double number = value.trimmed().toDouble(&ok);
  if (!ok || !std::isfinite(number)) return std::nullopt;
  return number;
}

// The rate field a shape keeps in `column`; null when it has none there (or, for a CSV's rate
// column, when the cell is its file).
Member memberAt(RateShape shape, int column) {
  using C = WorkloadPatternTableModel::Column;
  switch (column) {
    case C::kRateColumn:
      switch (shape) {
        case RateShape::Constant:
          return &RateSpec::rate;
        case RateShape::Ramp:
          return &RateSpec::from;
        case RateShape::Spike:
          return &RateSpec::base;
        case RateShape::Daily:
          return &RateSpec::mean;
        case RateShape::Csv:
          return nullptr;
      }
      return nullptr;
    case C::kPeakColumn:
      if (shape == RateShape::Ramp) return &RateSpec::to;
      if (shape == RateShape::Spike || shape == RateShape::Daily) return &RateSpec::peak;
      return nullptr;
    case C::kStartColumn:
      if (shape == RateShape::Ramp || shape == RateShape::Spike) return &RateSpec::startSeconds;
      return nullptr;
    case C::kLengthColumn:
      if (shape == RateShape::Ramp) return &RateSpec::durationSeconds;
      if (shape == RateShape::Spike) return &RateSpec::lengthSeconds;
      if (shape == RateShape::Daily) return &RateSpec::dayLengthSeconds;
      return nullptr;
  }
  return nullptr;
}

// The field's name in the file, for tooltips.
const char* memberName(Member member) {
  if (member == &RateSpec::rate) return "rate";
  if (member == &RateSpec::from) return "from";
  if (member == &RateSpec::to) return "to";
  if (member == &RateSpec::base) return "base";
  if (member == &RateSpec::mean) return "mean";
  if (member == &RateSpec::peak) return "peak";
  if (member == &RateSpec::startSeconds) return "startSeconds";
  if (member == &RateSpec::durationSeconds) return "durationSeconds";
  if (member == &RateSpec::lengthSeconds) return "lengthSeconds";
  return "dayLengthSeconds";
}

// Whether the file needs the field (a ramp's start and a daily curve's day length are optional).
bool isRequired(Member member) {
  return member != &RateSpec::startSeconds && member != &RateSpec::dayLengthSeconds;
}

bool isRate(Member member) {
  return member == &RateSpec::rate || member == &RateSpec::from || member == &RateSpec::to ||
         member == &RateSpec::base || member == &RateSpec::mean || member == &RateSpec::peak;
}

// `old` (or, without one, a constant `fallback`) as a `shape`: its first rate and its peak carry
// over, and the fields the new shape needs get values a user can see and change (a spike in the
// second quarter of the run, a ramp over all of it).
RateSpec reshaped(const std::optional<RateSpec>& old, RateShape shape, double fallback,
                  double runSeconds) {
  RateSpec spec;
  spec.shape = shape;
  double low = fallback;
  std::optional<double> high;
  if (old) {
    spec.extra = old->extra;
    if (Member m = memberAt(old->shape, WorkloadPatternTableModel::kRateColumn)) {
      low = ((*old).*m).value_or(low);
    }
    if (Member m = memberAt(old->shape, WorkloadPatternTableModel::kPeakColumn)) high = (*old).*m;
    if (shape == RateShape::Csv) spec.file = old->file;
  }
  const double peak = high && *high >= low ? *high : (low > 0 ? 2 * low : 1);
  switch (shape) {
    case RateShape::Constant:
      spec.rate = low;
      break;
    case RateShape::Ramp:
      spec.from = low;
      spec.to = peak;
      spec.durationSeconds = runSeconds;
      break;
    case RateShape::Spike:
      spec.base = low;
      spec.peak = peak;
      spec.startSeconds = runSeconds / 4;
      spec.lengthSeconds = runSeconds / 4;
      break;
    case RateShape::Daily:
      spec.mean = low;
      spec.peak = peak;
      break;
    case RateShape::Csv:
      if (!spec.file) spec.file = "";
      break;
  }
  return spec;
}

bool usesTheta(model::KeyDistributionKind kind) {
  return kind == model::KeyDistributionKind::Zipfian ||
         kind == model::KeyDistributionKind::YcsbScrambled;
}

QString skewText(const model::KeyDistribution& d) {
  if (usesTheta(d.kind)) return numberCell(d.theta);
  if (d.kind == model::KeyDistributionKind::Hotspot && (d.hotFraction || d.hotOpFraction)) {
    return numberCell(d.hotFraction) + QStringLiteral(", ") + numberCell(d.hotOpFraction);
  }
  return {};
}

}  // namespace

WorkloadPatternTableModel::WorkloadPatternTableModel(ProjectDocument* document, QObject* parent)
    : QAbstractTableModel(parent), document_(document) {
  connect(document_, &ProjectDocument::aboutToChange, this,
          &WorkloadPatternTableModel::beginResetModel);
  connect(document_, &ProjectDocument::changed, this, [this] {
    refused_.clear();
    endResetModel();
  });
}

WorkloadPatternTableModel::~WorkloadPatternTableModel() = default;

void WorkloadPatternTableModel::setWorkload(int row) {
  beginResetModel();
  workload_ = row;
  refused_.clear();
  curveProblems_.clear();
  endResetModel();
}

void WorkloadPatternTableModel::setCurveProblems(std::map<std::string, QString> problems) {
  if (problems == curveProblems_) return;
  curveProblems_ = std::move(problems);
  if (rowCount() > 0) emit dataChanged(index(0, 0), index(rowCount() - 1, kColumnCount - 1));
}

const model::Workload* WorkloadPatternTableModel::shown() const {
  const auto& workloads = document_->project().workloads;
  if (workload_ < 0 || workload_ >= static_cast<int>(workloads.size())) return nullptr;
  return &workloads[workload_];
}

int WorkloadPatternTableModel::rowCount(const QModelIndex& parent) const {
  const model::Workload* w = shown();
  return parent.isValid() || w == nullptr ? 0 : static_cast<int>(w->patterns.size());
}

int WorkloadPatternTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : kColumnCount;
}

QStringList WorkloadPatternTableModel::findings(int row, int column) const {
  const model::PatternWorkload& p = shown()->patterns[row];
  QStringList messages;
  if (const auto it = refused_.find({row, column}); it != refused_.end()) messages << it->second;
  const std::string path = model::jsonPathMember(
      model::jsonPathMember(model::jsonPathIndex("workloads", workload_), "patterns"), p.patternId);
  messages << findingsAt(document_->validation(), path);
  const bool rateCell = column >= kShapeColumn && column <= kLengthColumn;
  if (const auto it = curveProblems_.find(p.patternId); rateCell && it != curveProblems_.end()) {
    messages << QStringLiteral("error: ") + it->second;
  }
  return messages;
}

QVariant WorkloadPatternTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
  const model::PatternWorkload& p = shown()->patterns[index.row()];
  const int column = index.column();
  switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole: {
      if (column == kPatternColumn) return text(p.patternId);
      if (column == kKeysColumn) {
        return p.keyDistribution
                   ? text(std::string(model::keyDistributionKindName(p.keyDistribution->kind)))
                   : QString();
      }
      if (column == kSkewColumn) return p.keyDistribution ? skewText(*p.keyDistribution) : "";
      if (!p.rate) return QString();
      if (column == kShapeColumn) return text(std::string(model::rateShapeName(p.rate->shape)));
      if (column == kRateColumn && p.rate->shape == RateShape::Csv) {
        return text(p.rate->file.value_or(""));
      }
      const Member member = memberAt(p.rate->shape, column);
      return member ? numberCell((*p.rate).*member) : QString();
    }
    case Qt::ToolTipRole: {
      const QStringList messages = findings(index.row(), column);
      if (!messages.isEmpty()) return messages.join(QLatin1Char('\n'));
      if (column == kPatternColumn) {
        const model::AccessPattern* pattern = document_->project().findPattern(p.patternId);
        return pattern ? text(pattern->name) : QString();
      }
      if (p.rate && column >= kRateColumn && column <= kLengthColumn) {
        if (column == kRateColumn && p.rate->shape == RateShape::Csv) {
          return tr("file: rows of \"seconds,rate\", relative to the project file");
        }
        if (const Member member = memberAt(p.rate->shape, column)) {
          return QString::fromLatin1(memberName(member)) +
                 (isRate(member) ? tr(", requests per second") : tr(", seconds"));
        }
      }
      return headerData(column, Qt::Horizontal, Qt::ToolTipRole);
    }
    case Qt::BackgroundRole:
      if (!findings(index.row(), column).isEmpty()) return QBrush(kFaultBackground);
      return {};
    case kChoicesRole: {
      QStringList choices{QString()};
      if (column == kShapeColumn) {
        for (RateShape s : {RateShape::Constant, RateShape::Ramp, RateShape::Spike,
                            RateShape::Daily, RateShape::Csv}) {
          choices << text(std::string(model::rateShapeName(s)));
        }
        return choices;
      }
      if (column == kKeysColumn) {
        using K = model::KeyDistributionKind;
        for (K k :
             {K::Uniform, K::Zipfian, K::YcsbScrambled, K::Hotspot, K::Latest, K::Exponential}) {
          choices << text(std::string(model::keyDistributionKindName(k)));
        }
        return choices;
      }
      return {};
    }
    default:
      return {};
  }
}

QVariant WorkloadPatternTableModel::headerData(int section, Qt::Orientation orientation,
                                               int role) const {
  if (orientation != Qt::Horizontal) return {};
  if (role == Qt::DisplayRole) {
    switch (section) {
      case kPatternColumn:
        return tr("Pattern");
      case kShapeColumn:
        return tr("Rate shape");
      case kRateColumn:
        return tr("Rate /s");
      case kPeakColumn:
        return tr("Peak /s");
      case kStartColumn:
        return tr("Start s");
      case kLengthColumn:
        return tr("Length s");
      case kKeysColumn:
        return tr("Keys");
      case kSkewColumn:
        return tr("Skew");
    }
  }
  if (role == Qt::ToolTipRole) {
    switch (section) {
      case kPatternColumn:
        return termToolTip(tr("The access pattern the workload drives."),
                           {DynamoDbTerm::AccessPattern});
      case kShapeColumn:
        return termToolTip(
            tr("How the rate moves: constant, ramp, spike, daily or csv; empty: the pattern's own "
               "mean rate. On demand, a rise faster than the table can follow is throttled."),
            {DynamoDbTerm::OnDemand});
      case kRateColumn:
        return tr(
            "A constant's rate, a ramp's starting rate, a spike's base, a daily curve's "
            "mean, or a CSV's file");
      case kPeakColumn:
        return tr("A ramp's final rate, a spike's or a daily curve's peak");
      case kStartColumn:
        return tr("When a ramp or a spike starts, in seconds into the run");
      case kLengthColumn:
        return tr("How long a ramp rises, a spike lasts, or a daily curve's day is, in seconds");
      case kKeysColumn:
        return termToolTip(
            tr("Key popularity: uniform, zipfian, ycsb-scrambled, hotspot, latest or "
               "exponential; empty: the pattern's own. A skewed popularity makes hot keys."),
            {DynamoDbTerm::HotPartition});
      case kSkewColumn:
        return termToolTip(
            tr("Zipfian skew theta (between 0 and 1), or a hotspot's share of keys and share "
               "of requests (\"0.2, 0.8\"); empty: the simulator's default. A higher theta, "
               "or more of the requests on fewer keys, makes the busiest keys hotter."),
            {DynamoDbTerm::HotPartition});
    }
  }
  return {};
}

Qt::ItemFlags WorkloadPatternTableModel::flags(const QModelIndex& index) const {
  if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid)) {
    return Qt::NoItemFlags;
  }
  const Qt::ItemFlags base = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
  const model::PatternWorkload& p = shown()->patterns[index.row()];
  const int column = index.column();
  bool editable = false;
  if (column == kShapeColumn || column == kKeysColumn) {
    editable = true;
  } else if (column == kSkewColumn) {
    editable =
        p.keyDistribution && (usesTheta(p.keyDistribution->kind) ||
                              p.keyDistribution->kind == model::KeyDistributionKind::Hotspot);
  } else if (p.rate && column >= kRateColumn && column <= kLengthColumn) {
    editable = (column == kRateColumn && p.rate->shape == RateShape::Csv) ||
               memberAt(p.rate->shape, column) != nullptr;
  }
  return editable ? base | Qt::ItemIsEditable : base;
}

void WorkloadPatternTableModel::refuse(const QModelIndex& index, const QString& why) {
  refused_[{index.row(), index.column()}] = why;
  emit dataChanged(index, index);
}

bool WorkloadPatternTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable)) return false;
  const QString typed = value.toString().trimmed();
  if (typed == data(index, Qt::EditRole).toString()) return false;
  const model::Workload& before = *shown();
  model::Workload after = before;
  model::PatternWorkload& p = after.patterns[index.row()];
  const int column = index.column();

  if (column == kShapeColumn) {
    if (typed.isEmpty()) {
      p.rate.reset();
    } else {
      const std::optional<RateShape> shape = model::parseRateShape(typed.toStdString());
      if (!shape) {
        refuse(index, tr("error: expected constant, ramp, spike, daily or csv"));
        return false;
      }
      const model::AccessPattern* pattern = document_->project().findPattern(p.patternId);
      const double mean = pattern && pattern->rate ? pattern->rate->mean : 0;
      p.rate = reshaped(p.rate, *shape, mean, before.durationSeconds.value_or(kDefaultRunSeconds));
    }
  } else if (column == kKeysColumn) {
    if (typed.isEmpty()) {
      p.keyDistribution.reset();
    } else {
      const auto kind = model::parseKeyDistributionKind(typed.toStdString());
      if (!kind) {
        refuse(index, tr("error: expected uniform, zipfian, ycsb-scrambled, hotspot, latest or "
                         "exponential"));
        return false;
      }
      model::KeyDistribution distribution;
      distribution.kind = *kind;
      if (p.keyDistribution) {
        distribution.extra = p.keyDistribution->extra;
        // A skew carries over to a kind that has one.
        if (usesTheta(*kind)) distribution.theta = p.keyDistribution->theta;
        if (*kind == model::KeyDistributionKind::Hotspot) {
          distribution.hotFraction = p.keyDistribution->hotFraction;
          distribution.hotOpFraction = p.keyDistribution->hotOpFraction;
        }
      }
      p.keyDistribution = std::move(distribution);
    }
  } else if (column == kSkewColumn) {
    model::KeyDistribution& d = *p.keyDistribution;
    if (usesTheta(d.kind)) {
      const std::optional<double> theta = typed.isEmpty() ? std::nullopt : parseNumber(typed);
      if (!typed.isEmpty() && !(theta && *theta > 0 && *theta < 1)) {
        refuse(index, tr("error: expected a skew theta between 0 and 1, both excluded"));
        return false;
      }
      d.theta = theta;
    } else {
      const QStringList parts = typed.split(QLatin1Char(','));
      std::optional<double> keys;
      std::optional<double> requests;
      if (!typed.isEmpty()) {
        keys = parts.size() == 2 ? parseNumber(parts[0]) : std::nullopt;
        requests = parts.size() == 2 ? parseNumber(parts[1]) : std::nullopt;
        if (!(keys && requests && *keys > 0 && *keys <= 1 && *requests >= 0 && *requests <= 1)) {
          refuse(index, tr("error: expected a share of keys and a share of requests, each "
                           "between 0 and 1: \"0.2, 0.8\""));
          return false;
        }
      }
      d.hotFraction = keys;
      d.hotOpFraction = requests;
    }
  } else if (column == kRateColumn && p.rate->shape == RateShape::Csv) {
    if (typed.isEmpty()) {
      refuse(index, tr("error: a CSV rate needs a file"));
      return false;
    }
    p.rate->file = typed.toStdString();
  } else {
    const Member member = memberAt(p.rate->shape, column);
    if (typed.isEmpty()) {
      if (isRequired(member)) {
        refuse(index, tr("error: a %1 needs its %2")
                          .arg(text(std::string(model::rateShapeName(p.rate->shape))),
                               QString::fromLatin1(memberName(member))));
        return false;
      }
      (*p.rate).*member = std::nullopt;
    } else {
      const std::optional<double> number = parseNumber(typed);
      if (!number || *number < 0 || *number > (isRate(member) ? kMaxRate : kMaxSeconds)) {
        refuse(index, isRate(member)
                          ? tr("error: expected requests per second, from 0 to %1").arg(kMaxRate)
                          : tr("error: expected seconds, from 0 to %1").arg(kMaxSeconds));
        return false;
      }
      (*p.rate).*member = number;
    }
    // The file's rule: a spike rises and a daily curve peaks, neither dips.
    const RateSpec& r = *p.rate;
    if (r.shape == RateShape::Spike && r.base && r.peak && *r.peak < *r.base) {
      refuse(index, tr("error: expected a peak of at least the base rate"));
      return false;
    }
    if (r.shape == RateShape::Daily && r.mean && r.peak && *r.peak < *r.mean) {
      refuse(index, tr("error: expected a peak of at least the mean rate"));
      return false;
    }
  }
  document_->undoStack()->push(new EditWorkloadCommand(document_, workload_, std::move(after)));
  return true;
}

}  // namespace kvlab::ui
