#pragma once

class QMessageBox;
class QWidget;

namespace kvlab::ui {

struct RecoveryFile;

// What to do with a recovery file a crash left behind.
enum class RecoveryChoice {
  Recover,  // open the autosaved project as unsaved changes to its file
  Discard,  // delete the recovery file
  Later,    // leave it (until this project is autosaved or saved again)
};

// The question the studio asks when it finds a recovery file: "Recover" (QMessageBox::Yes),
// "Discard" (QMessageBox::Discard) and "Later" (QMessageBox::Cancel, also Escape). Named
// "recoveryPrompt"; the caller owns it and shows it (exec(), or show() for a screenshot).
QMessageBox* createRecoveryPrompt(const RecoveryFile& file, QWidget* parent);

// Asks with createRecoveryPrompt, modally.
RecoveryChoice askAboutRecovery(const RecoveryFile& file, QWidget* parent);

}  // namespace kvlab::ui
