#pragma once

#include <QFont>
#include <QGraphicsItem>
#include <QPainterPath>
#include <QString>
#include <QStringList>

#include "model/schema/relationship.h"

namespace kvlab::ui {

class DiagramNodeItem;

// One relationship in the entity diagram: a line between the boxes of its two entities (a loop
// for an entity related to itself), a bar at a "one" end and a crow's foot at a "many" end, and
// a label at its middle with its name, its kind (1:1, 1:N, M:N) and its fan-out. `bend` curves
// the line sideways by that many units, so that several relationships between the same two
// entities stay apart. Follows its boxes when they move (adjust()). GUI thread only.
class DiagramEdgeItem : public QGraphicsItem {
 public:
  enum { Type = UserType + 0x4B02 };

  // `row` is the relationship's index in the project's relationships; `from` and `to` are the
  // boxes of its ends (the same box for a loop), and must outlive the edge.
  DiagramEdgeItem(const model::Relationship& relationship, int row, DiagramNodeItem* from,
                  DiagramNodeItem* to, double bend);

  int type() const override { return Type; }
  QRectF boundingRect() const override;
  QPainterPath shape() const override;
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option,
             QWidget* widget = nullptr) override;

  int row() const { return row_; }
  DiagramNodeItem* from() const { return from_; }
  DiagramNodeItem* to() const { return to_; }
  // The label's lines: "places · 1:N" and "fan-out 12, max 500" (the second only with a
  // fan-out).
  const QStringList& labelLines() const { return labelLines_; }
  // Where the label is drawn, in scene coordinates.
  QRectF labelRect() const { return labelRect_; }
  // The line as drawn, in scene coordinates.
  const QPainterPath& path() const { return path_; }

  // Recomputes the line from the boxes' positions.
  void adjust();
  // Where along the line the label sits, from 0 (at `from`) to 1; 0.5 at first. The diagram
  // slides labels that would cover another label or a box.
  void setLabelAt(double fraction);
  double labelAt() const { return labelAt_; }

  // The size of a label with `lines` in the diagram's font, for the room the layout leaves.
  static QSizeF labelSize(const QStringList& lines);
  // The label of `relationship`, as labelLines() gives it.
  static QStringList labelFor(const model::Relationship& relationship);

 private:
  int row_;
  DiagramNodeItem* from_;
  DiagramNodeItem* to_;
  double bend_;
  bool manyAtFrom_;
  bool manyAtTo_;
  QStringList labelLines_;
  QFont font_;
  QPainterPath path_;
  QPointF fromEnd_;
  QPointF fromDirection_;  // unit vector from the box out along the line
  QPointF toEnd_;
  QPointF toDirection_;
  double labelAt_ = 0.5;
  QRectF labelRect_;
  QRectF bounds_;
};

}  // namespace kvlab::ui
