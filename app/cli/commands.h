#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace kvlab::cli {

// Exit codes shared by every subcommand.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalid = 1;  // bad input: an invalid file, a failed conversion
inline constexpr int kExitUsage = 2;    // the command line itself is wrong

// Each adds one subcommand to `app`; its callback stores the exit code in `exitCode`.
void addValidateCommand(CLI::App& app, int& exitCode);
void addConvertCommand(CLI::App& app, int& exitCode);
void addSummaryCommand(CLI::App& app, int& exitCode);
void addPlanCommand(CLI::App& app, int& exitCode);
void addSimulateCommand(CLI::App& app, int& exitCode);
void addProposeCommand(CLI::App& app, int& exitCode);
void addCompareCommand(CLI::App& app, int& exitCode);
void addBenchCommand(CLI::App& app, int& exitCode);
void addImportCommand(CLI::App& app, int& exitCode);
void addExportCommand(CLI::App& app, int& exitCode);
void addReportCommand(CLI::App& app, int& exitCode);
void addCheckModelCommand(CLI::App& app, int& exitCode);
void addCalibrateCommand(CLI::App& app, int& exitCode);

// check-model for the relational and cache engines (calibrate_command.cpp): the calibrated model
// beside the real server at several loads; exit 1 beyond a factor of 1.5 up to 80% load.
int runLatencyCheck(const std::string& file, const std::string& engine,
                    const std::string& connection, const std::string& calibrationFile,
                    double seconds);

}  // namespace kvlab::cli
