#pragma once

#include <QFont>
#include <QGraphicsItem>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <vector>

#include "model/schema/entity.h"

namespace kvlab::ui {

class DiagramEdgeItem;

// One entity's box in the entity diagram: its name in a title band, its identifier, its expected
// item count (when the project gives one), and its attributes (the identifier's in bold), up to
// kMaxListedAttributes and a count of the rest. Embedded entities (stored: false) have a dashed
// frame. Movable and selectable; moving it redraws the edges attached to it. The box's size follows
// from its text alone, so the layout can be computed before the box is placed. GUI thread only.
class DiagramNodeItem : public QGraphicsItem {
 public:
  enum { Type = UserType + 0x4B01 };
  static constexpr int kMaxListedAttributes = 12;

  // `row` is the entity's index in the project's entities.
  DiagramNodeItem(const model::Entity& entity, int row);

  int type() const override { return Type; }
  QRectF boundingRect() const override;
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option,
             QWidget* widget = nullptr) override;

  int row() const { return row_; }
  const QString& name() const { return name_; }
  // The box's size in diagram units.
  QSizeF size() const { return size_; }
  // The lines shown under the title, in order (for tests and tooltips).
  const QStringList& lines() const { return lines_; }

  // Where the diagram placed the box last; a position elsewhere means the user moved it.
  QPointF placedAt() const { return placedAt_; }
  void place(const QPointF& topLeft);

  // Edges to redraw when the box moves; the diagram adds each edge to both its ends.
  void attach(DiagramEdgeItem* edge) { edges_.push_back(edge); }

 protected:
  QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

 private:
  int row_;
  QString name_;
  bool embedded_;
  QStringList lines_;
  std::vector<bool> bold_;  // per line: an identifier attribute
  int separatorAfter_;      // lines before the attribute list
  QFont titleFont_;
  QFont textFont_;
  QSizeF size_;
  double titleHeight_ = 0;
  double lineHeight_ = 0;
  QPointF placedAt_;
  std::vector<DiagramEdgeItem*> edges_;
};

}  // namespace kvlab::ui
