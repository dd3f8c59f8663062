#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

#include "model/capacity/price_sheet.h"
#include "tests/support/test_files.h"

namespace kvlab::test {

// The shop sample in the source tree: 4 entities, 8 access patterns (AP8 only a Scan can serve)
// and one design, "single-table", with two GSIs.
inline std::filesystem::path shopSample() {
  return sourceDir() / "samples" / "online-shop.kvlab.json";
}

// The price sheet the studio loads by default (data/prices/), shared as the main window shares it.
inline std::shared_ptr<const model::capacity::PriceSheet> defaultPrices() {
  auto load = model::capacity::PriceSheet::load(model::capacity::defaultPriceSheetPath());
  EXPECT_TRUE(load.ok()) << (load.errors.empty() ? "" : load.errors.front().message());
  if (!load.ok()) return nullptr;
  return std::make_shared<const model::capacity::PriceSheet>(std::move(*load.sheet));
}

}  // namespace kvlab::test
