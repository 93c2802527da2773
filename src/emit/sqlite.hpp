// The SQLite dataset of `xxgk extract` (schema in docs/extract.md): tables reports, cells,
// checks and diagnostics, with foreign keys (ON DELETE CASCADE) and indexes. Everything a run
// writes is one transaction; a report whose path is already in the database replaces it (paths
// compared canonical: absolute, links resolved). The table meta records which xxgk wrote it.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "xxgk/record.hpp"

namespace xxgk::sqlite {

// The schema version stored in PRAGMA user_version.
inline constexpr int kSchemaVersion = 5;

// The CREATE statements (idempotent: IF NOT EXISTS): tables and view, then secondary indexes.
extern const char* const kTables;
extern const char* const kIndexes;
extern const std::array<const char*, 9> kIndexNames;  // the indexes kIndexes creates

// "ok", "failed", "rejected".
const char* status_name(Status status);

class Writer {
 public:
  // Opens or creates the database, creates the schema when missing and begins the transaction.
  // Throws std::runtime_error when the file is not a database or its schema is another version.
  explicit Writer(const std::string& path);
  ~Writer();  // rolls back unless commit() was called
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  // One report: its row in `reports` (replacing a report with the same path and, by cascade,
  // its cells, checks and diagnostics) and, unless rejected, its cells; its checks and
  // diagnostics. `sha256` empty and `bytes` nullopt when the file could not be read.
  void add(const Record& record, Status status, std::string_view sha256, std::optional<std::uint64_t> bytes);

  // Commits the transaction. Throws on failure (the database is then left as it was).
  void commit();

  std::size_t replaced() const;  // reports that replaced one already in the database

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace xxgk::sqlite
