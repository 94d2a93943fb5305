// NumError: how the numeric algorithms report a Python exception as a value
// (no C++ exceptions cross the runtime). See docs/runtime.md, "Numbers".
#pragma once

#include <string>
#include <utility>

namespace pyrite::python::runtime {

// kind names the Python exception class the caller raises; message is its
// exact CPython 3.11 text. kNone means success.
struct NumError {
  enum Kind {
    kNone,
    kValueError,
    kOverflowError,
    kZeroDivisionError,
    kTypeError,
    kMemoryError,
  };
  Kind kind = kNone;
  std::string message;

  bool ok() const { return kind == kNone; }
  static NumError value(std::string m) { return {kValueError, std::move(m)}; }
  static NumError overflow(std::string m) { return {kOverflowError, std::move(m)}; }
  static NumError zero_div(std::string m) { return {kZeroDivisionError, std::move(m)}; }
};

// A value or the error that replaced it.
template <class T>
struct NumResult {
  T value{};
  NumError error;

  NumResult() = default;
  NumResult(T v) : value(std::move(v)) {}  // NOLINT: implicit on purpose
  NumResult(NumError e) : error(std::move(e)) {}  // NOLINT
  bool ok() const { return error.ok(); }
};

}  // namespace pyrite::python::runtime
