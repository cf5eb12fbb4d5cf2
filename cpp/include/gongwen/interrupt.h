// Stopping a long call from outside: Ctrl-C in a notebook. The core cannot see signals (and
// must not call into Python); the caller installs a check for the duration of a call, and the
// core's long loops poll it.
#pragma once

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
  explicit InterruptScope(std::function<bool()> check);
  ~InterruptScope();
  InterruptScope(const InterruptScope&) = delete;
  InterruptScope& operator=(const InterruptScope&) = delete;

 private:
  std::function<bool()> check_;
  const std::function<bool()>* outer_;
};

// Throws Interrupted when the check installed on this thread says to stop, or when the parallel
// job this thread works for is being stopped (another of its threads failed or was
// interrupted). Cheap: the check itself runs at most every few milliseconds.
void CheckInterrupt();

}  // namespace gongwen
