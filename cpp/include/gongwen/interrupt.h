// Stopping a long call from outside: Ctrl-C in a notebook. The core cannot see signals (and
// must not call into Python); the caller installs a check for the duration of a call, and the
// core's long loops poll it.
#pragma once

#include <chrono>
#include <functional>
#include <stdexcept>

namespace gongwen {

// Thrown out of a long call when the check installed on the calling thread said to stop.
class Interrupted : public std::runtime_error {
 public:
  Interrupted() : std::runtime_error("interrupted") {}
};

// While alive, long calls made on this thread poll `check` (on this thread, at most every few
// milliseconds) and throw Interrupted as soon as it returns true; the work they handed to other
// threads stops too. Scopes nest: the innermost check is the one polled.
class InterruptScope {
 public:
  // How often the check runs by default: often enough for Ctrl-C to feel immediate, rarely
  // enough to cost little (a Python check takes the GIL, which may mean waiting for it).
  static constexpr std::chrono::milliseconds kPollInterval{50};

  // Polls `check` at most every `interval` (zero: at every CheckInterrupt, for tests that count
  // the places a call checks).
  explicit InterruptScope(std::function<bool()> check,
                          std::chrono::nanoseconds interval = kPollInterval);
  ~InterruptScope();
  InterruptScope(const InterruptScope&) = delete;
  InterruptScope& operator=(const InterruptScope&) = delete;

 private:
  std::function<bool()> check_;
  std::chrono::nanoseconds interval_;
  const InterruptScope* outer_;
  friend void CheckInterrupt();
};

// Throws Interrupted when the check installed on this thread says to stop, or when the parallel
// job this thread works for is being stopped (another of its threads failed or was
// interrupted). Cheap: the check itself runs at most every few milliseconds.
void CheckInterrupt();

}  // namespace gongwen
