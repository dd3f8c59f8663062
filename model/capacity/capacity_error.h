#pragma once

#include <string>
#include <string_view>

namespace kvlab::model::capacity {

// What went wrong, in a form a caller can branch on.
enum class ErrorCode {
  InvalidNumber,          // Number text that is not a decimal, or has more than 38 digits
  EmptySet,               // an SS, NS or BS with no element
  InvalidAttributeName,   // empty, or longer than 64 KB
  NestingTooDeep,         // Lists and Maps nested more than 32 levels
  ItemTooLarge,           // over 400 KB, alone or with its LSI entries
  InvalidKeyValue,        // a partition or sort key value that is empty or too long
  TooManyItems,           // a batch or transaction over its item count
  RequestTooLarge,        // a batch or transaction over its aggregate size
  UnsupportedConsistency  // a strongly consistent read of a global secondary index
};

// The code's name as the messages and documents spell it ("ItemTooLarge").
std::string_view errorCodeName(ErrorCode code);

// A rule of DynamoDB that an input breaks. `path` says where when it is inside a value (an
// attribute path such as `address.lines[2]`), or is empty; `message` is a full sentence naming the
// thing, the limit and the value found. A plain value; safe to copy and share across threads.
struct CapacityError {
  ErrorCode code = ErrorCode::InvalidNumber;
  std::string path;
  std::string message;
};

}  // namespace kvlab::model::capacity
