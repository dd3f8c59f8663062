#include "ui/views/diagram_edge_item.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>
#include <algorithm>
#include <cmath>

#include "ui/models/number_text.h"
#include "ui/views/diagram_node_item.h"

namespace kvlab::ui {
namespace {

constexpr double kLabelPadding = 4;
constexpr double kFootLength = 14;
constexpr double kFootWidth = 8;
const QColor kLineColor(0x45, 0x5a, 0x74);

QPointF unit(const QPointF& v) {
  const double length = std::hypot(v.x(), v.y());
  return length < 1e-9 ? QPointF(1, 0) : v / length;
}

// Where the ray from `box`'s centre towards `towards` leaves the box.
QPointF borderPoint(const QRectF& box, const QPointF& towards) {
  const QPointF c = box.center();
  const QPointF d = towards - c;
  if (std::fabs(d.x()) < 1e-9 && std::fabs(d.y()) < 1e-9) return c;
  const double tx = std::fabs(d.x()) < 1e-9 ? 1e18 : (box.width() / 2) / std::fabs(d.x());
  const double ty = std::fabs(d.y()) < 1e-9 ? 1e18 : (box.height() / 2) / std::fabs(d.y());
  return c + d * std::min(tx, ty);
}

QString kindShort(model::RelationshipKind kind) {
  switch (kind) {
    case model::RelationshipKind::OneToOne:
      return QStringLiteral("1:1");
    case model::RelationshipKind::OneToMany:
      return QStringLiteral("1:N");
    case model::RelationshipKind::ManyToMany:
      return QStringLiteral("M:N");
  }
  return {};
}

}  // namespace

DiagramEdgeItem::DiagramEdgeItem(const model::Relationship& relationship, int row,
                                 DiagramNodeItem* from, DiagramNodeItem* to, double bend)
    : row_(row),
      from_(from),
      to_(to),
      bend_(bend),
      manyAtFrom_(relationship.kind == model::RelationshipKind::ManyToMany),
      manyAtTo_(relationship.kind != model::RelationshipKind::OneToOne),
      labelLines_(labelFor(relationship)),
      font_(QApplication::font()) {
  setZValue(0);
  QString tip =
      QStringLiteral("%1 → %2: %3")
          .arg(QString::fromStdString(relationship.from), QString::fromStdString(relationship.to),
               QString::fromUtf8(model::relationshipKindName(relationship.kind)));
  if (relationship.name)
    tip.prepend(QString::fromStdString(*relationship.name) + QStringLiteral(" "));
  if (relationship.fanout) {
    tip += QStringLiteral(", %1 %2 per %3 on average")
               .arg(numberText(relationship.fanout->mean), QString::fromStdString(relationship.to),
                    QString::fromStdString(relationship.from));
    if (relationship.fanout->max) {
      tip += QStringLiteral(", at most %1")
                 .arg(numberText(static_cast<double>(*relationship.fanout->max)));
    }
  }
  setToolTip(tip);
  adjust();
}

QStringList DiagramEdgeItem::labelFor(const model::Relationship& relationship) {
  QString first = kindShort(relationship.kind);
  if (relationship.name && !relationship.name->empty()) {
    first = QString::fromStdString(*relationship.name) + QStringLiteral(" · ") + first;
  }
  QStringList lines{first};
  if (relationship.fanout) {
    QString fanout = QStringLiteral("fan-out %1").arg(numberText(relationship.fanout->mean));
    if (relationship.fanout->max) {
      fanout += QStringLiteral(", max %1")
                    .arg(numberText(static_cast<double>(*relationship.fanout->max)));
    }
    lines << fanout;
  }
  return lines;
}

QSizeF DiagramEdgeItem::labelSize(const QStringList& lines) {
  const QFontMetricsF metrics(QApplication::font());
  double width = 0;
  for (const QString& line : lines) width = std::max(width, metrics.horizontalAdvance(line));
  return QSizeF(width + 2 * kLabelPadding,
                metrics.lineSpacing() * static_cast<double>(lines.size()) + 2 * kLabelPadding);
}

void DiagramEdgeItem::adjust() {
  prepareGeometryChange();
  const QRectF a = from_->sceneBoundingRect().adjusted(2, 2, -2, -2);
  const QRectF b = to_->sceneBoundingRect().adjusted(2, 2, -2, -2);
  path_ = QPainterPath();
  if (from_ == to_) {
    // A loop on the right of the box.
    const double cy = a.center().y();
    const double reach = 50 + bend_;
    fromEnd_ = QPointF(a.right(), cy - 14);
    toEnd_ = QPointF(a.right(), cy + 14);
    path_.moveTo(fromEnd_);
    path_.cubicTo(QPointF(a.right() + reach, cy - 14 - reach),
                  QPointF(a.right() + reach, cy + 14 + reach), toEnd_);
    fromDirection_ = unit(QPointF(1, -1));
    toDirection_ = unit(QPointF(1, 1));
  } else {
    const QPointF ca = a.center();
    const QPointF cb = b.center();
    const QPointF along = unit(cb - ca);
    const QPointF normal(-along.y(), along.x());
    // The point the line passes through halfway; a quadratic curve through it.
    const QPointF middle = (ca + cb) / 2 + normal * bend_;
    fromEnd_ = borderPoint(a, middle);
    toEnd_ = borderPoint(b, middle);
    const QPointF control = middle * 2 - (fromEnd_ + toEnd_) / 2;
    path_.moveTo(fromEnd_);
    if (std::fabs(bend_) < 1e-9) {
      path_.lineTo(toEnd_);
      fromDirection_ = unit(toEnd_ - fromEnd_);
      toDirection_ = unit(fromEnd_ - toEnd_);
    } else {
      path_.quadTo(control, toEnd_);
      fromDirection_ = unit(control - fromEnd_);
      toDirection_ = unit(control - toEnd_);
    }
  }
  const QSizeF size = labelSize(labelLines_);
  const QPointF at = path_.pointAtPercent(labelAt_);
  labelRect_ = QRectF(at - QPointF(size.width() / 2, size.height() / 2), size);
  if (from_ == to_) labelRect_.moveLeft(path_.boundingRect().right() + 4);
  bounds_ = path_.boundingRect()
                .united(labelRect_)
                .adjusted(-kFootLength - 4, -kFootLength - 4, kFootLength + 4, kFootLength + 4);
  update();
}

void DiagramEdgeItem::setLabelAt(double fraction) {
  labelAt_ = std::clamp(fraction, 0.0, 1.0);
  adjust();
}

QRectF DiagramEdgeItem::boundingRect() const { return bounds_; }

QPainterPath DiagramEdgeItem::shape() const {
  QPainterPathStroker stroker;
  stroker.setWidth(10);
  QPainterPath shape = stroker.createStroke(path_);
  shape.addRect(labelRect_);
  return shape;
}

void DiagramEdgeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option,
                            QWidget* widget) {
  Q_UNUSED(option);
  Q_UNUSED(widget);
  painter->setRenderHint(QPainter::Antialiasing);
  const QPen pen(kLineColor, 1.4);
  painter->setPen(pen);
  painter->setBrush(Qt::NoBrush);
  painter->drawPath(path_);

  // A bar across the line for "one", a crow's foot for "many".
  auto drawEnd = [&](const QPointF& end, const QPointF& direction, bool many) {
    const QPointF normal(-direction.y(), direction.x());
    if (many) {
      const QPointF base = end + direction * kFootLength;
      painter->drawLine(base, end);
      painter->drawLine(base, end + normal * kFootWidth);
      painter->drawLine(base, end - normal * kFootWidth);
    } else {
      const QPointF bar = end + direction * (kFootLength * 0.7);
      painter->drawLine(bar + normal * kFootWidth, bar - normal * kFootWidth);
    }
  };
  drawEnd(fromEnd_, fromDirection_, manyAtFrom_);
  drawEnd(toEnd_, toDirection_, manyAtTo_);

  painter->setPen(QPen(QColor(0xb0, 0xb8, 0xc4), 1));
  painter->setBrush(QColor(255, 255, 255, 235));
  painter->drawRoundedRect(labelRect_, 3, 3);
  painter->setFont(font_);
  painter->setPen(QColor(0x22, 0x22, 0x22));
  const QFontMetricsF metrics(font_);
  double y = labelRect_.top() + kLabelPadding;
  for (const QString& line : labelLines_) {
    painter->drawText(QRectF(labelRect_.left(), y, labelRect_.width(), metrics.lineSpacing()),
                      Qt::AlignCenter, line);
    y += metrics.lineSpacing();
  }
}

}  // namespace kvlab::ui
