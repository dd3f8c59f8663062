#include "ui/views/entity_diagram_view.h"

#include <QGraphicsScene>
#include <QGraphicsView>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPushButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <utility>

#include "ui/commands/move_diagram_node_command.h"
#include "ui/commands/reset_diagram_layout_command.h"
#include "ui/document/project_document.h"
#include "ui/views/diagram_edge_item.h"
#include "ui/views/diagram_node_item.h"
#include "ui/views/entity_diagram_layout.h"

namespace kvlab::ui {
namespace {

// The sideways distance between two relationships of the same pair of entities.
constexpr double kParallelSpacing = 70;
// Room around the diagram when it is fitted into the window.
constexpr double kFitMargin = 24;

// The QGraphicsView that tells the diagram when a drag ends, a double-click lands, the window
// changes size or the user zooms (Ctrl + wheel).
class DiagramCanvas : public QGraphicsView {
 public:
  std::function<void()> dragEnded;
  std::function<void(const QPoint&)> doubleClicked;
  std::function<void()> resized;
  std::function<void()> zoomed;

 protected:
  void mouseReleaseEvent(QMouseEvent* event) override {
    QGraphicsView::mouseReleaseEvent(event);
    if (event->button() == Qt::LeftButton && dragEnded) dragEnded();
  }
  void mouseDoubleClickEvent(QMouseEvent* event) override {
    QGraphicsView::mouseDoubleClickEvent(event);
    if (event->button() == Qt::LeftButton && doubleClicked) doubleClicked(event->pos());
  }
  void resizeEvent(QResizeEvent* event) override {
    QGraphicsView::resizeEvent(event);
    if (resized) resized();
  }
  void wheelEvent(QWheelEvent* event) override {
    if ((event->modifiers() & Qt::ControlModifier) == 0) {
      QGraphicsView::wheelEvent(event);
      return;
    }
    const double factor = std::pow(1.0015, event->angleDelta().y());
    setTransformationAnchor(AnchorUnderMouse);
    scale(factor, factor);
    if (zoomed) zoomed();
    event->accept();
  }
};

// Two boxes, the one of the earlier entity first: the same pair whichever way a relationship
// points.
using NodePair = std::pair<const DiagramNodeItem*, const DiagramNodeItem*>;
NodePair pairKey(const DiagramNodeItem* a, const DiagramNodeItem* b) {
  return a->row() <= b->row() ? NodePair(a, b) : NodePair(b, a);
}

}  // namespace

EntityDiagramView::EntityDiagramView(ProjectDocument* document, QWidget* parent)
    : QWidget(parent), document_(document), scene_(new QGraphicsScene(this)) {
  auto* canvas = new DiagramCanvas;
  view_ = canvas;
  view_->setObjectName(QStringLiteral("diagramCanvas"));
  view_->setScene(scene_);
  view_->setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
  view_->setDragMode(QGraphicsView::RubberBandDrag);
  view_->setBackgroundBrush(QColor(0xf7, 0xf8, 0xfa));
  canvas->dragEnded = [this] { commitMoves(); };
  canvas->doubleClicked = [this](const QPoint& point) { activateAt(point); };
  canvas->resized = [this] {
    if (fitting_) fitToWindow();
  };
  canvas->zoomed = [this] { fitting_ = false; };

  hint_ = new QLabel(this);
  hint_->setObjectName(QStringLiteral("diagramHint"));
  hint_->setWordWrap(true);
  auto* fitButton = new QPushButton(tr("Fit to Window"), this);
  fitButton->setObjectName(QStringLiteral("fitDiagramButton"));
  fitButton->setToolTip(tr("Show the whole diagram (Ctrl + wheel zooms)"));
  connect(fitButton, &QPushButton::clicked, this, [this] {
    fitting_ = true;
    fitToWindow();
  });
  layOutButton_ = new QPushButton(tr("Lay Out Again"), this);
  layOutButton_->setObjectName(QStringLiteral("layOutDiagramButton"));
  layOutButton_->setToolTip(
      tr("Forget the positions boxes were dragged to and lay every entity out automatically"));
  connect(layOutButton_, &QPushButton::clicked, this, &EntityDiagramView::layOutAgain);

  auto* bar = new QHBoxLayout;
  bar->addWidget(hint_, 1);
  bar->addWidget(fitButton);
  bar->addWidget(layOutButton_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 6, 6, 6);
  layout->addLayout(bar);
  layout->addWidget(view_, 1);

  connect(document_, &ProjectDocument::changed, this, &EntityDiagramView::rebuild);
  connect(document_, &ProjectDocument::filePathChanged, this, [this] {
    fitting_ = true;
    fitToWindow();
  });
  rebuild();
}

EntityDiagramView::~EntityDiagramView() = default;

DiagramNodeItem* EntityDiagramView::node(const QString& name) const {
  for (DiagramNodeItem* n : nodes_) {
    if (n->name() == name) return n;
  }
  return nullptr;
}

void EntityDiagramView::rebuild() {
  QStringList selected;
  for (const DiagramNodeItem* n : nodes_) {
    if (n->isSelected()) selected << n->name();
  }
  scene_->clear();
  nodes_.clear();
  edges_.clear();

  const model::Project& project = document_->project();
  std::vector<DiagramSize> sizes;
  for (std::size_t i = 0; i < project.entities.size(); ++i) {
    auto* n = new DiagramNodeItem(project.entities[i], static_cast<int>(i));
    nodes_.push_back(n);
    sizes.push_back(DiagramSize{n->size().width(), n->size().height()});
  }
  // Room between boxes for the widest and the tallest relationship label.
  DiagramSpacing spacing{120, 70};
  for (const model::Relationship& r : project.relationships) {
    const QSizeF label = DiagramEdgeItem::labelSize(DiagramEdgeItem::labelFor(r));
    spacing.horizontal = std::max(spacing.horizontal, label.width() + 48);
    spacing.vertical = std::max(spacing.vertical, label.height() + 48);
  }
  const std::vector<DiagramPoint> at = placeEntityDiagram(project, sizes, spacing);
  std::map<std::string, DiagramNodeItem*> byName;
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    scene_->addItem(nodes_[i]);
    nodes_[i]->place(QPointF(at[i].x, at[i].y));
    nodes_[i]->setSelected(selected.contains(nodes_[i]->name()));
    byName.emplace(project.entities[i].name, nodes_[i]);
  }

  // Several relationships between the same two entities fan out sideways, centred on the
  // straight line; loops on one entity grow outwards.
  std::map<NodePair, int> total;
  std::vector<std::pair<DiagramNodeItem*, DiagramNodeItem*>> ends(project.relationships.size());
  for (std::size_t i = 0; i < project.relationships.size(); ++i) {
    const model::Relationship& r = project.relationships[i];
    const auto from = byName.find(r.from);
    const auto to = byName.find(r.to);
    if (from == byName.end() || to == byName.end()) continue;
    ends[i] = {from->second, to->second};
    ++total[pairKey(from->second, to->second)];
  }
  std::map<NodePair, int> seen;
  for (std::size_t i = 0; i < project.relationships.size(); ++i) {
    auto [from, to] = ends[i];
    if (from == nullptr) continue;
    const NodePair key = pairKey(from, to);
    const int k = seen[key]++;
    double bend = 0;
    if (from == to) {
      bend = k * kParallelSpacing / 2;
    } else {
      bend = (k - (total[key] - 1) / 2.0) * kParallelSpacing;
      // The same side whichever way the relationship points.
      if (from->row() > to->row()) bend = -bend;
    }
    auto* edge = new DiagramEdgeItem(project.relationships[i], static_cast<int>(i), from, to, bend);
    scene_->addItem(edge);
    from->attach(edge);
    if (to != from) to->attach(edge);
    edges_.push_back(edge);
  }

  placeLabels();

  if (project.entities.empty()) {
    hint_->setText(tr("No entities yet: Edit > New Entity adds one."));
  } else {
    hint_->setText(
        tr("Drag a box to move it (Edit > Undo puts it back); double-click an entity "
           "or a relationship to edit it in the Model tab."));
  }
  layOutButton_->setEnabled(project.diagram && !project.diagram->positions.empty());
  if (fitting_) fitToWindow();
}

void EntityDiagramView::placeLabels() {
  // Where along its line each label may go, best first: the middle, then ever nearer the ends
  // (but clear of the crow's feet).
  static constexpr double kFractions[] = {0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78};
  std::vector<QRectF> taken;
  for (const DiagramNodeItem* n : nodes_) taken.push_back(n->sceneBoundingRect());
  for (DiagramEdgeItem* edge : edges_) {
    if (edge->from() == edge->to()) continue;  // a loop's label sits beside it
    // Clear of boxes, labels placed and the other lines, so that it reads as this line's.
    auto clear = [&] {
      const QRectF label = edge->labelRect();
      return std::none_of(taken.begin(), taken.end(),
                          [&](const QRectF& r) { return r.intersects(label); }) &&
             std::none_of(edges_.begin(), edges_.end(), [&](const DiagramEdgeItem* other) {
               return other != edge && other->path().intersects(label);
             });
    };
    for (double fraction : kFractions) {
      edge->setLabelAt(fraction);
      if (clear()) break;
    }
    if (!clear()) edge->setLabelAt(0.5);
    taken.push_back(edge->labelRect());
  }
}

bool EntityDiagramView::commitMoves() {
  std::vector<model::DiagramPosition> moves;
  for (const DiagramNodeItem* n : nodes_) {
    if (n->pos() == n->placedAt()) continue;
    auto coordinate = [](double v) {
      return std::clamp(std::round(v), -model::kMaxDiagramCoordinate, model::kMaxDiagramCoordinate);
    };
    moves.push_back(model::DiagramPosition{n->name().toStdString(), coordinate(n->pos().x()),
                                           coordinate(n->pos().y())});
  }
  if (moves.empty()) return false;
  // The command makes the scene again (the document changes): nothing here may touch the items
  // after the push.
  document_->undoStack()->push(new MoveDiagramNodeCommand(document_, std::move(moves)));
  return true;
}

void EntityDiagramView::layOutAgain() {
  fitting_ = true;
  const model::Project& project = document_->project();
  if (project.diagram && !project.diagram->positions.empty()) {
    document_->undoStack()->push(new ResetDiagramLayoutCommand(document_));
  }
  fitToWindow();
}

void EntityDiagramView::fitToWindow() {
  view_->resetTransform();
  const QRectF bounds = scene_->itemsBoundingRect();
  if (bounds.isEmpty()) return;
  const QRectF rect = bounds.adjusted(-kFitMargin, -kFitMargin, kFitMargin, kFitMargin);
  const QSizeF viewport = view_->viewport()->size();
  const double scale =
      std::min({viewport.width() / rect.width(), viewport.height() / rect.height(), 1.0});
  if (scale > 0) view_->scale(scale, scale);
  view_->centerOn(rect.center());
}

void EntityDiagramView::activateAt(const QPoint& viewportPoint) {
  QGraphicsItem* item = view_->itemAt(viewportPoint);
  if (item == nullptr) return;
  item = item->topLevelItem();
  if (item->type() == DiagramNodeItem::Type) {
    emit entityActivated(static_cast<DiagramNodeItem*>(item)->row());
  } else if (item->type() == DiagramEdgeItem::Type) {
    emit relationshipActivated(static_cast<DiagramEdgeItem*>(item)->row());
  }
}

}  // namespace kvlab::ui
