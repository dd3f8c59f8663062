#include "ui/models/tree_icons.h"

#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QHash>
#include <QPainter>
#include <QPixmap>

namespace kvlab::ui {
namespace {

struct Badge {
  QChar letter;
  QColor colour;
};

Badge badgeFor(TreeIconKind kind) {
  switch (kind) {
    case TreeIconKind::Entity:
      return {u'E', QColor(0x2f, 0x6d, 0xb5)};
    case TreeIconKind::Attribute:
      return {u'a', QColor(0x8a, 0x90, 0x99)};
    case TreeIconKind::IdentifierAttribute:
      return {u'k', QColor(0xc2, 0x8a, 0x12)};
    case TreeIconKind::Relationship:
      return {QChar(0x2194), QColor(0x7e, 0x57, 0xa8)};  // ↔
    case TreeIconKind::ReadPattern:
      return {u'R', QColor(0x2e, 0x8b, 0x57)};
    case TreeIconKind::WritePattern:
      return {u'W', QColor(0xc4, 0x5a, 0x1f)};
    case TreeIconKind::Design:
      return {u'D', QColor(0x1f, 0x7a, 0x8c)};
    case TreeIconKind::Table:
      return {u'T', QColor(0x3a, 0x4a, 0x5c)};
    case TreeIconKind::GlobalIndex:
      return {u'G', QColor(0xa8, 0x3f, 0x6b)};
    case TreeIconKind::LocalIndex:
      return {u'L', QColor(0xc0, 0x6c, 0x90)};
    case TreeIconKind::EntityKeys:
      return {u'E', QColor(0x7a, 0x9c, 0xc8)};
    case TreeIconKind::Workload:
      return {QChar(0x223F), QColor(0xb0, 0x7d, 0x1a)};  // ∿
  }
  return {u'?', Qt::gray};
}

QPixmap drawBadge(const Badge& badge, int size) {
  QPixmap pixmap(size, size);
  pixmap.fill(Qt::transparent);
  QPainter painter(&pixmap);
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setPen(Qt::NoPen);
  painter.setBrush(badge.colour);
  const qreal margin = size / 16.0;
  painter.drawRoundedRect(QRectF(margin, margin, size - 2 * margin, size - 2 * margin), size / 5.0,
                          size / 5.0);
  QFont font;
  font.setBold(true);
  font.setPixelSize(size * 11 / 16);
  painter.setFont(font);
  painter.setPen(Qt::white);
  painter.drawText(QRect(0, 0, size, size), Qt::AlignCenter, QString(badge.letter));
  return pixmap;
}

}  // namespace

QIcon treeIcon(TreeIconKind kind) {
  if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance())) return {};
  // Never destroyed: pixmaps must not outlive the application, and statics would.
  static auto* cache = new QHash<int, QIcon>;
  QIcon& icon = (*cache)[static_cast<int>(kind)];
  if (icon.isNull()) {
    const Badge badge = badgeFor(kind);
    for (int size : {16, 32}) icon.addPixmap(drawBadge(badge, size));
  }
  return icon;
}

}  // namespace kvlab::ui
