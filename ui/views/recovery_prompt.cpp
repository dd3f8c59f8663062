#include "ui/views/recovery_prompt.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <memory>

#include "ui/document/recovery_store.h"

namespace kvlab::ui {

QMessageBox* createRecoveryPrompt(const RecoveryFile& file, QWidget* parent) {
  const QString when = QLocale().toString(file.written, QLocale::ShortFormat);
  const bool untitled = file.projectPath.isEmpty();
  auto* box = new QMessageBox(parent);
  box->setObjectName(QStringLiteral("recoveryPrompt"));
  box->setIcon(QMessageBox::Question);
  box->setWindowTitle(QObject::tr("Recover Unsaved Changes"));
  box->setText(
      untitled ? QObject::tr("KV Lab Studio did not close properly. An untitled project that was "
                             "never saved was kept by autosave at %1.")
                     .arg(when)
               : QObject::tr("KV Lab Studio did not close properly. Unsaved changes to “%1” were "
                             "kept by autosave at %2.")
                     .arg(QFileInfo(file.projectPath).fileName(), when));
  box->setInformativeText(
      untitled ? QObject::tr("Recover: open it as a new, unsaved project.\n"
                             "Discard: delete the autosaved copy.\n"
                             "Later: keep it for next time.")
               : QObject::tr("Recover: open them as unsaved changes; the file stays as it was "
                             "until you save.\n"
                             "Discard: delete the autosaved copy and open the file as saved.\n"
                             "Later: keep the copy for next time and open the file as saved.\n\n"
                             "File: %1")
                     .arg(QDir::toNativeSeparators(file.projectPath)));
  // Wide enough for a path on one line in most cases (QMessageBox's own width is narrow).
  box->setStyleSheet(QStringLiteral(
      "QLabel#qt_msgbox_label, QLabel#qt_msgbox_informativelabel { min-width: 520px; }"));
  box->setStandardButtons(QMessageBox::Yes | QMessageBox::Discard | QMessageBox::Cancel);
  box->button(QMessageBox::Yes)->setText(QObject::tr("Recover"));
  box->button(QMessageBox::Discard)->setText(QObject::tr("Discard"));
  box->button(QMessageBox::Cancel)->setText(QObject::tr("Later"));
  box->setDefaultButton(QMessageBox::Yes);
  box->setEscapeButton(QMessageBox::Cancel);
  return box;
}

RecoveryChoice askAboutRecovery(const RecoveryFile& file, QWidget* parent) {
  std::unique_ptr<QMessageBox> box(createRecoveryPrompt(file, parent));
  switch (box->exec()) {
    case QMessageBox::Yes:
      return RecoveryChoice::Recover;
    case QMessageBox::Discard:
      return RecoveryChoice::Discard;
    default:
      return RecoveryChoice::Later;
  }
}

}  // namespace kvlab::ui
