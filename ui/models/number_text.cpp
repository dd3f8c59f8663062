#include "ui/models/number_text.h"

#include <QLocale>

namespace kvlab::ui {
namespace {

// The plans are priced in US dollars, so the tables read as in the US whatever the system says.
const QLocale& tableLocale() {
  static const QLocale locale(QLocale::English, QLocale::UnitedStates);
  return locale;
}

}  // namespace

QString numberText(double value) {
  QString text = tableLocale().toString(value, 'f', 2);
  if (text.contains(QLatin1Char('.'))) {
    while (text.endsWith(QLatin1Char('0'))) text.chop(1);
    if (text.endsWith(QLatin1Char('.'))) text.chop(1);
  }
  return text == QStringLiteral("-0") ? QStringLiteral("0") : text;
}

QString dollarsText(double value) {
  return QStringLiteral("$") + tableLocale().toString(value, 'f', 2);
}

}  // namespace kvlab::ui
