#include "ui/views/diagram_node_item.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <algorithm>

#include "ui/models/number_text.h"
#include "ui/views/diagram_edge_item.h"

namespace kvlab::ui {
namespace {

constexpr double kPadding = 8;
constexpr double kMinWidth = 150;
constexpr double kMaxWidth = 300;
const QColor kTitleColor(0xdc, 0xe8, 0xf5);
const QColor kSelectedTitleColor(0xa9, 0xc9, 0xee);
const QColor kFrameColor(0x45, 0x5a, 0x74);

}  // namespace

DiagramNodeItem::DiagramNodeItem(const model::Entity& entity, int row)
    : row_(row),
      name_(QString::fromStdString(entity.name)),
      embedded_(!entity.isStored()),
      titleFont_(QApplication::font()),
      textFont_(QApplication::font()) {
  setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
  setZValue(1);
  titleFont_.setBold(true);
  titleFont_.setPointSizeF(textFont_.pointSizeF() + 1);

  QStringList identifier;
  for (const std::string& name : entity.identifier) identifier << QString::fromStdString(name);
  lines_ << QStringLiteral("id: %1").arg(
      identifier.isEmpty() ? QStringLiteral("(none)") : identifier.join(QStringLiteral(", ")));
  bold_.push_back(false);
  QStringList facts;
  if (entity.count) {
    facts << QStringLiteral("%1 items").arg(numberText(static_cast<double>(*entity.count)));
  }
  if (embedded_) facts << QStringLiteral("embedded");
  if (!facts.isEmpty()) {
    lines_ << facts.join(QStringLiteral(", "));
    bold_.push_back(false);
  }
  separatorAfter_ = static_cast<int>(lines_.size());

  const int total = static_cast<int>(entity.attributes.size());
  // With one more than the limit, the last attribute takes the line "1 more" would.
  const int listed = total <= kMaxListedAttributes ? total : kMaxListedAttributes - 1;
  for (int i = 0; i < listed; ++i) {
    const model::Attribute& a = entity.attributes[static_cast<std::size_t>(i)];
    lines_ << QStringLiteral("%1 : %2").arg(QString::fromStdString(a.name),
                                            QString::fromUtf8(model::attributeTypeName(a.type)));
    bold_.push_back(std::find(entity.identifier.begin(), entity.identifier.end(), a.name) !=
                    entity.identifier.end());
  }
  if (listed < total) {
    lines_ << QStringLiteral("… %1 more attributes").arg(total - listed);
    bold_.push_back(false);
  } else if (total == 0) {
    lines_ << QStringLiteral("no attributes");
    bold_.push_back(false);
  }

  const QFontMetricsF title(titleFont_);
  const QFontMetricsF text(textFont_);
  QFont boldText = textFont_;
  boldText.setBold(true);
  const QFontMetricsF boldMetrics(boldText);
  double width = title.horizontalAdvance(name_);
  for (std::size_t i = 0; i < static_cast<std::size_t>(lines_.size()); ++i) {
    const QFontMetricsF& m = bold_[i] ? boldMetrics : text;
    width = std::max(width, m.horizontalAdvance(lines_[static_cast<int>(i)]));
  }
  titleHeight_ = title.height() + kPadding;
  lineHeight_ = text.lineSpacing();
  size_ = QSizeF(std::clamp(width + 2 * kPadding, kMinWidth, kMaxWidth),
                 titleHeight_ + kPadding + lineHeight_ * static_cast<double>(lines_.size()) +
                     kPadding / 2 + kPadding);
  setToolTip(QStringLiteral("<b>%1</b><br>%2")
                 .arg(name_.toHtmlEscaped(), lines_.join(QStringLiteral("<br>"))));
}

QRectF DiagramNodeItem::boundingRect() const {
  return QRectF(QPointF(0, 0), size_).adjusted(-2, -2, 2, 2);
}

void DiagramNodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option,
                            QWidget* widget) {
  Q_UNUSED(widget);
  const bool selected = (option->state & QStyle::State_Selected) != 0;
  const QRectF box(QPointF(0, 0), size_);
  painter->setRenderHint(QPainter::Antialiasing);
  QPen frame(kFrameColor, selected ? 2.5 : 1.2);
  if (embedded_) frame.setStyle(Qt::DashLine);
  painter->setPen(frame);
  painter->setBrush(Qt::white);
  painter->drawRoundedRect(box, 4, 4);

  const QRectF titleBand(0, 0, size_.width(), titleHeight_);
  painter->setPen(Qt::NoPen);
  painter->setBrush(selected ? kSelectedTitleColor : kTitleColor);
  painter->drawRoundedRect(titleBand.adjusted(1, 1, -1, 0), 3, 3);
  painter->setPen(frame);
  painter->drawLine(QPointF(0, titleHeight_), QPointF(size_.width(), titleHeight_));

  const double textWidth = size_.width() - 2 * kPadding;
  painter->setFont(titleFont_);
  painter->setPen(Qt::black);
  const QFontMetricsF titleMetrics(titleFont_);
  painter->drawText(QRectF(kPadding, 0, textWidth, titleHeight_), Qt::AlignVCenter | Qt::AlignLeft,
                    titleMetrics.elidedText(name_, Qt::ElideRight, textWidth));

  double y = titleHeight_ + kPadding;
  QFont boldText = textFont_;
  boldText.setBold(true);
  for (int i = 0; i < lines_.size(); ++i) {
    if (i == separatorAfter_) {
      painter->setPen(QPen(QColor(0xc0, 0xc8, 0xd2), 1));
      painter->drawLine(QPointF(kPadding / 2, y + kPadding / 4),
                        QPointF(size_.width() - kPadding / 2, y + kPadding / 4));
      y += kPadding / 2;
    }
    const bool bold = bold_[static_cast<std::size_t>(i)];
    painter->setFont(bold ? boldText : textFont_);
    painter->setPen(i < separatorAfter_ ? QColor(0x44, 0x44, 0x44) : Qt::black);
    const QFontMetricsF metrics(bold ? boldText : textFont_);
    painter->drawText(QRectF(kPadding, y, textWidth, lineHeight_), Qt::AlignVCenter | Qt::AlignLeft,
                      metrics.elidedText(lines_[i], Qt::ElideRight, textWidth));
    y += lineHeight_;
  }
}

void DiagramNodeItem::place(const QPointF& topLeft) {
  placedAt_ = topLeft;
  setPos(topLeft);
}

QVariant DiagramNodeItem::itemChange(GraphicsItemChange change, const QVariant& value) {
  if (change == ItemPositionHasChanged) {
    for (DiagramEdgeItem* edge : edges_) edge->adjust();
  }
  return QGraphicsItem::itemChange(change, value);
}

}  // namespace kvlab::ui
