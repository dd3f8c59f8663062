#include "simulator/workload/zeta.h"

#include <cmath>

namespace kvlab::sim {

namespace {

// Below this many terms the sum is done term by term; above it, terms from here on are replaced by
// Euler-Maclaurin. At 1,024 the first omitted correction (B8 / 8! times the 7th derivative) is
// below 1e-25, far under double precision.
constexpr std::int64_t kDirectTerms = 1024;

// Sum of 1 / i^theta for i = first..last, largest terms last to keep rounding small, with
// Neumaier compensation.
double directSum(std::int64_t first, std::int64_t last, double theta) {
  double sum = 0.0;
  double compensation = 0.0;
  for (std::int64_t i = last; i >= first; --i) {
    const double term = std::pow(static_cast<double>(i), -theta);
    const double t = sum + term;
    if (std::fabs(sum) >= std::fabs(term)) {
      compensation += (sum - t) + term;
    } else {
      compensation += (term - t) + sum;
    }
    sum = t;
  }
  return sum + compensation;
}

// Sum of f(i) = i^-theta for i = a..b by Euler-Maclaurin: the integral of f from a to b,
// (f(a) + f(b)) / 2, and the B2, B4, B6 terms.
double eulerMaclaurinSum(double a, double b, double theta) {
  const double s = theta;
  double integral;
  if (std::fabs(1.0 - s) < 1e-300) {
    integral = std::log(b / a);
  } else {
    // a^(1-s) * ((b/a)^(1-s) - 1) / (1-s), with expm1 to avoid cancellation when s is near 1.
    integral = std::pow(a, 1.0 - s) * std::expm1((1.0 - s) * std::log(b / a)) / (1.0 - s);
  }
  const auto f = [s](double x) { return std::pow(x, -s); };
  // Odd derivatives of x^-s: f' = -s x^(-s-1), f''' = -s(s+1)(s+2) x^(-s-3), and so on.
  const auto d1 = [s](double x) { return -s * std::pow(x, -s - 1.0); };
  const auto d3 = [s](double x) { return -s * (s + 1) * (s + 2) * std::pow(x, -s - 3.0); };
  const auto d5 = [s](double x) {
    return -s * (s + 1) * (s + 2) * (s + 3) * (s + 4) * std::pow(x, -s - 5.0);
  };
  const double ends = (f(a) + f(b)) / 2.0;
  const double b2 = (d1(b) - d1(a)) / 12.0;
  const double b4 = -(d3(b) - d3(a)) / 720.0;
  const double b6 = (d5(b) - d5(a)) / 30240.0;
  return integral + ends + b2 + b4 + b6;
}

}  // namespace

double zeta(std::int64_t n, double theta) {
  if (n <= kDirectTerms) return directSum(1, n, theta);
  const double tail =
      eulerMaclaurinSum(static_cast<double>(kDirectTerms), static_cast<double>(n), theta);
  return directSum(1, kDirectTerms - 1, theta) + tail;
}

double zetaYcsb(std::int64_t n, double theta) { return zetaYcsb(0, n, theta, 0.0); }

double zetaYcsb(std::int64_t from, std::int64_t n, double theta, double initialSum) {
  double sum = initialSum;
  for (std::int64_t i = from; i < n; ++i) sum += 1 / std::pow(static_cast<double>(i + 1), theta);
  return sum;
}

}  // namespace kvlab::sim
