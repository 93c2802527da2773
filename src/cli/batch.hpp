// Parse many files on a pool of threads and hand the results over in input order.
//
// Workers claim the next input, read it (and hash it when asked), parse it and run the caller's
// `prepare` on it, all in parallel; the calling thread receives the items strictly in index
// order. At most `window` items are parsed ahead of the one the caller is waiting for, so memory
// stays bounded whatever the number of inputs. With one job (and no window asked for) there is
// no pool: the calling thread reads, parses and consumes each file in turn.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "xxgk/xxgk.hpp"

namespace xxgk::cli {

struct BatchItem {
  std::size_t index = 0;
  std::string path;
  ParseResult result;      // after `prepare`: text emptied unless keep_text, record unless keep_record
  std::string sha256;      // lowercase hex of the file's bytes; empty when not asked or unread
  std::uint64_t bytes = 0; // bytes read (0 when the file could not be read)
  std::string payload;     // what `prepare` wrote (an NDJSON line, CSV rows, ...)
  std::string summary;     // a second output `prepare` may fill (the --summary line)
  std::string messages;    // a third: what to print on stderr for this item
  std::string unsupported_format;  // and the format of a file xxgk does not read yet ("pdf"), if it is one
};

struct BatchConfig {
  unsigned jobs = 1;        // worker threads, at least 1
  std::size_t window = 0;   // items parsed ahead at most; 0 = 32 per worker
  ParseOptions parse;
  bool sha256 = false;      // hash each file's bytes
  bool keep_text = false;   // keep ParseResult::text (to render diagnostics)
  bool keep_record = true;  // keep ParseResult::record after `prepare` (false: only status is kept)
  std::function<void(BatchItem&)> prepare;  // on a worker thread, after parsing; may be empty
  // The name each input is parsed under (the record's path), by index; an input without one is
  // parsed under its path. (xxgk test names reports relative to a directory.)
  std::vector<std::string> names;
};

// Read, hash and parse one file: what each worker does. Never throws: an unreadable file or an
// internal error gives a rejected result with a diagnostic.
BatchItem process_file(std::size_t index, const std::string& path, const BatchConfig& config);

// Parses `paths` with `config.jobs` workers and calls `consume` on the calling thread for each
// item, in index order. `tick(consumed)` is called on the calling thread after each item and at
// least every 100 ms while waiting (for progress output). If `consume` or `tick` throws, the
// workers stop and the exception is rethrown once they have joined.
void run_batch(const std::vector<std::string>& paths, const BatchConfig& config,
               const std::function<void(BatchItem&)>& consume,
               const std::function<void(std::size_t consumed)>& tick = {});

// The number of hardware threads (at least 1).
unsigned hardware_jobs();

}  // namespace xxgk::cli
