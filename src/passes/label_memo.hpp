// What label text reads as, kept per thread from report to report: the template's words repeat
// in every report (（一）予以公开, 1.属于国家秘密, 自然人 …), so normalising a label cell, reading it
// as a value and finding its template fragments is done once per distinct text, not once per
// cell. A pure cache: what it returns is what the passes would compute.
#pragma once

#include <string>
#include <string_view>

#include "passes/values.hpp"
#include "template/matcher.hpp"

namespace xxgk::passes::label_memo {

struct CellText {
  std::string text;  // normalised (text/normalise.hpp)
  bool changed;      // normalising changed it (else a grid views the tree's text)
  CellValue value;   // read_value(text)
  tmpl::Hits hits;   // matcher.scan(text) when it is no value (else none)
};

// Texts worth keeping: short ones are read directly (numbers, mostly), long ones rarely repeat.
inline bool wanted(std::string_view raw) { return raw.size() > 6 && raw.size() <= 120; }

// At the start of a report: the memo is emptied when full (a bound on its memory). What it
// returned for the report before is not used after this.
void start_report();

// A cell's text as written: its reading, valid until the next start_report().
const CellText& cell(std::string_view raw, const tmpl::Matcher& matcher);

// matcher.scan(text), for a label joined from several cells.
tmpl::Hits fragments(std::string_view text, const tmpl::Matcher& matcher);

}  // namespace xxgk::passes::label_memo
