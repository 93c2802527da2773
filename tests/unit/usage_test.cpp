// The command line's options, through the built binary: every way of giving a value; the exact
// line a usage error prints for each command (unknown option, missing value, bad -j, --format,
// --layout, --encoding, --color), status 2, nothing on stdout; --help of every command, which
// docs/cli.md shows exactly as it is printed.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "test_files.hpp"

namespace fs = std::filesystem;

namespace {

using xxgk::test::quote;
using xxgk::test::slurp;
using xxgk::test::TempDir;

const std::string kReport = quote((fs::path(XXGK_CORPUS_DIR) / "003_8ac5e3a1fa8dde41.txt").string());  // status 0

struct Result {
  int status;
  std::string out, err;
};

// `xxgk ARGS` (shell words), in the temporary directory `t`.
Result run(const TempDir& t, const std::string& args) {
  const auto o = t.path / "stdout.txt", e = t.path / "stderr.txt";
  const std::string cmd = "cd " + quote(t.path.string()) + " && " + quote(XXGK_BINARY) + " " + args + " >" +
                          quote(o.string()) + " 2>" + quote(e.string());
  const int st = std::system(cmd.c_str());
  REQUIRE(WIFEXITED(st));
  return {WEXITSTATUS(st), slurp(o), slurp(e)};
}

// The usage error of `command`: its line, then the hint.
std::string usage_error(const std::string& command, const std::string& line, const std::string& shows = "options") {
  return command + ": " + line + "\n(" + command + " --help shows the " + shows + ")\n";
}

}  // namespace

TEST_SUITE("usage") {
  TEST_CASE("a usage error is one line and a hint to --help on stderr, status 2, nothing on stdout") {
    TempDir t;
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"frobnicate", usage_error("xxgk", "unknown command 'frobnicate'", "commands")},
        {"--frobnicate", usage_error("xxgk", "unknown option '--frobnicate'", "commands")},
        // parse
        {"parse --frobnicate " + kReport, usage_error("xxgk parse", "unknown option '--frobnicate'")},
        {"parse -x " + kReport, usage_error("xxgk parse", "unknown option '-x'")},
        {"parse " + kReport + " --format", usage_error("xxgk parse", "--format needs a value: json|text")},
        {"parse --format=xml " + kReport, usage_error("xxgk parse", "--format: unknown value 'xml' (json, text)")},
        {"parse --layout csv " + kReport,
         usage_error("xxgk parse", "--layout: unknown layout 'csv' (the layouts: tsv, markdown, aligned, cell-lines, glued)")},
        {"parse --encoding=FOO " + kReport,
         usage_error("xxgk parse", "--encoding: unknown encoding 'FOO' (an iconv name: GB18030, UTF-16LE, …)")},
        {"parse --color sometimes " + kReport, usage_error("xxgk parse", "--color: unknown value 'sometimes' (auto, always, never)")},
        {"parse -o", usage_error("xxgk parse", "--output needs a value: FILE")},
        {"parse", usage_error("xxgk parse", "FILE is required")},
        // extract
        {"extract --frobnicate " + kReport + " --summary", usage_error("xxgk extract", "unknown option '--frobnicate'")},
        {"extract " + kReport + " -j", usage_error("xxgk extract", "--jobs needs a value: N")},
        {"extract " + kReport + " --summary -j0", usage_error("xxgk extract", "--jobs: '0' is not a number of threads from 1 to 1024")},
        {"extract " + kReport + " --summary --jobs=many",
         usage_error("xxgk extract", "--jobs: 'many' is not a number of threads from 1 to 1024")},
        {"extract " + kReport + " --summary -j 1025",
         usage_error("xxgk extract", "--jobs: '1025' is not a number of threads from 1 to 1024")},
        {"extract " + kReport + " --format xml",
         usage_error("xxgk extract", "--format: unknown value 'xml' (sqlite, csv, ndjson, jsonl)")},
        {"extract " + kReport + " --summary --layout=csv",
         usage_error("xxgk extract", "--layout: unknown layout 'csv' (the layouts: tsv, markdown, aligned, cell-lines, glued)")},
        {"extract " + kReport + " --summary --encoding FOO",
         usage_error("xxgk extract", "--encoding: unknown encoding 'FOO' (an iconv name: GB18030, UTF-16LE, …)")},
        {"extract " + kReport, usage_error("xxgk extract", "nothing to write: give -o FILE, --format or --summary")},
        {"extract " + kReport + " -o out.xml",
         usage_error("xxgk extract", "cannot tell the format of 'out.xml' from its extension (.sqlite .sqlite3 .db .csv "
                                     ".ndjson .jsonl); use --format")},
        {"extract - --summary", usage_error("xxgk extract", "extract reads files, not stdin ('-'); use xxgk parse -")},
        {"extract --summary", usage_error("xxgk extract", "PATH is required")},
        // test
        {"test --frobnicate corpus", usage_error("xxgk test", "unknown option '--frobnicate'")},
        {"test corpus --only", usage_error("xxgk test", "--only needs a value: PATTERN")},
        {"test corpus -j 0", usage_error("xxgk test", "--jobs: '0' is not a number of threads from 1 to 1024")},
        {"test", usage_error("xxgk test", "PATH is required")},
        // debug
        {"debug", usage_error("xxgk debug", "a command is needed: tree", "commands")},
        {"debug leaves " + kReport, usage_error("xxgk debug", "unknown command 'leaves'", "commands")},
        {"debug -x", usage_error("xxgk debug", "unknown option '-x'", "commands")},
        {"debug tree", usage_error("xxgk debug tree", "FILE is required")},
        {"debug tree --frobnicate " + kReport, usage_error("xxgk debug tree", "unknown option '--frobnicate'")},
        {"debug tree " + kReport + " " + kReport, usage_error("xxgk debug tree", "unexpected argument " + kReport)},
    };
    for (const auto& [args, err] : cases) {
      CAPTURE(args);
      const auto r = run(t, args);
      CHECK(r.status == 2);
      CHECK(r.out.empty());
      CHECK(r.err == err);
    }
  }

  TEST_CASE("--name VALUE, --name=VALUE, -xVALUE, --, - (standard input); the last of a repeated option counts") {
    TempDir t;
    const auto json = run(t, "parse -q " + kReport);
    REQUIRE(json.status == 0);
    const auto text = run(t, "parse -q --format text " + kReport);
    REQUIRE(text.status == 0);
    CHECK(run(t, "parse -q --format=text " + kReport).out == text.out);
    CHECK(run(t, "parse --format json -q --format text " + kReport).out == text.out);
    CHECK(run(t, "parse -qoout.json " + kReport).out.empty());
    CHECK(slurp(t.path / "out.json") == json.out);
    // "-" is standard input: the same record, named "-".
    const auto stdin_run = run(t, "parse -q - <" + kReport);
    CHECK(stdin_run.status == 0);
    CHECK(stdin_run.out.find("\"path\": \"-\"") != std::string::npos);
    // After "--", a name starting with '-' is a file.
    fs::copy_file(fs::path(XXGK_CORPUS_DIR) / "003_8ac5e3a1fa8dde41.txt", t.path / "-q.txt");
    const auto dashed = run(t, "parse -q --format text -- -q.txt");
    CHECK(dashed.status == 0);
    CHECK(dashed.out.find("宝鸡市科学技术局") != std::string::npos);
    CHECK(run(t, "parse -q --format=text " + kReport + " -- -q.txt").out == text.out + dashed.out);
    const auto missing = run(t, "parse -q " + kReport + " -- -v");  // after an operand too
    CHECK(missing.status == 2);
    CHECK(missing.err == "xxgk: -v: No such file or directory\n");
    CHECK(run(t, "parse --format=text -- " + kReport + " -q.txt").status == 0);
    // A file named like a command is a file.
    fs::copy_file(t.path / "-q.txt", t.path / "test");
    const auto named_test = run(t, "parse -q test");
    CHECK(named_test.status == 0);
    CHECK(named_test.out.find("\"path\": \"test\"") != std::string::npos);
    // Short options with their values attached; a command's options anywhere among its operands.
    const auto summary = run(t, "extract " + kReport + " -j2 --summary -q");
    CHECK(summary.status == 0);
    CHECK(summary.out.find("宝鸡市科学技术局\t2024\ttsv\tok") != std::string::npos);
    CHECK(run(t, "extract --jobs=1 --summary -q " + kReport).out == summary.out);
    CHECK(run(t, "extract -q -ox.csv " + kReport).status == 0);
    CHECK(slurp(t.path / "x.csv").starts_with("path,agency,year,table,row,column,value\r\n"));
    // Of two flags that say opposite things, the last counts.
    CHECK(run(t, "extract --summary " + kReport).err.find("1 files to parse") != std::string::npos);
    CHECK(run(t, "extract --summary --no-progress " + kReport).err.find("files to parse") == std::string::npos);
    CHECK(run(t, "extract --summary --no-progress --progress --no-progress " + kReport).err.find("files to parse") ==
          std::string::npos);
  }

  TEST_CASE("--help of every command lists every option, and docs/cli.md shows it as printed") {
    TempDir t;
    const std::vector<std::pair<std::string, std::vector<std::string>>> commands = {
        {"", {"-h, --help", "-V, --version", "parse", "extract", "test", "debug"}},
        {"parse",
         {"FILE...", "- reads standard input", "--format json|text", "--positions", "--layout NAME", "--encoding NAME",
          "-o, --output FILE", "-q, --quiet", "--color, --colour WHEN", "exit status"}},
        {"extract",
         {"PATH...", "-o, --output FILE", "--format sqlite|csv|ndjson|jsonl", "--summary", "-j, --jobs N", "--excel",
          "--layout NAME", "--encoding NAME", "--progress", "--no-progress", "-v, --verbose", "-q, --quiet",
          "--color, --colour WHEN", "--stats", "exit status"}},
        {"test", {"PATH...", "--update", "--only PATTERN", "--ignore PATTERN", "-j, --jobs N", "-q, --quiet", "exit status"}},
        {"debug", {"tree"}},
        {"debug tree", {"FILE"}},
    };
    const std::string docs = slurp(fs::path(XXGK_SOURCE_DIR) / "docs" / "cli.md");
    for (const auto& [command, listed] : commands) {
      CAPTURE(command);
      const auto help = run(t, command + " --help");
      CHECK(help.status == 0);
      CHECK(help.err.empty());
      CHECK(help.out.starts_with("usage: xxgk" + (command.empty() ? "" : " " + command)));
      CHECK(help.out.find("  -h, --help           print this help and exit\n") != std::string::npos);
      for (const auto& o : listed) CHECK_MESSAGE(help.out.find(o) != std::string::npos, o);
      CHECK(run(t, command + " -h").out == help.out);
      // docs/cli.md: "$ xxgk COMMAND --help" and what it prints, in one block.
      const std::string block = "```\n$ xxgk " + (command.empty() ? "" : command + " ") + "--help\n" + help.out + "```\n";
      CHECK_MESSAGE(docs.find(block) != std::string::npos, "docs/cli.md does not show " << block);
    }
    // No command: the help, on stderr, status 2.
    const auto none = run(t, "");
    CHECK(none.status == 2);
    CHECK(none.out.empty());
    CHECK(none.err == run(t, "--help").out);
    // docs/cli.md's example of a usage error is what the command says.
    const auto bad = run(t, "parse --layout csv report.txt");
    CHECK(docs.find("```\n$ xxgk parse --layout csv report.txt\n" + bad.err + "```\n") != std::string::npos);
  }
}
