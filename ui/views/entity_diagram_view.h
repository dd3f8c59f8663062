#pragma once

#include <QString>
#include <QWidget>
#include <vector>

class QGraphicsScene;
class QGraphicsView;
class QLabel;
class QPushButton;

namespace kvlab::ui {

class DiagramEdgeItem;
class DiagramNodeItem;
class ProjectDocument;

// The Diagram tab: the project's entities as boxes and its relationships as lines between them
// (DiagramNodeItem, DiagramEdgeItem) in a QGraphicsScene. Each box stands where the project's
// `diagram` puts it, or where the automatic layout (placeEntityDiagram) does. Dragging boxes is an
// edit: releasing them pushes one MoveDiagramNodeCommand for every box moved. "Lay out again"
// forgets the stored positions (ResetDiagramLayoutCommand). Double-clicking a box or a
// relationship asks for its editor (entityActivated, relationshipActivated). The scene is made
// again whenever the document changes (an edit, undo, redo, another file), keeping the
// selection; the whole diagram is kept in view, never drawn larger than 100%. GUI thread only.
class EntityDiagramView : public QWidget {
  Q_OBJECT

 public:
  // `document` must outlive the view.
  explicit EntityDiagramView(ProjectDocument* document, QWidget* parent = nullptr);
  ~EntityDiagramView() override;

  QGraphicsScene* scene() const { return scene_; }
  QGraphicsView* graphicsView() const { return view_; }
  // The boxes, in the order of the project's entities, and the relationships drawn (those whose
  // ends both name an entity), in the order of the project's relationships.
  const std::vector<DiagramNodeItem*>& nodes() const { return nodes_; }
  const std::vector<DiagramEdgeItem*>& edges() const { return edges_; }
  // The box of the entity called `name`, or null.
  DiagramNodeItem* node(const QString& name) const;

  // Pushes one MoveDiagramNodeCommand for the boxes that stand elsewhere than the diagram put
  // them (the view does this when a drag ends); returns whether any had moved.
  bool commitMoves();
  // "Lay out again": forgets the stored positions (one command, when there are any) and shows
  // the whole diagram.
  void layOutAgain();
  // Shows the whole diagram, at most at 100%.
  void fitToWindow();

 signals:
  // A box or a relationship was double-clicked: `row` in the project's entities or relationships.
  void entityActivated(int row);
  void relationshipActivated(int row);

 private:
  void rebuild();
  // Slides each relationship's label along its line to the first place where it covers no box,
  // no other label and no other line, if there is one.
  void placeLabels();
  void activateAt(const QPoint& viewportPoint);

  ProjectDocument* document_;
  QGraphicsScene* scene_;
  QGraphicsView* view_;
  QPushButton* layOutButton_;
  QLabel* hint_;
  std::vector<DiagramNodeItem*> nodes_;
  std::vector<DiagramEdgeItem*> edges_;
  // Whether the view keeps the whole diagram in sight; zooming by hand turns it off, "Fit to
  // window", "Lay out again" and opening a file on again.
  bool fitting_ = true;
};

}  // namespace kvlab::ui
