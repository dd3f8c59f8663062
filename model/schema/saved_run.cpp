#include "model/schema/saved_run.h"

namespace kvlab::model {

const std::string& SavedRun::resultJson() const {
  static const std::string kEmpty;
  return result ? *result : kEmpty;
}

}  // namespace kvlab::model
