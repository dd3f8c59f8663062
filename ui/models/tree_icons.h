#pragma once

#include <QIcon>

namespace kvlab::ui {

// What a row of the project tree stands for, as far as its icon is concerned.
enum class TreeIconKind {
  Entity,
  Attribute,
  IdentifierAttribute,
  Relationship,
  ReadPattern,
  WritePattern,
  Design,
  Table,
  GlobalIndex,
  LocalIndex,
  EntityKeys,
  Workload,
};

// A small badge (a coloured square with a letter) for `kind`, drawn once and cached. Needs a
// QGuiApplication; without one returns a null icon. GUI thread only.
QIcon treeIcon(TreeIconKind kind);

}  // namespace kvlab::ui
