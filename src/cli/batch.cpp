#include "cli/batch.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

#include "cli/sha256.hpp"

namespace xxgk::cli {

namespace {

// parse_file's limit: larger inputs are left to parse_file, which rejects them.
constexpr std::uint64_t kMaxReadBytes = xxgk::kMaxInputBytes;

// Reads a regular file whole, with one read(2) in the common case. False when the file cannot
// be opened or read, is not a regular file, or is larger than the limit: parse_file then
// reports why, as `xxgk parse` would.
bool read_whole(const std::string& path, std::string& out) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st {};
  bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) <= kMaxReadBytes;
  if (ok) {
    out.resize(static_cast<std::size_t>(st.st_size) + 1);  // +1: notice a file that grew
    std::size_t have = 0;
    for (;;) {
      if (have == out.size()) {
        if (out.size() > kMaxReadBytes) {
          ok = false;
          break;
        }
        out.resize(out.size() * 2);
      }
      const std::size_t want = out.size() - have;
      ssize_t n = ::read(fd, out.data() + have, want);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        ok = false;
        break;
      }
      if (n == 0) break;
      have += static_cast<std::size_t>(n);
      // A short read that reaches the size fstat gave is the end of a regular file: no second
      // read(2) just to see 0 (system calls are dear in this VM: 4 per file is the floor).
      if (static_cast<std::size_t>(n) < want && have >= static_cast<std::size_t>(st.st_size)) break;
    }
    out.resize(have);
  }
  ::close(fd);
  return ok;
}

void internal_error(ParseResult& r, const std::string& path, const char* what) {
  r = ParseResult{};
  r.record.path = path;
  r.record.diagnostics.push_back(
      {Severity::error, "internal-error", std::string("internal error while parsing: ") + what, {}, 0, 0});
  r.status = Status::rejected;
}

}  // namespace

unsigned hardware_jobs() { return std::max(1u, std::thread::hardware_concurrency()); }

BatchItem process_file(std::size_t index, const std::string& path, const BatchConfig& config) {
  BatchItem item;
  item.index = index;
  item.path = path;
  const std::string& name = index < config.names.size() ? config.names[index] : path;
  try {
    std::string bytes;
    if (read_whole(path, bytes)) {
      item.bytes = bytes.size();
      if (config.sha256) item.sha256 = sha256_hex(bytes);
      item.result = parse_bytes(std::move(bytes), name, config.parse);
    } else {
      item.result = parse_file(path, config.parse);
      item.result.record.path = name;
    }
  } catch (const std::exception& e) {
    internal_error(item.result, name, e.what());
  } catch (...) {
    internal_error(item.result, name, "unknown exception");
  }
  if (config.prepare) config.prepare(item);
  if (!config.keep_text) item.result.text = std::string();
  // Freed here, by the thread that allocated it: glibc frees from another thread's arena are
  // slower, and a record is a few hundred allocations.
  if (!config.keep_record) item.result.record = Record{};
  return item;
}

void run_batch(const std::vector<std::string>& paths, const BatchConfig& config,
               const std::function<void(BatchItem&)>& consume,
               const std::function<void(std::size_t)>& tick) {
  const std::size_t n = paths.size();
  if (n == 0) return;
  const unsigned jobs = static_cast<unsigned>(std::clamp<std::size_t>(config.jobs ? config.jobs : 1, 1, n));
  if (jobs == 1 && config.window == 0) {  // one core: the files one after the other in this thread, no handing over
    for (std::size_t i = 0; i < n; ++i) {
      BatchItem item = process_file(i, paths[i], config);
      consume(item);
      if (tick) tick(i + 1);
    }
    return;
  }
  const std::size_t window = std::max<std::size_t>(config.window ? config.window : 32 * std::size_t{jobs}, jobs);

  std::mutex m;
  std::condition_variable cv_ready;  // a slot was filled (the caller waits)
  std::condition_variable cv_space;  // the caller took an item (workers wait)
  std::vector<std::unique_ptr<BatchItem>> slots(window);
  std::size_t next = 0;      // next index to claim
  std::size_t consumed = 0;  // items handed to `consume`
  // The caller sleeps until item `wake_at` is done rather than the next one, so that it wakes
  // once for a run of `batch` items, not once per item (a futex wake and a context switch each).
  const std::size_t batch = std::clamp<std::size_t>(window / 4, 1, 16);
  std::size_t wake_at = 0;
  bool stop = false;
  std::exception_ptr failure;  // an exception a worker could not turn into a result

  auto work = [&] {
    for (;;) {
      std::size_t i;
      {
        std::unique_lock lk(m);
        cv_space.wait(lk, [&] { return stop || next >= n || next < consumed + window; });
        if (stop || next >= n) return;
        i = next++;
      }
      auto item = std::make_unique<BatchItem>(process_file(i, paths[i], config));
      bool wake;
      {
        std::lock_guard lk(m);
        wake = i == wake_at || i + 1 == n;
        slots[i % window] = std::move(item);
      }
      if (wake) cv_ready.notify_one();
    }
  };

  auto worker = [&] {
    try {
      work();
    } catch (...) {
      {
        std::lock_guard lk(m);
        if (!failure) failure = std::current_exception();
        stop = true;
      }
      cv_ready.notify_all();
      cv_space.notify_all();
    }
  };
  std::vector<std::thread> threads;
  threads.reserve(jobs);
  auto stop_and_join = [&] {
    {
      std::lock_guard lk(m);
      stop = true;
    }
    cv_space.notify_all();
    for (auto& t : threads)
      if (t.joinable()) t.join();
  };
  try {
    for (unsigned j = 0; j < jobs; ++j) threads.emplace_back(worker);
    while (consumed < n) {
      std::unique_ptr<BatchItem> item;
      {
        std::unique_lock lk(m);
        auto& slot = slots[consumed % window];
        if (!slot) {
          // Nothing ready: sleep until a run of items is (or the last one, or the one after a
          // run that finished out of order).
          const std::size_t run_end = std::min(consumed + batch, n) - 1;
          wake_at = slots[run_end % window] ? consumed : run_end;
        }
        while (!slot) {
          if (failure) std::rethrow_exception(failure);
          if (slots[wake_at % window] && wake_at != consumed) wake_at = consumed;
          if (cv_ready.wait_for(lk, std::chrono::milliseconds(100)) == std::cv_status::timeout && tick && !slot) {
            const std::size_t c = consumed;
            lk.unlock();
            tick(c);
            lk.lock();
          }
        }
        item = std::move(slot);
        ++consumed;
      }
      cv_space.notify_all();
      consume(*item);
      item.reset();
      if (tick) tick(consumed);
    }
  } catch (...) {
    stop_and_join();
    throw;
  }
  stop_and_join();
}

}  // namespace xxgk::cli
