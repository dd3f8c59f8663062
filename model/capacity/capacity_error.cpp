#include "model/capacity/capacity_error.h"

namespace kvlab::model::capacity {

std::string_view errorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::InvalidNumber:
      return "InvalidNumber";
    case ErrorCode::EmptySet:
      return "EmptySet";
    case ErrorCode::InvalidAttributeName:
      return "InvalidAttributeName";
    case ErrorCode::NestingTooDeep:
      return "NestingTooDeep";
    case ErrorCode::ItemTooLarge:
      return "ItemTooLarge";
    case ErrorCode::InvalidKeyValue:
      return "InvalidKeyValue";
    case ErrorCode::TooManyItems:
      return "TooManyItems";
    case ErrorCode::RequestTooLarge:
      return "RequestTooLarge";
    case ErrorCode::UnsupportedConsistency:
      return "UnsupportedConsistency";
  }
  return "Unknown";
}

}  // namespace kvlab::model::capacity
